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

        roster.Villages.Should().Equal(("临县", "东乡", "东村"), ("兴县", "东乡", "东村"));
        roster.VillageOf.Should().Equal(1, 0);
    }
}
