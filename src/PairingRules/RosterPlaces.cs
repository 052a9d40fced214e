namespace PairingRules;

/// <summary>
/// The places of a roster, numbered once when the roster is made so that a solve compares numbers, not names:
/// counties, townships as (county, township) and villages as (county, township, village), each in ordinal order
/// (no county first), from households and helpers alike; and each household's current helper as a helper index.
/// </summary>
/// <remarks>Immutable, like the roster.</remarks>
internal sealed class RosterPlaces
{
    /// <summary>A household's current helper is not in the roster.</summary>
    public const int UnknownHelper = -2;

    public RosterPlaces(IReadOnlyList<Household> households, IReadOnlyList<Helper> helpers, Func<string, int> helperIndexOf)
    {
        // Villages first seen, then numbered in order; townships and counties follow from the villages and helpers.
        var villageIds = new Dictionary<(string? County, string Township, string Village), int>();
        var firstSeenVillage = new int[households.Count];
        for (var h = 0; h < households.Count; h++)
        {
            var household = households[h];
            firstSeenVillage[h] = Number(villageIds, (household.County, household.Township, household.Village));
        }

        foreach (var helper in helpers)
        {
            if (helper.Township is { } helperTownship && helper.Village is { } helperVillage)
            {
                Number(villageIds, (helper.County, helperTownship, helperVillage));
            }
        }

        var townshipIds = new Dictionary<(string? County, string Township), int>();
        foreach (var (villageCounty, villageTownship, _) in villageIds.Keys)
        {
            Number(townshipIds, (villageCounty, villageTownship));
        }

        foreach (var helper in helpers)
        {
            if (helper.Township is { } helperTownship)
            {
                Number(townshipIds, (helper.County, helperTownship));
            }
        }

        var countyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var hasNoCounty = false;
        foreach (var (townshipCounty, _) in townshipIds.Keys)
        {
            hasNoCounty |= townshipCounty is null;
            if (townshipCounty is not null)
            {
                Number(countyIds, townshipCounty);
            }
        }

        foreach (var helper in helpers)
        {
            hasNoCounty |= helper.County is null;
            if (helper.County is { } helperCounty)
            {
                Number(countyIds, helperCounty);
            }
        }

        (Villages, var rank) = Sorted(villageIds, Comparer<(string? County, string Township, string Village)>.Create((a, b) =>
            Compare(a.County, b.County) is not 0 and var c ? c
            : Compare(a.Township, b.Township) is not 0 and var t ? t
            : Compare(a.Village, b.Village)));
        (Townships, _) = Sorted(townshipIds, Comparer<(string? County, string Township)>.Create((a, b) =>
            Compare(a.County, b.County) is not 0 and var c ? c : Compare(a.Township, b.Township)));
        var counties = countyIds.Keys.Order(StringComparer.Ordinal).Cast<string?>();
        Counties = (hasNoCounty ? counties.Prepend(null) : counties).ToArray();

        var countyOf = Counties.Select((name, i) => (name, i)).Where(p => p.name is not null).ToDictionary(p => p.name!, p => p.i, StringComparer.Ordinal);
        int CountyId(string? name) => name is null ? 0 : countyOf[name];

        VillageOfHousehold = new int[households.Count];
        for (var h = 0; h < households.Count; h++)
        {
            VillageOfHousehold[h] = rank[firstSeenVillage[h]];
        }

        TownshipOfVillage = Villages.Select(v => townshipIds[(v.County, v.Township)]).ToArray();
        CountyOfTownship = Townships.Select(t => CountyId(t.County)).ToArray();
        CountyOfHelper = new int[helpers.Count];
        TownshipOfHelper = new int[helpers.Count];
        VillageOfHelper = new int[helpers.Count];
        for (var i = 0; i < helpers.Count; i++)
        {
            var helper = helpers[i];
            CountyOfHelper[i] = CountyId(helper.County);
            TownshipOfHelper[i] = helper.Township is { } t ? townshipIds[(helper.County, t)] : -1;
            VillageOfHelper[i] = helper.Township is { } vt && helper.Village is { } v ? villageIds[(helper.County, vt, v)] : -1;
        }

        CurrentHelperOf = new int[households.Count];
        for (var h = 0; h < households.Count; h++)
        {
            CurrentHelperOf[h] = households[h].CurrentHelper is { } current
                ? helperIndexOf(current) is >= 0 and var index ? index : UnknownHelper
                : -1;
        }
    }

    /// <summary>The counties, ordinally, <see langword="null"/> (no county) first.</summary>
    public IReadOnlyList<string?> Counties { get; }

    /// <summary>The townships as (county, township), ordered by county, then township.</summary>
    public IReadOnlyList<(string? County, string Township)> Townships { get; }

    /// <summary>The villages as (county, township, village), ordered by county, township, then village.</summary>
    public IReadOnlyList<(string? County, string Township, string Village)> Villages { get; }

    /// <summary>For each village, its township.</summary>
    public int[] TownshipOfVillage { get; }

    /// <summary>For each township, its county.</summary>
    public int[] CountyOfTownship { get; }

    /// <summary>For each household, its village.</summary>
    public int[] VillageOfHousehold { get; }

    /// <summary>For each helper, its county (every helper has one; no county is a county of its own).</summary>
    public int[] CountyOfHelper { get; }

    /// <summary>For each helper, its township, or -1.</summary>
    public int[] TownshipOfHelper { get; }

    /// <summary>For each helper, its village, or -1 when it names no township or no village.</summary>
    public int[] VillageOfHelper { get; }

    /// <summary>For each household, the index of its current helper; -1 when it has none, <see cref="UnknownHelper"/>
    /// when that helper is not in the roster.</summary>
    public int[] CurrentHelperOf { get; }

    private static int Compare(string? a, string? b) => string.CompareOrdinal(a, b);

    private static int Number<TKey>(Dictionary<TKey, int> ids, TKey key)
        where TKey : notnull
    {
        if (!ids.TryGetValue(key, out var id))
        {
            ids.Add(key, id = ids.Count);
        }

        return id;
    }

    /// <summary>
    /// The keys in order; renumbers <paramref name="ids"/> (numbered as first seen) in that order, and returns the new
    /// number of each first-seen number.
    /// </summary>
    private static (TKey[] Keys, int[] Rank) Sorted<TKey>(Dictionary<TKey, int> ids, IComparer<TKey> comparer)
        where TKey : notnull
    {
        var keys = ids.Keys.ToArray();
        Array.Sort(keys, comparer);
        var rank = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            rank[ids[keys[i]]] = i;
            ids[keys[i]] = i;
        }

        return (keys, rank);
    }
}
