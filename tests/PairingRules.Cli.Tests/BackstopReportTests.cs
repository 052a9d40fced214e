using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>The report names townships without a backstop helper (乡镇干部, 兜底) and who covers their households.</summary>
public sealed class BackstopReportTests
{
    [Fact]
    public void Demo_TownshipWithoutCadres_IsCompleteAndNamesTheTownshipAndWhoCoversIt()
    {
        // Under the Xing rules section cadres and ordinary staff may take any household in the county, so a township
        // without cadres is still covered; the report is where the county office sees that it has no backstop.
        // Which equally good helpers take the township's households is one of several optima; the solver picks the same
        // one every run, so the split is pinned here (a change of pivoting rule may pick another optimum).
        var run = Cli.Run("demo", "--preset", "township-without-cadres", "--households", "3000");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Be(
            """
            Rule set   xing-county (10 groups)
            Households 3,000: 3,000 covered, 0 uncovered
            Helpers    831: 0 idle, 0 unselected
            Shortfall  0 households below quota
            Pairings   0 kept, 0 changed, 3,000 new

            Gaps per township: none
            Townships without a backstop helper (township-cadres 乡镇干部): 1
              蔚汾镇: 968 households, paired with ordinary-staff 689, poor-village-committee 240, county-leaders 19, village-committee 18, enterprise-tier-2 2
              Load above quota on groups other than the backstop: none

            Certificate: every household is covered and every quota is met; nothing better exists.

            Result: complete (exit code 0).

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Solve_TownshipWithoutCadresCoveredByACountyCadre_ShowsTheLoadAboveQuota()
    {
        using var temp = new TempFolder();
        var households = temp.File("households.csv");
        var helpers = temp.File("helpers.csv");
        var report = temp.File("report.md");
        File.WriteAllText(households, "id,township,village,poor_village,deep_poverty\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"H{i:D2},东乡,东村,true,false\n")) + "H11,西乡,西村,true,false\n");
        File.WriteAllText(helpers, "id,category,township,village,tier\nSC1,section-cadre,,,\nT1,township-cadre,西乡,,\n");

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", report);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain(
            """
            Gaps per township: none
            Townships without a backstop helper (township-cadres 乡镇干部): 1
              东乡: 10 households, paired with section-cadres 10
              Load above quota on groups other than the backstop: 2 households (section-cadres 2)

            """.ReplaceLineEndings("\n"));
        File.ReadAllText(report).Should().Contain(
            """
            ### Townships without a backstop helper

            No helper of township-cadres 乡镇干部 (兜底) in these townships: other groups cover their households, or nobody does.

            | Township | Households | Uncovered | Paired with |
            |---|---:|---:|---|
            | 东乡 | 10 | 0 | section-cadres 10 |

            Load above quota on groups other than the backstop: 2 households (section-cadres 2).

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Solve_TownshipWithoutCadresAndNoOneElse_ShowsItsUncoveredHouseholds()
    {
        using var temp = new TempFolder();
        var households = temp.File("households.csv");
        var helpers = temp.File("helpers.csv");
        File.WriteAllText(households, "id,township,village,poor_village,deep_poverty\nH1,东乡,东村,true,false\nH2,西乡,西村,true,false\n");
        File.WriteAllText(helpers, "id,category,township,village,tier\nT1,township-cadre,东乡,,\n");

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers);

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain(
            """
            Gaps per township:
              西乡        1 of 1 households uncovered
            Townships without a backstop helper (township-cadres 乡镇干部): 1
              西乡: 1 household, paired with no one; 1 uncovered
              Load above quota on groups other than the backstop: none

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Demo_DefaultCounty_HasNoBackstopSection()
    {
        Cli.Run("demo", "--households", "2000").Out.Should().NotContain("backstop");
    }
}
