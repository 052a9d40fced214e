using System.Globalization;
using System.Text;
using FluentAssertions;
using PairingRules.Csv;
using PairingRules.Synthetic;
using PairingRules.Tests.Excel;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>
/// <c>solve</c> and <c>check</c> on rosters kept in Excel: the same county as workbooks (numbers, booleans and a title as
/// an office types them), as CSV, as a mix, and as two sheets of one workbook gives the same result, byte for byte, under
/// every culture; problems name their cells.
/// </summary>
public sealed class ExcelRosterTests(ExcelRosterTests.CountyFiles county) : IClassFixture<ExcelRosterTests.CountyFiles>
{

    [Fact]
    public void Solve_SameCountyAsWorkbooksCsvAMixAndOneWorkbook_WritesByteIdenticalResults()
    {
        var temp = county.Folder;

        var csv = Solve(temp, "households.csv", "helpers.csv", "csv.json");
        var workbooks = Solve(temp, "households.xlsx", "helpers.xlsx", "xlsx.json");
        var mixed = Solve(temp, "households.xlsx", "helpers.csv", "mixed.json");
        var oneWorkbook = Solve(temp, "county.xlsx#贫困户", "county.xlsx#帮扶责任人", "one.json");

        csv.Json.Should().Contain("\"households\": 16800").And.MatchRegex("\"kept\": [1-9]", "the households' current helpers are read (and kept)");
        foreach (var other in new[] { workbooks, mixed, oneWorkbook })
        {
            other.Run.Should().Be(csv.Run);
            other.Json.Should().Be(csv.Json);
        }
    }

    [Fact]
    public void Check_SameCountyAsWorkbooksAndCsv_ReportsTheSame()
    {
        var temp = county.Folder;

        var csv = Cli.Run("check", "--rules", Cli.RulesPath, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"));
        var workbooks = Cli.Run("check", "--rules", Cli.RulesPath, "--households", temp.File("households.xlsx"), "--helpers", temp.File("helpers.xlsx"));

        csv.Out.Should().Contain("16,800 households");
        workbooks.Should().Be(csv);
    }

    [Fact]
    public void Solve_WorkbooksUnderInvariantChineseAndTurkishCultures_WritesTheSameBytes()
    {
        var temp = county.Folder;

        var results = new[] { "", "zh-CN", "tr-TR" }.Select(culture => WithCulture(culture, () => Solve(temp, "households.xlsx", "helpers.xlsx", $"result-{culture}.json"))).ToList();

        results.Skip(1).Should().AllSatisfy(r => r.Json.Should().Be(results[0].Json));
    }

    [Fact]
    public void Solve_BadWorkbooks_ExitsTwoWithEveryProblemAtItsCell()
    {
        using var temp = new TempFolder();
        TestWorkbook.Write(
            temp.File("households.xlsx"),
            new TestSheet(
                "贫困户",
                ["兴县2017年建档立卡贫困户名册"],
                ["户编号", "乡镇", "村", "是否贫困村", "是否深度贫困户", "家庭人口数"],
                [141123199001011234, "蔚汾镇", "城关村", "是", "否", 3],
                [141123199001011235, "蔚汾镇", "城关村", "是", "否", "三"],
                ["H3", "蔚汾镇", "城关村", "否", "否", 2])
            {
                Merges = ["A1:F1"],
            });
        TestWorkbook.Write(temp.File("helpers.xlsx"), new TestSheet("Sheet1", ["编号", "类别", "乡镇", "村"], ["T1", "乡镇干部", "蔚汾镇", ""], ["T2", "", "蔚汾镇", ""]));

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", temp.File("households.xlsx"), "--helpers", temp.File("helpers.xlsx"));

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Replace(temp.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Should().Be(
            "households.xlsx!贫困户!A3: 户编号: '1.41123199001011E+17' and 1 more ids of this column (the last on row 4) are in scientific notation: Excel took the ids for numbers, which keep 15 digits at most, so their last digits are lost; format the column as text in Excel (Format Cells > Text), enter or import the ids again as text, and save the workbook again\n" +
            "households.xlsx!贫困户!F4: 家庭人口数: '三' is not a whole number of members\n" +
            "households.xlsx!贫困户!D5: 是否贫困村: village '城关村' has poor_village true on row 3; every household of a village must agree\n" +
            "helpers.xlsx!Sheet1!B3: 类别: a helper needs a category: any text the rules select, for example county-leader, enterprise or 第一书记\n" +
            "pairing-rules: The roster has 4 problems; nothing was solved.\n");
    }

    [Fact]
    public void Solve_UnknownSheet_IsOneProblemWithTheSheetsOfTheWorkbook()
    {
        var temp = county.Folder;

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", temp.File("county.xlsx#贫困") , "--helpers", temp.File("helpers.csv"));

        run.ExitCode.Should().Be(2);
        run.Error.Replace(temp.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Should().Be(
            "county.xlsx: the workbook has no sheet `贫困`, did you mean `贫困户`? (sheets: 贫困户, 帮扶责任人)\n" +
            "pairing-rules: The roster has 1 problem; nothing was solved.\n");
    }

    private static (CliRun Run, string Json) Solve(TempFolder temp, string households, string helpers, string output)
    {
        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", temp.File(households), "--helpers", temp.File(helpers), "--out", temp.File(output));
        var json = File.Exists(temp.File(output)) ? File.ReadAllText(temp.File(output)) : string.Empty;
        return (run with { Out = run.Out.Replace(temp.File(output), "OUT", StringComparison.Ordinal) }, json);
    }

    /// <summary>
    /// The synthetic Xing County, 30 % of its households already paired, as households.csv and helpers.csv (what the tool
    /// writes), as households.xlsx and helpers.xlsx with a title row merged above the header, numbers as numbers and yes/no
    /// as TRUE/FALSE cells (what an office types), and as county.xlsx with the sheets 贫困户 and 帮扶责任人 under Chinese
    /// headers; written once for the tests of the class.
    /// </summary>
    public sealed class CountyFiles : IDisposable
    {
        public CountyFiles() => WriteCounty(Folder, SyntheticCounty.Generate(new SyntheticCountyOptions { PreviouslyPaired = 0.3 }));

        internal TempFolder Folder { get; } = new();

        public void Dispose() => Folder.Dispose();
    }

    private static void WriteCounty(TempFolder temp, Roster county)
    {
        using (var writer = new StreamWriter(temp.File("households.csv"), false, new UTF8Encoding(true)))
        {
            RosterCsv.WriteHouseholds(county.Households, writer);
        }

        using (var writer = new StreamWriter(temp.File("helpers.csv"), false, new UTF8Encoding(true)))
        {
            RosterCsv.WriteHelpers(county.Helpers, writer);
        }

        object?[] Household(Household h) => [h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, h.Members, (double)h.Income, h.CurrentHelper];
        object?[] Helper(Helper h) => [h.Id, h.Category, h.Township, h.Village, h.Tier, h.Name, h.Unit, h.PoorVillage];
        var households = new object?[][] { ["兴县2017年建档立卡贫困户名册"], ["id", "township", "village", "poor_village", "deep_poverty", "members", "income", "helper"] }
            .Concat(county.Households.Select(Household)).ToArray();
        var helpers = new object?[][] { ["id", "category", "township", "village", "tier", "name", "unit", "poor_village"] }.Concat(county.Helpers.Select(Helper)).ToArray();
        TestWorkbook.Write(temp.File("households.xlsx"), new TestSheet("Sheet1", households) { Merges = ["A1:H1"] });
        TestWorkbook.Write(temp.File("helpers.xlsx"), new TestSheet("Sheet1", helpers));
        TestWorkbook.Write(
            temp.File("county.xlsx"),
            new TestSheet("贫困户", [["户编号", "乡镇", "村", "是否贫困村", "是否深度贫困户", "家庭人口数", "人均纯收入", "帮扶责任人"], .. county.Households.Select(Household)]),
            new TestSheet("帮扶责任人", [["编号", "类别", "乡镇", "村", "企业类别", "姓名", "单位", "是否贫困村"], .. county.Helpers.Select(Helper)]));
    }

    private static T WithCulture<T>(string culture, Func<T> act)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
            return act();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
