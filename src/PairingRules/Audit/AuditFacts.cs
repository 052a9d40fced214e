namespace PairingRules.Audit;

/// <summary>
/// What the audit knows about one household and its current helper; the input of the <c>household</c> workflow of
/// an audit file, where expressions see it as <c>pairing</c> (for example <c>pairing.InScope</c>).
/// </summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class HouseholdAuditFacts
{
    internal HouseholdAuditFacts(Household household, Helper? helper, RuleGroup? group, bool inScope, bool accepted, bool withinCap, int helperLoad)
    {
        Household = household;
        Helper = helper;
        HelperId = household.CurrentHelper;
        HelperKnown = helper is not null;
        GroupId = group?.Id;
        HelperSelected = group is not null;
        InScope = inScope;
        Accepted = accepted;
        WithinCap = withinCap;
        HelperLoad = helperLoad;
    }

    /// <summary>The household.</summary>
    public Household Household { get; }

    /// <summary>Its current helper, or <see langword="null"/> when it has none or the id is unknown.</summary>
    public Helper? Helper { get; }

    /// <summary>The id in the household's helper column, or <see langword="null"/>.</summary>
    public string? HelperId { get; }

    /// <summary>Whether <see cref="HelperId"/> names a helper of the roster.</summary>
    public bool HelperKnown { get; }

    /// <summary>The current helper's group, or <see langword="null"/>.</summary>
    public string? GroupId { get; }

    /// <summary>Whether a group selects the current helper (and it has the township or village its scope needs).</summary>
    public bool HelperSelected { get; }

    /// <summary>Whether the household is in the scope place of its helper's group (same county, then same township or village as the scope requires).</summary>
    public bool InScope { get; }

    /// <summary>Whether the helper's group accepts the household (its <c>households</c> expression).</summary>
    public bool Accepted { get; }

    /// <summary>Whether the household is within the cap of its helper (households beyond the cap, in roster order, are not).</summary>
    public bool WithinCap { get; }

    /// <summary>How many households name the same helper.</summary>
    public int HelperLoad { get; }
}

/// <summary>
/// What the audit knows about one helper; the input of the <c>helper</c> workflow of an audit file, where
/// expressions see it as <c>helper</c> (for example <c>helper.Load &gt;= helper.Quota</c>).
/// </summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class HelperAuditFacts
{
    internal HelperAuditFacts(Helper helper, RuleGroup? group, int load)
    {
        Helper = helper;
        GroupId = group?.Id;
        Selected = group is not null;
        Load = load;
        Quota = group?.Min ?? 0;
        Cap = group?.Max;
        Shortfall = Math.Max(0, Quota - load);
    }

    /// <summary>The helper.</summary>
    public Helper Helper { get; }

    /// <summary>The helper's group, or <see langword="null"/> when no group selects it.</summary>
    public string? GroupId { get; }

    /// <summary>Whether a group selects the helper.</summary>
    public bool Selected { get; }

    /// <summary>Households whose helper column names this helper.</summary>
    public int Load { get; }

    /// <summary>The group's quota (<c>min</c>), 0 when unselected.</summary>
    public int Quota { get; }

    /// <summary>The group's cap (<c>max</c>), or <see langword="null"/>.</summary>
    public int? Cap { get; }

    /// <summary>Quota minus load, where positive.</summary>
    public int Shortfall { get; }
}
