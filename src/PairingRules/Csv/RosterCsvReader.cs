using System.Globalization;

namespace PairingRules.Csv;

/// <summary>Turns parsed roster tables into households and helpers, collecting every problem with its location.</summary>
internal static class RosterCsvReader
{
    private const string BooleanHint = "use true/false, 1/0, yes/no or 是/否";

    /// <summary>
    /// Reads both tables (either may be null when its file could not be parsed), checks the rows with
    /// <see cref="RosterRules"/>, and returns the roster, or null with every problem added to <paramref name="problems"/>
    /// (each file's in line and column order, the households' first).
    /// </summary>
    public static Roster? Read(RosterTable? householdTable, RosterTable? helperTable, List<InputProblem> problems)
    {
        var warnings = new List<InputProblem>();
        var households = householdTable is null ? null : ReadFile(householdTable, RosterColumns.Households, "household", warnings, ReadHousehold, RosterEntry.Of);
        var helpers = helperTable is null ? null : ReadFile(helperTable, RosterColumns.Helpers, "helper", warnings, ReadHelper, RosterEntry.Of);
        var facts = RosterRules.Check(households?.Count ?? 0, i => households!.Entry(i), helpers?.Count ?? 0, i => helpers!.Entry(i), new FileLocator(households, helpers));
        foreach (var file in new FileRows?[] { households, helpers })
        {
            if (file is not null)
            {
                problems.AddRange(file.Problems.OrderBy(p => p.Line ?? 0).ThenBy(p => p.Column ?? 0));
            }
        }

        if (problems.Count > 0 || households is null || helpers is null)
        {
            return null;
        }

        return new Roster(households.Items(), helpers.Items(), warnings, facts);
    }

    private static (RosterEntry Entry, Func<Household> Build) ReadHousehold(Row row, string? id)
    {
        var county = row.Get("county");
        var township = row.NotBlank("township", "a household needs a township");
        var village = row.NotBlank("village", "a household needs a village");
        var poorVillage = row.Boolean("poor_village", notBlank: true);
        var deepPoverty = row.Boolean("deep_poverty", notBlank: true);
        var members = row.Members();
        var income = row.Income();
        var helper = row.Get("helper");
        return (new RosterEntry(id, county, township, village, poorVillage),
            () => new Household(id!, township!, village!, poorVillage!.Value, deepPoverty!.Value, county, members, income, helper, row.Attributes("name")));
    }

    private static (RosterEntry Entry, Func<Helper> Build) ReadHelper(Row row, string? id)
    {
        var county = row.Get("county");
        var category = row.Category();
        var tier = row.Tier();
        var township = row.Get("township");
        var village = row.Get("village");
        var poorVillage = row.Boolean("poor_village", notBlank: false);

        // As given: the roster completes the township and poor-village status from the village's households.
        return (new RosterEntry(id, county, township, village, poorVillage),
            () => new Helper(id!, category!, row.Get("name"), tier, county, township, village, row.Get("unit"), poorVillage, row.Attributes()));
    }

    /// <summary>
    /// The loop both files share: map the header, skip rows of the wrong width, require an id, and let
    /// <paramref name="read"/> read the rest; a row without a problem becomes its household or helper at once, and every
    /// problem stays with the file. Ids that Excel turned into numbers in scientific notation are one problem per column
    /// (<see cref="LostIds"/>), and such a row takes part in no id check, so that they cause no flood of duplicate ids.
    /// </summary>
    private static FileRows<T> ReadFile<T>(
        RosterTable table, RosterColumn[] spec, string kind, List<InputProblem> warnings, Func<Row, string?, (RosterEntry Entry, Func<T> Build)> read, Func<T, RosterEntry> entryOf)
        where T : class
    {
        var problems = new List<InputProblem>(table.Problems);
        var columns = ColumnMap.Create(table, spec, problems, warnings);
        var rows = new FileRows<T>(table, columns, kind, problems, entryOf);
        if (columns is null)
        {
            return rows;
        }

        var lostIds = new LostIds(table, columns);
        foreach (var record in table.Records)
        {
            var row = new Row(table, record, columns, problems);
            if (!row.HasHeaderWidth())
            {
                row.Flush();
                continue;
            }

            var id = row.NotBlank("id", $"a {kind} needs an id");
            if (lostIds.Check(row, "id"))
            {
                id = null;
            }

            if (columns.Known.ContainsKey("helper"))
            {
                lostIds.Check(row, "helper");
            }

            var (entry, build) = read(row, id);
            if (row.Flush())
            {
                rows.Add(record.Line, build());
            }
            else
            {
                rows.Add(record.Line, entry);
            }
        }

        lostIds.Report(problems);
        return rows;
    }

    /// <summary>
    /// Ids in scientific notation (<c>1.41123E+17</c>): Excel took a long id for a number, which keeps 15 digits, and
    /// wrote it so; the id is lost. Found cell by cell, reported once per column at the first, with how many more.
    /// </summary>
    private sealed class LostIds(RosterTable table, ColumnMap columns)
    {
        private readonly Dictionary<string, (int Line, string Value, int Count, int LastLine)> _found = new(StringComparer.Ordinal);

        /// <summary>Whether the row's <paramref name="column"/> holds such an id (the row then has a problem).</summary>
        public bool Check(Row row, string column)
        {
            if (row.Get(column) is not { } value || !IsScientific(value))
            {
                return false;
            }

            _found[column] = _found.TryGetValue(column, out var seen) ? seen with { Count = seen.Count + 1, LastLine = row.Line } : (row.Line, value, 1, row.Line);
            row.Fail();
            return true;
        }

        public void Report(List<InputProblem> problems)
        {
            var source = table.Source;
            var again = source.Sheet is null ? "export the file again" : "save the workbook again";
            foreach (var (column, (line, value, count, lastLine)) in _found.OrderBy(f => columns.Known[f.Key]))
            {
                var index = columns.Known[column];
                var what = count == 1
                    ? $"'{value}' is an id in scientific notation: Excel took the id for a number, which keeps 15 digits at most, so its last digits are lost"
                    : $"'{value}' and {RosterLimits.Format(count - 1)} more ids of this column (the last on {source.Row(lastLine)}) are in scientific notation: " +
                      "Excel took the ids for numbers, which keep 15 digits at most, so their last digits are lost";
                problems.Add(source.Problem(
                    $"{what}; format the column as text in Excel (Format Cells > Text), enter or import the ids again as text, and {again}",
                    line,
                    index + 1,
                    table.Header[index].Trim()));
            }
        }

        /// <summary>A number as Excel writes it in scientific notation: <c>1.41123E+17</c>, <c>1E+15</c>.</summary>
        private static bool IsScientific(string value)
        {
            var e = value.IndexOfAny(['E', 'e']);
            if (e < 1 || e + 2 >= value.Length || value[e + 1] != '+' || !char.IsAsciiDigit(value[0]))
            {
                return false;
            }

            var mantissa = value.AsSpan(1, e - 1);
            return (mantissa.IsEmpty || (mantissa[0] == '.' && mantissa.Length > 1 && !mantissa[1..].ContainsAnyExceptInRange('0', '9'))) &&
                   !value.AsSpan(e + 2).ContainsAnyExceptInRange('0', '9');
        }
    }

    /// <summary>One file as read: its rows of the header's width by line, and its problems.</summary>
    private abstract class FileRows(RosterTable table, ColumnMap? columns, string kind, List<InputProblem> problems)
    {
        public RosterTable Table { get; } = table;

        /// <summary>The columns, or null when the header has a problem (then there are no rows).</summary>
        public ColumnMap? Columns { get; } = columns;

        /// <summary><c>household</c> or <c>helper</c>.</summary>
        public string Kind { get; } = kind;

        public List<InputProblem> Problems { get; } = problems;

        public abstract int Count { get; }

        public abstract int LineOf(int row);

        /// <summary>What <see cref="RosterRules"/> reads of a row.</summary>
        public abstract RosterEntry Entry(int row);
    }

    /// <summary>
    /// The rows of one file: each row without a problem as its household or helper (what the roster will hold), a row
    /// with one as what <see cref="RosterRules"/> reads of it, so that its other problems are found too.
    /// </summary>
    private sealed class FileRows<T>(RosterTable table, ColumnMap? columns, string kind, List<InputProblem> problems, Func<T, RosterEntry> entryOf)
        : FileRows(table, columns, kind, problems)
        where T : class
    {
        private readonly List<int> _lines = [];
        private readonly List<T?> _items = [];
        private readonly Dictionary<int, RosterEntry> _withProblems = [];

        public override int Count => _lines.Count;

        public void Add(int line, T item)
        {
            _lines.Add(line);
            _items.Add(item);
        }

        public void Add(int line, RosterEntry entry)
        {
            _withProblems.Add(_lines.Count, entry);
            _lines.Add(line);
            _items.Add(null);
        }

        public override int LineOf(int row) => _lines[row];

        public override RosterEntry Entry(int row) => _items[row] is { } item ? entryOf(item) : _withProblems[row];

        /// <summary>The households or helpers; only when no row has a problem.</summary>
        public T[] Items() => _items.Select(item => item!).ToArray();
    }

    /// <summary>
    /// Locates the roster rules' findings in the files: at the cell of the value (its line, column number and header), a
    /// row named by its line (with the file when it is the other file).
    /// </summary>
    private sealed class FileLocator(FileRows? households, FileRows? helpers) : RosterLocator
    {
        private const string CountyRule = "either every household and helper names a county or none does";
        private readonly HashSet<RosterKind> _missingCountyReported = [];

        public override void Report(RosterRow row, RosterField field, string message)
        {
            var file = FileOf(row);
            var line = file.LineOf(row.Index);
            var column = ColumnName(field);
            if (file.Columns!.Known.TryGetValue(column, out var index))
            {
                file.Problems.Add(file.Table.Source.Problem(message, line, index + 1, file.Table.Header[index].Trim()));
            }
            else
            {
                file.Problems.Add(file.Table.Source.Problem(message, line));
            }
        }

        public override string Where(RosterRow other, RosterRow from) => "on " + LineOf(other, from);

        public override string FieldName(RosterField field) => ColumnName(field);

        public override void DuplicateId(RosterRow row, RosterRow first, string id) =>
            Report(row, RosterField.Id, $"duplicate {FileOf(row).Kind} id '{id}' (first on {FileOf(first).Table.Source.Row(FileOf(first).LineOf(first.Index))})");

        /// <summary>Each row that differs, at its <c>county</c> cell; a file without the column once, at its header.</summary>
        public override void CountyDiffers(RosterRow row, RosterRow first, string? county)
        {
            var file = FileOf(row);
            var where = LineOf(first, row);
            if (!file.Columns!.Known.ContainsKey("county"))
            {
                if (_missingCountyReported.Add(row.Kind))
                {
                    file.Problems.Add(file.Table.Source.Problem($"missing column `county`: {where} names a county; {CountyRule}", file.Table.HeaderLine));
                }
            }
            else if (county is null)
            {
                Report(row, RosterField.County, $"county is empty, but {where} names one; {CountyRule}");
            }
            else
            {
                Report(row, RosterField.County, $"county '{county}' is named, but {where} names none; {CountyRule}");
            }
        }

        private static string ColumnName(RosterField field) => field switch
        {
            RosterField.Id => "id",
            RosterField.County => "county",
            RosterField.Township => "township",
            RosterField.Village => "village",
            _ => "poor_village",
        };

        private FileRows FileOf(RosterRow row) => (row.Kind == RosterKind.Household ? households : helpers)!;

        /// <summary><c>line 2</c> in the same file as <paramref name="from"/>, else <c>households.csv line 2</c>
        /// (<c>row 2</c>, <c>households.xlsx!Sheet1 row 2</c> in a worksheet).</summary>
        private string LineOf(RosterRow other, RosterRow from)
        {
            var file = FileOf(other);
            var row = file.Table.Source.Row(file.LineOf(other.Index));
            return other.Kind == from.Kind ? row : $"{file.Table.Source.Place} {row}";
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

        /// <summary>
        /// Maps the header; a header that is no accepted name but close to one of a column the file lacks is read as an
        /// attribute, with a warning that says which name it resembles.
        /// </summary>
        public static ColumnMap? Create(RosterTable table, RosterColumn[] columns, List<InputProblem> problems, List<InputProblem> warnings)
        {
            var source = table.Source;
            var line = table.HeaderLine;
            var before = problems.Count;
            var known = new Dictionary<string, int>(StringComparer.Ordinal);
            var extra = new List<(int Index, string Name)>();
            var extraNames = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < table.Header.Length; i++)
            {
                var header = table.Header[i].Trim();
                if (header.Length == 0)
                {
                    problems.Add(source.Problem($"column {source.Column(i)} has no header; name it or delete the column", line, i + 1));
                    continue;
                }

                var normalized = RosterColumns.Normalize(header);
                var column = columns.FirstOrDefault(c => c.Name == normalized || c.Aliases.Any(a => RosterColumns.Normalize(a) == normalized));
                var name = column?.Name ?? header;
                var seen = column is null ? extraNames : known;
                if (seen.TryGetValue(name, out var first))
                {
                    problems.Add(source.Problem($"column `{name}` appears twice (columns {source.Column(first)} and {source.Column(i)}); keep one", line, i + 1, header));
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
                var (index, header) = extra.FirstOrDefault(e => RosterColumns.Resembling(e.Name, [column]).Column is not null);
                var hint = header is null ? string.Empty : $"; column {source.Column(index)} `{header}` looks like a misspelling of it";
                problems.Add(source.Problem($"missing required column `{column.Name}` (accepted headers: {column.Accepted}){hint}", line));
            }

            var absent = columns.Where(c => !known.ContainsKey(c.Name)).ToArray();
            foreach (var (index, header) in extra)
            {
                if (RosterColumns.Resembling(header, absent) is ({ } column, { } accepted))
                {
                    warnings.Add(source.Problem(
                        $"`{header}` is read as an attribute, not as column `{column.Name}`; did you mean `{accepted}`? (accepted headers: {column.Accepted})",
                        line,
                        index + 1,
                        header,
                        ProblemSeverity.Warning));
                }
            }

            return problems.Count == before ? new ColumnMap(known, extra) : null;
        }
    }

    /// <summary>One record being read: typed access to its cells, with problems located at the cell.</summary>
    private sealed class Row(RosterTable table, RosterRecord record, ColumnMap columns, List<InputProblem> problems)
    {
        private readonly List<InputProblem> _found = [];
        private bool _failed;

        public int Line => record.Line;

        /// <summary>Adds the row's problems to the list, in column order.</summary>
        /// <returns>Whether the row has no problem.</returns>
        public bool Flush()
        {
            problems.AddRange(_found.OrderBy(p => p.Column ?? 0));
            return _found.Count == 0 && !_failed;
        }

        /// <summary>Marks the row as having a problem that is reported elsewhere (once for a column).</summary>
        public void Fail() => _failed = true;

        public bool HasHeaderWidth()
        {
            if (record.Fields.Length == table.Header.Length)
            {
                return true;
            }

            var separators = table.Source.Separator == '\t' ? "tabs" : "commas";
            Add(table.Source.Problem($"this line has {record.Fields.Length} fields but the header has {table.Header.Length}; put quotes around values that contain {separators}", record.Line));
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
            Add(table.Source.Problem(message, record.Line, index + 1, table.Header[index].Trim()));
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

        /// <summary>The category: any text, with the aliases of <see cref="HelperCategories"/>; a blank one is a problem.</summary>
        public string? Category()
        {
            var value = Get("category");
            if (value is null)
            {
                Problem("category", "a helper needs a category: any text the rules select, for example county-leader, enterprise or 第一书记");
                return null;
            }

            return HelperCategories.Normalize(value);
        }

        /// <summary>The tier, or <see langword="null"/> when the cell is blank or the column absent: a whole number of at
        /// least 1, or <c>一类</c>, <c>二类</c> … (<c>一类企业</c> …); anything else is a problem.</summary>
        public int? Tier()
        {
            var value = Get("tier");
            if (value is null)
            {
                return null;
            }

            if (RosterColumns.ParseTier(value) is { } tier)
            {
                return tier;
            }

            Problem("tier", $"tier '{value}' is not a whole number of at least 1 (or 一类, 二类 … for 1, 2 …)");
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
