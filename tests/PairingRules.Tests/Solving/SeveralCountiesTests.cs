using FluentAssertions;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Solving;

/// <summary>
/// Several counties in one roster solve as if each were solved alone: the counties share no helper, so the optimum of
/// the whole is the optimum of each county, level by level.
/// </summary>
public sealed class SeveralCountiesTests
{
    private static readonly RuleSet Xing = RuleSet.LoadXingCounty();

    /// <summary>Local helpers only: committee members (2 to 3 each) and township cadres, so a township without cadres has gaps.</summary>
    private static readonly RuleSet Local = County.Rules(
        County.Group("committee", "village-committee", "village", min: 2, max: 3),
        County.Group("township-cadres", "township-cadre", "township", min: 1, backstop: true));

    [Theory]
    [InlineData(1.0, 0, false)]
    [InlineData(1.25, 1, false)]
    [InlineData(0.8, 2, false)]
    [InlineData(1.0, 2, true)]
    public void Solve_ThreeCountiesInOneRun_GivesEachCountyWhatSolvingItAloneGives(double helperScale, int townshipsWithoutCadres, bool localRules)
    {
        var rules = localRules ? Local : Xing;
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions
        {
            Households = 4_500, Counties = 3, HelperScale = helperScale, TownshipsWithoutCadres = townshipsWithoutCadres,
        });

        var together = rules.Solve(roster);

        var counties = roster.Households.Select(h => h.County!).Distinct().ToList();
        counties.Should().HaveCount(3);
        foreach (var county in counties)
        {
            var alone = rules.Solve(new Roster(roster.Households.Where(h => h.County == county), roster.Helpers.Where(h => h.County == county)));
            Counts(together, roster, county).Should().Be(Counts(alone, roster, county), $"county {county} solved with the others or alone");
            together.Townships.Where(t => t.Place.County == county).Should().BeEquivalentTo(alone.Townships, o => o.WithStrictOrdering());
        }

        if (localRules)
        {
            together.Summary.Uncovered.Should().BeGreaterThan(0, "townships without cadres leave households to committee members only");
        }
    }

    [Fact]
    public void Solve_ThreeCountiesInOneRun_PairsWithinOneCountyOnly()
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 3_000, Counties = 3, TownshipsWithoutCadres = 1 });

        var result = Xing.Solve(roster);

        result.Pairings.Should().HaveCount(3_000);
        result.Pairings.Should().OnlyContain(p => roster.FindHousehold(p.HouseholdId)!.County == roster.FindHelper(p.HelperId)!.County);
        result.Townships.Select(t => t.Place.County).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    /// <summary>The objective counts of one county: covered, uncovered, helpers with a household, idle, shortfall, load above quota.</summary>
    private static (int Covered, int Uncovered, int Busy, int Idle, long Shortfall, long Above) Counts(PairingResult result, Roster roster, string county)
    {
        var helpers = result.Helpers.Where(h => roster.FindHelper(h.HelperId)!.County == county).ToList();
        return (
            result.Pairings.Count(p => roster.FindHousehold(p.HouseholdId)!.County == county),
            result.Uncovered.Count(u => u.Place.County == county),
            helpers.Count(h => !h.IsIdle),
            helpers.Count(h => h.IsIdle),
            helpers.Sum(h => (long)h.Shortfall),
            helpers.Sum(h => (long)Math.Max(0, h.Assigned - h.Required)));
    }
}
