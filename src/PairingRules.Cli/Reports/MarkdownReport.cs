using static PairingRules.Cli.Reports.ReportFormat;

namespace PairingRules.Cli.Reports;

/// <summary>
/// The report a county office would print (<c>solve --format md</c>): summary, warnings, groups, gaps per township,
/// uncovered households (with the head of household's name when the roster has one), townships without a backstop
/// helper, helpers below quota, without a household and left out (with name, unit and place), certificates (each
/// statement once), then the households of every village by township.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>The roster's attribute with the head of household's name (the <c>name</c> column, 户主姓名).</summary>
    public const string HeadOfHousehold = "name";

    /// <summary>Villages listed after a statement that several certificates share; the rest are counted.</summary>
    private const int VillagesShown = 10;

    public static void Write(RuleSet ruleSet, PairingResult result, TextWriter w, ReportText text)
    {
        w.NewLine = "\n";
        var s = result.Summary;
        var sentences = text.Sentences(ruleSet);
        var counties = NamesCounties(result);
        w.WriteLine(text.ReportTitle(Cell(ruleSet.Title ?? ruleSet.Name)));
        w.WriteLine();
        w.WriteLine(text.ReportOutcome(result.IsComplete, result.Unselected.Count > 0));
        w.WriteLine();
        w.WriteLine(text.ReportSummary());
        w.WriteLine();
        w.WriteLine("| | |");
        w.WriteLine("|---|---:|");
        w.WriteLine(text.ReportHouseholds(s.Households));
        w.WriteLine(text.ReportCovered(s.Covered));
        w.WriteLine(text.ReportUncovered(s.Uncovered));
        w.WriteLine(text.ReportHelpers(s.Helpers));
        w.WriteLine(text.ReportIdle(s.IdleHelpers));
        w.WriteLine(text.ReportUnselected(s.UnselectedHelpers));
        w.WriteLine(text.ReportShortfall(s.TotalShortfall));
        w.WriteLine(text.ReportPairings(s.Kept, s.Changed, s.New));
        if (ConsoleReport.KeepingCost(result, text) is { } cost)
        {
            w.WriteLine(text.ReportKeeping(cost));
        }

        w.WriteLine();

        if (result.Warnings.Count > 0)
        {
            w.WriteLine(text.ReportWarnings());
            w.WriteLine();
            w.WriteLine(text.ReportWarningsIntro());
            w.WriteLine();
            foreach (var warning in result.Warnings)
            {
                w.WriteLine($"- {warning.ToString().Replace('\n', ' ')}");
            }

            w.WriteLine();
        }

        w.WriteLine(text.ReportGroups());
        w.WriteLine();
        WriteTable(w, text.ReportGroupsHeader(), "|---|---|---:|---:|---:|---:|---:|", result.Groups,
            g => F($"| {Cell(g.GroupId)} | {Cell(g.Label)} | {g.Helpers:N0} | {g.Households:N0} | {g.Required:N0} | {g.Shortfall:N0} | {g.IdleHelpers:N0} |"));

        w.WriteLine();
        w.WriteLine(text.ReportTownships());
        w.WriteLine();
        WriteTable(w, CountyColumn(counties, text, text.ReportTownshipsHeader()), CountyColumn(counties, text, "|---|---:|---:|---:|"), result.Townships,
            t => F($"|{CountyCell(counties, t.Place.County)} {Cell(t.Place.Township!)} | {t.Households:N0} | {t.Covered:N0} | {t.Uncovered:N0} |"));

        w.WriteLine();
        if (result.Uncovered.Count > 0)
        {
            // The head of household's column when the roster has one (the `name` column, 户主姓名).
            var heads = result.Uncovered.Any(u => u.Household.Attribute(HeadOfHousehold).Length > 0);
            w.WriteLine(text.ReportUncoveredHeading());
            w.WriteLine();
            WriteTable(
                w,
                CountyColumn(counties, text, text.ReportUncoveredHeader(heads), after: heads ? 2 : 1),
                CountyColumn(counties, text, heads ? "|---|---|---|---|---|---|" : "|---|---|---|---|---|"),
                result.Uncovered,
                u => $"| {Cell(u.HouseholdId)} |{(heads ? $" {Cell(u.Household.Attribute(HeadOfHousehold))} |" : string.Empty)}{CountyCell(counties, u.Place.County)} {Cell(u.Place.Township!)} | {Cell(u.Place.Village!)} | {Cell(sentences.Reason(u.Reason))} | {Cell(sentences.Remedy(u))} |");

            w.WriteLine();
        }

        if (result.Backstop is { IsWorthReporting: true } backstop)
        {
            w.WriteLine(text.ReportBackstopHeading());
            w.WriteLine();
            w.WriteLine(text.ReportBackstopIntro(Cell(text.BackstopGroups(backstop))));
            w.WriteLine();
            WriteTable(w, CountyColumn(counties, text, text.ReportBackstopHeader()), CountyColumn(counties, text, "|---|---:|---:|---|"), backstop.Townships,
                t => F($"|{CountyCell(counties, t.Place.County)} {Cell(t.Place.Township!)} | {t.Households:N0} | {t.Uncovered:N0} | {Cell(text.GroupHouseholds(ruleSet, t.ByGroup))} |"));

            w.WriteLine();
            w.WriteLine(text.ReportAboveQuota(backstop.AboveQuotaTotal, text.GroupHouseholds(ruleSet, backstop.AboveQuota)));
            w.WriteLine();
        }

        var below = result.Helpers.Where(h => h.Shortfall > 0).ToList();
        if (below.Count > 0)
        {
            w.WriteLine(text.ReportBelowHeading());
            w.WriteLine();
            WriteTable(w, text.ReportBelowHeader(), "|---|---|---|---|---|---:|---:|---:|", below,
                h => F($"| {Who(h.Helper)} | {Cell(text.GroupCell(ruleSet, h.GroupId))} | {h.Required:N0} | {h.Assigned:N0} | {h.Shortfall:N0} |"));

            w.WriteLine();
        }

        var idle = result.Helpers.Where(h => h.IsIdle).ToList();
        if (idle.Count > 0)
        {
            w.WriteLine(text.ReportIdleHeading());
            w.WriteLine();
            WriteTable(w, text.ReportIdleHeader(), "|---|---|---|---|---|", idle, h => $"| {Who(h.Helper)} | {Cell(text.GroupCell(ruleSet, h.GroupId))} |");

            w.WriteLine();
        }

        if (result.Unselected.Count > 0)
        {
            w.WriteLine(text.ReportUnselectedHeading());
            w.WriteLine();
            WriteTable(w, text.ReportUnselectedHeader(), "|---|---|---|---|---|---|", result.Unselected,
                u => $"| {Who(u.Helper)} | {Cell(u.Helper.Category)} | {Cell(sentences.Reason(u))} |");

            w.WriteLine();
        }

        w.WriteLine(text.ReportCertificates());
        w.WriteLine();
        if (result.Certificates.Count == 0)
        {
            w.WriteLine(text.ReportNoCertificate());
        }
        else
        {
            foreach (var (statement, certificates) in DistinctStatements(result.Certificates, sentences))
            {
                w.WriteLine(text.ReportCertificate(certificates[0].Kind, Cell(statement), Cell(text.Repeated(certificates, VillagesShown))));
            }
        }

        WriteVillages(result, w, text);
    }

    /// <summary>The households of every village, one table a township (with its county when the roster names counties),
    /// in <see cref="Place"/> order.</summary>
    private static void WriteVillages(PairingResult result, TextWriter w, ReportText text)
    {
        if (result.Villages.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine(text.ReportVillages());
        foreach (var township in result.Villages.GroupBy(v => new Place(v.Place.County, v.Place.Township, village: null)))
        {
            w.WriteLine();
            w.WriteLine($"### {Cell(township.Key.ToString())}");
            w.WriteLine();
            WriteTable(w, text.ReportVillagesHeader(), "|---|---:|---:|---:|", township,
                v => F($"| {Cell(v.Place.Village!)} | {v.Households:N0} | {v.Covered:N0} | {v.Uncovered:N0} |"));
        }
    }

    /// <summary>The cells that name a helper: id, name, unit and where it works.</summary>
    private static string Who(Helper helper) => $"{Cell(helper.Id)} | {Cell(helper.Name)} | {Cell(helper.Unit ?? string.Empty)} | {Cell(PlaceOf(helper))}";

    /// <summary>A table's header or alignment line with a county column inserted after <paramref name="after"/> columns, when the roster names counties.</summary>
    private static string CountyColumn(bool counties, ReportText text, string line, int after = 0)
    {
        if (!counties)
        {
            return line;
        }

        var at = 0;
        for (var i = 0; i <= after; i++)
        {
            at = line.IndexOf('|', at) + 1;
        }

        return line.Insert(at, line.StartsWith("|---", StringComparison.Ordinal) ? "---|" : $" {text.ReportCounty()} |");
    }

    /// <summary>The county cell of a row (its text and the following pipe), or nothing when the roster names no county.</summary>
    private static string CountyCell(bool counties, string? county) => counties ? $" {Cell(county ?? string.Empty)} |" : string.Empty;
}
