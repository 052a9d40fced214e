using FluentAssertions;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Solving;

/// <summary>
/// A cancelled token stops a solve with <see cref="OperationCanceledException"/> and leaves nothing half-done: the
/// rule set is immutable, so the next solve gives the same result as a fresh one.
/// </summary>
public sealed class CancellationTests
{
    private static readonly RuleSet Rules = RuleSet.LoadXingCounty();

    [Fact]
    public void Solve_AlreadyCancelledToken_Throws()
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 500 });

        var act = () => Rules.Solve(roster, new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Solve_CancelledFromAnotherThreadWhileSolving_ThrowsAndTheRuleSetStaysUsable()
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 100_000, PreviouslyPaired = 0.3 });
        var expected = ResultSnapshot.Of(RuleSet.LoadXingCounty().Solve(roster));
        var cancelled = 0;

        // Cancel at several moments after the solve has begun (while the rules are evaluated, during the simplex, while
        // the result is built); a solve that finishes first must still be complete and right.
        foreach (var delay in new[] { 1, 20, 80, 200 })
        {
            using var cancellation = new CancellationTokenSource();
            using var started = new ManualResetEventSlim();
            var canceller = new Thread(() =>
            {
                started.Wait();
                Thread.Sleep(delay);
                cancellation.Cancel();
            });
            canceller.Start();
            try
            {
                started.Set();
                var result = Rules.Solve(roster, cancellation.Token);
                ResultSnapshot.Of(result).Should().Be(expected, "a solve that ends before the cancellation is complete");
            }
            catch (OperationCanceledException e)
            {
                e.CancellationToken.Should().Be(cancellation.Token);
                cancelled++;
            }
            finally
            {
                canceller.Join();
            }

            ResultSnapshot.Of(Rules.Solve(roster)).Should().Be(expected, $"the rule set solves as before after a cancellation {delay} ms in");
        }

        cancelled.Should().BePositive("a 100,000-household solve is still running 1 ms after it starts");
    }
}
