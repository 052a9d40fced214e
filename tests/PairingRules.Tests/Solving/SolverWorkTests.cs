using FluentAssertions;
using PairingRules.Solving;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Solving;

/// <summary>
/// A regression gate on how the solver's work grows, counted rather than timed: the simplex reports how many arcs
/// pricing looked at and how many node potentials its pivots shifted, and those counts are the same on every machine
/// and every run. The benchmarks (src/PairingRules.Benchmarks) show the times these counts stand for.
/// </summary>
public sealed class SolverWorkTests
{
    private static readonly RuleSet Xing = RuleSet.LoadXingCounty();

    [Fact]
    public void Solve_TenTimesTheCounty_DoesAtMostFortyTimesTheWork()
    {
        var small = Work(16_800);
        var large = Work(168_000);

        // Measured when the gate was set: 16,800 households take 3,127 pivots, 267,455 arcs priced and 27,415
        // potential updates; 168,000 take 33,096 pivots, 8,083,089 and 1,291,046, a ratio of 31.9. Pivots grow
        // linearly; pricing grows faster because improving arcs get rarer late in a larger solve.
        large.Pivots.Should().BeLessThanOrEqualTo(12 * small.Pivots, "pivots grow about linearly with the county");
        ((double)large.Total / small.Total).Should().BeLessThanOrEqualTo(40, $"work was {small} and then {large}");
    }

    [Fact]
    public void Solve_TenCountiesInOneRoster_DoAboutTenTimesTheWorkOfOne()
    {
        var one = Work(16_800);
        var ten = Work(168_000, counties: 10);

        // Each county is a part of its own, solved alone: the work adds up instead of growing faster than the roster.
        // Measured when the gate was set: 32,230 pivots and 3,013,816 arcs priced plus potentials shifted, against
        // 3,127 and 294,870 for one county (10.3 and 10.2 times).
        ten.Parts.Should().Be(10);
        ((double)ten.Total / one.Total).Should().BeInRange(8, 12, $"work was {one} and then {ten}");
        ((double)ten.Pivots / one.Pivots).Should().BeInRange(8, 12);
    }

    [Fact]
    public void Solve_SameCounty_DoesTheSameWork()
    {
        Work(16_800).Should().Be(Work(16_800), "the solver is deterministic, down to its pivots");
    }

    private static SolverWork Work(int households, int counties = 1)
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = households, Counties = counties });
        var problem = ProblemBuilder.Build(Xing.Compiled, roster, keepCurrent: true, CancellationToken.None);
        var statistics = FlowModel.Solve(problem, CancellationToken.None).Statistics;
        return new SolverWork(statistics.Pivots, statistics.PricedArcs, statistics.PotentialUpdates, statistics.Parts);
    }

    private sealed record SolverWork(long Pivots, long PricedArcs, long PotentialUpdates, int Parts)
    {
        public long Total => PricedArcs + PotentialUpdates;
    }
}
