using FluentAssertions;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Solving.Scenarios;

/// <summary>Caps bind: committee members take exactly one each, and without a backstop the rest stay uncovered.</summary>
public sealed class CapsTests
{
    [Fact]
    public void Solve_CapsBelowHouseholds_CoversCapacityAndCertifiesTheRest()
    {
        var rules = Rules(Group("committee", "village-committee", "village", min: 1, max: 1));
        var roster = new Roster(Hs("H", 5), [P("C1", "village-committee", "A", "A1"), P("C2", "village-committee", "A", "A1"), P("C3", "village-committee", "A", "A1")]);

        var result = rules.Solve(roster);

        result.HelperOf().Should().Equal(new Dictionary<string, string> { ["H1"] = "C1", ["H2"] = "C2", ["H3"] = "C3" });
        result.Uncovered.Select(u => (u.HouseholdId, u.Reason)).Should().Equal(("H4", UncoveredReason.AllHelpersFull), ("H5", UncoveredReason.AllHelpersFull));
        result.Uncovered[0].Remedy.Should().Be("raise `max` of `committee` by 1 or add helpers of those groups in its scope");
        result.Certificates.Should().ContainSingle().Which.Statement.Should().Be(
            "A: 5 households may go only to 3 helpers of `committee`, whose caps allow 3 more, and all are full; 2 stay uncovered in any pairing.");
    }

    [Fact]
    public void Solve_CappedGroupAndBackstop_OverflowGoesToTheBackstopNotAboveTheCap()
    {
        var rules = Rules(
            Group("staff", "ordinary-staff", "county", min: 1, max: 2),
            Group("township-cadres", "township-cadre", "township", backstop: true));
        var roster = new Roster(Hs("H", 6), [P("O1", "ordinary-staff"), P("O2", "ordinary-staff"), P("T1", "township-cadre", "A")]);

        var result = rules.Solve(roster);

        result.Loads().Should().Equal(new Dictionary<string, int> { ["O1"] = 1, ["O2"] = 1, ["T1"] = 4 });
    }

    [Fact]
    public void Solve_NoBackstopInTownship_RemainderGoesAboveQuotaToTheEarlierGroup()
    {
        var rules = Rules(
            Group("section", "section-cadre", "county", min: 1),
            Group("staff", "ordinary-staff", "county", min: 1),
            Group("township-cadres", "township-cadre", "township", backstop: true));
        var roster = new Roster([.. Hs("A", 2, "A", "A1"), .. Hs("B", 4, "B", "B1")], [P("S1", "section-cadre"), P("O1", "ordinary-staff"), P("TA", "township-cadre", "A")]);

        var result = rules.Solve(roster);

        // Township B has no cadre: its 4 households go to the county groups, above quota to the earlier-listed one.
        result.Loads().Should().Equal(new Dictionary<string, int> { ["S1"] = 3, ["O1"] = 1, ["TA"] = 2 });
        result.Uncovered.Should().BeEmpty();
    }

    [Fact]
    public void Solve_TwoBackstopCadres_ShareTheRemainderEvenly()
    {
        var rules = Rules(Group("township-cadres", "township-cadre", "township", backstop: true));
        var roster = new Roster(Hs("H", 5), [P("T1", "township-cadre", "A"), P("T2", "township-cadre", "A")]);

        rules.Solve(roster).Loads().Should().Equal(new Dictionary<string, int> { ["T1"] = 3, ["T2"] = 2 });
    }
}
