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

    /// <summary>Parses <paramref name="text"/>; returns <see langword="null"/> (with a problem) when it has no header.</summary>
    public static CsvTable? Parse(string text, string file, string expectedHeader, List<InputProblem> problems)
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

        using var reader = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
        var header = reader.Headers.ToArray();
        if (header.Length == 0 || (header.Length == 1 && string.IsNullOrWhiteSpace(header[0])))
        {
            problems.Add(new InputProblem($"the file is empty; expected a header line such as `{expectedHeader}`", file));
            return null;
        }

        header[0] = header[0].TrimStart('\uFEFF');
        var records = new List<CsvRecord>();
        while (reader.Read())
        {
            records.Add(new CsvRecord((int)reader.LineNumber, reader.Current.ToArray()));
        }

        return new CsvTable(file, header, records);
    }
}
