using PairingRules.Compilation;
using PairingRules.Evaluation;

namespace PairingRules.Solving;

/// <summary>Builds the compressed pairing problem (<see cref="PairingProblem"/>) from the rules evaluated on a roster.</summary>
internal static class ProblemBuilder
{
    /// <summary>Evaluates the rules on a roster and builds its problem (tests and benchmarks).</summary>
    public static PairingProblem Build(CompiledRuleSet rules, Roster roster, bool keepCurrent, CancellationToken cancellationToken)
    {
        var placement = Placement.Of(rules, roster, cancellationToken);
        return Build(placement, keepCurrent ? CurrentPairings.Classify(placement) : null, cancellationToken);
    }

    /// <summary>
    /// Builds the compressed problem from the evaluated rules (the expressions are not evaluated again), keeping the
    /// valid pairings of <paramref name="current"/>, or none when it is null (a fresh solve).
    /// </summary>
    public static PairingProblem Build(Placement placement, CurrentPairings? current, CancellationToken cancellationToken)
    {
        var rules = placement.Rules;
        var roster = placement.Roster;
        var groups = rules.Groups;
        var helpers = roster.Helpers;
        var households = roster.Households;
        var groupOfHelper = placement.GroupOfHelper;
        var filterOfGroup = placement.FilterOfGroup;

        // Keep valid current pairings (不脱贫不脱钩), as classified once for solve and audit alike.
        var kept = new int[households.Count];
        Array.Fill(kept, -1);
        var changes = new Dictionary<int, (int, ChangeReason)>();
        // The households each helper keeps, as the classification counted them (none for a fresh solve).
        var preload = current?.KeptLoad ?? new int[helpers.Count];
        var places = roster.Places;
        for (var h = 0; current is not null && h < households.Count; h++)
        {
            var helperIndex = current.HelperOf[h];
            switch (current[h])
            {
                case CurrentPairing.Valid:
                    kept[h] = helperIndex;
                    break;
                case CurrentPairing.UnknownHelper:
                    changes[h] = (-1, ChangeReason.HelperLeft);
                    break;
                case CurrentPairing.HelperNotSelected:
                    changes[h] = (helperIndex, ChangeReason.HelperNotSelected);
                    break;
                case CurrentPairing.OutOfScope or CurrentPairing.NotAccepted:
                    changes[h] = (helperIndex, ChangeReason.RuleBroken);
                    break;
                case CurrentPairing.OverCap:
                    changes[h] = (helperIndex, ChangeReason.OverCap);
                    break;
            }
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
                householdClasses.Add(h, ((long)places.VillageOfHousehold[h] << 32) | (uint)placement.PatternOf[h]);
            }
        }

        var (_, householdSegments) = householdClasses.Finish();
        var orderedHouseholdClasses = new List<HouseholdClass>(householdSegments.Length);
        foreach (var members in householdSegments)
        {
            var first = households[members[0]];
            var accepted = placement.ResultsOf(members[0]);
            var village = places.VillageOfHousehold[members[0]];
            orderedHouseholdClasses.Add(new HouseholdClass(orderedHouseholdClasses.Count, village, first.County, first.Township, first.Village, accepted, members));
        }

        // Helper classes: (group, scope place, kept load), numbered in that order. The scope place is the county,
        // township or village the group's scope names; the roster numbers each kind of place in order of its full
        // name, so this is the order of group, county, township, village and kept load. Keys pack into one number: group below 256
        // (rule files have at most 200), scope place below 2^23 and load below 2^32.
        if (groups.Count > 255 || places.Villages.Count >= 1 << 23 || places.Townships.Count >= 1 << 23)
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

            var scopePlace = groups[g].Scope switch
            {
                PairingScope.County => places.CountyOfHelper[i],
                PairingScope.Township => places.TownshipOfHelper[i],
                _ => places.VillageOfHelper[i],
            };
            helperClasses.Add(i, ((long)g << 55) | ((long)scopePlace << 32) | (uint)preload[i]);
        }

        var (helperOrder, helperSegments) = helperClasses.Finish();
        var orderedHelperClasses = new List<HelperClass>(helperSegments.Length);
        for (var c = 0; c < helperSegments.Length; c++)
        {
            var group = groups[(int)(helperOrder[c] >> 55)];
            var scopePlace = (int)((helperOrder[c] >> 32) & ((1 << 23) - 1));
            var load = (int)(helperOrder[c] & uint.MaxValue);
            var village = group.Scope == PairingScope.Village ? scopePlace : -1;
            var township = group.Scope switch
            {
                PairingScope.County => -1,
                PairingScope.Township => scopePlace,
                _ => places.TownshipOfVillage[scopePlace],
            };
            var county = group.Scope == PairingScope.County ? scopePlace : places.CountyOfTownship[township];
            orderedHelperClasses.Add(new HelperClass(
                c,
                group,
                scopePlace,
                places.Counties[county],
                township < 0 ? null : places.Townships[township].Township,
                village < 0 ? null : places.Villages[village].Village,
                load,
                helperSegments[c]));
        }

        return new PairingProblem(placement, kept, changes, orderedHouseholdClasses, orderedHelperClasses);
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
