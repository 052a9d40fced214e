using System.Globalization;
using CsvHelper;

namespace PairingRules.Cli.Reports;

/// <summary>
/// The CSV result of <c>solve --format csv</c>: the header <c>household,name,helper,helper_name,group</c>, then one line
/// a household in roster order, with empty <c>helper</c>, <c>helper_name</c> and <c>group</c> where the household is
/// uncovered. <c>name</c> is the head of household's name (the roster's <c>name</c> column, 户主姓名), there only when the
/// roster has that column; <c>helper_name</c> the helper's name. The headers are the same in every language (the file is
/// read back: its <c>household</c> and <c>helper</c> columns go into the households' <c>helper</c> column).
/// </summary>
internal static class ResultCsv
{
    public static void Write(Roster roster, PairingResult result, TextWriter writer)
    {
        var heads = roster.Households.Any(h => h.HasAttribute(MarkdownReport.HeadOfHousehold));
        var helperName = roster.Helpers.ToDictionary(h => h.Id, h => h.Name, StringComparer.Ordinal);

        // Pairings are in roster order, so one walk over the roster meets them in turn; the others are uncovered.
        var pairings = result.Pairings;
        var next = 0;
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        csv.WriteRecord(heads ? ["household", "name", "helper", "helper_name", "group"] : ["household", "helper", "helper_name", "group"]);
        foreach (var household in roster.Households)
        {
            var pairing = next < pairings.Count ? pairings[next] : default;
            var paired = pairing.HouseholdId == household.Id;
            next += paired ? 1 : 0;
            string[] helper = paired ? [pairing.HelperId, helperName[pairing.HelperId], pairing.GroupId] : [string.Empty, string.Empty, string.Empty];
            csv.WriteRecord(heads ? [household.Id, household.Attribute(MarkdownReport.HeadOfHousehold), .. helper] : [household.Id, .. helper]);
        }

        csv.Flush();
    }
}
