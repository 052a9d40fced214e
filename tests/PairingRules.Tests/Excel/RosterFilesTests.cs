using System.Globalization;
using System.Text;
using FluentAssertions;
using PairingRules.Csv;
using PairingRules.Excel;
using Xunit;

namespace PairingRules.Tests.Excel;

/// <summary>
/// Rosters read from Excel workbooks by <see cref="RosterFiles"/>: the same columns, rules and problems as CSV, each
/// cell read as the value it holds, problems located at the cell as Excel names it.
/// </summary>
public sealed class RosterFilesTests
{
    private static readonly object?[] HouseholdHeader = ["id", "township", "village", "poor_village", "deep_poverty"];
    private static readonly object?[] HelperHeader = ["id", "category", "township", "village", "tier"];
    private static readonly TestSheet Helpers = new("Sheet1", HelperHeader, ["T1", "township-cadre", "东乡", "", ""]);

    [Fact]
    public void Read_WorkbookAndCsvOfTheSameCounty_AreTheSameRoster()
    {
        const string households = "户编号,乡镇,村,是否贫困村,是否深度贫困户,家庭人口数,人均纯收入,帮扶责任人,致贫原因\n" +
                                  "H1,东乡,东村,是,否,3,2300.5,V1,因病\nH2,东乡,东村,是,是,1,0,,缺技术\nH3,西乡,西村,否,否,6,4100,,\n";
        const string helpers = "编号,类别,乡镇,村,企业类别,姓名\nV1,村两委干部,,东村,,张三\nE1,企业,,,一类,兴县煤业\nT1,乡镇干部,东乡,,,李四\nT2,乡镇干部,西乡,,,王五\n";

        var fromCsv = RosterCsv.Read(Stream(households), "households.csv", Stream(helpers), "helpers.csv");
        var fromWorkbooks = RosterFiles.Read(
            new MemoryStream(TestWorkbook.Create(TestWorkbook.FromCsv("户表", households))), "households.xlsx",
            new MemoryStream(TestWorkbook.Create(TestWorkbook.FromCsv("责任人", helpers))), "helpers.xlsx");

        fromWorkbooks.Households.Should().BeEquivalentTo(fromCsv.Households, o => o.WithStrictOrdering());
        fromWorkbooks.Helpers.Should().BeEquivalentTo(fromCsv.Helpers, o => o.WithStrictOrdering());
        fromWorkbooks.FindHelper("V1")!.Should().BeEquivalentTo(new { Township = "东乡", PoorVillage = true, Category = "village-committee" });
    }

    [Theory]
    [InlineData("")]
    [InlineData("zh-CN")]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    public void Read_TypedCells_AreReadAsTheirValuesUnderEveryCulture(string culture)
    {
        var households = new TestSheet(
            "Sheet1",
            [.. HouseholdHeader, "members", "income", "helper", "registered", "visited", "score", "note", "label"],
            [12, "东乡", "东村", true, false, 3, 2300.5, new TestFormatted(7, "0000"), new DateTime(2017, 7, 7), new DateTime(2017, 7, 7, 8, 30, 0), new TestFormula("0.1+0.2", "0.30000000000000004"), new TestError("#N/A"), new TestFormula("\"第\"&1&\"组\"", "第1组")],
            [new TestFormatted(12, "0000"), "东乡", "东村", "TRUE", "FALSE", 1, 0, "", new TestFormatted(42923.5, "yyyy\"年\"m\"月\"d\"日\""), "", 141123199001011, "", ""]);
        var helpers = new TestSheet("Sheet1", HelperHeader, ["7", "township-cadre", "东乡", "", ""], ["0007", "township-cadre", "东乡", "", ""]);

        var roster = WithCulture(culture, () => Read(households, helpers));

        roster.Households.Select(h => h.Id).Should().Equal("12", "0012");
        roster.Households[0].Should().BeEquivalentTo(new { PoorVillage = true, DeepPoverty = false, Members = 3, Income = 2300.5m, CurrentHelper = "0007" });
        roster.Households[0].Attributes.Should().Equal(new Dictionary<string, string>
        {
            ["registered"] = "2017-07-07",
            ["visited"] = "2017-07-07 08:30:00",
            ["score"] = "0.3",
            ["note"] = "#N/A",
            ["label"] = "第1组",
        });
        roster.Households[1].Should().BeEquivalentTo(new { PoorVillage = true, DeepPoverty = false, Members = 1, Income = 0m, CurrentHelper = (string?)null });
        roster.Households[1].Attribute("registered").Should().Be("2017-07-07 12:00:00", "a date format of a Chinese Excel is a date too");
        roster.Households[1].Attribute("score").Should().Be("141123199001011", "a number of 15 digits is exact");
    }

    [Fact]
    public void Read_LongIdsStoredAsNumbers_OneProblemPerColumnAndNoDuplicates()
    {
        var households = new TestSheet(
            "户表",
            [.. HouseholdHeader, "helper"],
            [141123199001011234, "东乡", "东村", "是", "否", 141123199001011999], // Excel holds 1.41123199001012E+17
            [141123199001011235, "东乡", "东村", "是", "否", ""],
            [141123199001011236, "东乡", "东村", "是", "否", ""],
            ["H4", "东乡", "东村", "是", "否", ""]);

        var act = () => Read(households, Helpers);

        Problems(act).Should().Equal(
            "households.xlsx!户表!A2: id: '1.41123199001011E+17' and 2 more ids of this column (the last on row 4) are in scientific notation: Excel took the ids for numbers, which keep 15 digits at most, so their last digits are lost; format the column as text in Excel (Format Cells > Text), enter or import the ids again as text, and save the workbook again",
            "households.xlsx!户表!F2: helper: '1.41123199001012E+17' is an id in scientific notation: Excel took the id for a number, which keeps 15 digits at most, so its last digits are lost; format the column as text in Excel (Format Cells > Text), enter or import the ids again as text, and save the workbook again");
    }

    [Fact]
    public void Read_ProblemsOfBothWorkbooks_AreLocatedAtTheirCells()
    {
        var households = new TestSheet(
            "户表",
            ["兴县2017年建档立卡贫困户名册"],
            HouseholdHeader,
            ["H1", "东乡", "东村", "是", "否"],
            ["H1", "东乡", "东村", "maybe", "否"],
            ["H3", "", "东村", "否", "否"])
        {
            Merges = ["A1:E1"],
        };
        var helpers = new TestSheet("Sheet 1", [.. HelperHeader, "poor_village"], ["V1", "village-committee", "东乡", "东村", "0", "否"], ["V2", "", "", "东村", "", "", "stray"]);

        var act = () => Read(households, helpers);

        Problems(act).Should().Equal(
            "households.xlsx!户表!A4: id: duplicate household id 'H1' (first on row 3)",
            "households.xlsx!户表!D4: poor_village: 'maybe' is not a yes/no value; use true/false, 1/0, yes/no or 是/否",
            "households.xlsx!户表!B5: township: a household needs a township",
            "helpers.xlsx!'Sheet 1'!E2: tier: tier '0' is not a whole number of at least 1 (or 一类, 二类 … for 1, 2 …)",
            "helpers.xlsx!'Sheet 1'!F2: poor_village: poor_village false contradicts the households of village '东村' in township '东乡', which have poor_village true on households.xlsx!户表 row 3; leave it empty to take theirs",
            "helpers.xlsx!'Sheet 1'!B3: category: a helper needs a category: any text the rules select, for example county-leader, enterprise or 第一书记",
            "helpers.xlsx!'Sheet 1'!G3: column G has no header in row 1, but this cell holds 'stray'; name the column or delete its values");
    }

    [Fact]
    public void Read_HeaderProblemsAndWarnings_NameTheHeaderRowAndColumnLetters()
    {
        var households = new TestSheet(
            "户表",
            ["兴县2017年建档立卡贫困户名册"],
            ["户编号", "乡镇", "村", "是否贫困", "是否深度贫困户", "家庭人口", "乡镇"],
            ["H1", "东乡", "东村", "是", "否", 3, "东乡"]);
        var valid = households with { Rows = [households.Rows[0], [.. households.Rows[1][..3], "是否贫困村", .. households.Rows[1][4..6]], households.Rows[2][..6]] };

        Problems(() => Read(households, Helpers)).Should().Equal(
            "households.xlsx!户表!2:2: missing required column `poor_village` (accepted headers: poor_village, 是否贫困村); column D `是否贫困` looks like a misspelling of it",
            "households.xlsx!户表!G2: 乡镇: column `township` appears twice (columns B and G); keep one");
        Read(valid, Helpers).Warnings.Select(w => w.ToString()).Should().Equal(
            "households.xlsx!户表!F2: warning: 家庭人口: `家庭人口` is read as an attribute, not as column `members`; did you mean `家庭人口数`? (accepted headers: members, 家庭人口数, 人口数)");
    }

    [Fact]
    public void Read_HeaderBelowARowThatIsNoTitle_IsOneProblemNamingTheHeaderRow()
    {
        var households = new TestSheet("Sheet1", ["兴县贫困户名册", "", "填报日期：2017年7月"], HouseholdHeader, ["H1", "东乡", "东村", "是", "否"]);

        Problems(() => Read(households, Helpers)).Should().Equal(
            "households.xlsx!Sheet1!1:1: the header is on row 2 (it names id, township, village, poor_village, deep_poverty), but this row above it holds more than a title; delete the rows above the header, or keep only a title there, in one cell");
    }

    [Fact]
    public void Read_BlankRowsEmptyColumnsAndATitle_AreSkipped()
    {
        var households = new TestSheet(
            "Sheet1",
            ["兴县2017年建档立卡贫困户名册"],
            [],
            [.. HouseholdHeader, "", ""],
            ["H1", "东乡", "东村", "是", "否", "", ""],
            [],
            ["", "", "", "", "", "", ""],
            ["H2", "东乡", "东村", "是", "否"],
            [" "])
        {
            FirstRow = 3,
        };

        var roster = Read(households, Helpers);

        roster.Households.Select(h => h.Id).Should().Equal("H1", "H2");
        roster.Households[0].Attributes.Should().BeEmpty();
    }

    [Fact]
    public void Read_TownshipAndVillageMergedDownTheirRows_CountForEveryHousehold()
    {
        var households = new TestSheet(
            "Sheet1",
            HouseholdHeader,
            ["H1", "东乡", "东村", "是", "否"],
            ["H2", "", "", "", "是"],
            ["H3", "", "西村", "否", "否"],
            ["H4", "西乡", "北村", "否", "否"])
        {
            Merges = ["B2:B4", "C2:C3", "D2:D3"],
        };

        var roster = Read(households, Helpers);

        roster.Households.Select(h => $"{h.Id} {h.Township} {h.Village} {h.PoorVillage}").Should().Equal(
            "H1 东乡 东村 True", "H2 东乡 东村 True", "H3 东乡 西村 False", "H4 西乡 北村 False");
    }

    [Fact]
    public void Read_FormulaNeverCalculated_IsAProblemAtItsCell()
    {
        var households = new TestSheet("Sheet1", HouseholdHeader, ["H1", "东乡", "东村", new TestFormula("IF(1,\"是\",\"否\")", null), "否"]);

        Problems(() => Read(households, Helpers)).Should().Equal(
            "households.xlsx!Sheet1!D2: the cell holds a formula without a calculated value (the workbook was saved without calculating it); open the workbook in Excel and save it again",
            "households.xlsx!Sheet1!D2: poor_village: poor_village is empty; use true/false, 1/0, yes/no or 是/否");
    }

    [Fact]
    public void Read_SheetsByNameOrTheFirstVisible_OfOneWorkbook()
    {
        var workbook = TestWorkbook.Create(
            new TestSheet("说明", ["本表为兴县贫困户名册"]) { Hidden = true },
            new TestSheet("贫困户", HouseholdHeader, ["H1", "东乡", "东村", "是", "否"]),
            new TestSheet("帮扶责任人", HelperHeader, ["T1", "乡镇干部", "东乡", "", ""]));

        var roster = RosterFiles.Read(new MemoryStream(workbook), "county.xlsx", new MemoryStream(workbook), "county.xlsx", new RosterFileOptions { HelpersSheet = "帮扶责任人" });

        roster.Households.Single().Id.Should().Be("H1", "the first visible sheet is 贫困户");
        roster.Helpers.Single().Category.Should().Be("township-cadre");
        Problems(() => RosterFiles.Read(new MemoryStream(workbook), "county.xlsx", new MemoryStream(workbook), "county.xlsx", new RosterFileOptions { HelpersSheet = "帮扶责任" }))
            .Should().Equal("county.xlsx: the workbook has no sheet `帮扶责任`, did you mean `帮扶责任人`? (sheets: 说明, 贫困户, 帮扶责任人)");
        var hidden = TestWorkbook.Create(new TestSheet("说明", HouseholdHeader) { Hidden = true });
        Problems(() => RosterFiles.Read(new MemoryStream(hidden), "households.xlsx", new MemoryStream(workbook), "county.xlsx", new RosterFileOptions { HelpersSheet = "帮扶责任人" }))
            .Should().Equal("households.xlsx: the workbook has no visible worksheet; name the sheet of the roster (sheets: 说明)");
    }

    [Fact]
    public void Read_MixOfWorkbookAndCsvFiles_ReadsEach()
    {
        using var folder = new TempFolder();
        TestWorkbook.Write(folder.File("households.xlsx"), new TestSheet("Sheet1", HouseholdHeader, ["H1", "东乡", "东村", "是", "否"]));
        File.WriteAllText(folder.File("helpers.csv"), "id,category,township,village,tier\nT1,township-cadre,东乡,,\n");

        var roster = RosterFiles.Read(folder.File("households.xlsx"), folder.File("helpers.csv"));

        roster.Households.Single().Id.Should().Be("H1");
        roster.Helpers.Single().Id.Should().Be("T1");
    }

    [Fact]
    public void Read_FilesThatAreNoReadableWorkbook_AreOneProblemEach()
    {
        var xls = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        var damaged = TestWorkbook.Create(Helpers)[..300];
        var csv = Encoding.UTF8.GetBytes("id,township,village,poor_village,deep_poverty\nH1,东乡,东村,是,否\n");

        Problems(() => RosterFiles.Read(new MemoryStream(xls), "households.xls", new MemoryStream(damaged), "helpers.xlsx")).Should().Equal(
            "households.xls: the file is an Excel 97-2003 workbook (.xls) or a workbook with a password, which cannot be read; in Excel, save it as an Excel workbook (.xlsx) without a password, or as CSV",
            "helpers.xlsx: the file is a zip archive but not an Excel workbook that can be read (.xlsx, .xlsm), or it is damaged; open it in Excel and save it as an Excel workbook (.xlsx) or as CSV");
        Problems(() => RosterFiles.Read(new MemoryStream(csv), "households.xlsx", new MemoryStream(csv), "helpers.csv", new RosterFileOptions { HelpersSheet = "Sheet1" })).Should().Equal(
            "households.xlsx: the file is named .xlsx but is no Excel workbook; save it in Excel as an Excel workbook (.xlsx), or name a CSV file .csv",
            "helpers.csv: a sheet is named (`Sheet1`), but the file is CSV text, not an Excel workbook");
    }

    [Fact]
    public void RosterCsvRead_OfAWorkbook_IsOneProblemThatSaysSo()
    {
        var workbook = TestWorkbook.Create(new TestSheet("Sheet1", HouseholdHeader, ["H1", "东乡", "东村", "是", "否"]));

        Problems(() => RosterCsv.Read(new MemoryStream(workbook), "households.xlsx", Stream("id,category,township,village\nT1,township-cadre,东乡,\n"), "helpers.csv")).Should().Equal(
            "households.xlsx: the file is an Excel workbook, not CSV text; read it with RosterFiles.Read (namespace PairingRules.Excel), which reads workbooks and CSV, or save it in Excel as CSV");
    }

    [Theory]
    [InlineData("Sheet1", 12, 3, "households.xlsx!Sheet1!C12: id: message")]
    [InlineData("户表", 2, 28, "households.xlsx!户表!AB2: id: message")]
    [InlineData("Sheet 1", 7, null, "households.xlsx!'Sheet 1'!7:7: id: message")]
    [InlineData("O'Brien", 1, 16384, "households.xlsx!'O''Brien'!XFD1: id: message")]
    [InlineData("2017", null, null, "households.xlsx!'2017': id: message")]
    public void InputProblem_InASheet_NamesThePlaceAsExcelDoes(string sheet, int? row, int? column, string expected)
    {
        new InputProblem("message", "households.xlsx", row, column, "id") { Sheet = sheet }.ToString().Should().Be(expected);
    }

    private static Roster Read(TestSheet households, TestSheet helpers) =>
        RosterFiles.Read(new MemoryStream(TestWorkbook.Create(households)), "households.xlsx", new MemoryStream(TestWorkbook.Create(helpers)), "helpers.xlsx");

    private static string[] Problems(Func<Roster> read) =>
        read.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).ToArray();

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static T WithCulture<T>(string culture, Func<T> act)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
            return act();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>A temporary folder, deleted at the end of the test.</summary>
    private sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pairing-rules-tests", System.IO.Path.GetRandomFileName());

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
