namespace PairingRules;

/// <summary>
/// The outcome of <see cref="RuleSet.Solve"/>: every pairing, every gap, totals, and why nothing better exists.
/// </summary>
/// <remarks>
/// Lists are in a fixed order (pairings and uncovered households in roster order, helpers in roster order), so the
/// same rules and roster always give the same result.
/// <threadsafety>Immutable and safe to share between threads.</threadsafety>
/// </remarks>
public sealed class PairingResult
{
    internal PairingResult(
        string ruleSetName,
        PairingSummary summary,
        PairingRows pairings,
        IReadOnlyList<UncoveredHousehold> uncovered,
        HelperLoadRows helpers,
        IReadOnlyList<UnselectedHelper> unselected,
        IReadOnlyList<GroupTotal> groups,
        IReadOnlyList<AreaTotal> townships,
        IReadOnlyList<AreaTotal> villages,
        IReadOnlyList<Certificate> certificates,
        IReadOnlyList<ChangedPairing> changes,
        ObjectiveValues objective,
        ObjectiveValues? freshObjective)
    {
        RuleSetName = ruleSetName;
        Pairings = pairings;
        Uncovered = uncovered;
        Helpers = helpers;
        Unselected = unselected;
        Groups = groups;
        Townships = townships;
        Villages = villages;
        Certificates = certificates;
        Changes = changes;
        Objective = objective;
        FreshObjective = freshObjective;
        Summary = summary;
    }

    /// <summary>The name of the rule set that produced the result.</summary>
    public string RuleSetName { get; }

    /// <summary>The headline numbers.</summary>
    public PairingSummary Summary { get; }

    /// <summary>Every pairing, one per covered household, in roster order.</summary>
    /// <remarks>The result keeps indexes into the roster and makes each <see cref="Pairing"/> when it is read, so a
    /// large result stays small; reading is safe from any number of threads.</remarks>
    public IReadOnlyList<Pairing> Pairings { get; }

    /// <summary>The households left without a helper, with the reason, in roster order.</summary>
    public IReadOnlyList<UncoveredHousehold> Uncovered { get; }

    /// <summary>Every helper that a group selects, with its load and quota, in roster order.</summary>
    /// <remarks>Like <see cref="Pairings"/>, each <see cref="HelperLoad"/> is made when it is read.</remarks>
    public IReadOnlyList<HelperLoad> Helpers { get; }

    /// <summary>Helpers that take no part: no group selects them, or they lack the township or village their scope needs.</summary>
    public IReadOnlyList<UnselectedHelper> Unselected { get; }

    /// <summary>Totals per group, in rule-set order.</summary>
    public IReadOnlyList<GroupTotal> Groups { get; }

    /// <summary>Totals per township, by county (when the roster names counties), then township name (ordinal).</summary>
    public IReadOnlyList<AreaTotal> Townships { get; }

    /// <summary>Totals per village, by county (when the roster names counties), township, then village name (ordinal).</summary>
    public IReadOnlyList<AreaTotal> Villages { get; }

    /// <summary>Why the result is the best possible: one statement per gap that remains.</summary>
    public IReadOnlyList<Certificate> Certificates { get; }

    /// <summary>Households whose previous helper (<see cref="Household.CurrentHelper"/>) was not kept, and why.</summary>
    public IReadOnlyList<ChangedPairing> Changes { get; }

    /// <summary>The value of each objective level for this pairing.</summary>
    public ObjectiveValues Objective { get; }

    /// <summary>
    /// The objective a fresh solve (ignoring current helpers) reaches, when pairings were kept; <see langword="null"/>
    /// when nothing was kept. Where it is better than <see cref="Objective"/>, keeping pairings cost that much.
    /// </summary>
    public ObjectiveValues? FreshObjective { get; }

    /// <summary>Whether every household is covered and every helper meets its quota.</summary>
    public bool IsComplete => Summary.Uncovered == 0 && Summary.TotalShortfall == 0;
}

/// <summary>The headline numbers of a <see cref="PairingResult"/>.</summary>
/// <param name="Households">Households in the roster.</param>
/// <param name="Covered">Households with a helper.</param>
/// <param name="Uncovered">Households without one.</param>
/// <param name="Helpers">Helpers in the roster.</param>
/// <param name="IdleHelpers">Selected helpers with no household.</param>
/// <param name="TotalShortfall">Sum over helpers of quota minus load, where positive.</param>
/// <param name="Kept">Pairings kept from the previous pairing.</param>
/// <param name="Changed">Households that had a helper and got a different one.</param>
/// <param name="New">Households that had no helper and got one.</param>
/// <param name="UnselectedHelpers">Helpers no group could use.</param>
public sealed record PairingSummary(
    int Households,
    int Covered,
    int Uncovered,
    int Helpers,
    int IdleHelpers,
    long TotalShortfall,
    int Kept,
    int Changed,
    int New,
    int UnselectedHelpers);

/// <summary>Whether a pairing was kept from the previous pairing, changed, or is new.</summary>
public enum PairingStatus
{
    /// <summary>The household had no helper before.</summary>
    New = 0,

    /// <summary>The household keeps its previous helper.</summary>
    Kept = 1,

    /// <summary>The household had a helper that could not be kept (see <see cref="PairingResult.Changes"/>).</summary>
    Changed = 2,
}

/// <summary>One household paired with one helper.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="HelperId">Its responsible person.</param>
/// <param name="GroupId">The helper's group.</param>
/// <param name="Status">Kept, changed or new.</param>
public readonly record struct Pairing(string HouseholdId, string HelperId, string GroupId, PairingStatus Status);

/// <summary>Why a household's previous helper was not kept.</summary>
public enum ChangeReason
{
    /// <summary>The previous helper is not in the roster (left, transferred).</summary>
    HelperLeft = 0,

    /// <summary>No group selects the previous helper, or it lacks the township or village its scope needs.</summary>
    HelperNotSelected = 1,

    /// <summary>The rules no longer allow the pairing (wrong scope or households not accepted by the group).</summary>
    RuleBroken = 2,

    /// <summary>The previous helper already has as many households as the group's cap allows.</summary>
    OverCap = 3,
}

/// <summary>A household whose previous helper was not kept.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="PreviousHelperId">The helper it had.</param>
/// <param name="Reason">Why that pairing was not kept.</param>
/// <param name="NewHelperId">The helper it has now, or <see langword="null"/> when uncovered.</param>
public sealed record ChangedPairing(string HouseholdId, string PreviousHelperId, ChangeReason Reason, string? NewHelperId);

/// <summary>Why a household has no helper.</summary>
public enum UncoveredReason
{
    /// <summary>No group's <c>households</c> expression accepts the household.</summary>
    NoGroupAccepts = 0,

    /// <summary>Groups accept it, but no helper of theirs is in its scope (township, village).</summary>
    NoHelperInScope = 1,

    /// <summary>The household's township has no helper of the backstop group (for example no township cadre).</summary>
    NoBackstopInTownship = 2,

    /// <summary>Every helper who may take the household is at the cap of its group.</summary>
    AllHelpersFull = 3,
}

/// <summary>A household left without a helper.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="Township">Its township.</param>
/// <param name="Village">Its village.</param>
/// <param name="Reason">Why.</param>
/// <param name="Remedy">The smallest change to the roster or rules that would cover it.</param>
/// <param name="County">Its county, or <see langword="null"/> (the default) when the roster names no county.</param>
public sealed record UncoveredHousehold(string HouseholdId, string Township, string Village, UncoveredReason Reason, string Remedy, string? County = null);

/// <summary>A selected helper's load against its group's quota.</summary>
/// <param name="HelperId">The helper.</param>
/// <param name="GroupId">Its group.</param>
/// <param name="Required">The quota (the group's <c>min</c>).</param>
/// <param name="Assigned">The households paired with it.</param>
/// <param name="Cap">The group's <c>max</c>, or <see langword="null"/>.</param>
public readonly record struct HelperLoad(string HelperId, string GroupId, int Required, int Assigned, int? Cap)
{
    /// <summary>Quota minus load, where positive.</summary>
    public int Shortfall => Math.Max(0, Required - Assigned);

    /// <summary>Whether the helper has no household.</summary>
    public bool IsIdle => Assigned == 0;
}

/// <summary>Why a helper takes no part in the pairing.</summary>
public enum UnselectedReason
{
    /// <summary>No group's <c>helpers</c> expression selects the helper.</summary>
    NoGroupSelects = 0,

    /// <summary>Its group pairs within a township or village, and the helper has no township.</summary>
    NoTownship = 1,

    /// <summary>Its group pairs within a village, and the helper has no village.</summary>
    NoVillage = 2,
}

/// <summary>A helper that takes no part in the pairing.</summary>
/// <param name="HelperId">The helper.</param>
/// <param name="Reason">Why, for people.</param>
public sealed record UnselectedHelper(string HelperId, string Reason);

/// <summary>Totals for one group.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Label">Its label.</param>
/// <param name="Helpers">Its helpers.</param>
/// <param name="Households">Households paired with them.</param>
/// <param name="Required">The sum of their quotas.</param>
/// <param name="Shortfall">The sum of their shortfalls.</param>
/// <param name="IdleHelpers">Its helpers with no household.</param>
public sealed record GroupTotal(string GroupId, string Label, int Helpers, int Households, long Required, long Shortfall, int IdleHelpers);

/// <summary>Totals for one township or village (of one county, when the roster names counties).</summary>
/// <param name="Township">The township.</param>
/// <param name="Village">The village, or <see langword="null"/> for a township total.</param>
/// <param name="Households">Its households.</param>
/// <param name="Covered">Those with a helper.</param>
/// <param name="Uncovered">Those without.</param>
/// <param name="County">The county, or <see langword="null"/> (the default) when the roster names no county.</param>
public sealed record AreaTotal(string Township, string? Village, int Households, int Covered, int Uncovered, string? County = null);

/// <summary>What a certificate proves.</summary>
public enum CertificateKind
{
    /// <summary>Why some households cannot be covered by any pairing.</summary>
    Coverage = 0,

    /// <summary>Why some helpers cannot meet their quota (or get a household) in any pairing that covers as many households.</summary>
    Quota = 1,
}

/// <summary>
/// A short proof that a gap cannot be closed: a set of households and the only helpers who may take them.
/// </summary>
/// <param name="Kind">Coverage or quota.</param>
/// <param name="Statement">The proof for people, for example "township X: 412 households, every helper who may take them is full".</param>
/// <param name="Households">The households in the set.</param>
/// <param name="Capacity">For coverage, the most households the set's helpers may take; for quotas, the households their quotas need.</param>
/// <param name="Gap">Uncovered households (coverage) or total shortfall (quota) this certificate accounts for.</param>
/// <param name="Townships">The townships involved, by name (ordered by county, then name, when the roster names counties).</param>
/// <param name="GroupIds">The groups whose helpers are involved.</param>
/// <param name="Counties">When the roster names counties, the county of each of <paramref name="Townships"/>, in the same
/// order; <see langword="null"/> (the default) when it names none.</param>
public sealed record Certificate(
    CertificateKind Kind,
    string Statement,
    long Households,
    long Capacity,
    long Gap,
    IReadOnlyList<string> Townships,
    IReadOnlyList<string> GroupIds,
    IReadOnlyList<string>? Counties = null);

/// <summary>The value of each objective level, in order; lower is better at every level.</summary>
/// <param name="Uncovered">Level 1: households without a helper.</param>
/// <param name="IdleHelpers">Level 2: selected helpers without a household.</param>
/// <param name="Shortfall">Level 3: total quota shortfall.</param>
/// <param name="Remainder">Level 4: load above quota weighted by group rank (backstop groups 0, then 1, 2 ... in rule order).</param>
/// <param name="Balance">Level 5: the sum over helpers of e(e+1)/2 where e is the load above quota; smaller is more even.</param>
public sealed record ObjectiveValues(long Uncovered, long IdleHelpers, long Shortfall, long Remainder, long Balance) : IComparable<ObjectiveValues>
{
    /// <summary>Compares lexicographically, level by level.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Negative if this is better.</returns>
    public int CompareTo(ObjectiveValues? other)
    {
        if (other is null)
        {
            return -1;
        }

        var c = Uncovered.CompareTo(other.Uncovered);
        if (c == 0) { c = IdleHelpers.CompareTo(other.IdleHelpers); }
        if (c == 0) { c = Shortfall.CompareTo(other.Shortfall); }
        if (c == 0) { c = Remainder.CompareTo(other.Remainder); }
        if (c == 0) { c = Balance.CompareTo(other.Balance); }
        return c;
    }
}
