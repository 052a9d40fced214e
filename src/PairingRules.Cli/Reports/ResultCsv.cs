using System.Globalization;
using CsvHelper;

namespace PairingRules.Cli.Reports;

/// <summary>
/// The CSV result of <c>solve --format csv</c>: the header <c>household,helper,group</c>, then one line a household in
/// roster order, with empty <c>helper</c> and <c>group</c> where the household is uncovered.
/// </summary>
internal static class ResultCsv
{
    public static void Write(Roster roster, PairingResult result, TextWriter writer)
    {
        var pairings = result.Pairings.ToDictionary(p => p.HouseholdId, StringComparer.Ordinal);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        csv.WriteRecord(["household", "helper", "group"]);
        foreach (var household in roster.Households)
        {
            var paired = pairings.TryGetValue(household.Id, out var pairing);
            csv.WriteRecord([household.Id, paired ? pairing.HelperId : string.Empty, paired ? pairing.GroupId : string.Empty]);
        }

        csv.Flush();
    }
}
