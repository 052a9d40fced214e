namespace PairingRules;

/// <summary>Text values of a roster: trimmed, and blank optional text counts as none.</summary>
internal static class RosterText
{
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Bool(bool value) => value ? "true" : "false";
}

/// <summary>Whether a roster row is a household or a helper.</summary>
internal enum RosterKind
{
    Household = 0,
    Helper = 1,
}

/// <summary>A row of a roster: a household or a helper by its 0-based position.</summary>
internal readonly record struct RosterRow(RosterKind Kind, int Index);

/// <summary>The values of a row the roster rules read.</summary>
internal enum RosterField
{
    Id = 0,
    County = 1,
    Township = 2,
    Village = 3,
    PoorVillage = 4,
}

/// <summary>
/// What the roster rules read of one household or helper; <see langword="null"/> where the row has no value (or, in a
/// file, none that could be read). <see cref="PoorVillage"/> of a helper is the value it was given, not a derived one.
/// </summary>
internal readonly record struct RosterEntry(string? Id, string? County, string? Township, string? Village, bool? PoorVillage)
{
    public static RosterEntry Of(Household household) =>
        new(household.Id, household.County, household.Township, household.Village, household.PoorVillage);

    public static RosterEntry Of(Helper helper) =>
        new(helper.Id, helper.County, helper.Township, helper.Village, helper.GivenPoorVillage);
}

/// <summary>
/// Where the roster rules put their problems and how their messages name rows: a roster made from objects names a row by
/// its id and position, a roster file by its file, line and column (each reader translates the rules' findings to its
/// locations).
/// </summary>
internal abstract class RosterLocator
{
    /// <summary>A problem in the value <paramref name="field"/> of <paramref name="row"/>.</summary>
    public abstract void Report(RosterRow row, RosterField field, string message);

    /// <summary>
    /// How a message about <paramref name="from"/> points at <paramref name="other"/>, with its preposition:
    /// <c>on line 2</c>, <c>on households.csv line 2</c>, <c>at household 'H1' (position 1)</c>.
    /// </summary>
    public abstract string Where(RosterRow other, RosterRow from);

    /// <summary>The name of a value in messages: <c>poor_village</c> in a file, <c>PoorVillage</c> for objects.</summary>
    public abstract string FieldName(RosterField field);

    /// <summary>Row <paramref name="row"/> has the id of the earlier row <paramref name="first"/> of its kind.</summary>
    public abstract void DuplicateId(RosterRow row, RosterRow first, string id);

    /// <summary>
    /// Row <paramref name="row"/> names a county (<paramref name="county"/>) where the roster's first row
    /// <paramref name="first"/> names none, or the reverse.
    /// </summary>
    public abstract void CountyDiffers(RosterRow row, RosterRow first, string? county);
}

/// <summary>What the roster rules derived: each helper's township and poor-village status, and the id indexes.</summary>
internal sealed class RosterFacts(Dictionary<string, int> householdIndex, Dictionary<string, int> helperIndex, bool namesCounties, (string? Township, bool PoorVillage)[] helperPlaces)
{
    /// <summary>Each household id's first position.</summary>
    public Dictionary<string, int> HouseholdIndex { get; } = householdIndex;

    /// <summary>Each helper id's first position.</summary>
    public Dictionary<string, int> HelperIndex { get; } = helperIndex;

    /// <summary>Whether the roster's first row names a county (and so, without problems, every row does).</summary>
    public bool NamesCounties { get; } = namesCounties;

    /// <summary>Each helper's township (given or derived) and poor-village status (given or derived).</summary>
    public IReadOnlyList<(string? Township, bool PoorVillage)> HelperPlaces { get; } = helperPlaces;
}

/// <summary>
/// The one derivation and the one set of checks of a roster's rows that depend on other rows, used by
/// <see cref="Roster"/> for objects and by every roster file reader (docs/roster-format.md, "Rules of a roster"):
/// <list type="bullet">
/// <item>ids are unique among households and among helpers;</item>
/// <item>every household and helper names a county, or none does (the first row decides);</item>
/// <item>a village is identified by (county, township, village): a village name in two townships is two villages;</item>
/// <item>the households of one village agree on whether it is a poor village;</item>
/// <item>a helper that names a village but no township takes the township of the households of that village in its
/// county; a village name in several townships there is a problem (give the township), in none leaves the township empty;</item>
/// <item>a helper's poor-village status, when not given, is that of the households of its village, and
/// <see langword="false"/> when it names no village or no household lives there; when given, it must agree with them.</item>
/// </list>
/// Categories, tiers and which places a helper needs are not checked here: a category is any text, a tier optional, and
/// what a group needs of its members (a township, a village) is checked from the rules when they are applied.
/// </summary>
internal static class RosterRules
{
    public static RosterFacts Check(int householdCount, Func<int, RosterEntry> household, int helperCount, Func<int, RosterEntry> helper, RosterLocator locator)
    {
        var householdIndex = Ids(householdCount, household, RosterKind.Household, locator);
        var helperIndex = Ids(helperCount, helper, RosterKind.Helper, locator);
        var namesCounties = Counties(householdCount, household, helperCount, helper, locator);
        var villages = Villages(householdCount, household, locator);
        var places = HelperPlaces(helperCount, helper, villages, locator);
        return new RosterFacts(householdIndex, helperIndex, namesCounties, places);
    }

    private static Dictionary<string, int> Ids(int count, Func<int, RosterEntry> entry, RosterKind kind, RosterLocator locator)
    {
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (entry(i).Id is { } id && !index.TryAdd(id, i))
            {
                locator.DuplicateId(new RosterRow(kind, i), new RosterRow(kind, index[id]), id);
            }
        }

        return index;
    }

    /// <summary>The first row (households first) decides whether rows name a county; every row that differs is reported.</summary>
    private static bool Counties(int householdCount, Func<int, RosterEntry> household, int helperCount, Func<int, RosterEntry> helper, RosterLocator locator)
    {
        RosterRow? first = null;
        var namesCounty = false;
        void See(RosterRow row, string? county)
        {
            if (first is not { } f)
            {
                first = row;
                namesCounty = county is not null;
            }
            else if ((county is not null) != namesCounty)
            {
                locator.CountyDiffers(row, f, county);
            }
        }

        for (var i = 0; i < householdCount; i++)
        {
            See(new RosterRow(RosterKind.Household, i), household(i).County);
        }

        for (var i = 0; i < helperCount; i++)
        {
            See(new RosterRow(RosterKind.Helper, i), helper(i).County);
        }

        return namesCounty;
    }

    /// <summary>The villages of the households, each with whether it is poor (the first household that says decides).</summary>
    private static Dictionary<(string? County, string Township, string Village), VillageSeen> Villages(int count, Func<int, RosterEntry> household, RosterLocator locator)
    {
        var villages = new Dictionary<(string? County, string Township, string Village), VillageSeen>();
        for (var i = 0; i < count; i++)
        {
            var entry = household(i);
            if (entry.Township is not { } township || entry.Village is not { } village)
            {
                continue;
            }

            var key = (entry.County, township, village);
            if (!villages.TryGetValue(key, out var seen))
            {
                villages.Add(key, new VillageSeen(entry.PoorVillage, entry.PoorVillage is null ? -1 : i));
            }
            else if (entry.PoorVillage is { } poor)
            {
                if (seen.Poor is null)
                {
                    villages[key] = new VillageSeen(poor, i);
                }
                else if (seen.Poor != poor)
                {
                    var row = new RosterRow(RosterKind.Household, i);
                    locator.Report(row, RosterField.PoorVillage,
                        $"village '{village}' has {locator.FieldName(RosterField.PoorVillage)} {RosterText.Bool(seen.Poor.Value)} " +
                        $"{locator.Where(new RosterRow(RosterKind.Household, seen.PoorRow), row)}; every household of a village must agree");
                }
            }
        }

        return villages;
    }

    private static (string? Township, bool PoorVillage)[] HelperPlaces(
        int count, Func<int, RosterEntry> helper, Dictionary<(string? County, string Township, string Village), VillageSeen> villages, RosterLocator locator)
    {
        Dictionary<(string? County, string Village), List<string>>? townshipsOf = null;
        var places = new (string? Township, bool PoorVillage)[count];
        for (var i = 0; i < count; i++)
        {
            var entry = helper(i);
            var row = new RosterRow(RosterKind.Helper, i);
            var township = entry.Township;
            bool? derived = null;
            if (entry.Village is { } village)
            {
                if (township is null)
                {
                    townshipsOf ??= TownshipsOfVillageNames(villages);
                    if (townshipsOf.TryGetValue((entry.County, village), out var townships))
                    {
                        if (townships.Count == 1)
                        {
                            township = townships[0];
                        }
                        else
                        {
                            locator.Report(row, RosterField.Village,
                                $"village '{village}' is in townships {And(townships)} among the households; give the helper's " +
                                $"{locator.FieldName(RosterField.Township)} to say which");
                        }
                    }
                }

                if (township is not null && villages.TryGetValue((entry.County, township, village), out var seen) && seen.Poor is { } poor)
                {
                    derived = poor;
                    if (entry.PoorVillage is { } given && given != poor)
                    {
                        var field = locator.FieldName(RosterField.PoorVillage);
                        locator.Report(row, RosterField.PoorVillage,
                            $"{field} {RosterText.Bool(given)} contradicts the households of village '{village}' in township '{township}', " +
                            $"which have {field} {RosterText.Bool(poor)} {locator.Where(new RosterRow(RosterKind.Household, seen.PoorRow), row)}; " +
                            "leave it empty to take theirs");
                    }
                }
            }

            places[i] = (township, entry.PoorVillage ?? derived ?? false);
        }

        return places;
    }

    /// <summary>For each (county, village name), the townships that have a village of that name, in ordinal order.</summary>
    private static Dictionary<(string? County, string Village), List<string>> TownshipsOfVillageNames(
        Dictionary<(string? County, string Township, string Village), VillageSeen> villages)
    {
        var townships = new Dictionary<(string? County, string Village), List<string>>();
        foreach (var (county, township, village) in villages.Keys)
        {
            if (!townships.TryGetValue((county, village), out var list))
            {
                townships.Add((county, village), list = []);
            }

            list.Add(township);
        }

        foreach (var list in townships.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return townships;
    }

    /// <summary><c>'a' and 'b'</c>, <c>'a', 'b' and 'c'</c>.</summary>
    private static string And(List<string> names) =>
        names.Count == 1 ? $"'{names[0]}'" : $"{string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'"))} and '{names[^1]}'";

    /// <summary>A village's poor-village status and the household that set it (-1 while no household has said).</summary>
    private readonly record struct VillageSeen(bool? Poor, int PoorRow);
}

/// <summary>The roster rules' locations for a roster made from objects: a row is named by its id and 1-based position.</summary>
internal sealed class ObjectRosterLocator(IReadOnlyList<Household> households, IReadOnlyList<Helper> helpers, List<InputProblem> problems) : RosterLocator
{
    private bool _countyReported;

    public override void Report(RosterRow row, RosterField field, string message) =>
        problems.Add(new InputProblem($"{Describe(row)}: {message}", path: Path(row.Kind)));

    public override string Where(RosterRow other, RosterRow from) => "at " + Describe(other);

    public override string FieldName(RosterField field) => field.ToString();

    public override void DuplicateId(RosterRow row, RosterRow first, string id) =>
        problems.Add(new InputProblem($"duplicate {Kind(row.Kind)} id '{id}' (positions {first.Index + 1} and {row.Index + 1})", path: Path(row.Kind)));

    /// <summary>Names the first row that differs only: the rest would repeat it.</summary>
    public override void CountyDiffers(RosterRow row, RosterRow first, string? county)
    {
        if (_countyReported)
        {
            return;
        }

        _countyReported = true;
        problems.Add(new InputProblem(
            $"{Describe(row)} {(county is not null ? "names a county" : "names no county")}, " +
            $"but {Describe(first)} {(county is null ? "does" : "does not")}; either every household and helper names a county or none does",
            path: Path(row.Kind)));
    }

    private static string Kind(RosterKind kind) => kind == RosterKind.Household ? "household" : "helper";

    private static string Path(RosterKind kind) => Kind(kind) + "s";

    private string Describe(RosterRow row) =>
        $"{Kind(row.Kind)} '{(row.Kind == RosterKind.Household ? households[row.Index].Id : helpers[row.Index].Id)}' (position {row.Index + 1})";
}
