using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentAssertions;
using PairingRules.Cli.Reports;
using Xunit;

namespace PairingRules.Cli.Tests.Reports;

/// <summary>
/// The Excel workbook (<c>solve --out result.xlsx</c>, <c>demo --out result.xlsx</c>): read back with the Open XML SDK
/// and checked cell by cell against the JSON result of the same solve, in both languages; the same bytes for the same
/// input; ids stay text.
/// </summary>
public sealed class ExcelReportTests
{
    private static readonly string[] EnglishSheets = ["Summary", "Households", "Helpers", "Gaps", "Townships", "Villages", "Certificates"];
    private static readonly string[] ChineseSheets = ["汇总", "一户一册", "帮扶责任人", "缺口", "乡镇", "村", "说明"];

    public static TheoryData<string> Languages() => new() { "en", "zh" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Solve_CountyWithGaps_WorkbookHoldsWhatTheJsonResultHolds(string lang)
    {
        using var temp = new TempFolder();
        var xlsx = temp.File("result.xlsx");
        var json = temp.File("result.json");
        var run = GoldenReportTests.SolveCountyWithGaps(lang, xlsx);
        GoldenReportTests.SolveCountyWithGaps(lang, json).ExitCode.Should().Be(1);

        run.ExitCode.Should().Be(1, "the county has gaps");
        run.Out.Should().Contain(lang == "en" ? $"Full result written to {xlsx}" : $"完整结果已写入{xlsx}");
        using var result = JsonDocument.Parse(File.ReadAllText(json));
        var root = result.RootElement;
        var workbook = Workbook.Read(xlsx);
        workbook.SheetNames.Should().Equal(lang == "en" ? EnglishSheets : ChineseSheets);
        var zh = lang == "zh";

        // Summary: every number of the JSON summary, as a number cell beside its label.
        var summary = workbook.Sheet(0);
        var s = root.GetProperty("summary");
        summary.Number(zh ? "贫困户" : "Households").Should().Be(s.GetProperty("households").GetInt64());
        summary.Number(zh ? "已落实帮扶责任人" : "Covered").Should().Be(s.GetProperty("covered").GetInt64());
        summary.Number(zh ? "未落实" : "Uncovered").Should().Be(s.GetProperty("uncovered").GetInt64());
        summary.Number(zh ? "保持" : "kept").Should().Be(s.GetProperty("kept").GetInt64());

        // The ledger: one row a household in roster order, its helper from the pairings, or uncovered.
        var pairings = root.GetProperty("pairings").EnumerateArray().ToDictionary(p => p.GetProperty("household").GetString()!, p => p.GetProperty("helper").GetString()!);
        var uncovered = root.GetProperty("gaps").GetProperty("uncovered").EnumerateArray().Select(u => u.GetProperty("household").GetString()!).ToList();
        var households = File.ReadAllLines(Cli.TestData("golden", "county-with-gaps", "households.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var ledger = workbook.Sheet(1);
        ledger.Rows[0].Should().Equal(zh
            ? ["户编号", "县", "乡镇", "村", "贫困村", "深度贫困", "人口", "户主姓名", "帮扶责任人编号", "帮扶责任人", "工作单位", "组", "结对情况"]
            : ["Household", "County", "Township", "Village", "Poor village", "Deep poverty", "Members", "Head of household", "Helper", "Helper name", "Unit", "Group", "Status"]);
        ledger.Rows.Should().HaveCount(households.Count + 1);
        for (var i = 0; i < households.Count; i++)
        {
            var row = ledger.Rows[i + 1];
            var csv = households[i];
            row[..4].Should().Equal(csv[..4], "id, county, township and village are the roster's");
            row[6].Should().Be(csv[6], "members");
            ledger.IsNumber(i + 1, 6).Should().BeTrue("members is a count");
            row[7].Should().Be(csv[7], "the head of household");
            ledger.IsNumber(i + 1, 0).Should().BeFalse("an id is text");
            if (pairings.TryGetValue(csv[0], out var helper))
            {
                row[8].Should().Be(helper, $"household {csv[0]} is paired with {helper}");
                row[12].Should().Be(zh ? "新结对" : "new");
            }
            else
            {
                uncovered.Should().Contain(csv[0]);
                row[8..].Should().Equal(string.Empty, string.Empty, string.Empty, string.Empty, zh ? "未落实" : "uncovered");
            }
        }

        pairings.Count.Should().Be(households.Count - uncovered.Count, "every household is in the ledger");

        // Gaps: the uncovered households in the JSON result's order, with the reason in the report language.
        var gaps = workbook.Sheet(3);
        gaps.Rows[0].Should().Equal(zh ? "未落实帮扶责任人的户" : "Uncovered households");
        gaps.Rows.Skip(2).Take(uncovered.Count).Select(r => r[0]).Should().Equal(uncovered);
        gaps.Rows[2].Should().Equal(zh
            ? ["XH09", "周玉梅", "兴县", "魏家滩镇", "魏家滩村", "本乡镇没有兜底的帮扶责任人", "在兴县/魏家滩镇增加一名乡镇干部（township-cadres）"]
            : ["XH09", "周玉梅", "兴县", "魏家滩镇", "魏家滩村", "no backstop helper in its township", "add a helper of group township-cadres (乡镇干部) in township 兴县/魏家滩镇"]);

        // Helpers: one row a helper of the result, its load as a number.
        var helpers = workbook.Sheet(2);
        var shortfalls = root.GetProperty("gaps").GetProperty("shortfalls").EnumerateArray().ToDictionary(h => h.GetProperty("helper").GetString()!, h => h.GetProperty("shortfall").GetInt64());
        foreach (var row in helpers.Rows.Skip(1))
        {
            var load = pairings.Values.Count(h => h == row[0]);
            row[8].Should().Be(load.ToString(System.Globalization.CultureInfo.InvariantCulture), $"helper {row[0]} takes {load} households");
            row[11].Should().Be(shortfalls.GetValueOrDefault(row[0]).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Townships: households, covered and uncovered add up to the summary.
        var townships = workbook.Sheet(4);
        townships.Rows.Skip(1).Sum(r => long.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).Should().Be(s.GetProperty("households").GetInt64());
        townships.Rows.Skip(1).Sum(r => long.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)).Should().Be(s.GetProperty("uncovered").GetInt64());
    }

    [Fact]
    public void Solve_SameInputTwice_GivesTheSameBytes()
    {
        using var temp = new TempFolder();
        var first = temp.File("first.xlsx");
        var second = temp.File("second.xlsx");

        GoldenReportTests.SolveCountyWithGaps("zh", first).ExitCode.Should().Be(1);
        GoldenReportTests.SolveCountyWithGaps("zh", second).ExitCode.Should().Be(1);

        File.ReadAllBytes(second).Should().Equal(File.ReadAllBytes(first));
        using var zip = ZipFile.OpenRead(first);
        zip.Entries.Select(e => e.FullName).Should().NotContain(n => n.StartsWith("docProps/", StringComparison.Ordinal), "no document properties: they hold dates");
        zip.Entries.Should().OnlyContain(e => e.LastWriteTime.DateTime == ExcelReport.EntryTime.DateTime, "no entry carries the time it was written");
        var rels = new StreamReader(zip.GetEntry("_rels/.rels")!.Open()).ReadToEnd();
        rels.Should().Contain("Id=\"rIdWorkbook\"", "the SDK's random relationship ids are replaced by fixed ones");
    }

    [Fact]
    public void Solve_IdsWithLeadingZerosAndLongIds_StayText()
    {
        using var temp = new TempFolder();
        string Input(string name) => Cli.TestData("golden", "county-with-gaps", name);
        File.WriteAllText(
            temp.File("households.csv"),
            File.ReadAllText(Input("households.csv")).Replace("XH01,", "0012,", StringComparison.Ordinal).Replace("XH02,", "141123000000000000,", StringComparison.Ordinal),
            new UTF8Encoding(false));
        File.WriteAllText(temp.File("helpers.csv"), File.ReadAllText(Input("helpers.csv")).Replace("XS1,", "0007,", StringComparison.Ordinal), new UTF8Encoding(false));
        var xlsx = temp.File("result.xlsx");

        var run = Cli.Run("solve", "--rules", Input("rules.json"), "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", xlsx);

        run.ExitCode.Should().Be(1);
        var ledger = Workbook.Read(xlsx).Sheet(1);
        ledger.Rows[1][0].Should().Be("0012");
        ledger.Rows[2][0].Should().Be("141123000000000000");
        ledger.Rows[1][8].Should().Be("0007", "XH01 is paired with the section cadre, now 0007");
        ledger.IsNumber(1, 0).Should().BeFalse();
        ledger.IsNumber(2, 0).Should().BeFalse();
        ledger.IsNumber(1, 8).Should().BeFalse();
    }

    [Fact]
    public void Demo_OutXlsx_WritesTheWorkbook()
    {
        using var temp = new TempFolder();
        var xlsx = temp.File("result.xlsx");

        var run = Cli.Run("demo", "--households", "300", "--out", xlsx);

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain($"Full result written to {xlsx}");
        var workbook = Workbook.Read(xlsx);
        workbook.SheetNames.Should().Equal(EnglishSheets);
        workbook.Sheet(0).Number("Households").Should().Be(300);
        workbook.Sheet(1).Rows.Should().HaveCount(301);
        workbook.Sheet(1).Rows.Skip(1).Should().OnlyContain(r => r[r.Length - 1] == "new" && r[0].Length > 0);
    }

    [Fact]
    public void Demo_LangZhOutHtml_WritesTheChineseReport()
    {
        using var temp = new TempFolder();
        var html = temp.File("report.html");

        var run = Cli.Run("demo", "--households", "300", "--lang", "zh", "--out", html);

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain($"完整结果已写入{html}");
        var text = File.ReadAllText(html);
        text.Should().StartWith("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n");
        text.Should().Contain("<tr><th>贫困户</th><td class=\"n\">300</td></tr>");
    }

    [Fact]
    public void Demo_FormatCsvToStandardOutput_WritesTheResultThere()
    {
        var run = Cli.Run("demo", "--households", "300", "--format", "csv", "--out", "-");

        run.ExitCode.Should().Be(0);
        run.Out.Should().StartWith("household,helper,helper_name,group\n", "--format picks the format as in solve");
    }

    /// <summary>A workbook read back: its sheet names and every sheet's cells as text.</summary>
    private sealed class Workbook
    {
        private Workbook(List<string> names, List<SheetCells> sheets)
        {
            SheetNames = names;
            Sheets = sheets;
        }

        public IReadOnlyList<string> SheetNames { get; }

        private List<SheetCells> Sheets { get; }

        public SheetCells Sheet(int index) => Sheets[index];

        public static Workbook Read(string path)
        {
            using var document = SpreadsheetDocument.Open(path, isEditable: false);
            var part = document.WorkbookPart!;
            var names = new List<string>();
            var sheets = new List<SheetCells>();
            foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
            {
                names.Add(sheet.Name!.Value!);
                var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!.Value!)).Worksheet;
                var rows = new List<string[]>();
                var numbers = new HashSet<(int, int)>();
                foreach (var row in worksheet.GetFirstChild<SheetData>()!.Elements<Row>())
                {
                    var cells = row.Elements<Cell>().ToList();
                    for (var c = 0; c < cells.Count; c++)
                    {
                        if (cells[c].DataType is null)
                        {
                            numbers.Add((rows.Count, c));
                        }
                        else
                        {
                            cells[c].DataType!.Value.Should().Be(CellValues.InlineString);
                        }
                    }

                    rows.Add(cells.Select(c => c.DataType is null ? c.CellValue!.Text : c.InlineString!.InnerText).ToArray());
                }

                sheets.Add(new SheetCells(rows, numbers));
            }

            return new Workbook(names, sheets);
        }
    }

    /// <summary>The cells of one sheet, and which are number cells.</summary>
    private sealed class SheetCells(List<string[]> rows, HashSet<(int Row, int Column)> numbers)
    {
        public List<string[]> Rows { get; } = rows;

        public bool IsNumber(int row, int column) => numbers.Contains((row, column));

        /// <summary>The number beside a label in the first column.</summary>
        public long Number(string label)
        {
            var row = Rows.FindIndex(r => r.Length == 2 && r[0] == label);
            row.Should().BeGreaterThanOrEqualTo(0, $"a row is labelled {label}");
            IsNumber(row, 1).Should().BeTrue();
            return long.Parse(Rows[row][1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
