namespace PairingRules.Solving;

/// <summary>Entry point of the solver: builds the compressed problem, solves it, and reports.</summary>
internal static class PairingSolver
{
    public static PairingResult Solve(RuleSet rules, Roster roster, CancellationToken cancellationToken)
    {
        var placement = Placement.Of(rules, roster, cancellationToken);
        var problem = Build(placement, keepCurrent: true, cancellationToken);
        var solution = FlowModel.Solve(problem, cancellationToken);
        ObjectiveValues? fresh = null;
        if (problem.KeptCount > 0)
        {
            var freshProblem = Build(placement, keepCurrent: false, cancellationToken);
            fresh = ResultBuilder.Objective(freshProblem, FlowModel.Solve(freshProblem, cancellationToken));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = ResultBuilder.Build(problem, solution, fresh);
        ResultAccounting.CheckCounts(roster, result);
        ResultAccounting.AssertInDebug(roster, result);
        return result;
    }

    public static PairingProblem Build(RuleSet rules, Roster roster, bool keepCurrent, CancellationToken cancellationToken) =>
        Build(Placement.Of(rules, roster, cancellationToken), keepCurrent, cancellationToken);

    /// <summary>Builds the compressed problem from the evaluated rules; the expressions are not evaluated again.</summary>
    private static PairingProblem Build(Placement placement, bool keepCurrent, CancellationToken cancellationToken)
    {
        var rules = placement.Rules;
        var roster = placement.Roster;
        var groups = rules.Groups;
        var helpers = roster.Helpers;
        var households = roster.Households;
        var groupOfHelper = placement.GroupOfHelper;
        var filterOfGroup = placement.FilterOfGroup;

        // Keep valid current pairings (不脱贫不脱钩), first come first served in roster order.
        var kept = new int[households.Count];
        Array.Fill(kept, -1);
        var changes = new Dictionary<int, (int, ChangeReason)>();
        var preload = new int[helpers.Count];
        var units = roster.Units;
        for (var h = 0; keepCurrent && h < households.Count; h++)
        {
            var helperIndex = units.CurrentHelperOf[h];
            if (helperIndex == -1)
            {
                continue;
            }

            if (helperIndex == RosterUnits.UnknownHelper)
            {
                changes[h] = (-1, ChangeReason.HelperLeft);
                continue;
            }

            var g = groupOfHelper[helperIndex];
            if (g < 0)
            {
                changes[h] = (helperIndex, ChangeReason.HelperNotSelected);
                continue;
            }

            var group = groups[g];
            if (!group.InScope(helpers[helperIndex], households[h]) || !placement.Accepts(h, filterOfGroup[g]))
            {
                changes[h] = (helperIndex, ChangeReason.RuleBroken);
                continue;
            }

            if (group.Max is { } max && preload[helperIndex] >= max)
            {
                changes[h] = (helperIndex, ChangeReason.OverCap);
                continue;
            }

            preload[helperIndex]++;
            kept[h] = helperIndex;
        }

        // Household classes: (county, township, village, filter results), in order of county, township, village, then
        // results. The roster numbers villages in that order and the placement ranks result patterns, so each household
        // costs one look-up; classes get their final numbers once all are known.
        var householdClasses = new Classifier(households.Count);
        for (var h = 0; h < households.Count; h++)
        {
            if ((h & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (kept[h] < 0)
            {
                householdClasses.Add(h, ((long)units.VillageOfHousehold[h] << 32) | (uint)placement.PatternOf[h]);
            }
        }

        var (_, householdSegments) = householdClasses.Finish();
        var orderedHouseholdClasses = new List<HouseholdClass>(householdSegments.Length);
        foreach (var members in householdSegments)
        {
            var first = households[members[0]];
            var accepted = placement.ResultsOf(members[0]);
            var village = units.VillageOfHousehold[members[0]];
            orderedHouseholdClasses.Add(new HouseholdClass(orderedHouseholdClasses.Count, village, first.County, first.Township, first.Village, accepted, members));
        }

        // Helper classes: (group, scope unit, kept load), numbered in that order. The unit is the county, township or
        // village the group's scope names; the roster numbers each kind of place in order of its full name, so this is
        // the order of group, county, township, village and kept load. Keys pack into one number: group below 256
        // (rule files have at most 200), unit below 2^23 and load below 2^32.
        if (groups.Count > 255 || units.Villages.Count >= 1 << 23 || units.Townships.Count >= 1 << 23)
        {
            throw new InvalidOperationException("Internal error: the roster or rule limits no longer fit the helper class keys.");
        }

        var helperClasses = new Classifier(helpers.Count);
        for (var i = 0; i < helpers.Count; i++)
        {
            var g = groupOfHelper[i];
            if (g < 0)
            {
                continue;
            }

            var unit = groups[g].Scope switch
            {
                PairingScope.County => units.CountyOfHelper[i],
                PairingScope.Township => units.TownshipOfHelper[i],
                _ => units.VillageOfHelper[i],
            };
            helperClasses.Add(i, ((long)g << 55) | ((long)unit << 32) | (uint)preload[i]);
        }

        var (helperOrder, helperSegments) = helperClasses.Finish();
        var orderedHelperClasses = new List<HelperClass>(helperSegments.Length);
        for (var c = 0; c < helperSegments.Length; c++)
        {
            var group = groups[(int)(helperOrder[c] >> 55)];
            var unit = (int)((helperOrder[c] >> 32) & ((1 << 23) - 1));
            var load = (int)(helperOrder[c] & uint.MaxValue);
            var village = group.Scope == PairingScope.Village ? unit : -1;
            var township = group.Scope switch
            {
                PairingScope.County => -1,
                PairingScope.Township => unit,
                _ => units.TownshipOfVillage[unit],
            };
            var county = group.Scope == PairingScope.County ? unit : units.CountyOfTownship[township];
            orderedHelperClasses.Add(new HelperClass(
                c,
                group,
                unit,
                units.Counties[county],
                township < 0 ? null : units.Townships[township].Township,
                village < 0 ? null : units.Villages[village].Village,
                load,
                helperSegments[c]));
        }

        return new PairingProblem(rules, roster, groupOfHelper, placement.UnselectedReason, kept, changes, filterOfGroup, orderedHouseholdClasses, orderedHelperClasses, preload);
    }

    /// <summary>
    /// Sorts items into classes by a 64-bit key: items get provisional class numbers as keys are first seen, then
    /// <see cref="Finish"/> numbers the classes in key order and lists each class's items, in item order, as segments
    /// of one array (no list grows item by item). Items never added belong to no class.
    /// </summary>
    private sealed class Classifier
    {
        private readonly Dictionary<long, int> _provisional = [];
        private readonly int[] _classOf;

        public Classifier(int items)
        {
            _classOf = new int[items];
            Array.Fill(_classOf, -1);
        }

        public void Add(int item, long key)
        {
            if (!_provisional.TryGetValue(key, out var id))
            {
                _provisional.Add(key, id = _provisional.Count);
            }

            _classOf[item] = id;
        }

        /// <summary>The keys in order, and the items of the class of each key.</summary>
        public (long[] Keys, ArraySegment<int>[] Members) Finish()
        {
            var keys = _provisional.Keys.ToArray();
            var provisionalInOrder = _provisional.Values.ToArray();
            Array.Sort(keys, provisionalInOrder);
            var final = new int[keys.Length];
            for (var i = 0; i < final.Length; i++)
            {
                final[provisionalInOrder[i]] = i;
            }

            var start = new int[final.Length + 1];
            for (var i = 0; i < _classOf.Length; i++)
            {
                if (_classOf[i] >= 0)
                {
                    _classOf[i] = final[_classOf[i]];
                    start[_classOf[i] + 1]++;
                }
            }

            for (var c = 0; c < final.Length; c++)
            {
                start[c + 1] += start[c];
            }

            var all = new int[start[final.Length]];
            var next = start.AsSpan(0, final.Length).ToArray();
            for (var i = 0; i < _classOf.Length; i++)
            {
                if (_classOf[i] >= 0)
                {
                    all[next[_classOf[i]]++] = i;
                }
            }

            var members = new ArraySegment<int>[final.Length];
            for (var c = 0; c < final.Length; c++)
            {
                members[c] = new ArraySegment<int>(all, start[c], start[c + 1] - start[c]);
            }

            return (keys, members);
        }
    }
}

/// <summary>
/// The rules evaluated on a roster, once: each helper's group (or why it takes no part) and each household's result on
/// every distinct `households` filter (groups with the same expression text share one).
/// </summary>
internal sealed class Placement
{
    private readonly bool[] _accepted;

    private Placement(RuleSet rules, Roster roster, int[] groupOfHelper, string?[] unselectedReason, int[] filterOfGroup, int filterCount, bool[] accepted, int[] patternOf)
    {
        Rules = rules;
        Roster = roster;
        GroupOfHelper = groupOfHelper;
        UnselectedReason = unselectedReason;
        FilterOfGroup = filterOfGroup;
        FilterCount = filterCount;
        _accepted = accepted;
        PatternOf = patternOf;
    }

    public RuleSet Rules { get; }

    public Roster Roster { get; }

    /// <summary>The group index of each helper, or -1 when it takes no part.</summary>
    public int[] GroupOfHelper { get; }

    /// <summary>Why a helper takes no part, or null.</summary>
    public string?[] UnselectedReason { get; }

    /// <summary>The distinct household filter of each group.</summary>
    public int[] FilterOfGroup { get; }

    public int FilterCount { get; }

    /// <summary>
    /// Each household's result pattern: households with the same result on every filter share it, and patterns are
    /// numbered in order of their results (false before true, filter by filter).
    /// </summary>
    public int[] PatternOf { get; }

    public static Placement Of(RuleSet rules, Roster roster, CancellationToken cancellationToken)
    {
        var helpers = roster.Helpers;
        var groupOfHelper = new int[helpers.Count];
        var unselected = new string?[helpers.Count];
        for (var i = 0; i < helpers.Count; i++)
        {
            var (group, reason) = rules.Place(helpers[i]);
            groupOfHelper[i] = group?.Index ?? -1;
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

        return new Placement(rules, roster, groupOfHelper, unselected, filterOfGroup, filters.Count, accepted, patternOf);
    }

    /// <summary>Whether household <paramref name="household"/> passes filter <paramref name="filter"/>.</summary>
    public bool Accepts(int household, int filter) => _accepted[(household * FilterCount) + filter];

    /// <summary>The household's result on every filter, as a segment of the placement's array (nothing is copied).</summary>
    public ArraySegment<bool> ResultsOf(int household) => new(_accepted, household * FilterCount, FilterCount);
}
