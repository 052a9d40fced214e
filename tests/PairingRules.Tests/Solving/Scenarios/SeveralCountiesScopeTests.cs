using FluentAssertions;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Solving.Scenarios;

/// <summary>
/// Two counties, 兴县 and 临县, each with a township 东乡 and a village 东村 of the same names: whatever its scope, a
/// helper takes households of its own county only.
/// </summary>
public sealed class SeveralCountiesScopeTests
{
    private const string Xing = "兴县";
    private const string Lin = "临县";

    [Fact]
    public void Solve_CountyScope_NeverTakesAHouseholdOfAnotherCounty()
    {
        var rules = County.Rules(Group("leaders", "county-leader", "county"));
        var roster = new Roster(
            [InCounty(Xing, "X1"), InCounty(Xing, "X2"), InCounty(Lin, "L1")],
            [new Helper("CL", "county-leader", county: Xing)]);

        var result = rules.Solve(roster);

        result.HelperOf().Should().Equal(new Dictionary<string, string> { ["X1"] = "CL", ["X2"] = "CL" });
        result.Uncovered.Should().BeEquivalentTo([new UncoveredHousehold(
            roster.Households[2], new Place(Lin, "东乡", "东村"), UncoveredReason.NoHelperInScope, "add a helper of group `leaders` (leaders) in its county", ["leaders"], maxIncrease: null)]);
        rules.Groups[0].InScope(roster.Helpers[0], roster.Households[2]).Should().BeFalse();
        rules.Groups[0].InScope(roster.Helpers[0], roster.Households[0]).Should().BeTrue();
    }

    [Fact]
    public void Solve_TownshipScopeWithEqualTownshipNames_StaysInTheHelpersCounty()
    {
        var rules = County.Rules(Group("township-cadres", "township-cadre", "township", backstop: true));
        var roster = new Roster(
            [InCounty(Xing, "X1"), InCounty(Lin, "L1"), InCounty(Lin, "L2")],
            [new Helper("TX", "township-cadre", township: "东乡", county: Xing)]);

        var result = rules.Solve(roster);

        result.HelperOf().Should().Equal(new Dictionary<string, string> { ["X1"] = "TX" });
        result.Uncovered.Select(u => (u.HouseholdId, u.Place.County, u.Reason, u.Remedy)).Should().Equal(
            ("L1", Lin, UncoveredReason.NoBackstopInTownship, "add a helper of group `township-cadres` (township-cadres) in township 临县/东乡"),
            ("L2", Lin, UncoveredReason.NoBackstopInTownship, "add a helper of group `township-cadres` (township-cadres) in township 临县/东乡"));
        result.Townships.Should().BeEquivalentTo(
            [new AreaTotal(new Place(Lin, "东乡", null), 2, 0, 2), new AreaTotal(new Place(Xing, "东乡", null), 1, 1, 0)], o => o.WithStrictOrdering());
        result.Villages.Should().BeEquivalentTo(
            [new AreaTotal(new Place(Lin, "东乡", "东村"), 2, 0, 2), new AreaTotal(new Place(Xing, "东乡", "东村"), 1, 1, 0)], o => o.WithStrictOrdering());
        var certificate = result.Certificates.Should().ContainSingle().Which;
        certificate.Statement.Should().Be("临县/东乡: 2 households, the township has no helper of the backstop group and no other helper may take them.");
        certificate.Places.Should().Equal(new Place(Lin, "东乡", null));
    }

    [Fact]
    public void Solve_VillageScopeWithEqualVillageNames_StaysInTheHelpersCounty()
    {
        var rules = County.Rules(Group("committee", "village-committee", "village"));
        var roster = new Roster(
            [InCounty(Xing, "X1"), InCounty(Lin, "L1")],
            [new Helper("VX", "village-committee", township: "东乡", village: "东村", county: Xing)]);

        var result = rules.Solve(roster);

        result.HelperOf().Should().Equal(new Dictionary<string, string> { ["X1"] = "VX" });
        result.Uncovered.Should().ContainSingle().Which.Should().BeEquivalentTo(new UncoveredHousehold(
            roster.Households[1], new Place(Lin, "东乡", "东村"), UncoveredReason.NoHelperInScope, "add a helper of group `committee` (committee) in its village", ["committee"], maxIncrease: null));
    }

    [Fact]
    public void Solve_ExpressionsReadTheCounty()
    {
        var rules = County.Rules(new { id = "xing-leaders", helpers = "helper.County == \"兴县\"", households = "household.County == \"兴县\"", scope = "county" });
        var roster = new Roster(
            [InCounty(Xing, "X1"), InCounty(Lin, "L1")],
            [new Helper("CX", "county-leader", county: Xing), new Helper("CL", "county-leader", county: Lin)]);

        var result = rules.Solve(roster);

        result.HelperOf().Should().Equal(new Dictionary<string, string> { ["X1"] = "CX" });
        result.Unselected.Select(u => u.HelperId).Should().Equal("CL");
    }

    [Fact]
    public void Solve_WithoutCounties_ResultsNameNoCounty()
    {
        var rules = County.Rules(Group("township-cadres", "township-cadre", "township", backstop: true));
        var roster = new Roster([H("H1", "东乡", "东村"), H("H2", "西乡", "西村")], [P("T", "township-cadre", "东乡")]);

        var result = rules.Solve(roster);

        result.Townships.Should().OnlyContain(t => t.Place.County == null);
        result.Uncovered.Should().ContainSingle().Which.Place.County.Should().BeNull();
        result.Certificates.Should().ContainSingle().Which.Places.Should().OnlyContain(p => p.County == null);
    }

    private static Household InCounty(string county, string id) => new(id, "东乡", "东村", poorVillage: true, deepPoverty: false, county: county);
}
