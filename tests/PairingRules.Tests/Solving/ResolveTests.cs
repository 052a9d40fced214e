using FluentAssertions;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Solving;

/// <summary>Re-solving keeps every still-valid pairing (不脱贫不脱钩) and says what changed and why.</summary>
public sealed class ResolveTests
{
    [Fact]
    public void Solve_AfterHouseholdsAndHelpersChange_KeepsEveryValidPairingAndCountsChangesExactly()
    {
        var rules = RuleSet.LoadXingCounty();
        var county = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 2_000 });
        var first = rules.Solve(county);
        var helperOf = first.Pairings.ToDictionary(p => p.HouseholdId, p => p.HelperId);

        // 5% of households leave poverty, 5% new ones arrive, 3% of helpers leave.
        var leaving = county.Households.Where((_, i) => i % 20 == 0).Select(h => h.Id).ToHashSet();
        var departed = county.Helpers.Where((_, i) => i % 33 == 0).Select(h => h.Id).ToHashSet();
        var staying = county.Households.Where(h => !leaving.Contains(h.Id))
            .Select(h => new Household(h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, h.County, h.Members, h.Income, helperOf[h.Id]));
        var arriving = county.Households.Where((_, i) => i % 20 == 1)
            .Select(h => new Household("N" + h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty));
        var roster = new Roster(staying.Concat(arriving), county.Helpers.Where(p => !departed.Contains(p.Id)));

        var result = rules.Solve(roster);

        var stillValid = roster.Households.Where(h => h.CurrentHelper is { } p && !departed.Contains(p)).Select(h => h.Id).ToHashSet();
        result.Pairings.Where(p => p.Status == PairingStatus.Kept).Select(p => p.HouseholdId).Should().BeEquivalentTo(stillValid);
        result.Pairings.Where(p => p.Status == PairingStatus.Kept).Should().OnlyContain(p => p.HelperId == helperOf[p.HouseholdId]);
        result.Changes.Should().OnlyContain(c => c.Reason == ChangeReason.HelperLeft && departed.Contains(c.PreviousHelperId));
        result.Summary.Kept.Should().Be(stillValid.Count);
        result.Summary.Changed.Should().Be(roster.Households.Count(h => h.CurrentHelper is { } p && departed.Contains(p)));
        result.Summary.New.Should().Be(arriving.Count());
        result.Summary.Uncovered.Should().Be(0);
        result.FreshObjective.Should().NotBeNull();
        result.Objective.Uncovered.Should().Be(result.FreshObjective!.Uncovered);
    }

    [Fact]
    public void Solve_PairingThatBreaksTheRules_IsChangedWithItsReason()
    {
        var rules = County.Rules(
            County.Group("committee", "village-committee", "village", min: 1, max: 1),
            County.Group("township-cadres", "township-cadre", "township", backstop: true));
        var roster = new Roster(
            [County.H("H1", "A", "A1", helper: "C2"), County.H("H2", "A", "A1", helper: "C1"), County.H("H3", "A", "A1", helper: "C1"), County.H("H4", "A", "A1", helper: "GONE")],
            [County.P("C1", "village-committee", "A", "A1"), County.P("C2", "village-committee", "A", "A2"), County.P("T1", "township-cadre", "A")]);

        var result = rules.Solve(roster);

        result.Changes.Select(c => (c.HouseholdId, c.PreviousHelperId, c.Reason)).Should().Equal(
            ("H1", "C2", ChangeReason.RuleBroken),
            ("H3", "C1", ChangeReason.OverCap),
            ("H4", "GONE", ChangeReason.HelperLeft));
        result.Pairings.Single(p => p.HouseholdId == "H2").Status.Should().Be(PairingStatus.Kept);
        result.Summary.Should().BeEquivalentTo(new PairingSummary(4, 4, 0, 3, 1, 1, kept: 1, changed: 3, @new: 0, unselectedHelpers: 0));
    }
}
