using FluentAssertions;
using PairingRules.Tests.Solving;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Explanation;

/// <summary>
/// <see cref="PairingResult.Backstop"/> names the townships without a helper of the township backstop group, who carries
/// their households, and the load above quota that falls on other groups.
/// </summary>
public sealed class BackstopCoverageTests
{
    private static readonly RuleSet Rules = County.Rules(
        Group("section-cadres", "section-cadre", "county", min: 2),
        Group("committee", "village-committee", "village", min: 1, max: 1),
        Group("township-cadres", "township-cadre", "township", backstop: true));

    [Fact]
    public void Solve_TownshipWithoutCadresCoveredByOthers_NamesItAndTheLoadAboveQuota()
    {
        // East has no township cadre: its committee member takes one household, the section cadre the other four
        // (two above quota). West has its cadre.
        var roster = new Roster(
            [.. Hs("E", 5, "东乡", "东村"), H("W1", "西乡", "西村")],
            [P("S1", "section-cadre"), P("C1", "village-committee", "东乡", "东村"), P("T1", "township-cadre", "西乡")]);

        var backstop = Rules.Solve(roster).Backstop;

        backstop.Should().NotBeNull();
        backstop!.Groups.Select(g => g.Id).Should().Equal("township-cadres");
        backstop.Townships.Should().BeEquivalentTo(
            [
                new BackstopTownship(new Place(null, "东乡", null), 5, 0, [new GroupHouseholds("section-cadres", 4), new GroupHouseholds("committee", 1)]),
            ],
            o => o.WithStrictOrdering());
        backstop.AboveQuota.Should().BeEquivalentTo([new GroupHouseholds("section-cadres", 2)]);
        backstop.AboveQuotaTotal.Should().Be(2);
        backstop.IsWorthReporting.Should().BeTrue();
    }

    [Fact]
    public void Solve_TownshipWithoutAnyoneWhoMayTakeIt_CountsItsUncoveredHouseholds()
    {
        var rules = County.Rules(Group("township-cadres", "township-cadre", "township", backstop: true));
        var roster = new Roster([.. Hs("E", 2, "东乡", "东村"), H("W1", "西乡", "西村")], [P("T1", "township-cadre", "西乡")]);

        var backstop = rules.Solve(roster).Backstop!;

        backstop.Townships.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new BackstopTownship(new Place(null, "东乡", null), 2, 2, []));
        backstop.AboveQuota.Should().BeEmpty();
    }

    [Fact]
    public void Solve_EveryTownshipHasItsCadre_IsNotWorthReporting()
    {
        var roster = new Roster([H("E1", "东乡", "东村")], [P("T1", "township-cadre", "东乡")]);

        var backstop = Rules.Solve(roster).Backstop!;

        backstop.Townships.Should().BeEmpty();
        backstop.AboveQuotaTotal.Should().Be(0);
        backstop.IsWorthReporting.Should().BeFalse();
    }

    [Fact]
    public void Solve_RulesWithoutATownshipBackstop_HaveNoBackstopView()
    {
        var rules = County.Rules(Group("section-cadres", "section-cadre", "county"), Group("leaders", "county-leader", "county", backstop: true));

        rules.Solve(new Roster([H("E1")], [P("S1", "section-cadre")])).Backstop.Should().BeNull();
    }
}
