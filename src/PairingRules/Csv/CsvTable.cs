using System.Globalization;
using CsvHelper;

namespace PairingRules.Csv;

/// <summary>One record of a CSV file with the line it starts on.</summary>
internal sealed record CsvRecord(int Line, string[] Fields);

/// <summary>A CSV file parsed by CsvHelper into a header and records, each with the line it starts on.</summary>
internal sealed class CsvTable
{
    private CsvTable(string file, string[] header, IReadOnlyList<CsvRecord> records)
    {
        File = file;
        Header = header;
        Records = records;
    }

    public string File { get; }

    public string[] Header { get; }

    public IReadOnlyList<CsvRecord> Records { get; }

    /// <summary>
    /// Parses <paramref name="text"/>; returns <see langword="null"/> (with a problem) when it has no header, more than
    /// <paramref name="maxRecords"/> records, or too many columns or too long a record for a roster.
    /// </summary>
    public static CsvTable? Parse(string text, string file, string expectedHeader, int maxRecords, string kind, List<InputProblem> problems)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
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
                    problems.Add(new InputProblem(message, file, malformed.LineNumber > 0 ? (int)malformed.LineNumber : null));
                }
            },
        };

        try
        {
            using var reader = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
            var header = reader.Headers.ToArray();
            if (header.Length == 0 || (header.Length == 1 && string.IsNullOrWhiteSpace(header[0])))
            {
                problems.Add(new InputProblem($"the file is empty; expected a header line such as `{expectedHeader}`", file, 1));
                return null;
            }

            if (header.Length > RosterLimits.MaxColumns)
            {
                problems.Add(new InputProblem($"the header has {header.Length} columns; the limit is {RosterLimits.MaxColumns}", file, 1));
                return null;
            }

            header[0] = header[0].TrimStart('\uFEFF');
            CheckFieldLengths(file, header, 1, header, problems);
            var records = new List<CsvRecord>();
            while (reader.Read())
            {
                if (records.Count == maxRecords)
                {
                    problems.Add(new InputProblem(
                        $"more than {RosterLimits.Format(maxRecords)} {kind}s (this line is the first beyond the limit of {RosterLimits.Format(maxRecords)})",
                        file,
                        (int)reader.LineNumber));
                    return null;
                }

                var record = new CsvRecord((int)reader.LineNumber, reader.Current.ToArray());
                CheckFieldLengths(file, record.Fields, record.Line, header, problems);
                records.Add(record);
            }

            return new CsvTable(file, header, records);
        }
        catch (CsvFormatException e)
        {
            // MaxRecordSize: a record too long to be a roster line, most often a quote that is never closed.
            problems.Add(new InputProblem(
                $"a record is longer than {RosterLimits.MaxRecordBytes / (1024 * 1024)} MiB; look for a quote (\") that is never closed",
                file,
                e.LineNumber > 0 ? (int)e.LineNumber : 1));
            return null;
        }
    }

    /// <summary>Reports each field longer than <see cref="RosterLimits.MaxFieldLength"/>, at its line and column.</summary>
    private static void CheckFieldLengths(string file, string[] fields, int line, string[] header, List<InputProblem> problems)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Length > RosterLimits.MaxFieldLength)
            {
                problems.Add(new InputProblem(
                    $"the value is {fields[i].Length} characters long; the limit is {RosterLimits.MaxFieldLength}",
                    file,
                    line,
                    i + 1,
                    i < header.Length && header[i].Length <= 100 ? header[i].Trim() : null));
            }
        }
    }
}
