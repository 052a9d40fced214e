using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>A roster of several counties: <c>generate --counties</c>, then every report names the county of each township.</summary>
public sealed class CountiesTests
{
    /// <summary>Township cadres only: the first township of each county (no cadres in that preset) stays uncovered.</summary>
    private const string CadresOnlyRules =
        """{ "name": "cadres-only", "groups": [ { "id": "township-cadres", "helpers": "helper.Category == \"township-cadre\"", "scope": "township", "backstop": true } ] }""";

    [Fact]
    public void GenerateTwoCountiesThenSolve_ReportsTownshipsWithTheirCounty()
    {
        using var temp = new TempFolder();

        var generate = Cli.Run("generate", "--preset", "township-without-cadres", "--households", "8000", "--counties", "2", "--out", temp.Path);

        generate.ExitCode.Should().Be(0);
        generate.Out.Should().EndWith("(preset township-without-cadres, seed 2017, 2 counties).\n");
        File.ReadLines(temp.File("households.csv")).First().Should().Be("id,county,township,village,poor_village,deep_poverty,members,income,helper");
        File.ReadLines(temp.File("helpers.csv")).First().Should().Be("id,county,category,township,village,tier,name,unit,poor_village");

        var report = temp.File("report.md");
        var solve = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", report);

        solve.ExitCode.Should().Be(0, "the Xing rules cover a township without cadres with county cadres");
        solve.Out.Should().Contain("Townships without a backstop helper (township-cadres 乡镇干部): 2\n  文水县/蔚汾镇: ");
        solve.Out.Should().Contain("\n  离石区/蔚汾镇: ");
        var markdown = File.ReadAllText(report);
        markdown.Should().Contain("| County | Township | Households | Covered | Uncovered |\n|---|---|---:|---:|---:|\n| 文水县 | 康宁镇 |");
        markdown.Should().Contain("| County | Township | Households | Uncovered | Paired with |\n|---|---|---:|---:|---|\n| 文水县 | 蔚汾镇 |");
    }

    [Fact]
    public void SolveTwoCountiesWithGaps_JsonAndMarkdownNameTheCountyOfEachUncoveredHousehold()
    {
        using var temp = new TempFolder();
        Cli.Run("generate", "--preset", "township-without-cadres", "--households", "1000", "--counties", "2", "--out", temp.Path).ExitCode.Should().Be(0);
        var rules = temp.File("cadres-only.json");
        File.WriteAllText(rules, CadresOnlyRules);
        var json = temp.File("result.json");
        var markdown = temp.File("result.md");

        var run = Cli.Run("solve", "--rules", rules, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", json);
        Cli.Run("solve", "--rules", rules, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", markdown);

        run.ExitCode.Should().Be(1);
        run.Out.Should().MatchRegex("Gaps per township:\n  文水县/蔚汾镇 +[0-9,]+ of [0-9,]+ households uncovered\n  离石区/蔚汾镇 ");
        run.Out.Should().Contain("  [coverage] 文水县/蔚汾镇: ");
        using var result = JsonDocument.Parse(File.ReadAllText(json));
        var uncovered = result.RootElement.GetProperty("gaps").GetProperty("uncovered").EnumerateArray().ToList();
        uncovered.Should().NotBeEmpty();
        uncovered[0].EnumerateObject().Select(p => p.Name).Should().Equal("household", "county", "township", "village", "reason", "remedy");
        uncovered.Select(u => u.GetProperty("county").GetString()).Distinct().Should().BeEquivalentTo("离石区", "文水县");
        uncovered.Should().OnlyContain(u => u.GetProperty("township").GetString() == "蔚汾镇");
        uncovered[0].GetProperty("remedy").GetString().Should().Be("add a helper of group `township-cadres` (township-cadres) in township 离石区/蔚汾镇");
        File.ReadAllText(markdown).Should().Contain("| Household | County | Township | Village | Reason | Remedy |\n|---|---|---|---|---|---|\n| C001-H0000001 | 离石区 | 蔚汾镇 |");
    }

    [Fact]
    public void Generate_MoreCountiesThanHouseholds_ExitsTwo()
    {
        using var temp = new TempFolder();

        var run = Cli.Run("generate", "--households", "2", "--counties", "3", "--out", temp.Path);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be("pairing-rules: --counties (3) must not exceed the households (2): every county needs a household\n");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public void Generate_CountiesOutOfRange_ExitsTwo(string counties)
    {
        var run = Cli.Run("generate", "--out", "x", "--counties", counties);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--counties must be between 1 and 1,000");
    }
}
