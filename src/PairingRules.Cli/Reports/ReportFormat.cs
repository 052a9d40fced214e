using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PairingRules.Cli.Reports;

/// <summary>What every report writer shares: invariant formatting, Markdown cells and tables, the JSON writer and its arrays.</summary>
internal static class ReportFormat
{
    /// <summary>Formats with the invariant culture, so reports are the same bytes on every machine.</summary>
    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the result's roster names counties (then every township and household carries one).</summary>
    public static bool NamesCounties(PairingResult result) => result.Townships.Count > 0 && result.Townships[0].Place.County is not null;

    /// <summary>The backstop groups for people: <c>township-cadres 乡镇干部</c>.</summary>
    public static string BackstopLabel(BackstopCoverage backstop) => string.Join(", ", backstop.Groups.Select(g => $"{g.Id} {g.Label}"));

    /// <summary>Households per group for people: <c>ordinary-staff 635, county-leaders 19</c>.</summary>
    public static string GroupCounts(IEnumerable<GroupHouseholds> groups) => string.Join(", ", groups.Select(g => F($"{g.GroupId} {g.Households:N0}")));

    /// <summary>Why a helper takes no part, for people.</summary>
    public static string Reason(RuleSet ruleSet, UnselectedHelper helper) => helper.Reason switch
    {
        UnselectedReason.NoTownship => $"group `{helper.GroupId}` pairs within a {Scope(ruleSet.FindGroup(helper.GroupId!)!.Scope)}, but the helper has no township",
        UnselectedReason.NoVillage => $"group `{helper.GroupId}` pairs within a village, but the helper has no village",
        _ => "no group's `helpers` expression selects it",
    };

    /// <summary>A scope as rule files write it: <c>county</c>, <c>township</c>, <c>village</c>.</summary>
    public static string Scope(PairingScope scope) => scope.ToString().ToLowerInvariant();

    /// <summary>A Markdown table cell: pipes escaped, line breaks flattened.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    /// <summary>Writes a Markdown table: the header line, its alignment line, then one line a row.</summary>
    public static void WriteTable<T>(TextWriter w, string header, string alignment, IEnumerable<T> rows, Func<T, string> row)
    {
        w.WriteLine(header);
        w.WriteLine(alignment);
        foreach (var item in rows)
        {
            w.WriteLine(row(item));
        }
    }

    /// <summary>The JSON writer of every JSON output: indented, "\n" line ends, Chinese text unescaped.</summary>
    public static Utf8JsonWriter CreateJsonWriter(Stream stream) =>
        new(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" });

    /// <summary>Writes <paramref name="name"/> as an array with one object an item, filled by <paramref name="write"/>.</summary>
    public static void WriteObjects<T>(this Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
