namespace PairingRules;

/// <summary>
/// A responsible person (帮扶责任人): a cadre, a village committee member or an enterprise.
/// </summary>
/// <remarks>
/// Immutable. Rule expressions see it as <c>helper</c>: <c>helper.Category == "enterprise" &amp;&amp; helper.Tier == 1</c>.
/// Text values are trimmed, as a roster file's are, and blank optional text counts as none; a <see cref="Roster"/>
/// completes the township and poor-village status it was not given from its households (docs/roster-format.md, "Rules of
/// a roster"), so a roster built in C# and the same roster read from CSV are the same.
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
/// </remarks>
public sealed class Helper
{
    /// <summary>Creates a helper.</summary>
    /// <param name="id">The helper's id; not empty; trimmed.</param>
    /// <param name="category">The category: any text the rules select, for example <c>county-leader</c>, <c>enterprise</c>
    /// or a county's own <c>first-secretary</c> or <c>第一书记</c>; not empty; trimmed, otherwise kept as given. (A roster
    /// file reads the Chinese names of the Xing categories as their English names, as a convenience of the file format:
    /// docs/roster-format.md.)</param>
    /// <param name="name">The person's or enterprise's name; default the id.</param>
    /// <param name="tier">The tier (an enterprise's size class, 1 largest, or any ranking the county's rules read), or
    /// <see langword="null"/> (the default); at least 1 when given. Any category may have one.</param>
    /// <param name="county">The county (县) the helper works in, or <see langword="null"/> (the default) when the roster
    /// names no county; blank counts as none. In one <see cref="Roster"/> either every household and helper names a county or none does.</param>
    /// <param name="township">The township the helper works in, or <see langword="null"/> where none applies. When it is
    /// not given but the village is, a <see cref="Roster"/> takes the township of the households of that village in the
    /// helper's county (a village name in several townships there is a <see cref="RosterException"/>: give the township).</param>
    /// <param name="village">The village the helper serves (committee members, first secretaries), or <see langword="null"/>.</param>
    /// <param name="unit">The helper's work unit (单位), or <see langword="null"/>.</param>
    /// <param name="poorVillage">Whether the helper's village is a registered poor village, or <see langword="null"/> (the
    /// default) to take it from the roster's households: a <see cref="Roster"/> sets it to whether the households of the
    /// helper's village (same county, township and village) live in a poor village, and to <see langword="false"/> when
    /// the helper names no village or no household lives there. Given, it must agree with those households.</param>
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
        bool? poorVillage = null,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        if (tier is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier, "An enterprise tier is 1 or more.");
        }

        Id = id.Trim();
        Category = category.Trim();
        Name = string.IsNullOrWhiteSpace(name) ? Id : name.Trim();
        Tier = tier;
        Township = RosterText.OrNull(township);
        Village = RosterText.OrNull(village);
        Unit = RosterText.OrNull(unit);
        GivenPoorVillage = poorVillage;
        PoorVillage = poorVillage ?? false;
        Attributes = AttributeMaps.Freeze(attributes);
        County = RosterText.OrNull(county);
    }

    /// <summary>
    /// A copy with the township and poor-village status a roster derived (<see cref="RosterRules"/>), its other values
    /// unchanged; its poor-village status still counts as not given, so another roster derives it again.
    /// </summary>
    private Helper(Helper helper, string? township, bool poorVillage)
    {
        Id = helper.Id;
        Category = helper.Category;
        Name = helper.Name;
        Tier = helper.Tier;
        County = helper.County;
        Township = township;
        Village = helper.Village;
        Unit = helper.Unit;
        GivenPoorVillage = helper.GivenPoorVillage;
        PoorVillage = poorVillage;
        Attributes = helper.Attributes;
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

    /// <summary>
    /// Whether the helper's village is a registered poor village: as given, or, when not given, as the households of its
    /// village say once the helper is in a <see cref="Roster"/> (<see langword="false"/> until then, and when the helper
    /// names no village or no household lives there).
    /// </summary>
    public bool PoorVillage { get; }

    /// <summary>The <c>poorVillage</c> the helper was made with; <see langword="null"/> when rosters derive it.</summary>
    internal bool? GivenPoorVillage { get; }

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

    /// <summary>This helper with the township and poor-village status a roster derived, or this helper when they are its own.</summary>
    internal Helper WithDerived(string? township, bool poorVillage) =>
        township == Township && poorVillage == PoorVillage ? this : new Helper(this, township, poorVillage);

    /// <inheritdoc/>
    public override string ToString() => County is null ? $"helper {Id} ({Category})" : $"helper {Id} ({Category}, {County})";
}
