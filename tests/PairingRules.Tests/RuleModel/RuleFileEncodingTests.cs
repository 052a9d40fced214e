using System.Text;
using FluentAssertions;
using PairingRules.Audit;
using PairingRules.Csv;
using PairingRules.RuleModel;
using Xunit;

namespace PairingRules.Tests.RuleModel;

/// <summary>
/// Rule files are read as UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark; anything else is a
/// located error that says how to save the file as UTF-8, never garbled text. The files under TestData/rules/encodings
/// are one Chinese rule file saved by iconv in each encoding, so the bytes are what an editor writes, not what .NET's
/// encoders produce.
/// </summary>
public sealed class RuleFileEncodingTests
{
    private const string HowToSave =
        "in Notepad, File > Save As, Encoding \"UTF-8\"; in VS Code, click the encoding in the status bar, " +
        "\"Reopen with Encoding\" (the file's encoding, for example GB 18030), then \"Save with Encoding\", \"UTF-8\"";

    [Theory]
    [InlineData("utf-8.json")]
    [InlineData("utf-8-bom.json")]
    [InlineData("utf-16le-bom.json")]
    [InlineData("utf-16be-bom.json")]
    public void Load_AcceptedEncoding_ReadsTheChineseTextAsWritten(string file)
    {
        var rules = RuleSet.Load(Encoded(file));

        rules.Title.Should().Be("监测户由乡镇干部包扶");
        rules.Groups.Select(g => g.Label).Should().Equal("扶贫办干部", "乡镇干部");
        rules.Groups[0].HelpersExpression.Should().Be("helper.Unit == \"县扶贫办\"");
        rules.Groups[0].HouseholdsExpression.Should().Be("household.Attribute(\"监测户\") != \"是\"");
    }

    [Theory]
    [InlineData("utf-8.json")]
    [InlineData("utf-8-bom.json")]
    [InlineData("utf-16le-bom.json")]
    [InlineData("utf-16be-bom.json")]
    public void Solve_AcceptedEncoding_ChineseComparisonsMatch(string file)
    {
        var roster = new Roster(
            [
                new Household("H1", "东乡", "东村", poorVillage: true, deepPoverty: false, attributes: new Dictionary<string, string> { ["监测户"] = "是" }),
                new Household("H2", "东乡", "东村", poorVillage: true, deepPoverty: false, attributes: new Dictionary<string, string> { ["监测户"] = "否" }),
                new Household("H3", "东乡", "东村", poorVillage: true, deepPoverty: false, attributes: new Dictionary<string, string> { ["监测户"] = "否" }),
            ],
            [
                new Helper("P1", "ordinary-staff", unit: "县扶贫办"),
                new Helper("T1", "township-cadre", township: "东乡"),
            ]);

        var result = RuleSet.Load(Encoded(file)).Solve(roster);

        result.Pairings.Select(p => $"{p.HouseholdId}->{p.HelperId}").Should().Equal("H1->T1", "H2->P1", "H3->P1");
    }

    [Fact]
    public void Load_Gb18030File_IsRefusedAtTheFirstChineseByteWithHowToSaveAsUtf8()
    {
        var path = Encoded("gb18030.json");

        var problem = FluentActions.Invoking(() => RuleSet.Load(path)).Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Subject;

        problem.ToString().Should().Be(
            $"{path}:3:13: the rule file is not UTF-8: the bytes BC E0 B2 E2 here are not valid UTF-8; it looks saved as GBK/GB18030 (what Notepad " +
            "calls \"ANSI\" on a Chinese system), in which this line reads `\"title\": \"监测户由乡镇干部包扶\",`. Rule files are read as UTF-8, so " +
            $"its text would be garbled: save it as UTF-8: {HowToSave}");
    }

    [Fact]
    public void Load_Utf16WithoutByteOrderMark_IsRefusedAtItsFirstNulByte()
    {
        var path = Encoded("utf-16le-no-bom.json");

        var problem = FluentActions.Invoking(() => RuleSet.Load(path)).Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Subject;

        problem.ToString().Should().Be(
            $"{path}:1:2: the rule file is not UTF-8 text: it holds a NUL byte (0x00) here, as UTF-16 saved without a byte-order mark does; save it as UTF-8: {HowToSave}");
    }

    [Fact]
    public void Load_AuditFileInGb18030_IsRefusedTheSameWay()
    {
        var path = Path.Combine(Path.GetTempPath(), $"audit-gb18030-{Environment.ProcessId}.json");
        File.WriteAllBytes(path, RosterCsv.GB18030.GetBytes("[\n  {\n    \"WorkflowName\": \"helper\",\n    \"Rules\": [ { \"RuleName\": \"x\", \"ErrorMessage\": \"无户\", \"Expression\": \"true\" } ]\n  }\n]\n"));
        try
        {
            var problem = FluentActions.Invoking(() => AuditWorkflow.Load(path)).Should().Throw<AuditWorkflowException>().Which.Problems.Should().ContainSingle().Subject;

            problem.ToString().Should().Be(
                $"{path}:4:52: the audit file is not UTF-8: the bytes CE DE BB A7 here are not valid UTF-8; it looks saved as GBK/GB18030 (what Notepad " +
                "calls \"ANSI\" on a Chinese system), in which this line reads `\"Rules\": [ { \"RuleName\": \"x\", \"ErrorMessage\": \"无户\", \"Express…`. " +
                $"Audit files are read as UTF-8, so its text would be garbled: save it as UTF-8: {HowToSave}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', 0xFF, (byte)'}' }, "f.json:1:2: the rule file is not UTF-8: the bytes FF 7D here are not valid UTF-8. Rule files are read as UTF-8, so its text would be garbled: save it as UTF-8: ")]
    [InlineData(new byte[] { (byte)'{', (byte)'\n', (byte)' ', 0xE4, 0xB8 }, "f.json:2:2: the rule file is not UTF-8: the bytes E4 B8 here are not valid UTF-8. Rule files are read as UTF-8, so its text would be garbled: save it as UTF-8: ")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'{', 0, (byte)'\n', 0, 0x00, 0xDC }, "f.json:2:1: the rule file starts with a UTF-16 little-endian byte-order mark but is not valid UTF-16 here: a lone low surrogate; save it as UTF-8: ")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'{', 0xD8, 0x00 }, "f.json:1:2: the rule file starts with a UTF-16 big-endian byte-order mark but is not valid UTF-16 here: a lone high surrogate; save it as UTF-8: ")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'{', 0, (byte)'}' }, "f.json:1:2: the rule file starts with a UTF-16 little-endian byte-order mark but is not valid UTF-16 here: an odd number of bytes (the last character is cut off); save it as UTF-8: ")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0, (byte)'{', 0, 0, 0 }, "f.json:1:1: the rule file is UTF-32 (it starts with a UTF-32 byte-order mark); rule files are UTF-8 (or UTF-16 with a byte-order mark): save it as UTF-8: ")]
    public void Parse_BytesNotInAnAcceptedEncoding_AreALocatedProblem(byte[] bytes, string expected)
    {
        var problem = FluentActions.Invoking(() => RuleSet.ParseBytes(bytes, "f.json")).Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Subject;

        problem.ToString().Should().Be(expected + HowToSave);
    }

    [Fact]
    public void Decode_Utf8ByteOrderMark_IsDroppedAndTheRestKept()
    {
        var problems = new List<InputProblem>();

        RuleFileText.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"名\":1}")], "f.json", "rule file", problems).Should().Be("{\"名\":1}");
        RuleFileText.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("{\"名\":1}")], "f.json", "rule file", problems).Should().Be("{\"名\":1}");
        RuleFileText.Decode([], "f.json", "rule file", problems).Should().BeEmpty();
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Load_FileAboveTheByteLimit_IsRefusedUnread()
    {
        var path = Path.Combine(Path.GetTempPath(), $"too-long-{Environment.ProcessId}.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(RuleFileText.MaxBytes + 1);
        }

        try
        {
            FluentActions.Invoking(() => RuleSet.Load(path)).Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle()
                .Which.ToString().Should().Be($"{path}:1:1: the rule file is 4000005 bytes long; the limit is 1000000 characters");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Encoded(string file) => TestPaths.Data("rules", "encodings", file);
}
