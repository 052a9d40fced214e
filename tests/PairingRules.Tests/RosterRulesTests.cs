using FluentAssertions;
using Xunit;

namespace PairingRules.Tests;

/// <summary>
/// The rules of a roster as <c>new Roster(...)</c> applies them (docs/roster-format.md, "Rules of a roster"); the roster
/// files apply the same rules, located in the file (Csv/RosterCsvRulesTests).
/// </summary>
public sealed class RosterRulesTests
{
    [Fact]
    public void New_HelperWithoutPoorVillage_TakesItFromTheHouseholdsOfItsVillage()
    {
        var roster = new Roster(
            [new Household("H1", "东乡", "东村", poorVillage: true, deepPoverty: false), new Household("H2", "东乡", "西村", poorVillage: false, deepPoverty: false)],
            [
                new Helper("V1", "village-committee", township: "东乡", village: "东村"),
                new Helper("V2", "village-committee", township: "东乡", village: "西村"),
                new Helper("V3", "village-committee", township: "东乡", village: "北村"),
                new Helper("L1", "county-leader"),
            ]);

        roster.Helpers.Select(h => (h.Id, h.PoorVillage)).Should().Equal(("V1", true), ("V2", false), ("V3", false), ("L1", false));
        roster.FindHelper("V1")!.PoorVillage.Should().BeTrue("FindHelper returns the completed helper");
    }

    [Fact]
    public void New_HelperWithVillageButNoTownship_TakesTheTownshipOfItsVillage()
    {
        var roster = new Roster(
            [new Household("H1", "东乡", "东村", true, false), new Household("H2", "西乡", "西村", false, false)],
            [new Helper("V1", "village-committee", village: "东村"), new Helper("V2", "village-committee", village: "北村")]);

        roster.Helpers.Select(h => (h.Id, h.Township, h.PoorVillage)).Should().Equal(("V1", "东乡", true), ("V2", (string?)null, false));
    }

    [Fact]
    public void New_HelperThatNeedsNothingDerived_IsTheSameObject()
    {
        var leader = new Helper("L1", "county-leader");
        var committee = new Helper("V1", "village-committee", township: "东乡", village: "东村", poorVillage: true);

        var roster = new Roster([new Household("H1", "东乡", "东村", true, false)], [leader, committee]);

        roster.Helpers[0].Should().BeSameAs(leader);
        roster.Helpers[1].Should().BeSameAs(committee);
    }

    [Fact]
    public void New_DerivedHelperInAnotherRoster_IsDerivedAgainFromThoseHouseholds()
    {
        var first = new Roster([new Household("H1", "东乡", "东村", true, false)], [new Helper("V1", "village-committee", township: "东乡", village: "东村")]);

        var second = new Roster([new Household("H1", "东乡", "东村", false, false)], first.Helpers);

        first.Helpers[0].PoorVillage.Should().BeTrue();
        second.Helpers[0].PoorVillage.Should().BeFalse("a derived status is not a given one");
    }

    [Fact]
    public void New_VillageNameInTwoTownships_IsTwoVillagesThatMayDiffer()
    {
        var roster = new Roster(
            [new Household("H1", "东乡", "东村", true, false), new Household("H2", "西乡", "东村", false, false)],
            [new Helper("V1", "village-committee", township: "东乡", village: "东村"), new Helper("V2", "village-committee", township: "西乡", village: "东村")]);

        roster.Places.Villages.Should().Equal((null, "东乡", "东村"), (null, "西乡", "东村"));
        roster.Helpers.Select(h => h.PoorVillage).Should().Equal(true, false);
    }

    [Fact]
    public void New_HouseholdsOfAVillageDisagree_ThrowsNamingBoth()
    {
        var act = () => new Roster(
            [new Household("H1", "东乡", "东村", true, false), new Household("H2", "西乡", "东村", false, false), new Household("H3", "东乡", "东村", false, false)],
            []);

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "households: household 'H3' (position 3): village '东村' has PoorVillage true at household 'H1' (position 1); every household of a village must agree");
    }

    [Fact]
    public void New_HelperPoorVillageContradictingItsVillage_Throws()
    {
        var act = () => new Roster(
            [new Household("H1", "东乡", "东村", true, false)],
            [new Helper("V1", "village-committee", township: "东乡", village: "东村", poorVillage: false)]);

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "helpers: helper 'V1' (position 1): PoorVillage false contradicts the households of village '东村' in township '东乡', " +
            "which have PoorVillage true at household 'H1' (position 1); leave it empty to take theirs");
    }

    [Fact]
    public void New_HelperNamingAVillageOfTwoTownshipsWithoutItsTownship_Throws()
    {
        var act = () => new Roster(
            [new Household("H1", "西乡", "东村", true, false), new Household("H2", "东乡", "东村", true, false), new Household("H3", "北乡", "东村", true, false)],
            [new Helper("V1", "village-committee", village: "东村")]);

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "helpers: helper 'V1' (position 1): village '东村' is in townships '东乡', '北乡' and '西乡' among the households; give the helper's Township to say which");
    }

    [Fact]
    public void New_DuplicateIds_ThrowsListingEveryDuplicate()
    {
        var act = () => new Roster(
            [new Household("H1", "东乡", "东村", true, false), new Household("H1", "东乡", "东村", true, false)],
            [new Helper("L1", "county-leader"), new Helper("L2", "county-leader"), new Helper("L1", "section-cadre")]);

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "households: duplicate household id 'H1' (positions 1 and 2)",
            "helpers: duplicate helper id 'L1' (positions 1 and 3)");
    }

    [Fact]
    public void New_NullHelper_ThrowsArgumentNullException()
    {
        var act = () => new Roster([], [new Helper("L1", "county-leader"), null!]);

        act.Should().Throw<ArgumentNullException>().WithParameterName("helpers").WithMessage("The helper at position 1 is null. (Parameter 'helpers')");
    }

    [Theory]
    [InlineData("第一书记", "第一书记")]
    [InlineData(" poverty-office ", "poverty-office")]
    [InlineData("First-Secretary", "First-Secretary")]
    [InlineData("县级领导", "县级领导")]
    [InlineData("County_Leader", "County_Leader")]
    public void Helper_Category_IsAnyTextTrimmedAndOtherwiseAsGiven(string written, string category) =>
        new Helper("X1", written).Category.Should().Be(category);

    [Fact]
    public void Helper_TierOnAnyCategory_IsKept()
    {
        new Helper("E5", "enterprise", tier: 5).Tier.Should().Be(5);
        new Helper("S1", "section-cadre", tier: 2).Tier.Should().Be(2);
        new Helper("E0", "enterprise").Tier.Should().BeNull();
    }

    [Fact]
    public void Solve_HelpersWithoutThePlaceTheirGroupNeeds_AreReportedByTheRulesNotRefused()
    {
        var roster = new Roster(
            [new Household("H1", "东乡", "东村", true, false)],
            [new Helper("V1", "village-committee", township: "东乡", poorVillage: true), new Helper("T1", "township-cadre"), new Helper("T2", "township-cadre", township: "东乡")]);

        var result = RuleSet.LoadXingCounty().Solve(roster);

        result.Unselected.Select(u => (u.HelperId, u.Reason, u.GroupId)).Should().Equal(
            ("V1", UnselectedReason.NoVillage, "poor-village-committee"),
            ("T1", UnselectedReason.NoTownship, "township-cadres"));
    }
}
