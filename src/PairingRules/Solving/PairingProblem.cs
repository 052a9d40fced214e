using PairingRules.Compilation;
using PairingRules.Evaluation;

namespace PairingRules.Solving;

/// <summary>
/// The compressed pairing problem: households that no rule tells apart form one household class, helpers of one
/// group in one scope place (the county, township or village its scope names) with the same load already kept form one helper class, and the pairing becomes a
/// min-cost flow between classes.
/// </summary>
internal sealed class PairingProblem
{
    public PairingProblem(
        Placement placement,
        int[] keptHelperOfHousehold,
        Dictionary<int, (int PreviousHelper, ChangeReason Reason)> changeOfHousehold,
        List<HouseholdClass> householdClasses,
        List<HelperClass> helperClasses)
    {
        Placement = placement;
        KeptHelperOfHousehold = keptHelperOfHousehold;
        ChangeOfHousehold = changeOfHousehold;
        HouseholdClasses = householdClasses;
        HelperClasses = helperClasses;
        Reachable = ReachableHouseholdClasses();
    }

    /// <summary>For each helper class, the household classes it may take (scope and filter), in class order.</summary>
    public ArraySegment<int>[] Reachable { get; }

    /// <summary>For each household class, the helper classes that may take it, in class order (computed when first asked:
    /// only the certificates for uncovered households need it).</summary>
    public List<int>[] Eligible => field ??= EligibleHelperClasses();

    /// <summary>The rules evaluated on the roster.</summary>
    public Placement Placement { get; }

    public CompiledRuleSet Rules => Placement.Rules;

    public Roster Roster => Placement.Roster;

    /// <summary>The group index of each helper, or -1 when it takes no part.</summary>
    public int[] GroupOfHelper => Placement.GroupOfHelper;

    /// <summary>For each household, the helper index it keeps, or -1.</summary>
    public int[] KeptHelperOfHousehold { get; }

    /// <summary>For each household whose previous helper is not kept, that helper (or -1 if unknown) and why.</summary>
    public Dictionary<int, (int PreviousHelper, ChangeReason Reason)> ChangeOfHousehold { get; }

    /// <summary>The distinct household filter used by each group.</summary>
    public int[] FilterOfGroup => Placement.FilterOfGroup;

    public List<HouseholdClass> HouseholdClasses { get; }

    public List<HelperClass> HelperClasses { get; }

    private List<int>[] EligibleHelperClasses()
    {
        var eligible = new List<int>[HouseholdClasses.Count];
        for (var h = 0; h < eligible.Length; h++)
        {
            eligible[h] = [];
        }

        foreach (var helperClass in HelperClasses)
        {
            foreach (var h in Reachable[helperClass.Index])
            {
                eligible[h].Add(helperClass.Index);
            }
        }

        return eligible;
    }

    private ArraySegment<int>[] ReachableHouseholdClasses()
    {
        // Household classes are numbered in order of the roster's villages, and the roster numbers its places in order
        // of county, township and village, so each place is one range of class numbers.
        var places = Roster.Places;
        var villageRange = new (int Start, int End)[places.Villages.Count];
        var townshipRange = new (int Start, int End)[places.Townships.Count];
        var countyRange = new (int Start, int End)[places.Counties.Count];
        foreach (var h in HouseholdClasses)
        {
            var township = places.TownshipOfVillage[h.VillageId];
            Extend(ref villageRange[h.VillageId], h.Index);
            Extend(ref townshipRange[township], h.Index);
            Extend(ref countyRange[places.CountyOfTownship[township]], h.Index);
        }

        (int Start, int End) RangeOf(HelperClass c) => c.Group.Scope switch
        {
            PairingScope.County => countyRange[c.ScopePlace],
            PairingScope.Township => townshipRange[c.ScopePlace],
            _ => villageRange[c.ScopePlace],
        };

        // Two passes: count, then fill one array that every helper class's segment shares.
        var start = new int[HelperClasses.Count + 1];
        foreach (var c in HelperClasses)
        {
            var (first, end) = RangeOf(c);
            var filter = FilterOfGroup[c.Group.Index];
            var count = 0;
            for (var h = first; h < end; h++)
            {
                count += HouseholdClasses[h].Accepted[filter] ? 1 : 0;
            }

            start[c.Index + 1] = start[c.Index] + count;
        }

        var all = new int[start[HelperClasses.Count]];
        var reachable = new ArraySegment<int>[HelperClasses.Count];
        foreach (var c in HelperClasses)
        {
            var (first, end) = RangeOf(c);
            var filter = FilterOfGroup[c.Group.Index];
            var next = start[c.Index];
            for (var h = first; h < end; h++)
            {
                if (HouseholdClasses[h].Accepted[filter])
                {
                    all[next++] = h;
                }
            }

            reachable[c.Index] = new ArraySegment<int>(all, start[c.Index], next - start[c.Index]);
        }

        return reachable;
    }

    /// <summary>Adds class <paramref name="index"/> to the range of its place (a place's classes are consecutive).</summary>
    private static void Extend(ref (int Start, int End) range, int index)
    {
        if (range.End > 0 && range.End != index)
        {
            throw new InvalidOperationException($"Internal error: household class {index} is not next to the others of its place.");
        }

        range = range.End > 0 ? (range.Start, index + 1) : (index, index + 1);
    }
}

/// <summary>Households of one county, township and village that every group's <c>households</c> expression treats alike.</summary>
internal readonly struct HouseholdClass(int index, int villageId, string? county, string township, string village, ArraySegment<bool> accepted, ArraySegment<int> members)
{
    public int Index { get; } = index;

    /// <summary>The village's number in the roster's <see cref="RosterPlaces"/>.</summary>
    public int VillageId { get; } = villageId;

    /// <summary>The county, or null when the roster names none.</summary>
    public string? County { get; } = county;

    public string Township { get; } = township;

    public string Village { get; } = village;

    /// <summary>For each distinct filter, whether these households pass it.</summary>
    public ArraySegment<bool> Accepted { get; } = accepted;

    /// <summary>Household indexes in roster order.</summary>
    public ArraySegment<int> Members { get; } = members;
}

/// <summary>Helpers of one group in one scope place with the same number of kept households.</summary>
internal readonly struct HelperClass(int index, RuleGroup group, int scopePlace, string? county, string? township, string? village, int preload, ArraySegment<int> members)
{
    public int Index { get; } = index;

    public RuleGroup Group { get; } = group;

    /// <summary>
    /// The number of the helpers' scope place in the roster's <see cref="RosterPlaces"/>: of their county, township or
    /// village, as the group's scope says.
    /// </summary>
    public int ScopePlace { get; } = scopePlace;

    /// <summary>The helpers' county (every scope lies within it), or null when the roster names none.</summary>
    public string? County { get; } = county;

    /// <summary>The township of the scope place, or null for county scope.</summary>
    public string? Township { get; } = township;

    /// <summary>The village of the scope place, or null for county and township scope.</summary>
    public string? Village { get; } = village;

    public int Preload { get; } = preload;

    /// <summary>Helper indexes in roster order.</summary>
    public ArraySegment<int> Members { get; } = members;

    /// <summary>How many more households one member may take, or null for no cap.</summary>
    public int? Room => Group.Max is { } max ? Math.Max(0, max - Preload) : null;
}
