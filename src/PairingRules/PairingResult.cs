namespace PairingRules;

/// <summary>
/// The outcome of <see cref="RuleSet.Solve(Roster, PairingOptions?, CancellationToken)"/>: every pairing, every gap, totals, and why nothing better exists.
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
        ObjectiveValues? freshObjective,
        BackstopCoverage? backstop,
        IReadOnlyList<InputProblem> warnings)
    {
        Warnings = warnings;
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
        Backstop = backstop;
        Summary = summary;
    }

    /// <summary>
    /// Likely mistakes in the rules or the roster that are not errors, each located: the roster reader's, then those
    /// found by evaluating the rules on the roster. Empty when there are none; strict mode turns them into errors.
    /// </summary>
    public IReadOnlyList<InputProblem> Warnings { get; }

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

    /// <summary>Helpers that take no part: no group selects them, or they lack the township or village their scope needs.
    /// A gap (人人都有包扶对象, no person left out, is the second objective): <see cref="IsComplete"/> is false while there is one.</summary>
    public IReadOnlyList<UnselectedHelper> Unselected { get; }

    /// <summary>Totals per group, in rule-set order.</summary>
    public IReadOnlyList<GroupTotal> Groups { get; }

    /// <summary>Totals per township, in <see cref="Place"/> order: by county (when the roster names counties), then township name (ordinal).</summary>
    public IReadOnlyList<AreaTotal> Townships { get; }

    /// <summary>Totals per village, in <see cref="Place"/> order: by county (when the roster names counties), township, then village name (ordinal).</summary>
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

    /// <summary>
    /// Where the township backstop (兜底, for the Xing rules the township cadres) is missing: townships with households but
    /// no helper of a township-scope backstop group, who carries their households instead, and the load above quota that
    /// falls on other groups; <see langword="null"/> when the rules have no township-scope backstop group.
    /// </summary>
    /// <remarks>A result can be complete and still have townships without a backstop helper (other groups cover them);
    /// this is where a county office sees it.</remarks>
    public BackstopCoverage? Backstop { get; }

    /// <summary>
    /// Whether there is no gap: every household is covered (户户都有包扶责任人), every helper takes part
    /// (人人都有包扶对象: no helper in <see cref="Unselected"/>) and every helper meets its quota. Warnings do not count.
    /// </summary>
    public bool IsComplete => Summary.Uncovered == 0 && Summary.TotalShortfall == 0 && Summary.UnselectedHelpers == 0;
}

/// <summary>The headline numbers of a <see cref="PairingResult"/>.</summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class PairingSummary
{
    internal PairingSummary(
        int households,
        int covered,
        int uncovered,
        int helpers,
        int idleHelpers,
        long totalShortfall,
        int kept,
        int changed,
        int @new,
        int unselectedHelpers)
    {
        Households = households;
        Covered = covered;
        Uncovered = uncovered;
        Helpers = helpers;
        IdleHelpers = idleHelpers;
        TotalShortfall = totalShortfall;
        Kept = kept;
        Changed = changed;
        New = @new;
        UnselectedHelpers = unselectedHelpers;
    }

    /// <summary>Households in the roster.</summary>
    public int Households { get; }

    /// <summary>Households with a helper.</summary>
    public int Covered { get; }

    /// <summary>Households without one.</summary>
    public int Uncovered { get; }

    /// <summary>Helpers in the roster.</summary>
    public int Helpers { get; }

    /// <summary>Selected helpers with no household.</summary>
    public int IdleHelpers { get; }

    /// <summary>Sum over helpers of quota minus load, where positive.</summary>
    public long TotalShortfall { get; }

    /// <summary>Pairings kept from the previous pairing.</summary>
    public int Kept { get; }

    /// <summary>Households that had a helper and got a different one.</summary>
    public int Changed { get; }

    /// <summary>Households that had no helper and got one.</summary>
    public int New { get; }

    /// <summary>Helpers that take no part (<see cref="PairingResult.Unselected"/>): no group selects them, or they lack the
    /// township or village their group's scope needs. A gap: the result is not complete while there is one.</summary>
    public int UnselectedHelpers { get; }
}

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
/// <remarks>A value made when <see cref="PairingResult.Pairings"/> is read; two pairings are equal when every property
/// is (ids compared ordinally).
/// <threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public readonly struct Pairing : IEquatable<Pairing>
{
    internal Pairing(string householdId, string helperId, string groupId, PairingStatus status)
    {
        HouseholdId = householdId;
        HelperId = helperId;
        GroupId = groupId;
        Status = status;
    }

    /// <summary>The household.</summary>
    public string HouseholdId { get; }

    /// <summary>Its responsible person.</summary>
    public string HelperId { get; }

    /// <summary>The helper's group.</summary>
    public string GroupId { get; }

    /// <summary>Kept, changed or new.</summary>
    public PairingStatus Status { get; }

    /// <summary>Whether every property is equal.</summary>
    /// <param name="other">The other pairing.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(Pairing other) =>
        string.Equals(HouseholdId, other.HouseholdId, StringComparison.Ordinal) &&
        string.Equals(HelperId, other.HelperId, StringComparison.Ordinal) &&
        string.Equals(GroupId, other.GroupId, StringComparison.Ordinal) &&
        Status == other.Status;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Pairing other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(HouseholdId, HelperId, GroupId, Status);

    /// <summary>The pairing for people, for example <c>H1 -> L1 (county-leaders, new)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{HouseholdId} -> {HelperId} ({GroupId}, {Status.ToString().ToLowerInvariant()})";

    /// <summary>Whether two pairings are equal.</summary>
    /// <param name="left">One pairing.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public static bool operator ==(Pairing left, Pairing right) => left.Equals(right);

    /// <summary>Whether two pairings differ.</summary>
    /// <param name="left">One pairing.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(Pairing left, Pairing right) => !left.Equals(right);
}

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
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class ChangedPairing
{
    internal ChangedPairing(string householdId, string previousHelperId, ChangeReason reason, string? newHelperId)
    {
        HouseholdId = householdId;
        PreviousHelperId = previousHelperId;
        Reason = reason;
        NewHelperId = newHelperId;
    }

    /// <summary>The household.</summary>
    public string HouseholdId { get; }

    /// <summary>The helper it had.</summary>
    public string PreviousHelperId { get; }

    /// <summary>Why that pairing was not kept.</summary>
    public ChangeReason Reason { get; }

    /// <summary>The helper it has now, or <see langword="null"/> when uncovered.</summary>
    public string? NewHelperId { get; }
}

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
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class UncoveredHousehold
{
    internal UncoveredHousehold(Household household, Place place, UncoveredReason reason, string remedy, IReadOnlyList<string> remedyGroupIds, long? maxIncrease)
    {
        Household = household;
        Place = place;
        Reason = reason;
        Remedy = remedy;
        RemedyGroupIds = remedyGroupIds;
        MaxIncrease = maxIncrease;
    }

    /// <summary>The household.</summary>
    public string HouseholdId => Household.Id;

    /// <summary>The household as the roster holds it: its members, income and attributes, such as the head of household's
    /// name (the roster's <c>name</c> column, 户主姓名: <c>Household.Attribute("name")</c>).</summary>
    public Household Household { get; }

    /// <summary>Its village (with its township, and its county when the roster names counties).</summary>
    public Place Place { get; }

    /// <summary>Why it has no helper.</summary>
    public UncoveredReason Reason { get; }

    /// <summary>The smallest change to the roster or rules that would cover it, for people, in English;
    /// <see cref="ResultText.Remedy(UncoveredHousehold)"/> writes it in another language.</summary>
    public string Remedy { get; }

    /// <summary>
    /// The groups <see cref="Remedy"/> names, in rule order: add a helper of one of them (in the household's scope), or
    /// raise the <c>max</c> of those that have one (<see cref="UncoveredReason.AllHelpersFull"/>); empty for
    /// <see cref="UncoveredReason.NoGroupAccepts"/>, where the rules themselves must change.
    /// </summary>
    public IReadOnlyList<string> RemedyGroupIds { get; }

    /// <summary>
    /// For <see cref="UncoveredReason.AllHelpersFull"/> when some of the helpers who may take the household are capped: by how
    /// much the <c>max</c> of the groups <see cref="RemedyGroupIds"/> names must rise to cover the households of its set;
    /// <see langword="null"/> when the remedy is to add a helper.
    /// </summary>
    public long? MaxIncrease { get; }
}

/// <summary>A selected helper's load against its group's quota.</summary>
/// <remarks>A value made when <see cref="PairingResult.Helpers"/> is read; two loads are equal when they are of the same
/// roster helper (the same instance) and every other property is equal (strings compared ordinally).
/// <threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public readonly struct HelperLoad : IEquatable<HelperLoad>
{
    internal HelperLoad(Helper helper, string groupId, int required, int assigned, int? cap)
    {
        Helper = helper;
        GroupId = groupId;
        Required = required;
        Assigned = assigned;
        Cap = cap;
    }

    /// <summary>The helper.</summary>
    public string HelperId => Helper.Id;

    /// <summary>The helper's name (<see cref="PairingRules.Helper.Name"/>; its id when the roster gives none).</summary>
    public string HelperName => Helper.Name;

    /// <summary>The helper as the roster holds it: its name, unit (单位), township and village.</summary>
    public Helper Helper { get; }

    /// <summary>Its group.</summary>
    public string GroupId { get; }

    /// <summary>The quota (the group's <c>min</c>).</summary>
    public int Required { get; }

    /// <summary>The households paired with it.</summary>
    public int Assigned { get; }

    /// <summary>The group's <c>max</c>, or <see langword="null"/>.</summary>
    public int? Cap { get; }

    /// <summary>Quota minus load, where positive.</summary>
    public int Shortfall => Math.Max(0, Required - Assigned);

    /// <summary>Whether the helper has no household.</summary>
    public bool IsIdle => Assigned == 0;

    /// <summary>Whether every property is equal.</summary>
    /// <param name="other">The other load.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(HelperLoad other) =>
        ReferenceEquals(Helper, other.Helper) &&
        string.Equals(GroupId, other.GroupId, StringComparison.Ordinal) &&
        Required == other.Required &&
        Assigned == other.Assigned &&
        Cap == other.Cap;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is HelperLoad other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Helper.Id, GroupId, Required, Assigned, Cap);

    /// <summary>The load for people, for example <c>S1 (section-cadres): 6 of 8</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{HelperId} ({GroupId}): {Assigned} of {Required}");

    /// <summary>Whether two loads are equal.</summary>
    /// <param name="left">One load.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public static bool operator ==(HelperLoad left, HelperLoad right) => left.Equals(right);

    /// <summary>Whether two loads differ.</summary>
    /// <param name="left">One load.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(HelperLoad left, HelperLoad right) => !left.Equals(right);
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
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class UnselectedHelper
{
    internal UnselectedHelper(Helper helper, UnselectedReason reason, string? groupId)
    {
        Helper = helper;
        Reason = reason;
        GroupId = groupId;
    }

    /// <summary>The helper.</summary>
    public string HelperId => Helper.Id;

    /// <summary>The helper as the roster holds it: its name, category, unit (单位), township and village.</summary>
    public Helper Helper { get; }

    /// <summary>Why it takes no part.</summary>
    public UnselectedReason Reason { get; }

    /// <summary>
    /// The group that selects the helper but whose scope needs a township or village the helper lacks
    /// (<see cref="UnselectedReason.NoTownship"/>, <see cref="UnselectedReason.NoVillage"/>); <see langword="null"/>
    /// when no group selects it.
    /// </summary>
    public string? GroupId { get; }
}

/// <summary>Totals for one group.</summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class GroupTotal
{
    internal GroupTotal(string groupId, string label, int helpers, int households, long required, long shortfall, int idleHelpers)
    {
        GroupId = groupId;
        Label = label;
        Helpers = helpers;
        Households = households;
        Required = required;
        Shortfall = shortfall;
        IdleHelpers = idleHelpers;
    }

    /// <summary>The group.</summary>
    public string GroupId { get; }

    /// <summary>Its label.</summary>
    public string Label { get; }

    /// <summary>Its helpers.</summary>
    public int Helpers { get; }

    /// <summary>Households paired with them.</summary>
    public int Households { get; }

    /// <summary>The sum of their quotas.</summary>
    public long Required { get; }

    /// <summary>The sum of their shortfalls.</summary>
    public long Shortfall { get; }

    /// <summary>Its helpers with no household.</summary>
    public int IdleHelpers { get; }
}

/// <summary>Totals for one township or village (of one county, when the roster names counties).</summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class AreaTotal
{
    internal AreaTotal(Place place, int households, int covered, int uncovered)
    {
        Place = place;
        Households = households;
        Covered = covered;
        Uncovered = uncovered;
    }

    /// <summary>The township (<see cref="Place.Village"/> is <see langword="null"/>) or the village.</summary>
    public Place Place { get; }

    /// <summary>Its households.</summary>
    public int Households { get; }

    /// <summary>Those with a helper.</summary>
    public int Covered { get; }

    /// <summary>Those without.</summary>
    public int Uncovered { get; }
}

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
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class Certificate
{
    internal Certificate(
        CertificateKind kind,
        UncoveredReason? reason,
        string statement,
        long households,
        long helpers,
        long capacity,
        long gap,
        IReadOnlyList<Place> places,
        IReadOnlyList<Place> villages,
        IReadOnlyList<string> groupIds)
    {
        Kind = kind;
        Reason = reason;
        Statement = statement;
        Households = households;
        Helpers = helpers;
        Capacity = capacity;
        Gap = gap;
        Places = places;
        Villages = villages;
        GroupIds = groupIds;
    }

    /// <summary>Coverage or quota.</summary>
    public CertificateKind Kind { get; }

    /// <summary>
    /// For a coverage certificate, why its households stay uncovered: <see cref="UncoveredReason.AllHelpersFull"/> when the
    /// set has helpers who may take them (all full), else why no helper may (no group accepts them, no helper in their
    /// scope, no backstop helper in their township); <see langword="null"/> for a quota certificate.
    /// </summary>
    public UncoveredReason? Reason { get; }

    /// <summary>The proof for people, in English, for example <c>B: 3 households may go only to 1 helper of `committee`, whose caps
    /// allow 1 more, and all are full; 2 stay uncovered in any pairing.</c>; <see cref="ResultText.Statement(Certificate)"/>
    /// writes it in another language.</summary>
    public string Statement { get; }

    /// <summary>The households in the set.</summary>
    public long Households { get; }

    /// <summary>The helpers in the set: those who may take its households (coverage; 0 when no helper may), or those short of
    /// quota with the households they may take (quota).</summary>
    public long Helpers { get; }

    /// <summary>For coverage, the most households the set's helpers may take; for quotas, the households their quotas need.</summary>
    public long Capacity { get; }

    /// <summary>Uncovered households (coverage) or total shortfall (quota) this certificate accounts for.</summary>
    public long Gap { get; }

    /// <summary>The townships of the set's households, in <see cref="Place"/> order (by county when the roster names
    /// counties, then township name).</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>The villages of the set's households, in <see cref="Place"/> order: where the certificate applies, village by
    /// village (two certificates with the same statement differ here).</summary>
    public IReadOnlyList<Place> Villages { get; }

    /// <summary>The groups whose helpers are involved, in rule order.</summary>
    public IReadOnlyList<string> GroupIds { get; }
}

/// <summary>The value of each objective level, in order; lower is better at every level.</summary>
/// <remarks>
/// Values compare lexicographically, level by level (<see cref="CompareTo"/>), and are equal when every level is.
/// <threadsafety>Immutable and safe to share between threads.</threadsafety>
/// </remarks>
public sealed class ObjectiveValues : IComparable<ObjectiveValues>, IEquatable<ObjectiveValues>
{
    internal ObjectiveValues(long uncovered, long idleHelpers, long shortfall, long remainder, long balance)
    {
        Uncovered = uncovered;
        IdleHelpers = idleHelpers;
        Shortfall = shortfall;
        Remainder = remainder;
        Balance = balance;
    }

    /// <summary>Level 1: households without a helper.</summary>
    public long Uncovered { get; }

    /// <summary>Level 2: selected helpers without a household.</summary>
    public long IdleHelpers { get; }

    /// <summary>Level 3: total quota shortfall.</summary>
    public long Shortfall { get; }

    /// <summary>Level 4: the sum over helpers of the group's rank times the load above quota. Ranks: the backstop groups
    /// first, in rule order (0, 1, ...), then the other groups in rule order (docs/rule-format.md, "The objective, exactly").</summary>
    public long Remainder { get; }

    /// <summary>Level 5: the sum over helpers of e(e+1)/2 where e is the load above quota; smaller is more even.</summary>
    public long Balance { get; }

    /// <summary>Compares lexicographically, level by level.</summary>
    /// <param name="other">The other value, or <see langword="null"/>.</param>
    /// <returns>Negative if this is better, zero if equal, positive if worse; positive when <paramref name="other"/> is
    /// <see langword="null"/> (any value is greater than <see langword="null"/>, as in .NET's comparisons).</returns>
    public int CompareTo(ObjectiveValues? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Uncovered.CompareTo(other.Uncovered);
        if (c == 0) { c = IdleHelpers.CompareTo(other.IdleHelpers); }
        if (c == 0) { c = Shortfall.CompareTo(other.Shortfall); }
        if (c == 0) { c = Remainder.CompareTo(other.Remainder); }
        if (c == 0) { c = Balance.CompareTo(other.Balance); }
        return c;
    }

    /// <summary>Whether every level is equal.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(ObjectiveValues? other) =>
        other is not null &&
        Uncovered == other.Uncovered &&
        IdleHelpers == other.IdleHelpers &&
        Shortfall == other.Shortfall &&
        Remainder == other.Remainder &&
        Balance == other.Balance;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ObjectiveValues);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Uncovered, IdleHelpers, Shortfall, Remainder, Balance);

    /// <summary>The levels for people: <c>uncovered 0, idle helpers 0, shortfall 2, remainder 0, balance 1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"uncovered {Uncovered}, idle helpers {IdleHelpers}, shortfall {Shortfall}, remainder {Remainder}, balance {Balance}");

    /// <summary>Whether two values are equal at every level.</summary>
    /// <param name="left">One value, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if equal, or both <see langword="null"/>.</returns>
    public static bool operator ==(ObjectiveValues? left, ObjectiveValues? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two values differ at some level.</summary>
    /// <param name="left">One value, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(ObjectiveValues? left, ObjectiveValues? right) => !(left == right);

    /// <summary>Whether <paramref name="left"/> is better than <paramref name="right"/> (<see cref="CompareTo"/>).</summary>
    /// <param name="left">One value, or <see langword="null"/> (less than any value).</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if it compares less.</returns>
    public static bool operator <(ObjectiveValues? left, ObjectiveValues? right) => Compare(left, right) < 0;

    /// <summary>Whether <paramref name="left"/> is better than <paramref name="right"/> or equal to it.</summary>
    /// <param name="left">One value, or <see langword="null"/> (less than any value).</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if it compares less or equal.</returns>
    public static bool operator <=(ObjectiveValues? left, ObjectiveValues? right) => Compare(left, right) <= 0;

    /// <summary>Whether <paramref name="left"/> is worse than <paramref name="right"/>.</summary>
    /// <param name="left">One value, or <see langword="null"/> (less than any value).</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if it compares greater.</returns>
    public static bool operator >(ObjectiveValues? left, ObjectiveValues? right) => Compare(left, right) > 0;

    /// <summary>Whether <paramref name="left"/> is worse than <paramref name="right"/> or equal to it.</summary>
    /// <param name="left">One value, or <see langword="null"/> (less than any value).</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if it compares greater or equal.</returns>
    public static bool operator >=(ObjectiveValues? left, ObjectiveValues? right) => Compare(left, right) >= 0;

    private static int Compare(ObjectiveValues? left, ObjectiveValues? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
