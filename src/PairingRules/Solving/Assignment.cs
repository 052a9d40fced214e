namespace PairingRules.Solving;

/// <summary>
/// Class flows turned into individual pairings, deterministically: the helper of every household and the load of every
/// helper. Every later stage (objective, explanation, results) reads these two arrays; none recounts them.
/// </summary>
/// <remarks>Immutable once made.</remarks>
internal sealed class Assignment
{
    private Assignment(int[] helperOf, int[] loads, int uncovered)
    {
        HelperOf = helperOf;
        Loads = loads;
        Uncovered = uncovered;
    }

    /// <summary>The helper index of every household, or -1 when it is uncovered.</summary>
    public int[] HelperOf { get; }

    /// <summary>The households of every helper (kept ones included).</summary>
    public int[] Loads { get; }

    /// <summary>Households without a helper.</summary>
    public int Uncovered { get; }

    public static Assignment Of(PairingProblem problem, FlowSolution solution)
    {
        var helperOf = HelperOfHousehold(problem, solution);
        var loads = new int[problem.Roster.Helpers.Count];
        var uncovered = 0;
        foreach (var helper in helperOf)
        {
            if (helper >= 0)
            {
                loads[helper]++;
            }
            else
            {
                uncovered++;
            }
        }

        return new Assignment(helperOf, loads, uncovered);
    }

    /// <summary>
    /// The helper index of every household (-1 if uncovered): kept pairings, then the class flows split evenly. A helper
    /// class takes its households in household-class order, and its members take them in turn in consecutive runs,
    /// the first <c>total % members</c> members one more than the others; helpers of one class are alike, so the even
    /// split is optimal.
    /// </summary>
    private static int[] HelperOfHousehold(PairingProblem problem, FlowSolution solution)
    {
        var helperOf = (int[])problem.KeptHelperOfHousehold.Clone();
        var classes = problem.HelperClasses;
        var total = new long[classes.Count];
        foreach (var (helperClass, amount) in solution.All)
        {
            total[helperClass] += amount;
        }

        var member = new int[classes.Count];
        var left = new long[classes.Count];
        for (var c = 0; c < left.Length; c++)
        {
            left[c] = Share(total[c], classes[c].Members.Count, 0);
        }

        foreach (var householdClass in problem.HouseholdClasses)
        {
            var members = householdClass.Members;
            var cursor = 0;
            foreach (var (c, amount) in solution.Of(householdClass.Index))
            {
                var helpers = classes[c].Members;
                for (var k = 0; k < amount; k++)
                {
                    while (left[c] == 0)
                    {
                        left[c] = Share(total[c], helpers.Count, ++member[c]);
                    }

                    helperOf[members[cursor++]] = helpers[member[c]];
                    left[c]--;
                }
            }

            if (members.Count - cursor != solution.Uncovered[householdClass.Index])
            {
                throw new InvalidOperationException($"Internal error: household class {householdClass.Index} does not balance.");
            }
        }

        return helperOf;
    }

    /// <summary>How many of <paramref name="total"/> households member <paramref name="m"/> of <paramref name="n"/> takes.</summary>
    private static long Share(long total, int n, int m) => (total / n) + (m < total % n ? 1 : 0);
}
