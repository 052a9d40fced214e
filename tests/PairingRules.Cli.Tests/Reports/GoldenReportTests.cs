using System.Text;
using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests.Reports;

/// <summary>
/// The reports people read, whole, in both languages, against the files under <c>TestData/golden/</c>: for the default
/// demo county (complete) and for a county with gaps (<c>TestData/golden/county-with-gaps</c>: two counties, uncovered
/// households with their heads' names, a township without a backstop helper, quota shortfall, an idle helper, helpers no
/// group can use, a certificate statement shared by two villages). Set PAIRING_RULES_UPDATE_EXPECTED=1 to rewrite the
/// files after reviewing a change of wording.
/// </summary>
public sealed class GoldenReportTests
{
    public static TheoryData<string> Languages() => new() { "en", "zh" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Demo_DefaultCounty_PrintsTheGoldenConsoleReport(string lang)
    {
        var run = Cli.Run("demo", "--lang", lang);

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().BeEmpty();
        Golden(run.Out, "demo", $"console.{lang}.txt");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Solve_DefaultCounty_WritesTheGoldenMarkdownReport(string lang)
    {
        using var temp = new TempFolder();
        Cli.Run("generate", "--out", temp.Path).ExitCode.Should().Be(0);
        var report = temp.File("report.md");

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", report, "--lang", lang);

        run.ExitCode.Should().Be(0, run.Error);
        Golden(File.ReadAllText(report), "demo", $"report.{lang}.md");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Solve_CountyWithGaps_PrintsAndWritesTheGoldenReports(string lang)
    {
        using var temp = new TempFolder();
        var report = temp.File("report.md");
        var csv = temp.File("result.csv");

        var run = SolveCountyWithGaps(lang, report);
        var csvRun = SolveCountyWithGaps(lang, csv);

        run.ExitCode.Should().Be(1, "the county has gaps");
        Golden(run.Out.Replace(temp.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal), "county-with-gaps", $"console.{lang}.txt");
        Golden(File.ReadAllText(report), "county-with-gaps", $"report.{lang}.md");
        csvRun.ExitCode.Should().Be(1);
        Golden(File.ReadAllText(csv), "county-with-gaps", "result.csv");
        run.Error.Should().Be(
            "warning: helpers: the helper of category `第一书记` ('XF1', position 6) is selected by no group, so it takes no household: no group names the category " +
            "(categories the rules name: section-cadre, village-committee, enterprise, township-cadre)\n",
            "warnings are the library's problems, in English in every language");
    }

    [Fact]
    public void Solve_CountyWithGaps_JsonIsTheSameInEveryLanguage()
    {
        using var temp = new TempFolder();
        var english = temp.File("en.json");
        var chinese = temp.File("zh.json");

        SolveCountyWithGaps("en", english).ExitCode.Should().Be(1);
        SolveCountyWithGaps("zh", chinese).ExitCode.Should().Be(1);

        File.ReadAllBytes(chinese).Should().Equal(File.ReadAllBytes(english), "the JSON result is for programs: English texts whatever --lang says");
        File.ReadAllText(english).Should().Contain("\"remedy\": \"add a helper of group `township-cadres` (乡镇干部) in township 兴县/魏家滩镇\"");
    }

    [Fact]
    public void Reports_InTheTwoLanguages_Differ()
    {
        // A golden test would pass on two identical files; the Chinese report must be Chinese.
        var english = File.ReadAllText(Cli.TestData("golden", "county-with-gaps", "console.en.txt"));
        var chinese = File.ReadAllText(Cli.TestData("golden", "county-with-gaps", "console.zh.txt"));

        english.Should().StartWith("Rule set   two-counties (4 groups)\n");
        chinese.Should().StartWith("规则集：two-counties（4个组）\n").And.Contain("户").And.Contain("名").And.Contain("乡镇").And.Contain("兜底").And.Contain("缺口");
    }

    internal static CliRun SolveCountyWithGaps(string lang, string outPath)
    {
        string Input(string name) => Cli.TestData("golden", "county-with-gaps", name);
        return Cli.Run("solve", "--rules", Input("rules.json"), "--households", Input("households.csv"), "--helpers", Input("helpers.csv"), "--out", outPath, "--lang", lang);
    }

    /// <summary>Compares <paramref name="actual"/> with a golden file, or rewrites it under PAIRING_RULES_UPDATE_EXPECTED=1.</summary>
    internal static void Golden(string actual, string folder, string name)
    {
        if (Cli.UpdateExpected)
        {
            File.WriteAllText(Cli.SourceTestData("golden", folder, name), actual, new UTF8Encoding(false));
            return;
        }

        var path = Cli.TestData("golden", folder, name);
        File.Exists(path).Should().BeTrue($"{folder}/{name} is the expected report; run with PAIRING_RULES_UPDATE_EXPECTED=1 to write it, then review it");
        actual.Should().Be(File.ReadAllText(path), $"the report must be golden/{folder}/{name}, byte for byte");
    }
}
