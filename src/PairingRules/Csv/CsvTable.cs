using System.Globalization;
using CsvHelper;

namespace PairingRules.Csv;

/// <summary>CSV text parsed by CsvHelper into rows, each with the line it starts on, and shaped by <see cref="RosterTable"/>.</summary>
internal static class CsvTable
{
    /// <summary>
    /// Parses <paramref name="text"/>, comma- or tab-separated (<see cref="DetectSeparator"/>); returns
    /// <see langword="null"/> (with a problem) when it has no header, more than <paramref name="maxRecords"/> records, or
    /// too many columns or too long a record for a roster.
    /// </summary>
    public static RosterTable? Parse(string text, string file, string expectedHeader, int maxRecords, string kind, List<InputProblem> problems)
    {
        var separator = DetectSeparator(text);
        var source = RosterSource.Csv(file, separator);
        var found = new List<InputProblem>();
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = false,
            FormatProvider = CultureInfo.InvariantCulture,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = RosterLimits.MaxRecordBytes,
            OnMalformedRecord = malformed =>
            {
                var message = malformed.Reason switch
                {
                    CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed; add the closing quote (\")",
                    CsvMalformedReason.TextAfterClosingQuote => "text follows the closing quote of a field; put the whole value in quotes and double the quotes inside it (\"\")",
                    _ => null,
                };
                if (message is not null)
                {
                    found.Add(new InputProblem(message, file, malformed.LineNumber > 0 ? (int)malformed.LineNumber : null));
                }
            },
        };

        try
        {
            using var reader = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
            var table = RosterTable.Shape(source, Records(reader), RosterColumns.For(kind), expectedHeader, maxRecords, kind, problems);
            (table?.Problems ?? problems).AddRange(found);
            return table;
        }
        catch (CsvFormatException e)
        {
            // MaxRecordSize: a record too long to be a roster line, most often a quote that is never closed.
            problems.AddRange(found);
            problems.Add(new InputProblem(
                $"a record is longer than {RosterLimits.MaxRecordBytes / (1024 * 1024)} MiB; look for a quote (\") that is never closed",
                file,
                e.LineNumber > 0 ? (int)e.LineNumber : 1));
            return null;
        }
    }

    /// <summary>
    /// The separator of a roster file: a tab when the first line that holds a comma or a tab and something else than
    /// separators and white space (the header, or a title above it) holds more tabs than commas, as Excel's "Unicode
    /// text" (UTF-16, tab-separated) does; else a comma.
    /// </summary>
    public static char DetectSeparator(string text)
    {
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOfAny('\r', '\n');
            var line = end < 0 ? rest : rest[..end];
            int commas = line.Count(','), tabs = line.Count('\t');
            if (commas + tabs > 0 && !line.Trim().Trim(",\t").IsEmpty)
            {
                return tabs > commas ? '\t' : ',';
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return ',';
    }

    private static IEnumerable<RosterRecord> Records(CsvReader reader)
    {
        while (reader.Read())
        {
            yield return new RosterRecord((int)reader.LineNumber, reader.Current.ToArray());
        }
    }
}
