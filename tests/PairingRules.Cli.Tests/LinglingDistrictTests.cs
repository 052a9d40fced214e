using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>
/// The second shipped rule set through the tool, end to end: validate it, generate its preset's district, solve the
/// files with it, and demo it.
/// </summary>
public sealed class LinglingDistrictTests
{
    private static string RulesPath => Path.Combine(AppContext.BaseDirectory, "rules", "lingling-district.json");

    [Fact]
    public void GenerateThenSolve_LinglingDistrictPreset_IsCompleteAndExitsZero()
    {
        using var temp = new TempFolder();
        var folder = temp.File("district");

        var generate = Cli.Run("generate", "--preset", "lingling-district", "--out", folder);
        var solve = Cli.Run("solve", "--rules", RulesPath, "--households", Path.Combine(folder, "households.csv"), "--helpers", Path.Combine(folder, "helpers.csv"), "--out", temp.File("result.csv"));

        generate.ExitCode.Should().Be(0, generate.Error);
        generate.Out.Should().Be($"Wrote 8,000 households to {Path.Combine(folder, "households.csv")} and 1,506 helpers to {Path.Combine(folder, "helpers.csv")} (preset lingling-district, seed 2017).\n");
        File.ReadLines(Path.Combine(folder, "households.csv")).First().Should().Be("id,township,village,poor_village,deep_poverty,members,income,helper,监测对象");
        solve.ExitCode.Should().Be(0, solve.Error);
        solve.Error.Should().BeEmpty("the district's roster gives no warning: every attribute and category the rules read is there");
        solve.Out.Should().Be(
            $"""
            Rule set   lingling-district (4 groups)
            Households 8,000: 8,000 covered, 0 uncovered
            Helpers    1,506: 0 idle, 0 unselected
            Shortfall  0 households below quota
            Pairings   0 kept, 0 changed, 8,000 new

            Gaps per township: none

            Certificate: every household is covered and every quota is met; nothing better exists.

            Full result written to {temp.File("result.csv")}
            Result: complete (exit code 0).

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Solve_MonitoredHouseholds_GoOnlyToWorkTeamsAndTownshipCadresInTheResultFile()
    {
        using var temp = new TempFolder();
        Cli.Run("generate", "--preset", "lingling-district", "--households", "2000", "--seed", "4", "--out", temp.Path).ExitCode.Should().Be(0);

        var solve = Cli.Run("solve", "--rules", RulesPath, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", temp.File("result.csv"));

        solve.ExitCode.Should().Be(0, solve.Error);
        var header = File.ReadLines(temp.File("households.csv")).First().Split(',');
        var monitored = File.ReadLines(temp.File("households.csv")).Skip(1).Select(line => line.Split(','))
            .Where(fields => fields[Array.IndexOf(header, "监测对象")] == "是")
            .Select(fields => fields[0])
            .ToHashSet();
        var result = File.ReadLines(temp.File("result.csv")).ToList();
        var group = Array.IndexOf(result[0].TrimStart('\uFEFF').Split(','), "group");
        var groups = result.Skip(1).Select(line => line.Split(','))
            .Where(fields => monitored.Contains(fields[0]))
            .Select(fields => fields[group])
            .ToArray();
        monitored.Should().NotBeEmpty();
        groups.Should().HaveCount(monitored.Count).And.OnlyContain(g => g == "first-secretaries" || g == "work-team-members" || g == "township-cadres");
    }

    [Fact]
    public void Validate_LinglingRules_PrintsTheCombinedCapsAndFilters()
    {
        var run = Cli.Run("validate", RulesPath);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Be(
            $"""
            {RulesPath}: rule set `lingling-district` is valid, 4 groups in priority order:
              零陵区防止返贫监测帮扶责任人结对规则 (Lingling District, Yongzhou, Hunan, 2021-2023)
               1. first-secretaries (驻村第一书记): scope village, 2 to 10
                  helpers:    helper.Category == "first-secretary"
                  households: true
               2. work-team-members (驻村工作队员): scope village, 3 to 10
                  helpers:    helper.Category == "work-team-member"
                  households: true
               3. district-cadres (区直单位干部): scope county, 5 to 10
                  helpers:    helper.Category == "district-cadre"
                  households: !(household.Attribute("监测对象") == "是")
               4. township-cadres (乡镇干部): scope township, at least 0, backstop
                  helpers:    helper.Category == "township-cadre"
                  households: true

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Demo_LinglingDistrictPreset_SolvesWithTheLinglingRules()
    {
        var run = Cli.Run("demo", "--preset", "lingling-district", "--households", "3000");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().StartWith("Rule set   lingling-district (4 groups)\nHouseholds 3,000: 3,000 covered, 0 uncovered\nHelpers    564: 0 idle, 0 unselected\n")
            .And.EndWith("Result: complete (exit code 0).\n");
    }
}
