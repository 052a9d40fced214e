using FluentAssertions;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Solving;

/// <summary>One compiled rule set solving many rosters at once from many threads gives the results of solving them one by one.</summary>
public sealed class ParallelSolveTests
{
    [Fact]
    public void Solve_EightRostersOnParallelThreads_GivesTheResultsOfSolvingThemOneByOne()
    {
        var rules = RuleSet.LoadXingCounty();
        var rosters = Enumerable.Range(0, 8).Select(i => SyntheticCounty.Generate(new SyntheticCountyOptions
        {
            Seed = 100 + i,
            Households = 1_500 + (i * 250),
            PreviouslyPaired = i % 2 == 0 ? 0 : 0.4,
            TownshipsWithoutCadres = i % 3 == 1 ? 1 : 0,
            HelperScale = i % 4 == 3 ? 1.25 : 1.0,
        })).ToArray();
        var oneByOne = rosters.Select(r => ResultSnapshot.Of(rules.Solve(r))).ToArray();
        oneByOne.Distinct(StringComparer.Ordinal).Should().HaveCount(8, "eight different rosters give eight different results");

        var parallel = new string?[8];
        var failures = new Exception?[8];
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                parallel[i] = ResultSnapshot.Of(rules.Solve(rosters[i]));
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        failures.Should().AllSatisfy(f => f.Should().BeNull());
        for (var i = 0; i < 8; i++)
        {
            parallel[i].Should().Be(oneByOne[i], $"roster {i} solved alongside seven others gives the same result as alone");
        }
    }
}
