using System.Text;
using FluentAssertions;
using PairingRules.Csv;
using Xunit;

namespace PairingRules.Tests.Csv;

/// <summary>
/// What Excel leaves in the CSV files it exports, and how <see cref="RosterCsv"/> reads them: rows of separators only,
/// a title above the header, empty trailing columns, "Unicode text" (UTF-16, tab-separated), long ids turned into numbers
/// in scientific notation.
/// </summary>
public sealed class ExcelHabitsTests
{
    private const string Header = "id,township,village,poor_village,deep_poverty";
    private const string Helpers = "id,category,township,village,tier\nT1,township-cadre,东乡,,\n";

    [Fact]
    public void Read_RowsOfSeparatorsOnly_AreSkippedLikeEmptyLines()
    {
        var roster = Read($",,,,\n{Header}\n,,,,\nH1,东乡,东村,是,否\n , ,,,\n\nH2,东乡,东村,是,否\n,,,,\n,,,,\n", Helpers);

        roster.Households.Select(h => h.Id).Should().Equal("H1", "H2");
    }

    [Fact]
    public void Read_TitleAboveTheHeader_IsSkippedAndLinesStayTheFileLines()
    {
        var act = () => Read($"兴县2017年建档立卡贫困户名册,,,,\n{Header}\nH1,东乡,东村,是,否\nH2,,东村,是,否\n", Helpers);

        Problems(act).Should().Equal("households.csv:4:2: township: a household needs a township");
        Read($"\"兴县2017年建档立卡贫困户名册\"\n\n（单位：户）,,,,\n{Header}\nH1,东乡,东村,是,否\n", Helpers).Households.Single().Id.Should().Be("H1");
    }

    [Fact]
    public void Read_HeaderBelowALineThatIsNoTitle_IsOneProblemNamingTheHeaderLine()
    {
        var act = () => Read($"兴县贫困户名册,,,填报日期：2017年7月,\n{Header}\nH1,东乡,东村,是,否\n", Helpers);

        Problems(act).Should().Equal(
            "households.csv:1: the header is on line 2 (it names id, township, village, poor_village, deep_poverty), but this line above it holds more than a title; delete the lines above the header, or keep only a title there, in one cell");
    }

    [Fact]
    public void Read_DataAboveTheHeader_IsRefusedNotDropped()
    {
        var act = () => Read($"H1,东乡,东村,是,否\n户编号,乡镇,村,是否贫困村,是否深度贫困户,家庭人口数,人均纯收入\nH2,东乡,东村,是,否,3,2000\n", Helpers);

        Problems(act).Should().Equal(
            "households.csv:1: the header is on line 2 (it names 户编号, 乡镇, 村, 是否贫困村, 是否深度贫困户, 家庭人口数 …), but this line above it holds more than a title; delete the lines above the header, or keep only a title there, in one cell");
    }

    [Fact]
    public void Read_EmptyColumnsAfterTheHeader_AreDropped()
    {
        var roster = Read($"{Header},,\nH1,东乡,东村,是,否,,\nH2,东乡,东村,是,否,,,\n", Helpers);

        roster.Households.Select(h => h.Id).Should().Equal("H1", "H2");
        roster.Households[0].Attributes.Should().BeEmpty();
    }

    [Fact]
    public void Read_ValueUnderAnEmptyTrailingHeader_IsStillAColumnWithoutAHeader()
    {
        Problems(() => Read($"{Header},\nH1,东乡,东村,是,否,x\n", Helpers)).Should().Equal(
            "households.csv:1:6: column 6 has no header; name it or delete the column");
    }

    [Fact]
    public void Read_ExcelUnicodeText_Utf16TabSeparated()
    {
        var text = "\uFEFF兴县2017年建档立卡贫困户名册\t\t\t\t\t\r\n户编号\t乡镇\t村\t是否贫困村\t是否深度贫困户\t户主姓名\r\nH1\t东乡\t东村\t是\t否\t\"张\t三\"\r\nH2\t东乡\t东村\t是\t是\t李四, 王五\r\n";
        var households = Encoding.Unicode.GetBytes(text);

        var roster = RosterCsv.Read(new MemoryStream(households), "households.txt", Stream(Helpers), "helpers.csv");

        roster.Households.Select(h => $"{h.Id} {h.Attribute("name")} {h.DeepPoverty}").Should().Equal("H1 张\t三 False", "H2 李四, 王五 True");
        CsvTable.DetectSeparator(text).Should().Be('\t');
        CsvTable.DetectSeparator("\t\t\n,\t\t\nid,a\tb,c\n").Should().Be(',', "lines of separators only do not decide");
    }

    [Fact]
    public void Read_FieldCountOfATabSeparatedLine_SaysTabs()
    {
        Problems(() => Read($"{Header.Replace(',', '\t')}\nH1\t东乡\t东村\t是\n", Helpers)).Should().Equal(
            "households.csv:2: this line has 4 fields but the header has 5; put quotes around values that contain tabs");
    }

    [Fact]
    public void Read_IdsInScientificNotation_OneProblemPerColumnNotAFloodOfDuplicates()
    {
        var rows = string.Concat(Enumerable.Range(0, 2_286).Select(i => $"1.41123E+17,东乡,东村,是,否,{(i == 5 ? "1.41123E+17" : string.Empty)}\n"));

        var act = () => Read($"{Header},helper\nH0,东乡,东村,是,否,\n{rows}", "id,category,township,village\n1.41123E+17,township-cadre,东乡,\n");

        Problems(act).Should().Equal(
            "households.csv:3:1: id: '1.41123E+17' and 2,285 more ids of this column (the last on line 2288) are in scientific notation: Excel took the ids for numbers, which keep 15 digits at most, so their last digits are lost; format the column as text in Excel (Format Cells > Text), enter or import the ids again as text, and export the file again",
            "households.csv:8:6: helper: '1.41123E+17' is an id in scientific notation: Excel took the id for a number, which keeps 15 digits at most, so its last digits are lost; format the column as text in Excel (Format Cells > Text), enter or import the ids again as text, and export the file again",
            "helpers.csv:2:1: id: '1.41123E+17' is an id in scientific notation: Excel took the id for a number, which keeps 15 digits at most, so its last digits are lost; format the column as text in Excel (Format Cells > Text), enter or import the ids again as text, and export the file again");
    }

    [Theory]
    [InlineData("1.41123E+17", true)]
    [InlineData("1E+15", true)]
    [InlineData("4.5e+18", true)]
    [InlineData("1.41123E17", false)]
    [InlineData("1.41123E-17", false)]
    [InlineData("E+17", false)]
    [InlineData("1.E+17", false)]
    [InlineData("H1E+17", false)]
    [InlineData("1.4A123E+17", false)]
    public void Read_OnlyExcelsScientificNotation_IsALostId(string id, bool lost)
    {
        var act = () => Read($"{Header}\n{id},东乡,东村,是,否\n", Helpers);

        if (lost)
        {
            Problems(act).Should().ContainSingle().Which.Should().StartWith($"households.csv:2:1: id: '{id}' is an id in scientific notation");
        }
        else
        {
            act().Households.Single().Id.Should().Be(id);
        }
    }

    private static Roster Read(string households, string helpers) =>
        RosterCsv.Read(Stream(households), "households.csv", Stream(helpers), "helpers.csv");

    private static string[] Problems(Func<Roster> read) =>
        read.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).ToArray();

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
