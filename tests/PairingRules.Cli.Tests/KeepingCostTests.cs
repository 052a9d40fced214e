using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>When kept pairings make the county worse than a fresh solve, the report says by how much.</summary>
public sealed class KeepingCostTests
{
    [Fact]
    public void Solve_KeptPairingsBlockABetterPairing_ReportsTheCost()
    {
        // Rules: section cadres (county, quota 2) and a committee member of village A1 (cap 1). H1 keeps the
        // section cadre S1, but a fresh solve would give S1 both households of A2 and the committee member H1.
        using var temp = new TempFolder();
        var rules = temp.File("rules.json");
        File.WriteAllText(rules, """
            {
              "name": "keeping-cost",
              "groups": [
                { "id": "section", "helpers": "helper.Category == \"section-cadre\"", "scope": "county", "min": 2, "max": 2 },
                { "id": "committee", "helpers": "helper.Category == \"village-committee\"", "scope": "village", "min": 1, "max": 1 }
              ]
            }
            """);
        File.WriteAllText(temp.File("households.csv"), "id,township,village,poor_village,deep_poverty,helper\nH1,T,A1,1,0,S1\nH2,T,A2,1,0,\nH3,T,A2,1,0,\n");
        File.WriteAllText(temp.File("helpers.csv"), "id,category,township,village,tier\nS1,section-cadre,,,\nC1,village-committee,T,A1,\n");

        var run = Cli.Run("solve", "--rules", rules, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"));

        run.ExitCode.Should().Be(1, run.Out + run.Error);
        run.Out.Should().Contain("Pairings   1 kept, 0 changed, 1 new\n")
            .And.Contain("Keeping    the 1 kept pairings cost 1 more uncovered household, 1 more idle helper, 1 more household of quota shortfall than a fresh solve would\n");
    }
}
