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

    /// <summary>
    /// The certificates of a result by statement, each statement once in the order it first appears, with every
    /// certificate that has it: certificates of sets alike (a quota short in each of several villages of one township)
    /// read the same, and a report prints the statement once with the places of all of them.
    /// </summary>
    public static IEnumerable<(string Statement, IReadOnlyList<Certificate> Certificates)> DistinctStatements(IEnumerable<Certificate> certificates, ResultText sentences) =>
        certificates.GroupBy(sentences.Statement, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<Certificate>)g.ToList()));

    /// <summary>Where a helper works, for people: its township and village as a <see cref="Place"/> prints them
    /// (<c>蔚汾镇/城关村</c>, <c>兴县/蔚汾镇</c>), or its county or nothing when it has no township.</summary>
    public static string PlaceOf(Helper helper) =>
        helper.Township is null ? helper.County ?? string.Empty : new Place(helper.County, helper.Township, helper.Village).ToString();

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
