using static PairingRules.Cli.Reports.ReportFormat;

namespace PairingRules.Cli.Reports;

/// <summary>The report a county office would print (<c>solve --format md</c>): summary, groups, gaps per township, certificates.</summary>
internal static class MarkdownReport
{
    public static void Write(RuleSet ruleSet, PairingResult result, TextWriter w)
    {
        w.NewLine = "\n";
        var s = result.Summary;
        var counties = NamesCounties(result);
        w.WriteLine($"# Pairing report: {Cell(ruleSet.Title ?? ruleSet.Name)}");
        w.WriteLine();
        w.WriteLine(result.IsComplete
            ? "Every household has a responsible person and every helper meets the quota (户户都有包扶责任人, 人人都有包扶对象)."
            : result.Unselected.Count > 0
                ? "**Gaps remain**: see the gaps per township, the helpers no group can use and the certificates below."
                : "**Gaps remain**: see the gaps per township and the certificates below.");
        w.WriteLine();
        w.WriteLine("## Summary");
        w.WriteLine();
        w.WriteLine("| | |");
        w.WriteLine("|---|---:|");
        w.WriteLine(F($"| Households | {s.Households:N0} |"));
        w.WriteLine(F($"| Covered | {s.Covered:N0} |"));
        w.WriteLine(F($"| Uncovered | {s.Uncovered:N0} |"));
        w.WriteLine(F($"| Helpers | {s.Helpers:N0} |"));
        w.WriteLine(F($"| Idle helpers | {s.IdleHelpers:N0} |"));
        w.WriteLine(F($"| Unselected helpers | {s.UnselectedHelpers:N0} |"));
        w.WriteLine(F($"| Total quota shortfall | {s.TotalShortfall:N0} |"));
        w.WriteLine(F($"| Pairings kept / changed / new | {s.Kept:N0} / {s.Changed:N0} / {s.New:N0} |"));
        if (ConsoleReport.KeepingCost(result) is { } cost)
        {
            w.WriteLine($"| Keeping previous pairings | {cost} |");
        }
        w.WriteLine();

        if (result.Warnings.Count > 0)
        {
            w.WriteLine("## Warnings");
            w.WriteLine();
            w.WriteLine("Likely mistakes in the rules or the roster that are not errors (`--strict` makes them errors):");
            w.WriteLine();
            foreach (var warning in result.Warnings)
            {
                w.WriteLine($"- {warning.ToString().Replace('\n', ' ')}");
            }

            w.WriteLine();
        }

        w.WriteLine("## Groups");
        w.WriteLine();
        WriteTable(w, "| Group | Label | Helpers | Households | Quota total | Shortfall | Idle |", "|---|---|---:|---:|---:|---:|---:|", result.Groups,
            g => F($"| {Cell(g.GroupId)} | {Cell(g.Label)} | {g.Helpers:N0} | {g.Households:N0} | {g.Required:N0} | {g.Shortfall:N0} | {g.IdleHelpers:N0} |"));

        w.WriteLine();
        w.WriteLine("## Gaps per township");
        w.WriteLine();
        WriteTable(w, CountyColumn(counties, "| Township | Households | Covered | Uncovered |"), CountyColumn(counties, "|---|---:|---:|---:|"), result.Townships,
            t => F($"|{CountyCell(counties, t.Place.County)} {Cell(t.Place.Township!)} | {t.Households:N0} | {t.Covered:N0} | {t.Uncovered:N0} |"));

        w.WriteLine();
        if (result.Uncovered.Count > 0)
        {
            w.WriteLine("### Uncovered households");
            w.WriteLine();
            WriteTable(w, CountyColumn(counties, "| Household | Township | Village | Reason | Remedy |", after: 1), CountyColumn(counties, "|---|---|---|---|---|"), result.Uncovered,
                u => $"| {Cell(u.HouseholdId)} |{CountyCell(counties, u.Place.County)} {Cell(u.Place.Township!)} | {Cell(u.Place.Village!)} | {Names.Of(u.Reason)} | {Cell(u.Remedy)} |");

            w.WriteLine();
        }

        if (result.Backstop is { IsWorthReporting: true } backstop)
        {
            w.WriteLine("### Townships without a backstop helper");
            w.WriteLine();
            w.WriteLine($"No helper of {Cell(BackstopLabel(backstop))} (兜底) in these townships: other groups cover their households, or nobody does.");
            w.WriteLine();
            WriteTable(w, CountyColumn(counties, "| Township | Households | Uncovered | Paired with |"), CountyColumn(counties, "|---|---:|---:|---|"), backstop.Townships,
                t => F($"|{CountyCell(counties, t.Place.County)} {Cell(t.Place.Township!)} | {t.Households:N0} | {t.Uncovered:N0} | {Cell(GroupCounts(t.ByGroup))} |"));

            w.WriteLine();
            w.WriteLine(backstop.AboveQuotaTotal == 0
                ? "Load above quota on groups other than the backstop: none."
                : F($"Load above quota on groups other than the backstop: {backstop.AboveQuotaTotal:N0} households ({GroupCounts(backstop.AboveQuota)})."));
            w.WriteLine();
        }

        var below = result.Helpers.Where(h => h.Shortfall > 0).ToList();
        if (below.Count > 0)
        {
            w.WriteLine("### Helpers below quota");
            w.WriteLine();
            WriteTable(w, "| Helper | Name | Group | Quota | Assigned | Shortfall |", "|---|---|---|---:|---:|---:|", below,
                h => F($"| {Cell(h.HelperId)} | {Cell(h.HelperName)} | {Cell(h.GroupId)} | {h.Required} | {h.Assigned} | {h.Shortfall} |"));

            w.WriteLine();
        }

        if (result.Unselected.Count > 0)
        {
            w.WriteLine("### Helpers no group can use");
            w.WriteLine();
            WriteTable(w, "| Helper | Reason |", "|---|---|", result.Unselected, u => $"| {Cell(u.HelperId)} | {Cell(Reason(ruleSet, u))} |");

            w.WriteLine();
        }

        w.WriteLine("## Certificates");
        w.WriteLine();
        if (result.Certificates.Count == 0)
        {
            w.WriteLine("None needed: no gap remains, so no pairing can do better.");
        }
        else
        {
            foreach (var c in result.Certificates)
            {
                w.WriteLine($"- **{Names.Of(c.Kind)}**: {c.Statement}");
            }
        }
    }

    /// <summary>A table's header or alignment line with a <c>County</c> column inserted after <paramref name="after"/> columns, when the roster names counties.</summary>
    private static string CountyColumn(bool counties, string line, int after = 0)
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

        return line.Insert(at, line.StartsWith("|---", StringComparison.Ordinal) ? "---|" : " County |");
    }

    /// <summary>The county cell of a row (its text and the following pipe), or nothing when the roster names no county.</summary>
    private static string CountyCell(bool counties, string? county) => counties ? $" {Cell(county ?? string.Empty)} |" : string.Empty;
}
