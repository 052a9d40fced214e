namespace PairingRules;

/// <summary>
/// The households and helpers of one county, or of several counties that name their county, with unique ids.
/// </summary>
/// <remarks>
/// Immutable; keeps the order it was given (results list households in this order). Either no household and no helper
/// names a county (<see cref="Household.County"/>, <see cref="Helper.County"/>), or all of them do; a village is then
/// identified by its county, township and name, and a helper takes households of its own county only. Making a roster
/// indexes its ids and numbers its places once; every solve of it reuses that work, so make a roster once and solve it
/// as often as the rules change.
/// <threadsafety>Instances are immutable and safe to share between threads.</threadsafety>
/// </remarks>
public sealed class Roster
{
    private readonly Dictionary<string, int> _householdIndex;
    private readonly Dictionary<string, int> _helperIndex;

    /// <summary>Creates a roster.</summary>
    /// <param name="households">The households.</param>
    /// <param name="helpers">The helpers. A helper made without a poor-village status, or with a village but no township,
    /// is completed from the households (see <see cref="Helper"/>): <see cref="Helpers"/> then holds a completed copy.</param>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    /// <exception cref="RosterException">Two households or two helpers share an id (every duplicate is listed), some households or
    /// helpers name a county and others do not (the first that differs from the first household is named), the households of a
    /// village disagree on whether it is poor, a helper names a village that is in several townships and no township, a helper's
    /// poor-village status contradicts the households of its village, or the roster has more than 5,000,000 households or
    /// 1,000,000 helpers. docs/roster-format.md ("Rules of a roster") states each rule; a roster file is checked by the same
    /// rules, located in the file.</exception>
    public Roster(IEnumerable<Household> households, IEnumerable<Helper> helpers)
        : this(households, helpers, [])
    {
    }

    /// <summary>A roster made from objects with warnings found elsewhere, checked here.</summary>
    internal Roster(IEnumerable<Household> households, IEnumerable<Helper> helpers, IReadOnlyList<InputProblem> warnings)
        : this(Checked(households, helpers), warnings)
    {
    }

    private Roster((Household[] Households, Helper[] Helpers, RosterFacts Facts) roster, IReadOnlyList<InputProblem> warnings)
        : this(roster.Households, roster.Helpers, warnings, roster.Facts)
    {
    }

    /// <summary>
    /// A roster a file reader has already checked with <see cref="RosterRules"/> (its problems located in the files, none
    /// found): <paramref name="helpers"/> are completed with <paramref name="facts"/>' places, the indexes are reused.
    /// </summary>
    internal Roster(Household[] households, Helper[] helpers, IReadOnlyList<InputProblem> warnings, RosterFacts facts)
    {
        Warnings = warnings;
        Households = households;
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = helpers[i].WithDerived(facts.HelperPlaces[i].Township, facts.HelperPlaces[i].PoorVillage);
        }

        Helpers = helpers;
        _householdIndex = facts.HouseholdIndex;
        _helperIndex = facts.HelperIndex;
        NamesCounties = facts.NamesCounties;
        Places = new RosterPlaces(Households, Helpers, HelperIndexOf);
    }

    /// <summary>The checks of a roster made from objects: limits, no nulls, then <see cref="RosterRules"/>, each problem
    /// named by id and position.</summary>
    private static (Household[] Households, Helper[] Helpers, RosterFacts Facts) Checked(IEnumerable<Household> households, IEnumerable<Helper> helpers)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(helpers);
        var householdArray = households.ToArray();
        var given = helpers.ToArray();
        var problems = new List<InputProblem>();
        if (householdArray.Length > RosterLimits.MaxHouseholds)
        {
            problems.Add(new InputProblem(
                $"the roster has {RosterLimits.Format(householdArray.Length)} households; the limit is {RosterLimits.Format(RosterLimits.MaxHouseholds)}", path: "households"));
        }

        if (given.Length > RosterLimits.MaxHelpers)
        {
            problems.Add(new InputProblem(
                $"the roster has {RosterLimits.Format(given.Length)} helpers; the limit is {RosterLimits.Format(RosterLimits.MaxHelpers)}", path: "helpers"));
        }

        if (problems.Count > 0)
        {
            throw new RosterException(problems);
        }

        NoNulls(householdArray, "household");
        NoNulls(given, "helper");
        var facts = RosterRules.Check(
            householdArray.Length, i => RosterEntry.Of(householdArray[i]), given.Length, i => RosterEntry.Of(given[i]), new ObjectRosterLocator(householdArray, given, problems));
        if (problems.Count > 0)
        {
            throw new RosterException(problems);
        }

        return (householdArray, given, facts);
    }

    /// <summary>The households, in the order given.</summary>
    public IReadOnlyList<Household> Households { get; }

    /// <summary>The helpers, in the order given.</summary>
    public IReadOnlyList<Helper> Helpers { get; }

    /// <summary>Likely mistakes the roster's reader found that are not errors (see <see cref="ProblemSeverity.Warning"/>);
    /// empty for a roster made from objects. A solve reports them again in <see cref="PairingResult.Warnings"/>.</summary>
    public IReadOnlyList<InputProblem> Warnings { get; }

    /// <summary>Finds a household by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The household, or <see langword="null"/>.</returns>
    public Household? FindHousehold(string id) => _householdIndex.TryGetValue(id, out var i) ? Households[i] : null;

    /// <summary>Finds a helper by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The helper, or <see langword="null"/>.</returns>
    public Helper? FindHelper(string id) => _helperIndex.TryGetValue(id, out var i) ? Helpers[i] : null;

    internal int HelperIndexOf(string id) => _helperIndex.TryGetValue(id, out var i) ? i : -1;

    /// <summary>The roster's counties, townships and villages, numbered once.</summary>
    internal RosterPlaces Places { get; }

    /// <summary>Whether the households and helpers name their county (all of them do, or none).</summary>
    internal bool NamesCounties { get; }

    private static void NoNulls<T>(IReadOnlyList<T> items, string kind)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentNullException(kind == "household" ? "households" : "helpers", $"The {kind} at position {i} is null.");
            }
        }
    }
}
