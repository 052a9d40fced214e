using FluentAssertions;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Results;

/// <summary>
/// A result keeps its pairings and helper loads as roster indexes and makes each row when it is read: reading by index
/// and enumerating must give the same rows, and the rows must agree with the summary and the roster.
/// </summary>
public sealed class ResultRowsTests
{
    private static readonly PairingResult Result = RuleSet.LoadXingCounty().Solve(
        SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 3_000, PreviouslyPaired = 0.3, TownshipsWithoutCadres = 1 }));

    [Fact]
    public void Pairings_ByIndexAndEnumerated_AreTheSameRows()
    {
        Result.Pairings.Should().Equal(Enumerable.Range(0, Result.Pairings.Count).Select(i => Result.Pairings[i]));
        Result.Helpers.Should().Equal(Enumerable.Range(0, Result.Helpers.Count).Select(i => Result.Helpers[i]));
    }

    [Fact]
    public void Rows_AgreeWithTheSummary()
    {
        var summary = Result.Summary;
        Result.Pairings.Should().HaveCount(summary.Covered);
        Result.Pairings.Count(p => p.Status == PairingStatus.Kept).Should().Be(summary.Kept).And.BePositive();
        Result.Pairings.Count(p => p.Status == PairingStatus.Changed).Should().Be(summary.Changed);
        Result.Pairings.Count(p => p.Status == PairingStatus.New).Should().Be(summary.New).And.BePositive();
        Result.Helpers.Count(h => h.IsIdle).Should().Be(summary.IdleHelpers);
        Result.Helpers.Sum(h => (long)h.Shortfall).Should().Be(summary.TotalShortfall);
        Result.Helpers.Sum(h => h.Assigned).Should().Be(summary.Covered);
    }

    [Fact]
    public void Pairings_AreInRosterOrderAndNameTheHelpersGroup()
    {
        var rules = RuleSet.LoadXingCounty();
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 3_000, PreviouslyPaired = 0.3, TownshipsWithoutCadres = 1 });
        var order = roster.Households.Select((h, i) => (h.Id, i)).ToDictionary(p => p.Id, p => p.i);

        Result.Pairings.Select(p => order[p.HouseholdId]).Should().BeInAscendingOrder();
        Result.Pairings.Should().OnlyContain(p => rules.GroupOf(roster.FindHelper(p.HelperId)!)!.Id == p.GroupId);
    }
}
