using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PairingRules.Csv;

namespace PairingRules.Excel;

/// <summary>
/// Reads one worksheet of an Excel workbook (.xlsx, .xlsm) into the rows of cells that <see cref="RosterTable"/> shapes
/// and <see cref="RosterCsvReader"/> checks, as for a CSV file. The Open XML SDK parses the package and its XML; the
/// worksheet is read as a stream of rows (<see cref="OpenXmlReader"/>), each cell as it is stored (<see cref="CellText"/>).
/// </summary>
internal static class WorkbookSheet
{
    /// <summary>The most characters of one part of the workbook (a worksheet, the shared strings) as XML, 2^31 - 1: a
    /// bound on the time spent on a file that is small compressed and huge unpacked, above a worksheet of Excel's 1,048,576
    /// rows of a roster. The worksheet is read a row at a time, so memory does not grow with it.</summary>
    public const long MaxCharactersInPart = int.MaxValue;

    /// <summary>The most rows a worksheet of Excel has.</summary>
    private const int MaxExcelRows = 1_048_576;

    /// <summary>
    /// Reads the sheet named <paramref name="sheetName"/> (ignoring case), or the first visible sheet, of the workbook in
    /// <paramref name="stream"/>.
    /// </summary>
    /// <returns>The table, or <see langword="null"/> with the problems added.</returns>
    public static RosterTable? Read(Stream stream, string file, string? sheetName, string expectedHeader, int maxRecords, string kind, List<InputProblem> problems)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbookPart = document.WorkbookPart;
            var sheets = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().ToList();
            if (workbookPart is null || sheets is null || sheets.Count == 0)
            {
                problems.Add(NotAWorkbook(file));
                return null;
            }

            var sheet = Choose(workbookPart, sheets, sheetName, file, problems);
            if (sheet is null)
            {
                return null;
            }

            var name = sheet.Name?.Value ?? string.Empty;
            var source = RosterSource.Worksheet(file, name);
            if (sheet.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
            {
                problems.Add(new InputProblem($"sheet `{name}` is not a worksheet (a chart or dialog sheet has no rows); name the sheet of the roster", file));
                return null;
            }

            var cells = new CellText(workbookPart);
            var merges = new List<string>();
            var found = new List<InputProblem>();
            var table = RosterTable.Shape(source, Rows(worksheet, cells, source, merges, found), RosterColumns.For(kind), expectedHeader, maxRecords, kind, problems);
            (table?.Problems ?? problems).AddRange(found);
            if (table is not null)
            {
                FillMerges(table, merges);
            }

            return table;
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or InvalidOperationException
                                       or NotSupportedException or FormatException or OverflowException or KeyNotFoundException or ArgumentException or IOException)
        {
            problems.Add(NotAWorkbook(file));
            return null;
        }
    }

    private static InputProblem NotAWorkbook(string file) => new(
        "the file is a zip archive but not an Excel workbook that can be read (.xlsx, .xlsm), or it is damaged; open it in Excel and save it as an Excel workbook (.xlsx) or as CSV",
        file);

    /// <summary>The sheet named <paramref name="name"/> (ignoring case, as Excel does), or the first visible worksheet
    /// (not a chart).</summary>
    private static Sheet? Choose(WorkbookPart workbook, List<Sheet> sheets, string? name, string file, List<InputProblem> problems)
    {
        var names = sheets.Select(s => s.Name?.Value ?? string.Empty).ToList();
        if (name is null)
        {
            var visible = sheets.FirstOrDefault(s =>
                (s.State is null || s.State.Value == SheetStateValues.Visible) &&
                s.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart);
            if (visible is null)
            {
                problems.Add(new InputProblem($"the workbook has no visible worksheet; name the sheet of the roster (sheets: {string.Join(", ", names)})", file));
            }

            return visible;
        }

        var named = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (named is null)
        {
            problems.Add(new InputProblem($"the workbook has no sheet `{name}`{Spelling.DidYouMean(name, names)} (sheets: {string.Join(", ", names)})", file));
        }

        return named;
    }

    /// <summary>
    /// The rows of the worksheet in order, each as its cells from column A to its last cell (missing cells empty), with its
    /// row number; the merged ranges (after the rows in the file) are added to <paramref name="merges"/>. Problems of
    /// single cells (a formula without a value, a cell beyond the columns a roster may have) are added as found.
    /// </summary>
    private static IEnumerable<RosterRecord> Rows(WorksheetPart worksheet, CellText cells, RosterSource source, List<string> merges, List<InputProblem> problems)
    {
        using var reader = OpenXmlReader.Create(worksheet);
        reader.Read();
        var previousRow = 0;
        (int Row, int Column, string Value, int Count)? beyond = null;
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(MergeCell))
            {
                if (reader.LoadCurrentElement() is MergeCell { Reference.Value: { } reference })
                {
                    merges.Add(reference);
                }

                continue;
            }

            if (!reader.IsStartElement || reader.ElementType != typeof(Row))
            {
                reader.Read();
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (long)index : previousRow + 1L;
            if (number <= previousRow || number > MaxExcelRows)
            {
                throw new InvalidDataException("rows out of order"); // a damaged worksheet: Excel writes rows in order
            }

            previousRow = (int)number;
            var fields = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } cellReference ? ColumnOf(cellReference) : column + 1;
                if (column < 1 || column <= fields.Count)
                {
                    throw new InvalidDataException("cells out of order");
                }

                var text = cells.Text(cell, out var noValue);
                if (noValue)
                {
                    problems.Add(source.Problem("the cell holds a formula without a calculated value (the workbook was saved without calculating it); open the workbook in Excel and save it again", previousRow, column));
                }

                if (column > RosterLimits.MaxColumns)
                {
                    if (text.Trim().Length > 0)
                    {
                        beyond = beyond is { } b ? b with { Count = b.Count + 1 } : (previousRow, column, text, 1);
                    }

                    continue;
                }

                while (fields.Count < column - 1)
                {
                    fields.Add(string.Empty);
                }

                fields.Add(text);
            }

            yield return new RosterRecord(previousRow, [.. fields]);
        }

        if (beyond is { } far)
        {
            var more = far.Count == 1 ? string.Empty : $", and {RosterLimits.Format(far.Count - 1)} more cells beyond it hold values";
            problems.Add(source.Problem(
                $"this cell holds '{far.Value.Trim()}' beyond column {InputProblem.ColumnLetters(RosterLimits.MaxColumns)}, the last of the {RosterLimits.MaxColumns} columns a roster file may have{more}; delete the cells to the right of the table",
                far.Row,
                far.Column));
        }
    }

    /// <summary>The 1-based column of a cell reference such as <c>C12</c> (3).</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = (column * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }

            if (column > 16_384)
            {
                return -1; // beyond XFD: damaged
            }
        }

        return column == 0 ? -1 : column;
    }

    /// <summary>
    /// A merged range below the header shows its value in every cell it covers (a township merged down the rows of its
    /// households): each record in the range gets the value of the range's top-left cell where its own cell is empty.
    /// </summary>
    private static void FillMerges(RosterTable table, List<string> merges)
    {
        if (merges.Count == 0 || table.Records.Count == 0)
        {
            return;
        }

        var byLine = new Dictionary<int, RosterRecord>();
        foreach (var record in table.Records)
        {
            byLine[record.Line] = record;
        }

        foreach (var merge in merges)
        {
            var parts = merge.Split(':');
            if (parts.Length != 2 || Cell(parts[0]) is not { } from || Cell(parts[1]) is not { } to || from.Row <= table.HeaderLine ||
                !byLine.TryGetValue(from.Row, out var top) || from.Column > top.Fields.Length)
            {
                continue;
            }

            var value = top.Fields[from.Column - 1];
            for (var line = from.Row; line <= to.Row; line++)
            {
                if (!byLine.TryGetValue(line, out var record))
                {
                    continue;
                }

                for (var column = from.Column; column <= Math.Min(to.Column, record.Fields.Length); column++)
                {
                    if (record.Fields[column - 1].Length == 0)
                    {
                        record.Fields[column - 1] = value;
                    }
                }
            }
        }
    }

    private static (int Row, int Column)? Cell(string reference)
    {
        var column = ColumnOf(reference);
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        return column > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0 ? (row, column) : null;
    }
}
