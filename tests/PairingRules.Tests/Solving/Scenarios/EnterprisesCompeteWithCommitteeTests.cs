using FluentAssertions;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Solving.Scenarios;

/// <summary>
/// A non-poor village: an enterprise (quota 3), two committee members (exactly 1 each) and a township cadre (the
/// backstop) share its households. Nobody may be left out before any quota is met.
/// </summary>
public sealed class EnterprisesCompeteWithCommitteeTests
{
    private static readonly RuleSet Rules = County.Rules(
        Group("enterprise", "enterprise", "county", min: 3, households: "!household.PoorVillage"),
        Group("committee", "village-committee", "village", min: 1, max: 1, households: "!household.PoorVillage"),
        Group("township-cadres", "township-cadre", "township", backstop: true));

    private static Roster Roster(int households) => new(
        Hs("H", households, "A", "A1", poor: false),
        [P("E1", "enterprise", tier: 1), P("C1", "village-committee", "A", "A1"), P("C2", "village-committee", "A", "A1"), P("T1", "township-cadre", "A")]);

    [Fact]
    public void Solve_FourHouseholdsFourHelpers_EachHelperGetsOneAndTheEnterpriseFallsShort()
    {
        var result = Rules.Solve(Roster(4));

        result.Loads().Should().Equal(new Dictionary<string, int> { ["E1"] = 1, ["C1"] = 1, ["C2"] = 1, ["T1"] = 1 });
        result.Objective.Should().Be(new ObjectiveValues(uncovered: 0, idleHelpers: 0, shortfall: 2, remainder: 0, balance: 1));
    }

    [Fact]
    public void Solve_SevenHouseholds_QuotasFirstThenTheRemainderToTheBackstop()
    {
        var result = Rules.Solve(Roster(7));

        result.Loads().Should().Equal(new Dictionary<string, int> { ["E1"] = 3, ["C1"] = 1, ["C2"] = 1, ["T1"] = 2 });
        result.HelperOf().Should().Equal(new Dictionary<string, string>
        {
            ["H1"] = "E1", ["H2"] = "E1", ["H3"] = "E1", ["H4"] = "C1", ["H5"] = "C2", ["H6"] = "T1", ["H7"] = "T1",
        });
        result.IsComplete.Should().BeTrue();
        result.Certificates.Should().BeEmpty();
    }

    [Fact]
    public void Solve_PoorVillageHouseholds_AreNotTakenByEnterprises()
    {
        var roster = new Roster(
            [.. Hs("P", 2, "A", "A2", poor: true), .. Hs("N", 3, "A", "A1", poor: false)],
            [P("E1", "enterprise", tier: 1), P("T1", "township-cadre", "A")]);

        var result = Rules.Solve(roster);

        result.HelperOf().Should().Equal(new Dictionary<string, string> { ["P1"] = "T1", ["P2"] = "T1", ["N1"] = "E1", ["N2"] = "E1", ["N3"] = "E1" });
    }
}
