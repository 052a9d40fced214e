using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PairingRules.Tests.Excel;

/// <summary>A worksheet to write: its rows of cells (see <see cref="TestWorkbook"/> for what a cell may be).</summary>
internal sealed record TestSheet(string Name, params object?[][] Rows)
{
    /// <summary>The row number of the first row; rows above it are absent from the file.</summary>
    public int FirstRow { get; init; } = 1;

    /// <summary>Merged ranges, such as <c>A1:H1</c>.</summary>
    public string[] Merges { get; init; } = [];

    public bool Hidden { get; init; }
}

/// <summary>A formula cell with its cached (calculated) value, or none.</summary>
internal sealed record TestFormula(string Expression, string? CachedValue);

/// <summary>A cell holding an Excel error such as <c>#N/A</c>.</summary>
internal sealed record TestError(string Text);

/// <summary>A number cell with a number format such as <c>0000</c> or <c>0.00</c>.</summary>
internal sealed record TestFormatted(double Value, string Format);

/// <summary>
/// Writes .xlsx workbooks for tests with the Open XML SDK, the library the reader uses, as Excel lays them out: shared
/// strings for text, numbers as numbers, booleans as TRUE/FALSE cells, dates as serial numbers with a date format.
/// A cell is <see langword="null"/> (none), a string (text; empty writes no cell), a number (int, long, double, decimal),
/// a bool, a <see cref="DateTime"/> (format <c>yyyy-mm-dd</c>, or with the time when it has one), or a
/// <see cref="TestFormula"/>, <see cref="TestError"/> or <see cref="TestFormatted"/>.
/// </summary>
internal static class TestWorkbook
{
    public static byte[] Create(params TestSheet[] sheets)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var strings = new List<string>();
            var stringIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var formats = new List<string>(); // custom number formats, ids from 164, styles from 1
            var sheetList = new Sheets();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < sheet.Rows.Length; r++)
                {
                    var rowNumber = (uint)(sheet.FirstRow + r);
                    var row = new Row { RowIndex = rowNumber };
                    for (var c = 0; c < sheet.Rows[r].Length; c++)
                    {
                        if (Cell(sheet.Rows[r][c], $"{Letters(c + 1)}{rowNumber}", strings, stringIndex, formats) is { } cell)
                        {
                            row.Append(cell);
                        }
                    }

                    data.Append(row);
                }

                var worksheet = new Worksheet(data);
                if (sheet.Merges.Length > 0)
                {
                    worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)sheet.Merges.Length });
                }

                part.Worksheet = worksheet;
                sheetList.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(part),
                    SheetId = sheetId++,
                    Name = sheet.Name,
                    State = sheet.Hidden ? SheetStateValues.Hidden : null,
                });
            }

            workbookPart.Workbook.Append(sheetList);
            var shared = workbookPart.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Count = (uint)strings.Count,
                UniqueCount = (uint)strings.Count,
            };
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(formats.Select((f, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f })) { Count = (uint)formats.Count },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new[] { new CellFormat() }.Concat(formats.Select((_, i) => new CellFormat { NumberFormatId = (uint)(164 + i), ApplyNumberFormat = true }))) { Count = (uint)(formats.Count + 1) });
        }

        return memory.ToArray();
    }

    /// <summary>Writes the workbook to a file.</summary>
    public static void Write(string path, params TestSheet[] sheets) => File.WriteAllBytes(path, Create(sheets));

    /// <summary>The sheet of a CSV text's lines, every field as text (as a person would paste it).</summary>
    public static TestSheet FromCsv(string name, string csv) =>
        new(name, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split(',').Cast<object?>().ToArray()).ToArray());

    public static string Letters(int column)
    {
        var letters = string.Empty;
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static Cell? Cell(object? value, string reference, List<string> strings, Dictionary<string, int> stringIndex, List<string> formats)
    {
        uint Style(string format)
        {
            var index = formats.IndexOf(format);
            if (index < 0)
            {
                formats.Add(format);
                index = formats.Count - 1;
            }

            return (uint)(index + 1);
        }

        static string Number(double number) => number.ToString("R", CultureInfo.InvariantCulture);

        switch (value)
        {
            case null:
            case string { Length: 0 }:
                return null;
            case string text:
                if (!stringIndex.TryGetValue(text, out var index))
                {
                    index = strings.Count;
                    strings.Add(text);
                    stringIndex.Add(text, index);
                }

                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
            case bool flag:
                return new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") };
            case int or long or double or decimal:
                return new Cell { CellReference = reference, CellValue = new CellValue(Number(Convert.ToDouble(value, CultureInfo.InvariantCulture))) };
            case DateTime date:
                return new Cell
                {
                    CellReference = reference,
                    CellValue = new CellValue(Number(date.ToOADate())),
                    StyleIndex = Style(date.TimeOfDay == TimeSpan.Zero ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss"),
                };
            case TestFormatted formatted:
                return new Cell { CellReference = reference, CellValue = new CellValue(Number(formatted.Value)), StyleIndex = Style(formatted.Format) };
            case TestFormula formula:
                return new Cell
                {
                    CellReference = reference,
                    CellFormula = new CellFormula(formula.Expression),
                    CellValue = formula.CachedValue is null ? null : new CellValue(formula.CachedValue),
                    DataType = formula.CachedValue is null || double.TryParse(formula.CachedValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : CellValues.String,
                };
            case TestError error:
                return new Cell { CellReference = reference, DataType = CellValues.Error, CellValue = new CellValue(error.Text) };
            default:
                throw new ArgumentException($"no cell for {value.GetType().Name}", nameof(value));
        }
    }
}
