namespace PairingRules.Solving;

/// <summary>
/// The objective, defined once: the cost vector the flow model gives each household a helper takes (one level per
/// objective, compared lexicographically), and the value of the objective levels for an assignment. Both read
/// <see cref="Ranks"/> and <see cref="HouseholdCost"/>, so the flow optimises exactly what the result reports.
/// </summary>
/// <remarks>
/// Levels, in order: (1) uncovered households; (2) selected helpers without a household; (3) the total quota shortfall;
/// (4) load above quota weighted by the group's rank (<see cref="Ranks"/>); (5) balance, the sum over helpers of
/// e(e+1)/2 where e is the load above quota. docs/rule-format.md states them for rule authors.
/// </remarks>
internal static class Objective
{
    /// <summary>The number of levels of a cost vector.</summary>
    public const int Levels = 5;

    /// <summary>Level-4 rank of each group: backstop groups first, then the others, each in rule order.</summary>
    public static int[] Ranks(IReadOnlyList<RuleGroup> groups)
    {
        var rank = new int[groups.Count];
        var next = 0;
        foreach (var g in groups.Where(g => g.IsBackstop))
        {
            rank[g.Index] = next++;
        }

        foreach (var g in groups.Where(g => !g.IsBackstop))
        {
            rank[g.Index] = next++;
        }

        return rank;
    }

    /// <summary>The cost vector of a helper's <paramref name="j"/>-th household (j counts from 1); an uncovered
    /// household costs <see cref="UncoveredCost"/>.</summary>
    public static void HouseholdCost(int quota, int rank, long j, Span<long> cost)
    {
        cost[0] = 0;
        cost[1] = j == 1 ? -1 : 0;
        cost[2] = j <= quota ? -1 : 0;
        cost[3] = j > quota ? rank : 0;
        cost[4] = j > quota ? j - quota : 0;
    }

    /// <summary>
    /// The last household number (from <paramref name="j"/> on) whose <see cref="HouseholdCost"/> equals that of household
    /// <paramref name="j"/>: the breakpoints of the convex cost in closed form. The first household differs from the
    /// second (level 2), households 2 to the quota cost the same, and above the quota every household costs one more
    /// at level 5 than the one before.
    /// </summary>
    public static long LastOfRun(int quota, long j) => j == 1 ? 1 : j <= quota ? quota : j;

    /// <summary>The cost vector of a household no helper takes.</summary>
    public static void UncoveredCost(Span<long> cost)
    {
        cost.Clear();
        cost[0] = 1;
    }

    /// <summary>The value of every level for an assignment of a problem's households.</summary>
    public static ObjectiveValues Of(PairingProblem problem, Assignment assignment) => Evaluate(problem, assignment).Values;

    /// <summary>
    /// The value of every level for an assignment, and the per-group tallies they are sums of (helpers, households,
    /// idle helpers, shortfall): the result's summary and group totals are these numbers, never recounted.
    /// </summary>
    public static (ObjectiveValues Values, GroupTally[] Groups) Evaluate(PairingProblem problem, Assignment assignment)
    {
        var groups = problem.Rules.Groups;
        var rank = Ranks(groups);
        var tallies = new GroupTally[groups.Count];
        var loads = assignment.Loads;
        long remainder = 0, balance = 0;
        for (var i = 0; i < loads.Length; i++)
        {
            var g = problem.GroupOfHelper[i];
            if (g < 0)
            {
                continue;
            }

            var quota = groups[g].Min;
            ref var tally = ref tallies[g];
            tally.Helpers++;
            tally.Households += loads[i];
            tally.Idle += loads[i] == 0 ? 1 : 0;
            tally.Shortfall += Math.Max(0, quota - loads[i]);
            long above = Math.Max(0, loads[i] - quota);
            remainder += rank[g] * above;
            balance += above * (above + 1) / 2;
        }

        var idle = tallies.Sum(t => (long)t.Idle);
        var shortfall = tallies.Sum(t => t.Shortfall);
        return (new ObjectiveValues(assignment.Uncovered, idle, shortfall, remainder, balance), tallies);
    }
}

/// <summary>One group's part of the objective: its helpers, their households, idle helpers and shortfall.</summary>
internal struct GroupTally
{
    public int Helpers;
    public int Households;
    public int Idle;
    public long Shortfall;
}
