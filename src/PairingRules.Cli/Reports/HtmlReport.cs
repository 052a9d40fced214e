using System.Text;
using static PairingRules.Cli.Reports.ReportFormat;

namespace PairingRules.Cli.Reports;

/// <summary>
/// The printable report as one self-contained HTML file (<c>solve --format html</c>): what the Markdown report holds
/// (<see cref="MarkdownReport"/>), in the same words, plus three charts drawn as inline SVG from the data
/// (<see cref="HtmlCharts"/>): coverage per township, helper loads against quota per group, and where the gaps are.
/// </summary>
/// <remarks>
/// No network and no script: the styles are inline (with print rules for A4: a page break before each big section,
/// table rows never cut, charts scaled to the page width), there is no JavaScript, no font and no link. The file is
/// well-formed XML (every element closed, only the five XML entities), so a test parses it. Every roster text is
/// escaped. The report texts are the Markdown report's templates (<c>Report.*</c>: headings, table header lines and
/// rows), rendered here as HTML; the texts only this report has are <c>Html.*</c>.
/// </remarks>
internal static class HtmlReport
{
    /// <summary>Villages listed after a statement that several certificates share; the rest are counted.</summary>
    private const int VillagesShown = 10;

    private const string Style = """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif; font-size: 10.5pt; color: #1a1a1a; margin: 1.5em auto; max-width: 60em; line-height: 1.45; }
        h1 { font-size: 18pt; margin: 0 0 0.4em; }
        h2 { font-size: 14pt; border-bottom: 1px solid #888; margin-top: 1.6em; }
        h3 { font-size: 12pt; margin-top: 1.2em; }
        table { border-collapse: collapse; margin: 0.5em 0 1em; }
        th, td { border: 1px solid #999; padding: 0.15em 0.5em; vertical-align: top; }
        th { background: #eee; text-align: left; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        code { font-family: monospace; font-size: 95%; }
        .outcome { font-size: 12pt; }
        figure { margin: 0.5em 0 1.2em; }
        figcaption { font-weight: bold; margin-bottom: 0.3em; }
        svg { display: block; width: 100%; height: auto; max-width: 46em; }
        svg text { font-size: 11px; fill: #1a1a1a; }
        @page { size: A4; margin: 15mm 12mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 9.5pt; }
          h2.section { break-before: page; page-break-before: always; }
          h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
          tr, figure, svg { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          svg { max-width: 100%; }
        }
        """;

    public static void Write(RuleSet ruleSet, PairingResult result, TextWriter w, ReportText text)
    {
        w.NewLine = "\n";
        var s = result.Summary;
        var sentences = text.Sentences(ruleSet);
        var counties = NamesCounties(result);
        var title = Plain(text.ReportTitle(ruleSet.Title ?? ruleSet.Name));

        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine($"<html lang=\"{(text.Language == ReportLanguage.Chinese ? "zh-Hans" : "en")}\">");
        w.WriteLine("<head>");
        w.WriteLine("<meta charset=\"utf-8\" />");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />");
        w.WriteLine($"<title>{E(title)}</title>");
        w.WriteLine("<style>");
        w.WriteLine(Style.Replace("\r\n", "\n", StringComparison.Ordinal));
        w.WriteLine("</style>");
        w.WriteLine("</head>");
        w.WriteLine("<body>");
        w.WriteLine($"<h1>{E(title)}</h1>");
        w.WriteLine($"<p class=\"outcome\">{Inline(text.ReportOutcome(result.IsComplete, result.Unselected.Count > 0))}</p>");

        Heading(w, text.ReportSummary(), section: false);
        var summary = new List<string[]>
        {
            Cells(text.ReportHouseholds(s.Households)),
            Cells(text.ReportCovered(s.Covered)),
            Cells(text.ReportUncovered(s.Uncovered)),
            Cells(text.ReportHelpers(s.Helpers)),
            Cells(text.ReportIdle(s.IdleHelpers)),
            Cells(text.ReportUnselected(s.UnselectedHelpers)),
            Cells(text.ReportShortfall(s.TotalShortfall)),
            Cells(text.ReportPairings(s.Kept, s.Changed, s.New)),
        };
        if (ConsoleReport.KeepingCost(result, text) is { } cost)
        {
            summary.Add(Cells(text.ReportKeeping(cost)));
        }

        w.WriteLine("<table class=\"summary\">");
        w.WriteLine("<tbody>");
        foreach (var row in summary)
        {
            w.WriteLine($"<tr><th>{E(row[0])}</th><td class=\"n\">{E(row[1])}</td></tr>");
        }

        w.WriteLine("</tbody>");
        w.WriteLine("</table>");

        if (result.Warnings.Count > 0)
        {
            Heading(w, text.ReportWarnings(), section: false);
            w.WriteLine($"<p>{Inline(text.ReportWarningsIntro())}</p>");
            w.WriteLine("<ul>");
            foreach (var warning in result.Warnings)
            {
                w.WriteLine($"<li>{E(warning.ToString())}</li>");
            }

            w.WriteLine("</ul>");
        }

        Heading(w, text.HtmlCharts(), section: true);
        HtmlCharts.Coverage(w, result, text);
        HtmlCharts.Loads(w, result, text);
        HtmlCharts.Gaps(w, result, text);

        Heading(w, text.ReportGroups(), section: true);
        Table(w, Cells(text.ReportGroupsHeader()), [2, 3, 4, 5, 6], result.Groups,
            g => [g.GroupId, g.Label, N(g.Helpers), N(g.Households), N(g.Required), N(g.Shortfall), N(g.IdleHelpers)]);

        Heading(w, text.ReportTownships(), section: false);
        Table(w, County(counties, text, Cells(text.ReportTownshipsHeader())), Shift(counties, [1, 2, 3]), result.Townships,
            t => County(counties, t.Place.County, [t.Place.Township!, N(t.Households), N(t.Covered), N(t.Uncovered)]));

        if (result.Uncovered.Count > 0)
        {
            var heads = result.Uncovered.Any(u => u.Household.Attribute(MarkdownReport.HeadOfHousehold).Length > 0);
            Heading(w, text.ReportUncoveredHeading(), section: false);
            Table(w, County(counties, text, Cells(text.ReportUncoveredHeader(heads)), after: heads ? 2 : 1), [], result.Uncovered, u =>
            {
                var row = new List<string> { u.HouseholdId };
                if (heads)
                {
                    row.Add(u.Household.Attribute(MarkdownReport.HeadOfHousehold));
                }

                if (counties)
                {
                    row.Add(u.Place.County ?? string.Empty);
                }

                row.AddRange([u.Place.Township!, u.Place.Village!, sentences.Reason(u.Reason), sentences.Remedy(u)]);
                return row;
            },
            sentences: 2);
        }

        if (result.Backstop is { IsWorthReporting: true } backstop)
        {
            Heading(w, text.ReportBackstopHeading(), section: false);
            w.WriteLine($"<p>{Inline(text.ReportBackstopIntro(text.BackstopGroups(backstop)))}</p>");
            Table(w, County(counties, text, Cells(text.ReportBackstopHeader())), Shift(counties, [1, 2]), backstop.Townships,
                t => County(counties, t.Place.County, [t.Place.Township!, N(t.Households), N(t.Uncovered), text.GroupHouseholds(ruleSet, t.ByGroup)]));
            w.WriteLine($"<p>{Inline(text.ReportAboveQuota(backstop.AboveQuotaTotal, text.GroupHouseholds(ruleSet, backstop.AboveQuota)))}</p>");
        }

        var below = result.Helpers.Where(h => h.Shortfall > 0).ToList();
        if (below.Count > 0)
        {
            Heading(w, text.ReportBelowHeading(), section: false);
            Table(w, Cells(text.ReportBelowHeader()), [5, 6, 7], below,
                h => [.. Who(h.Helper), text.GroupCell(ruleSet, h.GroupId), N(h.Required), N(h.Assigned), N(h.Shortfall)]);
        }

        var idle = result.Helpers.Where(h => h.IsIdle).ToList();
        if (idle.Count > 0)
        {
            Heading(w, text.ReportIdleHeading(), section: false);
            Table(w, Cells(text.ReportIdleHeader()), [], idle, h => [.. Who(h.Helper), text.GroupCell(ruleSet, h.GroupId)]);
        }

        if (result.Unselected.Count > 0)
        {
            Heading(w, text.ReportUnselectedHeading(), section: false);
            Table(w, Cells(text.ReportUnselectedHeader()), [], result.Unselected, u => [.. Who(u.Helper), u.Helper.Category, sentences.Reason(u)], sentences: 1);
        }

        Heading(w, text.ReportCertificates(), section: true);
        if (result.Certificates.Count == 0)
        {
            w.WriteLine($"<p>{Inline(text.ReportNoCertificate())}</p>");
        }
        else
        {
            w.WriteLine("<ul class=\"certificates\">");
            foreach (var (statement, certificates) in DistinctStatements(result.Certificates, sentences))
            {
                w.WriteLine($"<li>{Inline(text.ReportCertificate(certificates[0].Kind, statement, text.Repeated(certificates, VillagesShown)).TrimStart('-', ' '))}</li>");
            }

            w.WriteLine("</ul>");
        }

        if (result.Villages.Count > 0)
        {
            Heading(w, text.ReportVillages(), section: true);
            foreach (var township in result.Villages.GroupBy(v => new Place(v.Place.County, v.Place.Township, village: null)))
            {
                w.WriteLine($"<h3>{E(township.Key.ToString())}</h3>");
                Table(w, Cells(text.ReportVillagesHeader()), [1, 2, 3], township, v => [v.Place.Village!, N(v.Households), N(v.Covered), N(v.Uncovered)]);
            }
        }

        w.WriteLine("</body>");
        w.WriteLine("</html>");
    }

    /// <summary>Escapes text for HTML and XML: the five characters that could end a text or an attribute.</summary>
    public static string E(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var b = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            b.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return b.ToString();
    }

    /// <summary>A number as every report prints it (<c>16,800</c>), whatever the machine's culture.</summary>
    public static string N(long value) => F($"{value:N0}");

    /// <summary>
    /// A report text written for Markdown as HTML: escaped, <c>**strong**</c> and <c>`code`</c> marked up (as the
    /// Markdown report shows them); a line break becomes a space.
    /// </summary>
    public static string Inline(string markdown)
    {
        var escaped = E(markdown.Replace('\n', ' '));
        var b = new StringBuilder(escaped.Length + 32);
        var strong = false;
        var code = false;
        for (var i = 0; i < escaped.Length; i++)
        {
            if (!code && escaped[i] == '*' && i + 1 < escaped.Length && escaped[i + 1] == '*' && (strong || escaped.IndexOf("**", i + 2, StringComparison.Ordinal) > 0))
            {
                b.Append(strong ? "</strong>" : "<strong>");
                strong = !strong;
                i++;
            }
            else if (escaped[i] == '`' && (code || escaped.IndexOf('`', i + 1) > 0))
            {
                b.Append(code ? "</code>" : "<code>");
                code = !code;
            }
            else
            {
                b.Append(escaped[i]);
            }
        }

        return b.ToString();
    }

    /// <summary>A Markdown heading's text without its <c>#</c> marks, or a Markdown text without its marks.</summary>
    private static string Plain(string markdown) => markdown.TrimStart('#', ' ').Replace("**", string.Empty, StringComparison.Ordinal);

    /// <summary>The cells of a Markdown table line (<c>| Households | 18 |</c>), trimmed.</summary>
    private static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    /// <summary>Writes a Markdown heading template (<c>## Groups</c>) as an HTML heading of its level; a
    /// <paramref name="section"/> starts a new page when printed.</summary>
    private static void Heading(TextWriter w, string markdown, bool section)
    {
        var level = Math.Clamp(markdown.TakeWhile(c => c == '#').Count(), 1, 6);
        w.WriteLine(section ? $"<h{level} class=\"section\">{Inline(Plain(markdown))}</h{level}>" : $"<h{level}>{Inline(Plain(markdown))}</h{level}>");
    }

    /// <summary>Writes a table: its header cells, then one row an item; the columns in <paramref name="numeric"/> are
    /// right-aligned, and the last <paramref name="sentences"/> cells of a row are report sentences (their <c>`code`</c>
    /// marked up); every other cell is roster or rule text, escaped and nothing more.</summary>
    private static void Table<T>(
        TextWriter w, IReadOnlyList<string> header, IReadOnlyCollection<int> numeric, IEnumerable<T> rows, Func<T, IReadOnlyList<string>> row, int sentences = 0)
    {
        w.WriteLine("<table>");
        w.WriteLine("<thead>");
        w.WriteLine($"<tr>{string.Concat(header.Select((h, i) => numeric.Contains(i) ? $"<th class=\"n\">{E(h)}</th>" : $"<th>{E(h)}</th>"))}</tr>");
        w.WriteLine("</thead>");
        w.WriteLine("<tbody>");
        foreach (var item in rows)
        {
            var cells = row(item);
            w.WriteLine($"<tr>{string.Concat(cells.Select((c, i) => numeric.Contains(i) ? $"<td class=\"n\">{E(c)}</td>" : $"<td>{(i >= cells.Count - sentences ? Inline(c) : E(c))}</td>"))}</tr>");
        }

        w.WriteLine("</tbody>");
        w.WriteLine("</table>");
    }

    /// <summary>The header cells with the county column inserted after <paramref name="after"/> columns, when the roster names counties.</summary>
    private static string[] County(bool counties, ReportText text, string[] header, int after = 0) =>
        counties ? [.. header[..after], text.ReportCounty(), .. header[after..]] : header;

    /// <summary>A row with its county cell first, when the roster names counties.</summary>
    private static string[] County(bool counties, string? county, string[] row) => counties ? [county ?? string.Empty, .. row] : row;

    /// <summary>Column numbers moved right by the county column, when the roster names counties.</summary>
    private static int[] Shift(bool counties, int[] columns) => counties ? columns.Select(c => c + 1).ToArray() : columns;

    /// <summary>The cells that name a helper: id, name, unit and where it works.</summary>
    private static string[] Who(Helper helper) => [helper.Id, helper.Name, helper.Unit ?? string.Empty, PlaceOf(helper)];
}
