namespace PairingRules;

/// <summary>
/// A registered poor household (贫困户 / 建档立卡户).
/// </summary>
/// <remarks>
/// Immutable. Rule expressions see it as <c>household</c>: <c>household.DeepPoverty</c>,
/// <c>household.Attribute("cause") == "illness"</c>. Text values are trimmed, as a roster file's are, and blank
/// optional text counts as none.
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
/// </remarks>
public sealed class Household
{
    /// <summary>Creates a household.</summary>
    /// <param name="id">The household's registry id; not empty.</param>
    /// <param name="township">The township (乡镇) it lives in; not empty.</param>
    /// <param name="village">The administrative village (行政村) it lives in; not empty.</param>
    /// <param name="poorVillage">Whether its village is a registered poor village (贫困村).</param>
    /// <param name="deepPoverty">Whether it is a deep-poverty household (深度贫困户).</param>
    /// <param name="county">The county (县) it lives in, or <see langword="null"/> (the default) when the roster names no
    /// county; blank counts as none. In one <see cref="Roster"/> either every household and helper names a county or none does.</param>
    /// <param name="members">The number of household members; at least 1. Default 1.</param>
    /// <param name="income">Per-capita net income in yuan a year; not negative. Default 0.</param>
    /// <param name="currentHelper">The id of its current responsible person, or <see langword="null"/>.</param>
    /// <param name="attributes">Further attributes by name, readable from rule expressions; default none.</param>
    /// <exception cref="ArgumentException">An id, township or village is empty, members is below 1 or income is negative.</exception>
    public Household(
        string id,
        string township,
        string village,
        bool poorVillage,
        bool deepPoverty,
        string? county = null,
        int members = 1,
        decimal income = 0m,
        string? currentHelper = null,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(township);
        ArgumentException.ThrowIfNullOrWhiteSpace(village);
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(income, 0m);
        Id = id.Trim();
        Township = township.Trim();
        Village = village.Trim();
        PoorVillage = poorVillage;
        DeepPoverty = deepPoverty;
        Members = members;
        Income = income == 0m ? 0m : income; // no negative zero (-0), which would print as "-0"
        CurrentHelper = RosterText.OrNull(currentHelper);
        Attributes = AttributeMaps.Freeze(attributes);
        County = RosterText.OrNull(county);
    }

    /// <summary>The household's registry id.</summary>
    public string Id { get; }

    /// <summary>
    /// The county (县), or <see langword="null"/> when the roster names no county. A roster of several counties pairs a
    /// household only with a helper of its own county.
    /// </summary>
    public string? County { get; }

    /// <summary>The township (乡镇).</summary>
    public string Township { get; }

    /// <summary>The administrative village (行政村).</summary>
    public string Village { get; }

    /// <summary>Whether the village is a registered poor village (贫困村).</summary>
    public bool PoorVillage { get; }

    /// <summary>Whether this is a deep-poverty household (深度贫困户).</summary>
    public bool DeepPoverty { get; }

    /// <summary>The number of household members.</summary>
    public int Members { get; }

    /// <summary>Per-capita net income, yuan a year.</summary>
    public decimal Income { get; }

    /// <summary>The id of the current responsible person (帮扶责任人), or <see langword="null"/>.</summary>
    public string? CurrentHelper { get; }

    /// <summary>Further attributes by name (for example from extra roster columns).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>The value of an attribute, or the empty string when the household has none of that name.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>The value, or <c>""</c>.</returns>
    public string Attribute(string name) => AttributeMaps.Get(Attributes, name);

    /// <summary>Whether the household has an attribute of that name.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns><see langword="true"/> if present.</returns>
    public bool HasAttribute(string name) => name is not null && Attributes.ContainsKey(name);

    /// <inheritdoc/>
    public override string ToString() => County is null ? $"household {Id} ({Township}/{Village})" : $"household {Id} ({County}/{Township}/{Village})";
}
