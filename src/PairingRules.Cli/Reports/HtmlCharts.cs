using static PairingRules.Cli.Reports.HtmlReport;
using static PairingRules.Cli.Reports.ReportFormat;

namespace PairingRules.Cli.Reports;

/// <summary>
/// The charts of the HTML report, drawn as inline SVG from the result: horizontal bars, one row a township or a group,
/// on a linear axis with round ticks. Aggregated, never one element a helper or a household, so a county of 5,000
/// helpers in 10 groups draws 10 rows; at most <see cref="MaxRows"/> rows a chart (those with the largest gaps, and a
/// note says how many are left to the tables). Numbers are invariant, so the bytes are the same on every machine.
/// </summary>
internal static class HtmlCharts
{
    /// <summary>The most rows a chart draws; the tables list every township.</summary>
    public const int MaxRows = 60;

    private const int Width = 760;
    private const int LabelWidth = 180;
    private const int PlotLeft = LabelWidth + 8;
    private const int PlotWidth = 340;
    private const int ValueLeft = PlotLeft + PlotWidth + 10;
    private const int Top = 28;
    private const int Row = 22;
    private const int Bar = 14;
    private const int AxisHeight = 24;

    private const string CoveredColour = "#3f8f5a";
    private const string UncoveredColour = "#c0392b";
    private const string ShortfallColour = "#e08e0b";
    private const string LoadColour = "#3f6fb0";

    /// <summary>Coverage per township: one stacked bar a township, covered then uncovered households.</summary>
    public static void Coverage(TextWriter w, PairingResult result, ReportText text)
    {
        var rows = result.Townships.ToList();
        var shown = Largest(rows, t => t.Uncovered, t => t.Households);
        Figure(w, text.HtmlCoverageTitle(), rows.Count, shown.Count, text, svg =>
        {
            Begin(svg, text.HtmlCoverageTitle(), shown.Count);
            Legend(svg, [(CoveredColour, text.HtmlCovered()), (UncoveredColour, text.HtmlUncovered())]);
            var max = shown.Count == 0 ? 1 : shown.Max(t => t.Households);
            var scale = Axis(svg, max, shown.Count);
            for (var i = 0; i < shown.Count; i++)
            {
                var t = shown[i];
                var y = Top + (i * Row);
                Label(svg, y, t.Place.ToString());
                var covered = scale(t.Covered);
                Rect(svg, PlotLeft, y, covered, CoveredColour);
                Rect(svg, PlotLeft + covered, y, scale(t.Households) - covered, UncoveredColour);
                Value(svg, y, $"{N(t.Covered)} / {N(t.Households)}");
            }

        });
    }

    /// <summary>Helper loads against quota per group: the average load as a bar, the fewest to the most as a line,
    /// the average quota as a mark, and the numbers beside them; a group is named by its label.</summary>
    public static void Loads(TextWriter w, PairingResult result, ReportText text)
    {
        var byGroup = result.Helpers.GroupBy(h => h.GroupId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var groups = result.Groups.Where(g => byGroup.ContainsKey(g.GroupId)).ToList();
        Figure(w, text.HtmlLoadsTitle(), groups.Count, groups.Count, text, svg =>
        {
            Begin(svg, text.HtmlLoadsTitle(), groups.Count);
            Legend(svg, [(LoadColour, text.HtmlLoadsAverage()), ("#1a1a1a", text.HtmlLoadsRange()), ("#8e44ad", text.HtmlLoadsQuota())]);
            var max = groups.Count == 0 ? 1 : groups.Max(g => byGroup[g.GroupId].Max(h => Math.Max(h.Assigned, h.Required)));
            var scale = Axis(svg, max, groups.Count);
            for (var i = 0; i < groups.Count; i++)
            {
                var loads = byGroup[groups[i].GroupId];
                var y = Top + (i * Row);
                var average = loads.Average(h => (double)h.Assigned);
                var quota = loads.Average(h => (double)h.Required);
                Label(svg, y, groups[i].Label.Length > 0 ? groups[i].Label : groups[i].GroupId);
                Rect(svg, PlotLeft, y, scale(average), LoadColour, opacity: true);
                var middle = y + (Bar / 2);
                svg.WriteLine(F($"<line x1=\"{PlotLeft + scale(loads.Min(h => h.Assigned))}\" y1=\"{middle}\" x2=\"{PlotLeft + scale(loads.Max(h => h.Assigned))}\" y2=\"{middle}\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" />"));
                var q = PlotLeft + scale(quota);
                svg.WriteLine(F($"<line x1=\"{q}\" y1=\"{y - 2}\" x2=\"{q}\" y2=\"{y + Bar + 2}\" stroke=\"#8e44ad\" stroke-width=\"2.5\" />"));
                Value(svg, y, text.HtmlLoadsRow(loads.Count, Decimal(average), loads.Min(h => h.Assigned), loads.Max(h => h.Assigned), Decimal(quota)));
            }

        });
    }

    /// <summary>Where the gaps are: per township, its uncovered households and the quota shortfall of the helpers who
    /// work there (a helper without a township counts at its county's level).</summary>
    public static void Gaps(TextWriter w, PairingResult result, ReportText text)
    {
        var uncovered = result.Townships.Where(t => t.Uncovered > 0).ToDictionary(t => t.Place.ToString(), t => (long)t.Uncovered, StringComparer.Ordinal);
        var shortfall = result.Helpers.Where(h => h.Shortfall > 0)
            .GroupBy(h => new Place(h.Helper.County, h.Helper.Township ?? text.HtmlCountyLevel(), village: null).ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(h => (long)h.Shortfall), StringComparer.Ordinal);
        var places = result.Townships.Select(t => t.Place.ToString()).Where(uncovered.ContainsKey)
            .Concat(shortfall.Keys.Where(k => !uncovered.ContainsKey(k)).Order(StringComparer.Ordinal))
            .Select(p => (Place: p, Uncovered: uncovered.GetValueOrDefault(p), Shortfall: shortfall.GetValueOrDefault(p)))
            .ToList();
        if (places.Count == 0)
        {
            w.WriteLine("<figure>");
            w.WriteLine($"<figcaption>{E(text.HtmlGapsTitle())}</figcaption>");
            w.WriteLine($"<p>{Inline(text.HtmlGapsNone())}</p>");
            w.WriteLine("</figure>");
            return;
        }

        var shown = Largest(places, p => p.Uncovered + p.Shortfall, _ => 0);
        Figure(w, text.HtmlGapsTitle(), places.Count, shown.Count, text, svg =>
        {
            Begin(svg, text.HtmlGapsTitle(), shown.Count);
            Legend(svg, [(UncoveredColour, text.HtmlGapsUncovered()), (ShortfallColour, text.HtmlGapsShortfall())]);
            var scale = Axis(svg, shown.Max(p => Math.Max(p.Uncovered, p.Shortfall)), shown.Count);
            for (var i = 0; i < shown.Count; i++)
            {
                var (place, households, quota) = shown[i];
                var y = Top + (i * Row);
                Label(svg, y, place);
                svg.WriteLine(F($"<rect x=\"{PlotLeft}\" y=\"{y}\" width=\"{scale(households)}\" height=\"{Bar / 2}\" fill=\"{UncoveredColour}\" />"));
                svg.WriteLine(F($"<rect x=\"{PlotLeft}\" y=\"{y + (Bar / 2)}\" width=\"{scale(quota)}\" height=\"{Bar / 2}\" fill=\"{ShortfallColour}\" />"));
                Value(svg, y, $"{N(households)} / {N(quota)}");
            }

        });
    }

    /// <summary>The rows to draw: all of them, or the <see cref="MaxRows"/> largest by <paramref name="first"/>, then by
    /// <paramref name="second"/>, in their order.</summary>
    private static List<T> Largest<T>(List<T> rows, Func<T, long> first, Func<T, long> second)
    {
        if (rows.Count <= MaxRows)
        {
            return rows;
        }

        var keep = rows.Select((r, i) => (r, i)).OrderByDescending(x => first(x.r)).ThenByDescending(x => second(x.r)).ThenBy(x => x.i).Take(MaxRows).Select(x => x.i).ToHashSet();
        return rows.Where((_, i) => keep.Contains(i)).ToList();
    }

    /// <summary>Writes a figure: its caption, the chart, and a note when it draws fewer rows than there are.</summary>
    private static void Figure(TextWriter w, string title, int rows, int shown, ReportText text, Action<TextWriter> draw)
    {
        w.WriteLine("<figure>");
        w.WriteLine($"<figcaption>{E(title)}</figcaption>");
        draw(w);
        w.WriteLine("</svg>");
        if (shown < rows)
        {
            w.WriteLine($"<p>{Inline(text.HtmlChartShown(shown, rows))}</p>");
        }

        w.WriteLine("</figure>");
    }

    /// <summary>Opens the SVG element for <paramref name="rows"/> rows (<see cref="Figure"/> closes it). Inline SVG in
    /// HTML needs no namespace, so the file names no address at all.</summary>
    private static void Begin(TextWriter svg, string title, int rows)
    {
        var height = Top + (Math.Max(rows, 1) * Row) + AxisHeight;
        svg.WriteLine(F($"<svg viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\">"));
    }

    /// <summary>The legend: a coloured square and a name for each series, on the first line.</summary>
    private static void Legend(TextWriter svg, IReadOnlyList<(string Colour, string Name)> series)
    {
        var x = PlotLeft;
        foreach (var (colour, name) in series)
        {
            svg.WriteLine(F($"<rect x=\"{x}\" y=\"6\" width=\"10\" height=\"10\" fill=\"{colour}\" />"));
            svg.WriteLine(F($"<text x=\"{x + 14}\" y=\"15\">{E(name)}</text>"));
            x += 24 + (TextWidth(name) * 11 / 10);
        }
    }

    /// <summary>Draws the axis under the rows (round ticks from 0 to at least <paramref name="max"/>, with light grid
    /// lines), closes the SVG element after the caller's rows, and returns the scale from values to widths.</summary>
    private static Func<double, int> Axis(TextWriter svg, long max, int rows)
    {
        var step = Step(Math.Max(max, 1));
        var end = ((Math.Max(max, 1) + step - 1) / step) * step;
        var bottom = Top + (Math.Max(rows, 1) * Row) - 4;
        for (var tick = 0L; tick <= end; tick += step)
        {
            var x = PlotLeft + (int)(tick * PlotWidth / end);
            svg.WriteLine(F($"<line x1=\"{x}\" y1=\"{Top - 4}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"#ccc\" stroke-width=\"0.5\" />"));
            svg.WriteLine(F($"<text x=\"{x}\" y=\"{bottom + 14}\" text-anchor=\"middle\">{N(tick)}</text>"));
        }

        svg.WriteLine(F($"<line x1=\"{PlotLeft}\" y1=\"{bottom}\" x2=\"{PlotLeft + PlotWidth}\" y2=\"{bottom}\" stroke=\"#666\" stroke-width=\"1\" />"));
        return value => (int)Math.Round(value * PlotWidth / end, MidpointRounding.AwayFromZero);
    }

    /// <summary>A round tick step (1, 2 or 5 times a power of ten) that gives at most six ticks up to <paramref name="max"/>.</summary>
    internal static long Step(long max)
    {
        for (var power = 1L; ; power *= 10)
        {
            foreach (var factor in new[] { 1L, 2L, 5L })
            {
                if (max / (factor * power) <= 5)
                {
                    return factor * power;
                }
            }
        }
    }

    private static void Label(TextWriter svg, int y, string label) =>
        svg.WriteLine(F($"<text x=\"{LabelWidth}\" y=\"{y + 11}\" text-anchor=\"end\">{E(label)}</text>"));

    private static void Rect(TextWriter svg, int x, int y, int width, string colour, bool opacity = false) =>
        svg.WriteLine(F($"<rect x=\"{x}\" y=\"{y}\" width=\"{Math.Max(width, 0)}\" height=\"{Bar}\" fill=\"{colour}\"{(opacity ? " fill-opacity=\"0.6\"" : string.Empty)} />"));

    private static void Value(TextWriter svg, int y, string value) =>
        svg.WriteLine(F($"<text x=\"{ValueLeft}\" y=\"{y + 11}\">{E(value)}</text>"));

    /// <summary>A number with one decimal, invariant (<c>2.5</c>).</summary>
    private static string Decimal(double value) => F($"{value:0.0}");

    /// <summary>The width of a text in 11px characters: a CJK character counts two.</summary>
    private static int TextWidth(string text) => text.Sum(c => c > '\u2e80' ? 11 : 6);
}
