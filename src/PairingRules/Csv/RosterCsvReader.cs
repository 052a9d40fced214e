using System.Globalization;

namespace PairingRules.Csv;

/// <summary>Turns parsed roster tables into households and helpers, collecting every problem with its location.</summary>
internal static class RosterCsvReader
{
    private const string BooleanHint = "use true/false, 1/0, yes/no or 是/否";

    public static Roster? Read(CsvTable? householdTable, CsvTable? helperTable, List<InputProblem> problems)
    {
        var villages = new Dictionary<(string? County, string Village), VillageSeen>();
        var counties = new CountyAgreement(problems);
        var households = householdTable is null ? null : ReadHouseholds(householdTable, villages, counties, problems);
        var helpers = helperTable is null ? null : ReadHelpers(helperTable, villages, counties, problems);
        return problems.Count == 0 && households is not null && helpers is not null ? new Roster(households, helpers) : null;
    }

    private static List<Household>? ReadHouseholds(CsvTable table, Dictionary<(string?, string), VillageSeen> villages, CountyAgreement counties, List<InputProblem> problems) =>
        ReadRows<Household>(table, RosterColumns.Households, "household", problems, (row, id, line) =>
        {
            var county = counties.Check(row);
            var township = row.NotBlank("township", "a household needs a township");
            var village = row.NotBlank("village", "a household needs a village");
            var poorVillage = row.Boolean("poor_village", notBlank: true);
            var deepPoverty = row.Boolean("deep_poverty", notBlank: true);
            var members = row.Members();
            var income = row.Income();
            var helper = row.Get("helper");

            if (township is not null && village is not null)
            {
                if (villages.TryGetValue((county, village), out var seen))
                {
                    if (seen.Township != township)
                    {
                        row.Problem("township", $"village '{village}' is in township '{seen.Township}' on line {seen.Line}; a village belongs to one township (if two villages share a name, make the names distinct)");
                    }
                    else if (poorVillage is { } poor && seen.Poor is { } seenPoor && poor != seenPoor)
                    {
                        row.Problem("poor_village", $"village '{village}' has poor_village {(seenPoor ? "true" : "false")} on line {seen.PoorLine}; every household of a village must agree");
                    }
                    else if (seen.Poor is null && poorVillage is not null)
                    {
                        villages[(county, village)] = seen with { Poor = poorVillage, PoorLine = line };
                    }
                }
                else
                {
                    villages.Add((county, village), new VillageSeen(township, line, poorVillage, line));
                }
            }

            return () => new Household(id!, township!, village!, poorVillage!.Value, deepPoverty!.Value, county, members, income, helper, row.Attributes("name"));
        });

    private static List<Helper>? ReadHelpers(CsvTable table, Dictionary<(string?, string), VillageSeen> villages, CountyAgreement counties, List<InputProblem> problems) =>
        ReadRows<Helper>(table, RosterColumns.Helpers, "helper", problems, (row, id, line) =>
        {
            var county = counties.Check(row);
            var category = row.Category();
            var tier = row.Tier(category);
            var township = row.Get("township");
            var village = row.Get("village");
            if (category == "village-committee" && village is null)
            {
                row.Problem("village", "a village-committee member needs a village");
            }

            if (category == "township-cadre" && township is null)
            {
                row.Problem("township", "a township-cadre needs a township");
            }

            bool? defaultPoor = null;
            if (village is not null && villages.TryGetValue((county, village), out var seen))
            {
                defaultPoor = seen.Poor;
                if (township is null)
                {
                    township = seen.Township;
                }
                else if (township != seen.Township)
                {
                    row.Problem("township", $"village '{village}' is in township '{seen.Township}' in the households (line {seen.Line}), not '{township}'");
                }
            }

            var poorVillage = row.Boolean("poor_village", notBlank: false) ?? defaultPoor ?? false;
            return () => new Helper(id!, category!, row.Get("name"), tier, county, township, village, row.Get("unit"), poorVillage, row.Attributes());
        });

    /// <summary>
    /// The loop both files share: map the header, skip rows of the wrong width, require a unique id, let
    /// <paramref name="read"/> check the rest, and build the item only when its row has no problem.
    /// </summary>
    private static List<T>? ReadRows<T>(CsvTable table, RosterColumn[] spec, string kind, List<InputProblem> problems, Func<Row, string?, int, Func<T>> read)
    {

        var columns = ColumnMap.Create(table, spec, problems);
        if (columns is null)
        {
            return null;
        }

        var result = new List<T>(table.Records.Count);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in table.Records)
        {
            var row = new Row(table, record, columns, problems);
            if (!row.HasHeaderWidth())
            {
                row.Flush();
                continue;
            }

            var id = row.NotBlank("id", $"a {kind} needs an id");
            if (id is not null && !ids.TryAdd(id, record.Line))
            {
                row.Problem("id", $"duplicate {kind} id '{id}' (first on line {ids[id]})");
            }

            var build = read(row, id, record.Line);
            row.Flush();
            if (row.Clean)
            {
                result.Add(build());
            }
        }

        return result;
    }

    private sealed record VillageSeen(string Township, int Line, bool? Poor, int PoorLine);

    /// <summary>
    /// Checks that every household and helper names a county or none does: the first row of the roster decides, and
    /// each row that differs is reported at its <c>county</c> cell (or once at the header of a file without the column).
    /// </summary>
    private sealed class CountyAgreement(List<InputProblem> problems)
    {
        private const string Rule = "either every household and helper names a county or none does";
        private (string File, int Line, bool NamesCounty)? _first;
        private string? _missingColumnReported;

        /// <summary>The row's county, or <see langword="null"/>; a disagreement with the first row is a problem of the row.</summary>
        public string? Check(Row row)
        {
            var county = row.Get("county");
            if (_first is not { } first)
            {
                _first = (row.File, row.Line, county is not null);
                return county;
            }

            if (first.NamesCounty == (county is not null))
            {
                return county;
            }

            var where = first.File == row.File ? $"line {first.Line}" : $"{first.File} line {first.Line}";
            if (!row.Has("county"))
            {
                if (_missingColumnReported != row.File)
                {
                    _missingColumnReported = row.File;
                    problems.Add(new InputProblem($"missing column `county`: {where} names a county; {Rule}", row.File, 1));
                }
            }
            else if (county is null)
            {
                row.Problem("county", $"county is empty, but {where} names one; {Rule}");
            }
            else
            {
                row.Problem("county", $"county '{county}' is named, but {where} names none; {Rule}");
            }

            return county;
        }
    }

    /// <summary>Where each known column and each attribute column is in a file.</summary>
    private sealed class ColumnMap
    {
        private ColumnMap(Dictionary<string, int> known, List<(int Index, string Name)> extra)
        {
            Known = known;
            Extra = extra;
        }

        public Dictionary<string, int> Known { get; }

        public List<(int Index, string Name)> Extra { get; }

        public static ColumnMap? Create(CsvTable table, RosterColumn[] columns, List<InputProblem> problems)
        {
            var before = problems.Count;
            var known = new Dictionary<string, int>(StringComparer.Ordinal);
            var extra = new List<(int Index, string Name)>();
            var extraNames = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < table.Header.Length; i++)
            {
                var header = table.Header[i].Trim();
                if (header.Length == 0)
                {
                    problems.Add(new InputProblem($"column {i + 1} has no header; name it or delete the column", table.File, 1, i + 1));
                    continue;
                }

                var normalized = RosterColumns.Normalize(header);
                var column = columns.FirstOrDefault(c => c.Name == normalized || c.Aliases.Any(a => RosterColumns.Normalize(a) == normalized));
                var name = column?.Name ?? header;
                var seen = column is null ? extraNames : known;
                if (seen.TryGetValue(name, out var first))
                {
                    problems.Add(new InputProblem($"column `{name}` appears twice (columns {first + 1} and {i + 1}); keep one", table.File, 1, i + 1, header));
                    continue;
                }

                seen.Add(name, i);
                if (column is null)
                {
                    extra.Add((i, header));
                }
            }

            foreach (var column in columns.Where(c => c.Required && !known.ContainsKey(c.Name)))
            {
                problems.Add(new InputProblem($"missing required column `{column.Name}` (accepted headers: {column.Accepted})", table.File, 1));
            }

            return problems.Count == before ? new ColumnMap(known, extra) : null;
        }
    }

    /// <summary>One record being read: typed access to its cells, with problems located at the cell.</summary>
    private sealed class Row(CsvTable table, CsvRecord record, ColumnMap columns, List<InputProblem> problems)
    {
        private readonly List<InputProblem> _found = [];

        public bool Clean => _found.Count == 0;

        public string File => table.File;

        public int Line => record.Line;

        /// <summary>Whether the file has the column.</summary>
        public bool Has(string column) => columns.Known.ContainsKey(column);

        /// <summary>Adds the row's problems to the list, in column order.</summary>
        public void Flush() => problems.AddRange(_found.OrderBy(p => p.Column ?? 0));

        public bool HasHeaderWidth()
        {
            if (record.Fields.Length == table.Header.Length)
            {
                return true;
            }

            Add(new InputProblem($"this line has {record.Fields.Length} fields but the header has {table.Header.Length}; put quotes around values that contain commas", table.File, record.Line));
            return false;
        }

        /// <summary>The trimmed cell, or <see langword="null"/> when the column is absent or the cell empty.</summary>
        public string? Get(string column)
        {
            if (!columns.Known.TryGetValue(column, out var index))
            {
                return null;
            }

            var value = record.Fields[index].Trim();
            return value.Length == 0 ? null : value;
        }

        public void Problem(string column, string message)
        {
            var index = columns.Known[column];
            Add(new InputProblem(message, table.File, record.Line, index + 1, table.Header[index].Trim()));
        }

        /// <summary>
        /// The trimmed cell; when it is blank (or the column absent), <paramref name="message"/> is a problem and the
        /// result <see langword="null"/>.
        /// </summary>
        public string? NotBlank(string column, string message)
        {
            var value = Get(column);
            if (value is null)
            {
                Problem(column, message);
            }

            return value;
        }

        /// <summary>
        /// The cell as a yes/no value, or <see langword="null"/> when it is blank (or the column absent), which is a
        /// problem when <paramref name="notBlank"/>. A value that is not yes/no is always a problem.
        /// </summary>
        public bool? Boolean(string column, bool notBlank)
        {
            var value = Get(column);
            if (value is null)
            {
                if (notBlank)
                {
                    Problem(column, $"{column} is empty; {BooleanHint}");
                }

                return null;
            }

            var parsed = ParseBoolean(value);
            if (parsed is null)
            {
                Problem(column, $"'{value}' is not a yes/no value; {BooleanHint}");
            }

            return parsed;
        }

        public int Members()
        {
            var value = Get("members");
            if (value is null)
            {
                return 1;
            }

            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var members))
            {
                Problem("members", $"'{value}' is not a whole number of members");
                return 1;
            }

            if (members < 1)
            {
                Problem("members", $"a household has at least 1 member, not {value}");
            }

            return Math.Max(1, members);
        }

        public decimal Income()
        {
            var value = Get("income");
            if (value is null)
            {
                return 0m;
            }

            if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var income))
            {
                Problem("income", $"'{value}' is not a number; write digits with a '.' for decimals, for example 2300.5");
                return 0m;
            }

            if (income < 0)
            {
                Problem("income", $"income cannot be negative ({value})");
                return 0m;
            }

            return income == 0m ? 0m : income; // `-0` parses as a negative zero
        }

        public string? Category()
        {
            var value = Get("category");
            if (value is null)
            {
                Problem("category", $"a helper needs a category: one of {string.Join(", ", RosterColumns.Categories)}");
                return null;
            }

            var normalized = value.ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
            if (RosterColumns.Categories.Contains(normalized, StringComparer.Ordinal))
            {
                return normalized;
            }

            if (RosterColumns.CategoryAliases.TryGetValue(value, out var alias))
            {
                return alias;
            }

            var hint = Spelling.Closest(normalized, RosterColumns.Categories) is { } closest ? $" (did you mean `{closest}`?)" : string.Empty;
            Problem("category", $"unknown category '{value}'{hint}; the categories are {string.Join(", ", RosterColumns.Categories)}");
            return null;
        }

        public int? Tier(string? category)
        {
            var value = Get("tier");
            if (category is null)
            {
                return null;
            }

            if (category != "enterprise")
            {
                if (value is not null)
                {
                    Problem("tier", $"a {category} has no tier (tiers are for enterprises); leave the cell empty");
                }

                return null;
            }

            if (value is null)
            {
                Problem("tier", "an enterprise needs a tier: 1, 2, 3 or 4");
                return null;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var tier) && tier is >= 1 and <= 4)
            {
                return tier;
            }

            if (RosterColumns.TierAliases.TryGetValue(value, out tier))
            {
                return tier;
            }

            Problem("tier", $"tier '{value}' is not 1, 2, 3 or 4 (一类 to 四类)");
            return null;
        }

        /// <summary>The further columns, and the <paramref name="known"/> columns kept as attributes, by name.</summary>
        public Dictionary<string, string> Attributes(params string[] known)
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in known)
            {
                if (columns.Known.TryGetValue(name, out var at))
                {
                    attributes[name] = record.Fields[at].Trim();
                }
            }

            foreach (var (index, name) in columns.Extra)
            {
                attributes[name] = record.Fields[index].Trim();
            }

            return attributes;
        }

        private void Add(InputProblem problem) => _found.Add(problem);

        private static bool? ParseBoolean(string value) => value.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "是" => true,
            "false" or "0" or "no" or "否" => false,
            _ => null,
        };
    }
}
