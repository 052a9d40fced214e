using FluentAssertions;
using Newtonsoft.Json;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Solving.Scenarios;

/// <summary>
/// Rules written once for every group, solved: "monitored households (监测户) go to township cadres only" and "nobody above
/// 2 but the backstop", on a county where both bind.
/// </summary>
public sealed class SharedRulesScenarioTests
{
    private static readonly RuleSet Rules = RuleSet.Parse(JsonConvert.SerializeObject(new
    {
        name = "monitoring",
        defaults = new { max = 2 },
        restrictions = new[] { new { households = "household.Attribute(\"监测户\") == \"是\"", groups = new[] { "township-cadres" } } },
        groups = new object[]
        {
            Group("staff", "ordinary-staff", "county", min: 1),
            Group("committee", "village-committee", "village", min: 1),
            Group("township-cadres", "township-cadre", "township", backstop: true),
        },
    }));

    [Fact]
    public void Solve_MonitoredHouseholdsAndADefaultCap_FollowBothAndLeaveTheMonitoredHouseholdWithoutACadreUncovered()
    {
        // Township A (village A1): m1 monitored, a1, a2, and its township cadre T1. Township B (village B1): m2 monitored,
        // b1-b6, and no township cadre. Ranks: township-cadres 0, staff 1, committee 2; caps 2 for staff and committee
        // (defaults.max), none for the backstop.
        // Level 1: m1 may go only to T1; m2 only to a township cadre of B, and there is none: 1 uncovered in any pairing.
        // b1-b6 reach O1, O2 (county) and C2 (village B1), whose caps allow exactly 6: all covered, 2 each. Levels 2-3:
        // C1 takes a1 for its quota. Level 4: a2 goes to T1 (rank 0) rather than above quota to C1; O1, O2 and C2 each
        // have 1 above quota: 1 + 1 + 2 = 4. Level 5: O1, O2, C2 1 each, T1 (m1, a2) 3: 6.
        var monitored = new Dictionary<string, string> { ["监测户"] = "是" };
        var households = new List<Household>
        {
            new("m1", "A", "A1", poorVillage: true, deepPoverty: false, attributes: monitored),
            H("a1", "A", "A1"),
            H("a2", "A", "A1"),
            new("m2", "B", "B1", poorVillage: true, deepPoverty: false, attributes: monitored),
        };
        households.AddRange(Hs("b", 6, "B", "B1"));
        var roster = new Roster(households, [P("O1", "ordinary-staff"), P("O2", "ordinary-staff"), P("C1", "village-committee", "A", "A1"), P("C2", "village-committee", "B", "B1"), P("T1", "township-cadre", "A")]);

        var result = Rules.Solve(roster);

        result.HelperOf().Should().Equal(new Dictionary<string, string>
        {
            ["m1"] = "T1", ["a1"] = "C1", ["a2"] = "T1",
            ["b1"] = "O1", ["b2"] = "O1", ["b3"] = "O2", ["b4"] = "O2", ["b5"] = "C2", ["b6"] = "C2",
        });
        result.Uncovered.Should().ContainSingle().Which.Should().BeEquivalentTo(new { HouseholdId = "m2", Reason = UncoveredReason.NoBackstopInTownship, Remedy = "add a helper of group `township-cadres` (township-cadres) in township B" });
        result.Objective.Should().Be(new ObjectiveValues(uncovered: 1, idleHelpers: 0, shortfall: 0, remainder: 4, balance: 6));
    }

    [Fact]
    public void Solve_RestrictionReadsAColumnTheRosterLacks_WarnsAtTheRestriction()
    {
        // A roster whose column is 是否监测户, not 监测户: the restriction applies to no household, which is worth a warning
        // located at the restriction (B's diagnostics read restrictions as they read groups).
        var json = JsonConvert.SerializeObject(
            new
            {
                name = "monitoring",
                restrictions = new[] { new { households = "household.Attribute(\"监测户\") == \"是\"", groups = new[] { "township-cadres" } } },
                groups = new object[] { Group("staff", "ordinary-staff", "county"), Group("township-cadres", "township-cadre", "township", backstop: true) },
            },
            Formatting.Indented);
        var roster = new Roster(
            [new Household("H1", "A", "A1", poorVillage: true, deepPoverty: false, attributes: new Dictionary<string, string> { ["是否监测户"] = "是" })],
            [P("O1", "ordinary-staff"), P("T1", "township-cadre", "A")]);

        var warnings = RuleSet.Parse(json, "monitoring.json").Solve(roster).Warnings;

        warnings.Select(w => w.ToString()).Should().Equal(
            "monitoring.json:5:59: warning: restrictions[0].households: restriction 1: no household of the roster has the attribute `监测户`, " +
            "did you mean `是否监测户`? (attributes of the roster's households: 是否监测户); `household.Attribute(\"监测户\")` is \"\" for every household (at character 21)");
    }
}
