using System.Globalization;

namespace PairingRules.Csv;

/// <summary>One row of a roster file: its line (in a worksheet, its row number) and its cells.</summary>
internal sealed record RosterRecord(int Line, string[] Fields);

/// <summary>
/// Where a roster table comes from, a CSV file or a worksheet of an Excel workbook, and how its places are named in
/// messages: <c>line 5</c> and <c>column 4</c> in a CSV file, <c>row 5</c> and <c>column D</c> in a worksheet.
/// </summary>
internal sealed class RosterSource
{
    private RosterSource(string file, string? sheet, char separator)
    {
        File = file;
        Sheet = sheet;
        Separator = separator;
    }

    /// <summary>The file name used in locations.</summary>
    public string File { get; }

    /// <summary>The worksheet's name, or <see langword="null"/> for a CSV file.</summary>
    public string? Sheet { get; }

    /// <summary>The separator of a CSV file (<c>,</c> or a tab); <c>\0</c> for a worksheet.</summary>
    public char Separator { get; }

    /// <summary><c>line</c> in a CSV file, <c>row</c> in a worksheet.</summary>
    public string RowWord => Sheet is null ? "line" : "row";

    /// <summary>The file, with the sheet when it is a worksheet: <c>households.xlsx!Sheet1</c>.</summary>
    public string Place => Sheet is null ? File : $"{File}!{InputProblem.SheetReference(Sheet)}";

    public static RosterSource Csv(string file, char separator) => new(file, null, separator);

    public static RosterSource Worksheet(string file, string sheet) => new(file, sheet, '\0');

    /// <summary><c>line 5</c>, or <c>row 5</c> in a worksheet.</summary>
    public string Row(int line) => string.Create(CultureInfo.InvariantCulture, $"{RowWord} {line}");

    /// <summary><c>4</c> for the fourth column of a CSV file, <c>D</c> in a worksheet.</summary>
    public string Column(int index) => Sheet is null ? (index + 1).ToString(CultureInfo.InvariantCulture) : InputProblem.ColumnLetters(index + 1);

    /// <summary>A problem in this file (and sheet), at a line or row and a 1-based column when given.</summary>
    public InputProblem Problem(string message, int? line = null, int? column = null, string? path = null, ProblemSeverity severity = ProblemSeverity.Error) =>
        new(message, File, line, column, path, severity) { Sheet = Sheet };
}

/// <summary>
/// A roster file as a header and data rows, each row as wide as the header, shaped the same way whether it was CSV text
/// or a worksheet, so that one reader (<see cref="RosterCsvReader"/>) checks both alike. Shaping skips what Excel leaves
/// around a table: blank rows (empty, or only separators), titles above the header (rows of one cell), and empty columns
/// after the last header.
/// </summary>
internal sealed class RosterTable
{
    /// <summary>The most rows above the header that may be titles, and the most rows looked through for a header below
    /// a first row that is not one.</summary>
    public const int MaxRowsAboveHeader = 10;

    private RosterTable(RosterSource source, string[] header, int headerLine, IReadOnlyList<RosterRecord> records)
    {
        Source = source;
        Header = header;
        HeaderLine = headerLine;
        Records = records;
    }

    public RosterSource Source { get; }

    public string File => Source.File;

    public string[] Header { get; }

    /// <summary>The line (row) of the header: 1 unless titles stand above it.</summary>
    public int HeaderLine { get; }

    public IReadOnlyList<RosterRecord> Records { get; }

    /// <summary>The problems found while reading the file that do not stop reading it (a value too long, a malformed
    /// quote, a cell beyond the header), reported with those of its rows, in line and column order.</summary>
    public List<InputProblem> Problems { get; } = [];

    /// <summary>
    /// Shapes the rows of a file into a header and records. Blank rows are skipped wherever they are. Rows above the header
    /// with at most one non-empty cell (a title such as 兴县2017年建档立卡贫困户名册, also merged across the table) are skipped,
    /// up to <see cref="MaxRowsAboveHeader"/>; the first row with more is the header, unless it names fewer than two
    /// columns of <paramref name="columns"/> while a row of the next <see cref="MaxRowsAboveHeader"/> names two or more:
    /// then that is a problem ("the header is on line 3"), not a guess. Columns after the last header cell that hold no
    /// value are dropped. In a CSV file, a record keeps its own width (the reader reports one that differs from the
    /// header's) but loses trailing empty fields beyond the header; in a worksheet, every row is made as wide as the
    /// header, and values to the right of the last header are a problem, once per column.
    /// </summary>
    /// <returns>The table, with the problems of its cells in <see cref="Problems"/>; or <see langword="null"/>, with a
    /// problem added to <paramref name="problems"/>, when there is no header, the header is not the first row that is not
    /// a title, there are more than <paramref name="maxRecords"/> records, or too many columns.</returns>
    public static RosterTable? Shape(
        RosterSource source, IEnumerable<RosterRecord> rows, RosterColumn[] columns, string expectedHeader, int maxRecords, string kind, List<InputProblem> problems)
    {
        using var reading = rows.GetEnumerator();
        RosterRecord? Next()
        {
            while (reading.MoveNext())
            {
                if (!IsBlank(reading.Current.Fields))
                {
                    return reading.Current;
                }
            }

            return null;
        }

        var titles = new List<RosterRecord>();
        var candidate = Next();
        while (candidate is not null && NonEmptyCells(candidate.Fields) <= 1 && titles.Count < MaxRowsAboveHeader)
        {
            titles.Add(candidate);
            candidate = Next();
        }

        if (titles.Count == 0 && candidate is null)
        {
            problems.Add(source.Problem(
                source.Sheet is null ? $"the file is empty; expected a header line such as `{expectedHeader}`" : $"the sheet is empty; expected a header row such as `{expectedHeader}`",
                source.Sheet is null ? 1 : null));
            return null;
        }

        var names = new HashSet<string>(columns.SelectMany(c => c.Aliases.Prepend(c.Name)).Select(RosterColumns.Normalize), StringComparer.Ordinal);
        var pending = new List<RosterRecord>();
        RosterRecord header;
        if (candidate is null || NonEmptyCells(candidate.Fields) <= 1)
        {
            // Nothing but one-cell rows: they are not titles above a table; the first is the header (and not a good one).
            header = titles[0];
            pending.AddRange(titles.Skip(1));
            if (candidate is not null)
            {
                pending.Add(candidate);
            }
        }
        else
        {
            header = candidate;
            if (Named(header.Fields, names).Count < 2)
            {
                for (var i = 0; i < MaxRowsAboveHeader && Next() is { } next; i++)
                {
                    if (Named(next.Fields, names) is { Count: >= 2 } named)
                    {
                        var listed = string.Join(", ", named.Take(6)) + (named.Count > 6 ? " …" : string.Empty);
                        problems.Add(source.Problem(
                            $"the header is on {source.Row(next.Line)} (it names {listed}), but this {source.RowWord} above it holds more than a title; " +
                            $"delete the {source.RowWord}s above the header, or keep only a title there, in one cell",
                            header.Line));
                        return null;
                    }

                    pending.Add(next);
                }
            }
        }

        var headerFields = header.Fields.ToArray();
        if (headerFields.Length > 0)
        {
            headerFields[0] = headerFields[0].TrimStart('\uFEFF');
        }

        var width = LastNonEmpty(headerFields) + 1;
        if (width > RosterLimits.MaxColumns)
        {
            problems.Add(source.Problem($"the header has {width} columns; the limit is {RosterLimits.MaxColumns}", header.Line));
            return null;
        }

        var records = new List<RosterRecord>();
        var beyond = new SortedDictionary<int, (RosterRecord First, int Count)>();
        var keepTrailing = false;
        var found = new List<InputProblem>();
        CheckFieldLengths(source, headerFields, header.Line, headerFields, found);
        bool Add(RosterRecord record)
        {
            if (records.Count == maxRecords)
            {
                problems.Add(source.Problem(
                    $"more than {RosterLimits.Format(maxRecords)} {kind}s (this {source.RowWord} is the first beyond the limit of {RosterLimits.Format(maxRecords)})",
                    record.Line));
                return false;
            }

            records.Add(record);
            CheckFieldLengths(source, record.Fields, record.Line, headerFields, found);
            if (record.Fields.Length > width)
            {
                for (var i = width; i < record.Fields.Length; i++)
                {
                    if (!string.IsNullOrWhiteSpace(record.Fields[i]))
                    {
                        keepTrailing |= i < headerFields.Length;
                        if (source.Sheet is not null)
                        {
                            beyond[i] = beyond.TryGetValue(i, out var seen) ? (seen.First, seen.Count + 1) : (record, 1);
                        }
                    }
                }
            }

            return true;
        }

        foreach (var record in pending)
        {
            if (!Add(record))
            {
                return null;
            }
        }

        while (Next() is { } record)
        {
            if (!Add(record))
            {
                return null;
            }
        }

        if (source.Sheet is null && keepTrailing)
        {
            // A CSV header's empty trailing cells stay when a record has a value under them (a column without a header).
            width = headerFields.Length;
            if (width > RosterLimits.MaxColumns)
            {
                problems.Add(source.Problem($"the header has {width} columns; the limit is {RosterLimits.MaxColumns}", header.Line));
                return null;
            }
        }

        var table = new RosterTable(source, headerFields[..width], header.Line, FitRecords(source, records, width));
        table.Problems.AddRange(found);
        foreach (var (index, (first, count)) in beyond)
        {
            var more = count == 1 ? string.Empty : $", and {RosterLimits.Format(count - 1)} more {source.RowWord}s have a value in it";
            table.Problems.Add(source.Problem(
                $"column {source.Column(index)} has no header in {source.Row(header.Line)}, but this cell holds '{Shorten(first.Fields[index])}'{more}; name the column or delete its values",
                first.Line,
                index + 1));
        }

        return table;
    }

    /// <summary>Whether every cell of a row is empty or white space (a row of separators only is blank).</summary>
    public static bool IsBlank(string[] fields)
    {
        foreach (var field in fields)
        {
            if (!string.IsNullOrWhiteSpace(field))
            {
                return false;
            }
        }

        return true;
    }

    private static int NonEmptyCells(string[] fields) => fields.Count(f => !string.IsNullOrWhiteSpace(f));

    private static int LastNonEmpty(string[] fields)
    {
        for (var i = fields.Length - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(fields[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The cells of a row that are accepted headers of the file (as written, trimmed).</summary>
    private static List<string> Named(string[] fields, HashSet<string> names) =>
        fields.Select(f => f.Trim().TrimStart('\uFEFF')).Where(f => f.Length > 0 && names.Contains(RosterColumns.Normalize(f))).ToList();

    /// <summary>
    /// Drops the empty fields of each record beyond <paramref name="width"/>; in a worksheet, also the values there (each
    /// reported) and pads a short row with empty cells, so that every row is as wide as the header.
    /// </summary>
    private static List<RosterRecord> FitRecords(RosterSource source, List<RosterRecord> records, int width)
    {
        for (var r = 0; r < records.Count; r++)
        {
            var fields = records[r].Fields;
            if (fields.Length == width || (fields.Length < width && source.Sheet is null))
            {
                continue;
            }

            if (fields.Length > width && source.Sheet is null && !IsBlank(fields[width..]))
            {
                continue; // the reader reports a CSV record wider than the header
            }

            var fitted = new string[width];
            Array.Fill(fitted, string.Empty);
            Array.Copy(fields, fitted, Math.Min(width, fields.Length));
            records[r] = records[r] with { Fields = fitted };
        }

        return records;
    }

    private static string Shorten(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 40 ? trimmed : trimmed[..40] + "…";
    }

    /// <summary>Reports each field longer than <see cref="RosterLimits.MaxFieldLength"/>, at its line and column.</summary>
    private static void CheckFieldLengths(RosterSource source, string[] fields, int line, string[] header, List<InputProblem> problems)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Length > RosterLimits.MaxFieldLength)
            {
                problems.Add(source.Problem(
                    $"the value is {fields[i].Length} characters long; the limit is {RosterLimits.MaxFieldLength}",
                    line,
                    i + 1,
                    i < header.Length && header[i].Length <= 100 ? header[i].Trim() : null));
            }
        }
    }
}
