using System.Text;
using FluentAssertions;
using PairingRules.Csv;
using Xunit;

namespace PairingRules.Tests.Csv;

/// <summary>
/// The documented limits of roster files (docs/roster-format.md, "Limits"): each is accepted, and one more is refused
/// with a <see cref="RosterException"/> that names the file and the line.
/// </summary>
public sealed class RosterLimitTests
{
    private const string HouseholdHeader = "id,township,village,poor_village,deep_poverty";
    private const string Helpers = "id,category,township,village,tier\nT1,township-cadre,东乡,,\n";

    [Theory]
    [InlineData(4096, true)]
    [InlineData(4097, false)]
    public void Read_FieldLength_AcceptedUpToTheLimit(int length, bool accepted)
    {
        var act = () => Read($"{HouseholdHeader},note\nH1,东乡,东村,true,false,{new string('x', length)}\n", Helpers);

        Limits.Expect<RosterException, Roster>(act, accepted, "households.csv:2:6: note: the value is 4097 characters long; the limit is 4096")
            ?.Households[0].Attribute("note").Should().HaveLength(length);
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(257, false)]
    public void Read_ColumnCount_AcceptedUpToTheLimit(int columns, bool accepted)
    {
        var extra = columns - 5;
        var header = HouseholdHeader + string.Concat(Enumerable.Range(1, extra).Select(i => $",a{i}"));
        var row = "H1,东乡,东村,true,false" + new string(',', extra);

        var act = () => Read($"{header}\n{row}\n", Helpers);

        Limits.Expect<RosterException, Roster>(act, accepted, "households.csv:1: the header has 257 columns; the limit is 256")
            ?.Households[0].Attributes.Should().HaveCount(extra);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Parse_RecordCount_AcceptedUpToTheLimit(int records, bool accepted)
    {
        var problems = new List<InputProblem>();
        var text = HouseholdHeader + "\n" + string.Concat(Enumerable.Range(1, records).Select(i => $"H{i},东乡,东村,true,false\n"));

        var table = CsvTable.Parse(text, "households.csv", HouseholdHeader, maxRecords: 3, "household", problems);

        if (accepted)
        {
            table!.Records.Should().HaveCount(3);
            problems.Should().BeEmpty();
        }
        else
        {
            table.Should().BeNull();
            problems.Select(p => p.ToString()).Should().Equal("households.csv:5: more than 3 households (this line is the first beyond the limit of 3)");
        }
    }

    [Fact]
    public void Limits_AreTheDocumentedOnes()
    {
        (RosterLimits.MaxHouseholds, RosterLimits.MaxHelpers, RosterLimits.MaxFieldLength, RosterLimits.MaxColumns, RosterLimits.MaxFileBytes)
            .Should().Be((5_000_000, 1_000_000, 4_096, 256, 512L * 1024 * 1024));
        var docs = File.ReadAllText(Path.Combine(TestPaths.SourceData("..", "..", "..", "docs", "roster-format.md")));
        docs.Should().Contain("5,000,000 households").And.Contain("1,000,000 helpers").And.Contain("4,096 characters").And.Contain("256 columns").And.Contain("512 MiB");
    }

    [Fact]
    public void Read_UnclosedQuoteOverMoreThanFourMebibytes_IsRefusedAtItsLine()
    {
        var act = () => Read($"{HouseholdHeader}\nH1,东乡,东村,true,false\nH2,\"{new string('x', 5 * 1024 * 1024)}\n", Helpers);

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString())
            .Should().Equal("households.csv:3: a record is longer than 4 MiB; look for a quote (\") that is never closed");
    }

    [Fact]
    public void Read_StreamLongerThan512MiB_IsRefusedBeforeReading()
    {
        var act = () => RosterCsv.Read(new HugeStream(), "households.csv", new MemoryStream(Encoding.UTF8.GetBytes(Helpers)), "helpers.csv");

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString())
            .Should().Equal("households.csv:1: the file is 600,000,000 bytes, above the limit of 536,870,912 bytes (512 MiB) for a roster file; split the county or leave out columns the rules do not read");
    }

    [Fact]
    public void Read_FileLongerThan512MiB_IsRefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pairing-rules-huge-{Environment.ProcessId}.csv");
        try
        {
            using (var sparse = new FileStream(path, FileMode.Create))
            {
                sparse.SetLength(RosterLimits.MaxFileBytes + 1);
            }

            var helpers = Path.ChangeExtension(path, ".helpers.csv");
            File.WriteAllText(helpers, Helpers);
            var act = () => RosterCsv.Read(path, helpers);

            act.Should().Throw<RosterException>().Which.Problems.Should().ContainSingle()
                .Which.ToString().Should().Be($"{path}:1: the file is 536,870,913 bytes, above the limit of 536,870,912 bytes (512 MiB) for a roster file; split the county or leave out columns the rules do not read");
            File.Delete(helpers);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_NegativeZeroIncome_IsZero()
    {
        var roster = Read($"{HouseholdHeader},income\nH1,东乡,东村,true,false,-0\n", Helpers);

        roster.Households[0].Income.Should().Be(0m);
        decimal.IsNegative(roster.Households[0].Income).Should().BeFalse();
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_IsDetected()
    {
        var households = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes($"{HouseholdHeader}\nH1,东乡,东村,是,否\n")).ToArray();

        var roster = RosterCsv.Read(new MemoryStream(households), "households.csv", new MemoryStream(Encoding.UTF8.GetBytes(Helpers)), "helpers.csv");

        roster.Households.Single().Township.Should().Be("东乡");
    }

    private static Roster Read(string households, string helpers) =>
        RosterCsv.Read(
            new MemoryStream(Encoding.UTF8.GetBytes(households)), "households.csv",
            new MemoryStream(Encoding.UTF8.GetBytes(helpers)), "helpers.csv");

    /// <summary>A seekable stream that says it holds 600,000,000 bytes and holds none.</summary>
    private sealed class HugeStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => 600_000_000;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("must not be read");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
