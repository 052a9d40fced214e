namespace PairingRules;

/// <summary>
/// A responsible person (帮扶责任人): a cadre, a village committee member or an enterprise.
/// </summary>
/// <remarks>
/// Immutable. Rule expressions see it as <c>helper</c>: <c>helper.Category == "enterprise" &amp;&amp; helper.Tier == 1</c>.
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
/// </remarks>
public sealed class Helper
{
    /// <summary>Creates a helper.</summary>
    /// <param name="id">The helper's id; not empty.</param>
    /// <param name="category">The category, for example <c>county-leader</c> or <c>enterprise</c>; not empty.</param>
    /// <param name="name">The person's or enterprise's name; default the id.</param>
    /// <param name="tier">The enterprise tier (1 largest) or <see langword="null"/>; at least 1 when given.</param>
    /// <param name="county">The county (县) the helper works in, or <see langword="null"/> (the default) when the roster
    /// names no county; blank counts as none. In one <see cref="Roster"/> either every household and helper names a county or none does.</param>
    /// <param name="township">The township the helper works in, or <see langword="null"/> where none applies.</param>
    /// <param name="village">The village the helper serves (committee members), or <see langword="null"/>.</param>
    /// <param name="unit">The helper's work unit (单位), or <see langword="null"/>.</param>
    /// <param name="poorVillage">Whether the helper's village is a registered poor village.</param>
    /// <param name="attributes">Further attributes by name, readable from rule expressions; default none.</param>
    /// <exception cref="ArgumentException">The id or category is empty, or the tier is below 1.</exception>
    public Helper(
        string id,
        string category,
        string? name = null,
        int? tier = null,
        string? county = null,
        string? township = null,
        string? village = null,
        string? unit = null,
        bool poorVillage = false,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        if (tier is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier, "An enterprise tier is 1 or more.");
        }

        Id = id;
        Category = category;
        Name = string.IsNullOrWhiteSpace(name) ? id : name;
        Tier = tier;
        Township = string.IsNullOrWhiteSpace(township) ? null : township;
        Village = string.IsNullOrWhiteSpace(village) ? null : village;
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit;
        PoorVillage = poorVillage;
        Attributes = AttributeMaps.Freeze(attributes);
        County = string.IsNullOrWhiteSpace(county) ? null : county;
    }

    /// <summary>The helper's id.</summary>
    public string Id { get; }

    /// <summary>The person's or enterprise's name.</summary>
    public string Name { get; }

    /// <summary>The category, for example <c>county-leader</c>, <c>section-cadre</c>, <c>enterprise</c>.</summary>
    public string Category { get; }

    /// <summary>The enterprise tier (1 is the largest), or <see langword="null"/>.</summary>
    public int? Tier { get; }

    /// <summary>
    /// The county (县) the helper works in, or <see langword="null"/> when the roster names no county. Whatever its scope,
    /// a helper takes households of its own county only.
    /// </summary>
    public string? County { get; }

    /// <summary>The township the helper works in, or <see langword="null"/>.</summary>
    public string? Township { get; }

    /// <summary>The village the helper serves, or <see langword="null"/>.</summary>
    public string? Village { get; }

    /// <summary>The work unit (单位), or <see langword="null"/>.</summary>
    public string? Unit { get; }

    /// <summary>Whether the helper's village is a registered poor village.</summary>
    public bool PoorVillage { get; }

    /// <summary>Further attributes by name.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>The value of an attribute, or the empty string when the helper has none of that name.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>The value, or <c>""</c>.</returns>
    public string Attribute(string name) => AttributeMaps.Get(Attributes, name);

    /// <summary>Whether the helper has an attribute of that name.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns><see langword="true"/> if present.</returns>
    public bool HasAttribute(string name) => name is not null && Attributes.ContainsKey(name);

    /// <inheritdoc/>
    public override string ToString() => County is null ? $"helper {Id} ({Category})" : $"helper {Id} ({Category}, {County})";
}
