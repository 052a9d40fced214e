using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PairingRules.Cli.Reports;

/// <summary>
/// The result as an Excel workbook (<c>solve --format xlsx</c>), written with the Open XML SDK, that a county office
/// prints and sends up. Sheet names and headers are in the report language; the sheets: the summary, the household
/// ledger (一户一册: one row a household in roster order, its roster columns, its helper and its status), the helpers
/// with their loads, the gaps (uncovered households with reason and remedy, helpers short of quota, idle and unselected
/// helpers), the townships, the villages and the certificates (each statement once).
/// </summary>
/// <remarks>
/// Ids, names and every roster text are text cells (inline strings), never numbers, so <c>0012</c> stays <c>0012</c>;
/// counts are numbers. Every sheet has a frozen, bold header row, column widths from its texts, and prints landscape,
/// one page wide. The bytes are the same for the same input: no document properties (no dates), fixed relationship ids,
/// and the package is copied entry by entry in the SDK's order into a ZIP whose entries all carry
/// <see cref="EntryTime"/>.
/// </remarks>
internal static class ExcelReport
{
    /// <summary>The modification time of every entry of the workbook's ZIP: the earliest a ZIP can hold.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const uint HeaderStyle = 1;
    private const uint NumberStyle = 2;
    private const uint TitleStyle = 3;

    public static void Write(RuleSet ruleSet, Roster roster, PairingResult result, Stream stream, ReportText text)
    {
        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            // Every relationship id is given: the SDK would make up random ones.
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Styles();
            var sheets = new[]
            {
                Summary(ruleSet, result, text),
                Ledger(roster, result, text),
                Helpers(ruleSet, result, text),
                Gaps(ruleSet, result, text),
                Townships(result, text),
                Villages(result, text),
                Certificates(ruleSet, result, text),
            };
            for (var i = 0; i < sheets.Length; i++)
            {
                var id = F($"rIdSheet{i + 1}");
                var part = workbook.AddNewPart<WorksheetPart>(id);
                part.Worksheet = sheets[i].Worksheet();
                workbook.Workbook.Sheets!.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = id });
            }

            workbook.Workbook.Save();
        }

        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = EntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    private static SheetBuilder Summary(RuleSet ruleSet, PairingResult result, ReportText text)
    {
        var s = result.Summary;
        var sheet = new SheetBuilder(text.XlsxSheetSummary(), frozenRows: 0);
        sheet.Row(TitleStyle, Plain(text.ReportTitle(ruleSet.Title ?? ruleSet.Name)));
        sheet.Row(Plain(text.ReportOutcome(result.IsComplete, result.Unselected.Count > 0)));
        sheet.Row();
        void Count(string line, long value) => sheet.Row(Cells(line)[0], value);
        Count(text.ReportHouseholds(s.Households), s.Households);
        Count(text.ReportCovered(s.Covered), s.Covered);
        Count(text.ReportUncovered(s.Uncovered), s.Uncovered);
        Count(text.ReportHelpers(s.Helpers), s.Helpers);
        Count(text.ReportIdle(s.IdleHelpers), s.IdleHelpers);
        Count(text.ReportUnselected(s.UnselectedHelpers), s.UnselectedHelpers);
        Count(text.ReportShortfall(s.TotalShortfall), s.TotalShortfall);
        sheet.Row(text.XlsxStatus(PairingStatus.Kept), s.Kept);
        sheet.Row(text.XlsxStatus(PairingStatus.Changed), s.Changed);
        sheet.Row(text.XlsxStatus(PairingStatus.New), s.New);
        if (ConsoleReport.KeepingCost(result, text) is { } cost)
        {
            sheet.Row(Cells(text.ReportKeeping(cost)).Select(c => (object)c).ToArray());
        }

        if (result.Warnings.Count > 0)
        {
            sheet.Row();
            sheet.Row(TitleStyle, Plain(text.ReportWarnings()));
        }

        foreach (var warning in result.Warnings)
        {
            sheet.Row(warning.ToString());
        }

        return sheet;
    }

    private static SheetBuilder Ledger(Roster roster, PairingResult result, ReportText text)
    {
        var counties = roster.Households.Any(h => h.County is not null);
        var attributes = roster.Households.SelectMany(h => h.Attributes.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(a => a == MarkdownReport.HeadOfHousehold ? 0 : 1).ThenBy(a => a, StringComparer.Ordinal).ToList();
        var header = text.XlsxLedgerHeader();
        var sheet = new SheetBuilder(text.XlsxSheetLedger(), frozenRows: 1);
        sheet.Row(HeaderStyle, [
            header[0], .. counties ? [text.ReportCounty()] : Array.Empty<string>(), .. header[1..6],
            .. attributes.Select(a => a == MarkdownReport.HeadOfHousehold ? text.XlsxHead() : a), .. header[6..]]);

        var helpers = roster.Helpers.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var labels = result.Groups.ToDictionary(g => g.GroupId, g => g.Label, StringComparer.Ordinal);
        var pairings = result.Pairings;
        var next = 0;
        foreach (var household in roster.Households)
        {
            var pairing = next < pairings.Count ? pairings[next] : default;
            var paired = pairing.HouseholdId == household.Id;
            next += paired ? 1 : 0;
            var helper = paired ? helpers[pairing.HelperId] : null;
            sheet.Row([
                household.Id, .. counties ? [household.County ?? string.Empty] : Array.Empty<object>(), household.Township, household.Village,
                text.XlsxYesNo(household.PoorVillage), text.XlsxYesNo(household.DeepPoverty), (long)household.Members,
                .. attributes.Select(a => (object)household.Attribute(a)),
                helper?.Id ?? string.Empty, helper?.Name ?? string.Empty, helper?.Unit ?? string.Empty,
                paired ? labels.GetValueOrDefault(pairing.GroupId, pairing.GroupId) : string.Empty,
                text.XlsxStatus(paired ? pairing.Status : null)]);
        }

        return sheet;
    }

    private static SheetBuilder Helpers(RuleSet ruleSet, PairingResult result, ReportText text)
    {
        var counties = ReportFormat.NamesCounties(result);
        var header = text.XlsxHelpersHeader();
        var sheet = new SheetBuilder(text.XlsxSheetHelpers(), frozenRows: 1);
        sheet.Row(HeaderStyle, [.. header[..4], .. counties ? [text.ReportCounty()] : Array.Empty<string>(), .. header[4..]]);
        foreach (var h in result.Helpers)
        {
            var helper = h.Helper;
            sheet.Row([
                helper.Id, helper.Name, helper.Unit ?? string.Empty, helper.Category, .. counties ? [helper.County ?? string.Empty] : Array.Empty<object>(),
                text.GroupCell(ruleSet, h.GroupId), helper.Township ?? string.Empty, helper.Village ?? string.Empty,
                (long)h.Assigned, (long)h.Required, h.Cap is { } cap ? (long)cap : string.Empty, (long)h.Shortfall]);
        }

        return sheet;
    }

    private static SheetBuilder Gaps(RuleSet ruleSet, PairingResult result, ReportText text)
    {
        var sentences = text.Sentences(ruleSet);
        var counties = ReportFormat.NamesCounties(result);
        var sheet = new SheetBuilder(text.XlsxSheetGaps(), frozenRows: 0);
        var heads = result.Uncovered.Any(u => u.Household.Attribute(MarkdownReport.HeadOfHousehold).Length > 0);
        sheet.Row(TitleStyle, Plain(text.ReportUncoveredHeading()));
        var uncoveredHeader = Cells(text.ReportUncoveredHeader(heads));
        var after = heads ? 2 : 1;
        sheet.Row(HeaderStyle, counties ? [.. uncoveredHeader[..after], text.ReportCounty(), .. uncoveredHeader[after..]] : uncoveredHeader);
        foreach (var u in result.Uncovered)
        {
            sheet.Row([
                u.HouseholdId, .. heads ? [u.Household.Attribute(MarkdownReport.HeadOfHousehold)] : Array.Empty<object>(),
                .. counties ? [u.Place.County ?? string.Empty] : Array.Empty<object>(),
                u.Place.Township!, u.Place.Village!, Plain(sentences.Reason(u.Reason)), Plain(sentences.Remedy(u))]);
        }

        sheet.Row();
        sheet.Row(TitleStyle, Plain(text.ReportBelowHeading()));
        sheet.Row(HeaderStyle, Cells(text.ReportBelowHeader()));
        foreach (var h in result.Helpers.Where(h => h.Shortfall > 0))
        {
            sheet.Row([.. Who(h.Helper), text.GroupCell(ruleSet, h.GroupId), (long)h.Required, (long)h.Assigned, (long)h.Shortfall]);
        }

        sheet.Row();
        sheet.Row(TitleStyle, Plain(text.ReportIdleHeading()));
        sheet.Row(HeaderStyle, Cells(text.ReportIdleHeader()));
        foreach (var h in result.Helpers.Where(h => h.IsIdle))
        {
            sheet.Row([.. Who(h.Helper), text.GroupCell(ruleSet, h.GroupId)]);
        }

        sheet.Row();
        sheet.Row(TitleStyle, Plain(text.ReportUnselectedHeading()));
        sheet.Row(HeaderStyle, Cells(text.ReportUnselectedHeader()));
        foreach (var u in result.Unselected)
        {
            sheet.Row([.. Who(u.Helper), u.Helper.Category, Plain(sentences.Reason(u))]);
        }

        return sheet;
    }

    private static SheetBuilder Townships(PairingResult result, ReportText text)
    {
        var counties = ReportFormat.NamesCounties(result);
        var sheet = new SheetBuilder(text.XlsxSheetTownships(), frozenRows: 1);
        sheet.Row(HeaderStyle, [.. counties ? [text.ReportCounty()] : Array.Empty<string>(), .. Cells(text.ReportTownshipsHeader())]);
        foreach (var t in result.Townships)
        {
            sheet.Row([.. counties ? [t.Place.County ?? string.Empty] : Array.Empty<object>(), t.Place.Township!, (long)t.Households, (long)t.Covered, (long)t.Uncovered]);
        }

        return sheet;
    }

    private static SheetBuilder Villages(PairingResult result, ReportText text)
    {
        var counties = ReportFormat.NamesCounties(result);
        var sheet = new SheetBuilder(text.XlsxSheetVillages(), frozenRows: 1);
        sheet.Row(HeaderStyle, [
            .. counties ? [text.ReportCounty()] : Array.Empty<string>(), Cells(text.ReportTownshipsHeader())[0], .. Cells(text.ReportVillagesHeader())]);
        foreach (var v in result.Villages)
        {
            sheet.Row([
                .. counties ? [v.Place.County ?? string.Empty] : Array.Empty<object>(), v.Place.Township!, v.Place.Village!,
                (long)v.Households, (long)v.Covered, (long)v.Uncovered]);
        }

        return sheet;
    }

    private static SheetBuilder Certificates(RuleSet ruleSet, PairingResult result, ReportText text)
    {
        var sheet = new SheetBuilder(text.XlsxSheetCertificates(), frozenRows: 0);
        sheet.Row(TitleStyle, Plain(text.ReportCertificates()));
        if (result.Certificates.Count == 0)
        {
            sheet.Row(Plain(text.ReportNoCertificate()));
        }

        foreach (var (statement, certificates) in ReportFormat.DistinctStatements(result.Certificates, text.Sentences(ruleSet)))
        {
            sheet.Row(Plain(text.ReportCertificate(certificates[0].Kind, statement, text.Repeated(certificates, int.MaxValue)).TrimStart('-', ' ')));
        }

        return sheet;
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 14 })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true }) { Count = 4 });

    /// <summary>A Markdown text without its marks: heading hashes, <c>**</c> and <c>`</c>.</summary>
    private static string Plain(string markdown) =>
        markdown.TrimStart('#', ' ').Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal).Replace('\n', ' ');

    /// <summary>The cells of a Markdown table line (<c>| Households | 18 |</c>), trimmed.</summary>
    private static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    private static object[] Who(Helper helper) => [helper.Id, helper.Name, helper.Unit ?? string.Empty, ReportFormat.PlaceOf(helper)];

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rows of one sheet as they are added, and the widest text of each column.</summary>
    private sealed class SheetBuilder(string name, int frozenRows)
    {
        private readonly SheetData _data = new();
        private readonly List<double> _widths = [];
        private uint _row;

        public string Name { get; } = name;

        public void Row(params object[] cells) => Row(0, cells);

        public void Row(uint style, params object[] cells)
        {
            _row++;
            var row = new Row { RowIndex = _row };
            for (var i = 0; i < cells.Length; i++)
            {
                var reference = F($"{Column(i)}{_row}");
                Cell cell;
                double width;
                if (cells[i] is long or int)
                {
                    var number = Convert.ToInt64(cells[i], CultureInfo.InvariantCulture);
                    cell = new Cell { CellReference = reference, CellValue = new CellValue(F($"{number}")), StyleIndex = style == 0 ? NumberStyle : style };
                    width = F($"{number:N0}").Length;
                }
                else
                {
                    var value = (string)cells[i];
                    var t = new Text(value);
                    if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
                    {
                        t.Space = SpaceProcessingModeValues.Preserve;
                    }

                    cell = new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(t) };
                    if (style != 0)
                    {
                        cell.StyleIndex = style;
                    }

                    width = value.Sum(c => c > 0x2E7F ? 2.0 : 1.0);
                }

                row.Append(cell);

                // A title runs over the empty cells beside it instead of widening its column.
                if (style != TitleStyle && !(cells.Length == 1 && frozenRows == 0))
                {
                    while (_widths.Count <= i)
                    {
                        _widths.Add(0);
                    }

                    _widths[i] = Math.Max(_widths[i], width);
                }
            }

            _data.Append(row);
        }

        public Worksheet Worksheet()
        {
            var view = new SheetView { WorkbookViewId = 0 };
            if (frozenRows > 0)
            {
                view.Append(new Pane
                {
                    VerticalSplit = frozenRows,
                    TopLeftCell = F($"A{frozenRows + 1}"),
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                });
                view.Append(new Selection { Pane = PaneValues.BottomLeft });
            }

            var worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                new SheetViews(view));
            if (_widths.Count > 0)
            {
                worksheet.Append(new Columns(_widths.Select((w, i) => new Column
                {
                    Min = (uint)(i + 1),
                    Max = (uint)(i + 1),
                    Width = Math.Clamp(w + 2, 8, 60),
                    CustomWidth = true,
                })));
            }

            worksheet.Append(_data);
            worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            return worksheet;
        }

        private static string Column(int index)
        {
            var name = string.Empty;
            for (var n = index + 1; n > 0; n = (n - 1) / 26)
            {
                name = (char)('A' + ((n - 1) % 26)) + name;
            }

            return name;
        }
    }
}
