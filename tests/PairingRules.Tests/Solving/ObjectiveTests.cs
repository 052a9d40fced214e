using FluentAssertions;
using PairingRules.Solving;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Solving;

/// <summary>The one definition of the objective: unit costs, their breakpoints, and work that does not follow the size of a quota.</summary>
public sealed class ObjectiveTests
{
    [Fact]
    public void LastOfRun_AgreesWithWalkingTheHouseholdCosts()
    {
        Span<long> first = stackalloc long[Objective.Levels];
        Span<long> next = stackalloc long[Objective.Levels];
        for (var quota = 0; quota <= 12; quota++)
        {
            for (long j = 1; j <= 20; j++)
            {
                Objective.HouseholdCost(quota, rank: 3, j, first);
                var last = j;
                while (last < 40)
                {
                    Objective.HouseholdCost(quota, rank: 3, last + 1, next);
                    if (!next.SequenceEqual(first))
                    {
                        break;
                    }

                    last++;
                }

                Objective.LastOfRun(quota, j).Should().Be(last, $"quota {quota}, household {j}");
            }
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(int.MaxValue)]
    public void Solve_HugeQuota_BuildsTheSameFlowAsASmallOne(int min)
    {
        // The documented largest `min`: the flow has as many arcs as for a quota of 10, so the work cannot follow the
        // size of the number (it once walked every unit up to the quota: 71 s of CPU for this roster).
        var rules = Rules(Group("committee", "village-committee", "village", min: min, max: min));
        var roster = new Roster(Hs("H", 1), [P("C1", "village-committee", "A", "A1"), P("C2", "village-committee", "A", "A1"), P("C3", "village-committee", "A", "A1")]);

        var result = rules.Solve(roster);
        var statistics = FlowModel.Solve(ProblemBuilder.Build(rules.Compiled, roster, keepCurrent: true, CancellationToken.None), CancellationToken.None).Statistics;

        result.Summary.Covered.Should().Be(1);
        result.Summary.IdleHelpers.Should().Be(2);
        result.Summary.TotalShortfall.Should().Be((3L * min) - 1);
        statistics.Arcs.Should().Be(4, "one uncovered arc, one eligibility arc, and two cost segments: the first household and the rest of the quota");
    }
}
