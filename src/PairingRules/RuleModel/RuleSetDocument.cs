namespace PairingRules.RuleModel;

/// <summary>Where a value stood in the rule file.</summary>
internal readonly record struct Location(string Path, int Line, int Column);

/// <summary>A value read from the rule file, with where it stood.</summary>
internal sealed record Located<T>(T Value, Location Location)
{
    /// <summary>For an expression, where each of its characters stood, so that a problem points at the character;
    /// <see langword="null"/> for other values or when the file did not say.</summary>
    public StringPositions? Positions { get; init; }
}

/// <summary>The rule file as its author wrote it: values not yet checked against each other.</summary>
internal sealed class RuleSetDocument
{
    public Located<string>? Name { get; set; }

    public Located<string>? Title { get; set; }

    public Located<string>? Source { get; set; }

    public Located<string>? Description { get; set; }

    public List<GroupDocument> Groups { get; } = [];

    /// <summary><c>defaults.max</c>: the cap of every group that sets none of its own, backstops apart.</summary>
    public Located<int>? DefaultMax { get; set; }

    /// <summary>The entries of <c>restrictions</c>, in file order.</summary>
    public List<RestrictionDocument> Restrictions { get; } = [];
}

/// <summary>One entry of <c>groups</c> as written.</summary>
internal sealed class GroupDocument(Location location)
{
    public Location Location { get; } = location;

    public Located<string>? Id { get; set; }

    public Located<string>? Label { get; set; }

    public Located<string>? Description { get; set; }

    public Located<string>? Helpers { get; set; }

    public Located<string>? Households { get; set; }

    public Located<string>? Scope { get; set; }

    public Located<int>? Min { get; set; }

    public Located<int>? Max { get; set; }

    public Located<bool>? Backstop { get; set; }
}

/// <summary>One entry of <c>restrictions</c> as written: households that only the listed groups may take.</summary>
internal sealed class RestrictionDocument(Location location)
{
    public Location Location { get; } = location;

    public Located<string>? Description { get; set; }

    public Located<string>? Households { get; set; }

    /// <summary>Where the <c>groups</c> array stands, when it does.</summary>
    public Location? GroupsLocation { get; set; }

    /// <summary>The group ids listed, each with its location; null when <c>groups</c> is missing or not an array.</summary>
    public List<Located<string>>? Groups { get; set; }
}
