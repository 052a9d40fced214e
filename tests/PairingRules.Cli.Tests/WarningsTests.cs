using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>
/// Warnings on stderr (one a line, <c>warning:</c> included) on every command that reads a roster, <c>--strict</c> making
/// them errors (exit 2, nothing solved or written), and helpers no group selects counted as a gap (exit 1).
/// </summary>
public sealed class WarningsTests
{
    /// <summary>Another county's rules: a category its roster spells differently, an attribute column named differently,
    /// a township written short.</summary>
    private const string Rules =
        """
        {
          "name": "other-county",
          "groups": [
            { "id": "section-cadres", "helpers": "helper.Category == \"section_cadre\"", "scope": "county", "min": 1 },
            { "id": "township-cadres", "helpers": "helper.Category == \"township-cadre\"", "households": "household.Attribute(\"监测户\") != \"是\" || household.Township == \"东\"", "scope": "township", "backstop": true }
          ]
        }
        """;

    private const string Households = "id,township,village,poor_village,deep_poverty,是否监测户\nH1,东乡,东村,true,true,是\nH2,东乡,西村,false,false,否\n";

    private const string Helpers = "id,category,township,village,tier\nS1,section-cadre,,,\nT1,township-cadre,东乡,,\n";

    private static string Expected(string rules, bool strict)
    {
        var w = strict ? string.Empty : "warning: ";
        return
            $"{rules}:4:79: {w}groups[0].helpers: group `section-cadres`: no helper of the roster has `helper.Category` equal to \"section_cadre\", did you mean `section-cadre`? (values of helper.Category: section-cadre, township-cadre); the comparison is never true (at character 20)\n" +
            $"{rules}:4:79: {w}groups[0].helpers: group `section-cadres`: selects no helper of the roster: its `helpers` expression holds for none of the roster's 2 helpers, so the group takes no household\n" +
            $"{rules}:5:167: {w}groups[1].households: group `township-cadres`: no household of the roster has the attribute `监测户`, did you mean `是否监测户`? (attributes of the roster's households: 是否监测户); `household.Attribute(\"监测户\")` is \"\" for every household (at character 21)\n" +
            $"{rules}:5:167: {w}groups[1].households: group `township-cadres`: no household of the roster has `household.Township` equal to \"东\" (values of household.Township: 东乡); the comparison is never true (at character 60)\n" +
            $"{w}helpers: the helper of category `section-cadre` ('S1', position 1) is selected by no group, so it takes no household: no group names the category, did you mean `section_cadre`? (categories the rules name: section_cadre, township-cadre)\n";
    }

    private static TempFolder County(out string rules, out string households, out string helpers, string? helpersCsv = null)
    {
        var temp = new TempFolder();
        rules = temp.File("rules.json");
        households = temp.File("households.csv");
        helpers = temp.File("helpers.csv");
        File.WriteAllText(rules, Rules);
        File.WriteAllText(households, Households);
        File.WriteAllText(helpers, helpersCsv ?? Helpers);
        return temp;
    }

    [Fact]
    public void Solve_LikelyMistakes_PrintsEachWarningOnStderrAndCountsTheUnselectedHelperAsAGap()
    {
        using var temp = County(out var rules, out var households, out var helpers);

        var run = Cli.Run("solve", "--rules", rules, "--households", households, "--helpers", helpers);

        run.ExitCode.Should().Be(1, "S1 takes no part: 人人都有包扶对象 is not met");
        run.Error.Should().Be(Expected(rules, strict: false));
        run.Out.Should().Be(
            """
            Rule set   other-county (2 groups)
            Households 2: 2 covered, 0 uncovered
            Helpers    2: 0 idle, 1 unselected
            Shortfall  0 households below quota
            Pairings   0 kept, 0 changed, 2 new

            Gaps per township: none
            Helpers left out (no group can use them, so they take no household): 1
              no group's `helpers` expression selects it: 1 (S1)

            Certificate: every household is covered and every quota is met; nothing better exists.

            Result: gaps found (exit code 1).

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Solve_Strict_PrintsTheWarningsAsErrorsExitsTwoAndWritesNothing()
    {
        using var temp = County(out var rules, out var households, out var helpers);
        var result = temp.File("result.json");

        var run = Cli.Run("solve", "--strict", "--rules", rules, "--households", households, "--helpers", helpers, "--out", result);

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Be(Expected(rules, strict: true) + "pairing-rules: The roster has 5 problems; nothing was solved (--strict makes warnings errors).\n");
        File.Exists(result).Should().BeFalse();
    }

    [Fact]
    public void Check_LikelyMistakes_PrintsTheSameWarningsAndStrictExitsTwo()
    {
        using var temp = County(out var rules, out var households, out var helpers);

        var run = Cli.Run("check", "--rules", rules, "--households", households, "--helpers", helpers);
        var strict = Cli.Run("check", "--rules", rules, "--households", households, "--helpers", helpers, "--strict");

        run.ExitCode.Should().Be(1, "the audit finds S1 in no group and the households without a helper");
        run.Error.Should().Be(Expected(rules, strict: false));
        run.Out.Should().Contain("  selected       S1  ");
        strict.ExitCode.Should().Be(2);
        strict.Out.Should().BeEmpty();
        strict.Error.Should().Be(Expected(rules, strict: true) + "pairing-rules: The roster has 5 problems; nothing was checked (--strict makes warnings errors).\n");
    }

    [Fact]
    public void Solve_NoWarnings_StrictSolvesAsWithout()
    {
        using var temp = County(out var rules, out var households, out var helpers, "id,category,township,village,tier\nT1,township-cadre,东乡,,\n");
        File.WriteAllText(rules, """{ "name": "plain", "groups": [ { "id": "township-cadres", "helpers": "helper.Category == \"township-cadre\"", "scope": "township", "backstop": true } ] }""");

        var run = Cli.Run("solve", "--strict", "--rules", rules, "--households", households, "--helpers", helpers);

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().BeEmpty();
        run.Out.Should().EndWith("Result: complete (exit code 0).\n");
    }

    [Fact]
    public void Demo_Strict_DefaultCountyHasNoWarningAndExitsZero()
    {
        var run = Cli.Run("demo", "--strict");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().BeEmpty();
    }

    [Fact]
    public void Solve_MarkdownAndJson_ShowTheWarningsAndTheUnselectedHelpers()
    {
        using var temp = County(out var rules, out var households, out var helpers);
        var markdown = temp.File("report.md");
        var json = temp.File("result.json");

        Cli.Run("solve", "--rules", rules, "--households", households, "--helpers", helpers, "--out", markdown).ExitCode.Should().Be(1);
        Cli.Run("solve", "--rules", rules, "--households", households, "--helpers", helpers, "--out", json).ExitCode.Should().Be(1);

        var report = File.ReadAllText(markdown);
        report.Should().Contain("\n**Gaps remain**: see the gaps per township, the helpers no group can use and the certificates below.\n");
        report.Should().Contain("| Unselected helpers | 1 |\n");
        report.Should().Contain(
            "## Warnings\n\nLikely mistakes in the rules or the roster that are not errors (`--strict` makes them errors):\n\n" +
            string.Concat(Expected(rules, strict: false).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => $"- {line}\n")) + "\n## Groups\n");
        report.Should().Contain("### Helpers no group can use\n\n| Helper | Reason |\n|---|---|\n| S1 | no group's `helpers` expression selects it |\n");
        var result = File.ReadAllText(json);
        result.Should().Contain("\"idleHelpers\": 0,\n    \"unselectedHelpers\": 1,\n    \"totalShortfall\": 0,\n");
        result.Should().Contain(
            "  \"warnings\": [\n    {\n      \"file\": \"" + rules.Replace("\\", "\\\\", StringComparison.Ordinal) + "\",\n      \"line\": 4,\n      \"column\": 79,\n" +
            "      \"path\": \"groups[0].helpers\",\n      \"message\": \"group `section-cadres`: no helper of the roster has `helper.Category` equal to \\\"section_cadre\\\", " +
            "did you mean `section-cadre`? (values of helper.Category: section-cadre, township-cadre); the comparison is never true (at character 20)\"\n    },\n");
        result.Should().Contain(
            "    {\n      \"path\": \"helpers\",\n      \"message\": \"the helper of category `section-cadre` ('S1', position 1) is selected by no group, so it takes no household: " +
            "no group names the category, did you mean `section_cadre`? (categories the rules name: section_cadre, township-cadre)\"\n    }\n  ],\n");
    }
}
