using PairingRules.Compilation;

namespace PairingRules.Evaluation;

/// <summary>
/// The rules evaluated on a roster, once: each helper's group (or why it takes no part) and each household's result on
/// every distinct `households` filter (groups with the same expression text share one). Solving and auditing both read
/// it; no later stage evaluates an expression again.
/// </summary>
/// <remarks>Immutable once made.</remarks>
internal sealed class Placement
{
    private readonly bool[] _accepted;

    private Placement(CompiledRuleSet rules, Roster roster, int[] groupOfHelper, UnselectedReason?[] unselectedReason, int[] unselectedGroup, int[] filterOfGroup, int filterCount, bool[] accepted, int[] patternOf)
    {
        UnselectedGroup = unselectedGroup;
        Rules = rules;
        Roster = roster;
        GroupOfHelper = groupOfHelper;
        UnselectedReason = unselectedReason;
        FilterOfGroup = filterOfGroup;
        FilterCount = filterCount;
        _accepted = accepted;
        PatternOf = patternOf;
    }

    public CompiledRuleSet Rules { get; }

    public Roster Roster { get; }

    /// <summary>The group index of each helper, or -1 when it takes no part.</summary>
    public int[] GroupOfHelper { get; }

    /// <summary>Why a helper takes no part, or null when it takes part.</summary>
    public UnselectedReason?[] UnselectedReason { get; }

    /// <summary>For a helper that takes no part because it lacks a place, the group that selects it; else -1.</summary>
    public int[] UnselectedGroup { get; }

    /// <summary>The distinct household filter of each group.</summary>
    public int[] FilterOfGroup { get; }

    public int FilterCount { get; }

    /// <summary>
    /// Each household's result pattern: households with the same result on every filter share it, and patterns are
    /// numbered in order of their results (false before true, filter by filter).
    /// </summary>
    public int[] PatternOf { get; }

    /// <summary>Evaluates every expression of <paramref name="rules"/> on <paramref name="roster"/>.</summary>
    /// <exception cref="RuleEvaluationException">An expression failed on a helper or household.</exception>
    public static Placement Of(CompiledRuleSet rules, Roster roster, CancellationToken cancellationToken)
    {
        var helpers = roster.Helpers;
        var groupOfHelper = new int[helpers.Count];
        var unselected = new UnselectedReason?[helpers.Count];
        var unselectedGroup = new int[helpers.Count];
        for (var i = 0; i < helpers.Count; i++)
        {
            var (group, reason) = Place(rules, helpers[i]);
            groupOfHelper[i] = reason is null ? group!.Index : -1;
            unselectedGroup[i] = reason is null ? -1 : group?.Index ?? -1;
            unselected[i] = reason;
        }

        var filterOfGroup = new int[rules.Groups.Count];
        var filters = new List<RuleGroup>();
        foreach (var group in rules.Groups)
        {
            var same = filters.FindIndex(f => f.HouseholdsExpression == group.HouseholdsExpression);
            if (same < 0)
            {
                same = filters.Count;
                filters.Add(group);
            }

            filterOfGroup[group.Index] = same;
        }

        // Each household's result on every filter, and its result pattern: a binary trie over the results numbers the
        // patterns without hashing, then patterns are ranked by their results (false before true, filter by filter).
        var households = roster.Households;
        var accepted = new bool[households.Count * filters.Count];
        var patternOf = new int[households.Count];
        var child = new List<int> { 0, 0 };
        var leafPattern = new List<int> { filters.Count == 0 ? 0 : -1 };
        var firstOfPattern = new List<int>();
        for (var h = 0; h < households.Count; h++)
        {
            if ((h & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var node = 0;
            for (var f = 0; f < filters.Count; f++)
            {
                var result = filters[f].Accepts(households[h]);
                accepted[(h * filters.Count) + f] = result;
                var slot = (node * 2) + (result ? 1 : 0);
                if (child[slot] == 0)
                {
                    child[slot] = leafPattern.Count;
                    leafPattern.Add(f == filters.Count - 1 ? firstOfPattern.Count : -1);
                    child.Add(0);
                    child.Add(0);
                }

                node = child[slot];
            }

            if (leafPattern[node] == firstOfPattern.Count)
            {
                firstOfPattern.Add(h);
            }

            patternOf[h] = leafPattern[node];
        }

        var byResults = Enumerable.Range(0, firstOfPattern.Count).ToArray();
        var count = filters.Count;
        Array.Sort(byResults, (a, b) => accepted.AsSpan(firstOfPattern[a] * count, count).SequenceCompareTo(accepted.AsSpan(firstOfPattern[b] * count, count)));
        var rank = new int[byResults.Length];
        for (var r = 0; r < byResults.Length; r++)
        {
            rank[byResults[r]] = r;
        }

        for (var h = 0; h < patternOf.Length; h++)
        {
            patternOf[h] = rank[patternOf[h]];
        }

        return new Placement(rules, roster, groupOfHelper, unselected, unselectedGroup, filterOfGroup, filters.Count, accepted, patternOf);
    }

    /// <summary>The group helper <paramref name="helper"/> takes part in, or null when it takes none.</summary>
    public RuleGroup? GroupOf(int helper) => GroupOfHelper[helper] is var g and >= 0 ? Rules.Groups[g] : null;

    /// <summary>
    /// The group a helper takes part in, or why it takes none: no group selects it, or its group pairs within a
    /// township or village the helper does not have.
    /// </summary>
    private static (RuleGroup? Group, UnselectedReason? Reason) Place(CompiledRuleSet rules, Helper helper)
    {
        var group = rules.GroupOf(helper);
        return group switch
        {
            null => (null, PairingRules.UnselectedReason.NoGroupSelects),
            { Scope: not PairingScope.County } when helper.Township is null => (group, PairingRules.UnselectedReason.NoTownship),
            { Scope: PairingScope.Village } when helper.Village is null => (group, PairingRules.UnselectedReason.NoVillage),
            _ => (group, null),
        };
    }

    /// <summary>Whether household <paramref name="household"/> passes filter <paramref name="filter"/>.</summary>
    public bool Accepts(int household, int filter) => _accepted[(household * FilterCount) + filter];

    /// <summary>The household's result on every filter, as a segment of the placement's array (nothing is copied).</summary>
    public ArraySegment<bool> ResultsOf(int household) => new(_accepted, household * FilterCount, FilterCount);
}
