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
    /// <param name="helpers">The helpers.</param>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    /// <exception cref="RosterException">Two households or two helpers share an id (every duplicate is listed), some households or
    /// helpers name a county and others do not (the first that differs from the first household is named), or the roster has
    /// more than 5,000,000 households or 1,000,000 helpers.</exception>
    public Roster(IEnumerable<Household> households, IEnumerable<Helper> helpers)
        : this(households, helpers, [])
    {
    }

    /// <summary>A roster with the warnings its reader found (a header close to a known column, ...).</summary>
    internal Roster(IEnumerable<Household> households, IEnumerable<Helper> helpers, IReadOnlyList<InputProblem> warnings)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(helpers);
        Warnings = warnings;
        Households = households.ToArray();
        Helpers = helpers.ToArray();
        var problems = new List<InputProblem>();
        if (Households.Count > RosterLimits.MaxHouseholds)
        {
            problems.Add(new InputProblem(
                $"the roster has {RosterLimits.Format(Households.Count)} households; the limit is {RosterLimits.Format(RosterLimits.MaxHouseholds)}", path: "households"));
        }

        if (Helpers.Count > RosterLimits.MaxHelpers)
        {
            problems.Add(new InputProblem(
                $"the roster has {RosterLimits.Format(Helpers.Count)} helpers; the limit is {RosterLimits.Format(RosterLimits.MaxHelpers)}", path: "helpers"));
        }

        if (problems.Count > 0)
        {
            throw new RosterException(problems);
        }

        _householdIndex = Index(Households, h => h.Id, "household", problems);
        _helperIndex = Index(Helpers, h => h.Id, "helper", problems);
        CheckCounties(problems);
        if (problems.Count > 0)
        {
            throw new RosterException(problems);
        }

        Places = new RosterPlaces(Households, Helpers, HelperIndexOf);
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
    internal bool NamesCounties { get; private set; }

    /// <summary>Checks that all households and helpers name a county or none does; names the first that differs.</summary>
    private void CheckCounties(List<InputProblem> problems)
    {
        var people = Households.Select((h, i) => (Kind: "household", h.Id, Position: i + 1, NamesCounty: h.County is not null))
            .Concat(Helpers.Select((h, i) => (Kind: "helper", h.Id, Position: i + 1, NamesCounty: h.County is not null)));
        (string Kind, string Id, int Position, bool NamesCounty)? first = null;
        foreach (var person in people)
        {
            if (first is not { } f)
            {
                first = person;
                NamesCounties = person.NamesCounty;
            }
            else if (person.NamesCounty != f.NamesCounty)
            {
                problems.Add(new InputProblem(
                    $"{person.Kind} '{person.Id}' (position {person.Position}) {(person.NamesCounty ? "names a county" : "names no county")}, " +
                    $"but {f.Kind} '{f.Id}' (position {f.Position}) {(f.NamesCounty ? "does" : "does not")}; either every household and helper names a county or none does",
                    path: person.Kind + "s"));
                return;
            }
        }
    }

    private static Dictionary<string, int> Index<T>(IReadOnlyList<T> items, Func<T, string> id, string kind, List<InputProblem> problems)
        where T : class
    {
        var index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentNullException(nameof(items), $"The {kind} at position {i} is null.");
            if (!index.TryAdd(id(item), i))
            {
                problems.Add(new InputProblem(
                    $"duplicate {kind} id '{id(item)}' (positions {index[id(item)] + 1} and {i + 1})", path: kind + "s"));
            }
        }

        return index;
    }
}
