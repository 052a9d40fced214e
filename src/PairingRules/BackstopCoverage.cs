namespace PairingRules;

/// <summary>
/// Where the township backstop (兜底) is missing: townships with households but no helper of a township-scope backstop
/// group (for the Xing rules, no township cadre), who carries their households instead, and the load above quota that
/// falls on groups other than the backstop (<see cref="PairingResult.Backstop"/>).
/// </summary>
/// <remarks>
/// <para>Under the Xing rules county-wide cadres may take any household, so a township without cadres is still covered:
/// its remainder goes to section cadres and ordinary staff above their quota (objective 4 puts that load on the
/// backstop only where one exists). The result is complete, and only this view shows that a township has no one of
/// its own to fall back on.</para>
/// <threadsafety>Immutable and safe to share between threads.</threadsafety>
/// </remarks>
public sealed class BackstopCoverage
{
    internal BackstopCoverage(IReadOnlyList<RuleGroup> groups, IReadOnlyList<BackstopTownship> townships, IReadOnlyList<GroupHouseholds> aboveQuota)
    {
        Groups = groups;
        Townships = townships;
        AboveQuota = aboveQuota;
        AboveQuotaTotal = aboveQuota.Sum(g => g.Households);
    }

    /// <summary>The backstop groups of township scope, in rule order (for the Xing rules, <c>township-cadres</c>).</summary>
    public IReadOnlyList<RuleGroup> Groups { get; }

    /// <summary>Townships with households but no helper of those groups, in <see cref="Place"/> order (by county when the
    /// roster names counties, then township name).</summary>
    public IReadOnlyList<BackstopTownship> Townships { get; }

    /// <summary>The households above quota on each group that is not one of <see cref="Groups"/>, in rule order, where
    /// positive: the sum over its helpers of load minus quota, where positive.</summary>
    public IReadOnlyList<GroupHouseholds> AboveQuota { get; }

    /// <summary>The households above quota on groups other than the backstop: the sum of <see cref="AboveQuota"/>.</summary>
    public long AboveQuotaTotal { get; }

    /// <summary>Whether there is anything to report: a township without a backstop helper, or load above quota on other groups.</summary>
    public bool IsWorthReporting => Townships.Count > 0 || AboveQuotaTotal > 0;
}

/// <summary>A township with households but no helper of a backstop group (<see cref="BackstopCoverage.Townships"/>).</summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class BackstopTownship
{
    internal BackstopTownship(Place place, int households, int uncovered, IReadOnlyList<GroupHouseholds> byGroup)
    {
        Place = place;
        Households = households;
        Uncovered = uncovered;
        ByGroup = byGroup;
    }

    /// <summary>The township (with its county when the roster names counties).</summary>
    public Place Place { get; }

    /// <summary>Its households.</summary>
    public int Households { get; }

    /// <summary>Those left without a helper.</summary>
    public int Uncovered { get; }

    /// <summary>Its covered households by the group of their helper, most first, then in rule order.</summary>
    public IReadOnlyList<GroupHouseholds> ByGroup { get; }
}

/// <summary>A number of households that falls to one group.</summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class GroupHouseholds
{
    internal GroupHouseholds(string groupId, long households)
    {
        GroupId = groupId;
        Households = households;
    }

    /// <summary>The group.</summary>
    public string GroupId { get; }

    /// <summary>The households.</summary>
    public long Households { get; }
}
