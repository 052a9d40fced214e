using System.Text;
using FluentAssertions;
using PairingRules.Csv;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>
/// The tool reads a rule file (<c>validate</c>, <c>--rules</c>) as UTF-8 or as UTF-16 with a byte-order mark; a rule
/// file saved as GB18030 (Notepad's "ANSI" on a Chinese system) exits 2 with the place of its first Chinese byte and how
/// to save it as UTF-8, instead of loading with garbled Chinese text.
/// </summary>
public sealed class RuleFileEncodingTests
{
    private const string HowToSave =
        "in Notepad, File > Save As, Encoding \"UTF-8\"; in VS Code, click the encoding in the status bar, " +
        "\"Reopen with Encoding\" (the file's encoding, for example GB 18030), then \"Save with Encoding\", \"UTF-8\"";

    [Fact]
    public void Validate_XingRulesSavedAsGb18030_ExitsTwoWithTheLineAndHowToSaveAsUtf8()
    {
        using var temp = new TempFolder();
        var path = temp.File("xing-county.json");
        File.WriteAllBytes(path, RosterCsv.GB18030.GetBytes(File.ReadAllText(Cli.RulesPath)));

        var run = Cli.Run("validate", path);

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Be(
            $"{path}:4:13: the rule file is not UTF-8: the bytes D0 CB CF D8 here are not valid UTF-8; it looks saved as GBK/GB18030 (what Notepad " +
            "calls \"ANSI\" on a Chinese system), in which this line reads `\"title\": \"兴县帮扶责任人结对规则 (Xing County, Shanxi, 2017)\",`. " +
            $"Rule files are read as UTF-8, so its text would be garbled: save it as UTF-8: {HowToSave}\n" +
            $"pairing-rules: Rule set '{path}' has 1 problem.\n");
    }

    [Fact]
    public void Solve_RulesSavedAsGb18030_ExitsTwoAndSolvesNothing()
    {
        using var temp = new TempFolder();
        var rules = temp.File("rules.json");
        File.WriteAllBytes(rules, RosterCsv.GB18030.GetBytes(File.ReadAllText(Cli.RulesPath)));
        File.WriteAllText(temp.File("households.csv"), "id,township,village,poor_village,deep_poverty\nH1,东乡,东村,true,true\n");
        File.WriteAllText(temp.File("helpers.csv"), "id,category,township,village,tier\nT1,township-cadre,东乡,,\n");

        var run = Cli.Run("solve", "--rules", rules, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", temp.File("result.json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith($"{rules}:4:13: the rule file is not UTF-8: the bytes D0 CB CF D8 here are not valid UTF-8;");
        File.Exists(temp.File("result.json")).Should().BeFalse();
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-8-bom")]
    public void Validate_XingRulesInAnotherAcceptedEncoding_PrintsTheChineseLabels(string encoding)
    {
        using var temp = new TempFolder();
        var path = temp.File("xing-county.json");
        var text = File.ReadAllText(Cli.RulesPath);
        File.WriteAllBytes(path, encoding switch
        {
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        });

        var run = Cli.Run("validate", path);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("   9. village-committee (村“两委”干部): scope village, exactly 1\n");
    }
}
