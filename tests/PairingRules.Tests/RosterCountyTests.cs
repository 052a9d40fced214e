using FluentAssertions;
using Xunit;

namespace PairingRules.Tests;

/// <summary>A roster names a county for every household and helper, or for none.</summary>
public sealed class RosterCountyTests
{
    [Fact]
    public void New_HouseholdWithoutCountyAmongHouseholdsWithOne_ThrowsNamingTheHousehold()
    {
        var act = () => new Roster(
            [new Household("H1", "东乡", "东村", true, false, county: "兴县"), new Household("H2", "东乡", "东村", true, false)],
            [new Helper("L1", "county-leader", county: "兴县")]);

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "households: household 'H2' (position 2) names no county, but household 'H1' (position 1) does; either every household and helper names a county or none does");
    }

    [Fact]
    public void New_HelperWithCountyWhereHouseholdsNameNone_ThrowsNamingTheHelper()
    {
        var act = () => new Roster(
            [new Household("H1", "东乡", "东村", true, false)],
            [new Helper("L1", "county-leader"), new Helper("L2", "county-leader", county: "兴县")]);

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "helpers: helper 'L2' (position 2) names a county, but household 'H1' (position 1) does not; either every household and helper names a county or none does");
    }

    [Fact]
    public void New_BlankCounty_CountsAsNone()
    {
        var roster = new Roster([new Household("H1", "东乡", "东村", true, false, county: " ")], [new Helper("L1", "county-leader", county: "")]);

        roster.Households[0].County.Should().BeNull();
        roster.Helpers[0].County.Should().BeNull();
    }

    [Fact]
    public void Villages_SameNamesInTwoCounties_AreTwoVillagesOrderedByCounty()
    {
        var roster = new Roster(
            [new Household("H1", "东乡", "东村", true, false, county: "兴县"), new Household("H2", "东乡", "东村", true, false, county: "临县")],
            []);

        roster.Places.Villages.Should().Equal(("临县", "东乡", "东村"), ("兴县", "东乡", "东村"));
        roster.Places.VillageOfHousehold.Should().Equal(1, 0);
        roster.Places.Townships.Should().Equal(("临县", "东乡"), ("兴县", "东乡"));
        roster.Places.Counties.Should().Equal("临县", "兴县");
    }

    [Fact]
    public void Units_PlacesNamedOnlyByHelpers_AreNumberedInNameOrderWithTheHouseholds()
    {
        var roster = new Roster(
            [new Household("H1", "B乡", "B1", true, false, currentHelper: "T1"), new Household("H2", "D乡", "D1", true, false, currentHelper: "gone")],
            [new Helper("T1", "township-cadre", township: "C乡"), new Helper("V1", "village-committee", township: "A乡", village: "A1"), new Helper("L1", "county-leader")]);

        roster.Places.Villages.Should().Equal((null, "A乡", "A1"), (null, "B乡", "B1"), (null, "D乡", "D1"));
        roster.Places.Townships.Should().Equal((null, "A乡"), (null, "B乡"), (null, "C乡"), (null, "D乡"));
        roster.Places.Counties.Should().Equal([null]);
        roster.Places.VillageOfHousehold.Should().Equal(1, 2);
        roster.Places.TownshipOfVillage.Should().Equal(0, 1, 3);
        roster.Places.TownshipOfHelper.Should().Equal(2, 0, -1);
        roster.Places.VillageOfHelper.Should().Equal(-1, 0, -1);
        roster.Places.CurrentHelperOf.Should().Equal(0, RosterPlaces.UnknownHelper);

        var result = RuleSet.LoadXingCounty().Solve(roster);
        result.Townships.Select(t => t.Place.Township).Should().Equal(["B乡", "D乡"], "places named only by helpers have no households to total");
        result.Villages.Select(v => v.Place.Village).Should().Equal("B1", "D1");
    }
}
