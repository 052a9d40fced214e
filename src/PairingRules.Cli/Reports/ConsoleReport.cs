using static PairingRules.Cli.Reports.ReportFormat;

namespace PairingRules.Cli.Reports;

/// <summary>The short reports printed on stdout: totals, gaps per township, certificates; and a rule set's groups.</summary>
internal static class ConsoleReport
{
    /// <summary>
    /// What keeping the previous pairings cost against a fresh solve, in coverage, idle helpers and quota; null when
    /// nothing was kept.
    /// </summary>
    public static string? KeepingCost(PairingResult result)
    {
        if (result.FreshObjective is not { } fresh)
        {
            return null;
        }

        var kept = result.Objective;
        var costs = new List<string>();
        void Add(long more, string one, string many)
        {
            if (more > 0)
            {
                costs.Add(F($"{more:N0} more {(more == 1 ? one : many)}"));
            }
        }

        Add(kept.Uncovered - fresh.Uncovered, "uncovered household", "uncovered households");
        Add(kept.IdleHelpers - fresh.IdleHelpers, "idle helper", "idle helpers");
        Add(kept.Shortfall - fresh.Shortfall, "household of quota shortfall", "households of quota shortfall");
        return costs.Count == 0
            ? F($"the {result.Summary.Kept:N0} kept pairings cost nothing: a fresh solve covers no more households, leaves no fewer idle and falls no less short")
            : F($"the {result.Summary.Kept:N0} kept pairings cost {string.Join(", ", costs)} than a fresh solve would");
    }

    public static void Write(TextWriter output, RuleSet ruleSet, PairingResult result, string? outPath)
    {
        var s = result.Summary;
        output.WriteLine(F($"Rule set   {ruleSet.Name} ({ruleSet.Groups.Count} groups)"));
        output.WriteLine(F($"Households {s.Households:N0}: {s.Covered:N0} covered, {s.Uncovered:N0} uncovered"));
        output.WriteLine(F($"Helpers    {s.Helpers:N0}: {s.IdleHelpers:N0} idle, {s.UnselectedHelpers:N0} unselected"));
        output.WriteLine(F($"Shortfall  {s.TotalShortfall:N0} households below quota"));
        output.WriteLine(F($"Pairings   {s.Kept:N0} kept, {s.Changed:N0} changed, {s.New:N0} new"));
        if (KeepingCost(result) is { } cost)
        {
            output.WriteLine($"Keeping    {cost}");
        }

        output.WriteLine();

        var townships = result.Townships.Where(t => t.Uncovered > 0).ToList();
        if (townships.Count == 0)
        {
            output.WriteLine("Gaps per township: none");
        }
        else
        {
            output.WriteLine("Gaps per township:");
            var width = townships.Max(t => t.Place.ToString().Length);
            foreach (var t in townships)
            {
                output.WriteLine(F($"  {t.Place.ToString().PadRight(width)}  {t.Uncovered,7:N0} of {t.Households:N0} households uncovered"));
            }
        }

        var groups = result.Groups.Where(g => g.Shortfall > 0 || g.IdleHelpers > 0).ToList();
        if (groups.Count > 0)
        {
            output.WriteLine("Quota gaps per group:");
            foreach (var g in groups)
            {
                output.WriteLine(F($"  {g.GroupId} ({g.Label}): shortfall {g.Shortfall:N0} of {g.Required:N0}, {g.IdleHelpers:N0} idle of {g.Helpers:N0} helpers"));
            }
        }

        if (result.Unselected.Count > 0)
        {
            WriteUnselected(output, ruleSet, result.Unselected);
        }

        if (result.Backstop is { IsWorthReporting: true } backstop)
        {
            WriteBackstop(output, backstop);
        }

        output.WriteLine();
        if (result.Certificates.Count == 0)
        {
            output.WriteLine("Certificate: every household is covered and every quota is met; nothing better exists.");
        }
        else
        {
            output.WriteLine("Certificates (why no pairing does better):");
            foreach (var c in result.Certificates)
            {
                output.WriteLine($"  [{Names.Of(c.Kind)}] {c.Statement}");
            }
        }

        output.WriteLine();
        if (outPath is not null)
        {
            output.WriteLine($"Full result written to {(outPath == OutputTarget.StandardOutput ? "standard output" : outPath)}");
        }

        output.WriteLine(result.IsComplete
            ? "Result: complete (exit code 0)."
            : "Result: gaps found (exit code 1).");
    }

    /// <summary>
    /// Helpers that take no part, a gap (人人都有包扶对象): how many, then one line per reason with its first helpers, for
    /// example <c>no group's `helpers` expression selects it: 2 (S1, S2)</c>.
    /// </summary>
    private static void WriteUnselected(TextWriter output, RuleSet ruleSet, IReadOnlyList<UnselectedHelper> unselected)
    {
        const int Shown = 5;
        output.WriteLine(F($"Helpers left out (no group can use them, so they take no household): {unselected.Count:N0}"));
        foreach (var reason in unselected.GroupBy(u => Reason(ruleSet, u), StringComparer.Ordinal))
        {
            var ids = reason.Select(u => u.HelperId).ToList();
            var shown = string.Join(", ", ids.Take(Shown)) + (ids.Count > Shown ? F($" and {ids.Count - Shown:N0} more") : string.Empty);
            output.WriteLine(F($"  {reason.Key}: {ids.Count:N0} ({shown})"));
        }
    }

    /// <summary>
    /// Townships without a backstop helper and the load above quota that falls on other groups, for example
    /// <c>蔚汾镇: 1,011 households, paired with ordinary-staff 635, …</c>.
    /// </summary>
    private static void WriteBackstop(TextWriter output, BackstopCoverage backstop)
    {
        output.WriteLine(F($"Townships without a backstop helper ({BackstopLabel(backstop)}): {backstop.Townships.Count}"));
        foreach (var t in backstop.Townships)
        {
            var paired = GroupCounts(t.ByGroup);
            output.WriteLine(F($"  {t.Place}: {t.Households:N0} household{(t.Households == 1 ? string.Empty : "s")}, paired with {(paired.Length == 0 ? "no one" : paired)}{(t.Uncovered > 0 ? F($"; {t.Uncovered:N0} uncovered") : string.Empty)}"));
        }

        var above = GroupCounts(backstop.AboveQuota);
        output.WriteLine(backstop.AboveQuotaTotal == 0
            ? "  Load above quota on groups other than the backstop: none"
            : F($"  Load above quota on groups other than the backstop: {backstop.AboveQuotaTotal:N0} households ({above})"));
    }

    public static void WriteRuleSet(TextWriter output, string path, RuleSet ruleSet)
    {
        output.WriteLine(F($"{path}: rule set `{ruleSet.Name}` is valid, {ruleSet.Groups.Count} groups in priority order:"));
        if (ruleSet.Title is { } title)
        {
            output.WriteLine($"  {title}");
        }

        foreach (var g in ruleSet.Groups)
        {
            var quota = g.Max is { } max
                ? (max == g.Min ? F($"exactly {g.Min}") : F($"{g.Min} to {max}"))
                : F($"at least {g.Min}");
            output.WriteLine(F($"  {g.Index + 1,2}. {g.Id} ({g.Label}): scope {Scope(g.Scope)}, {quota}{(g.IsBackstop ? ", backstop" : string.Empty)}"));
            output.WriteLine($"      helpers:    {g.HelpersExpression}");
            output.WriteLine($"      households: {g.HouseholdsExpression}");
        }
    }
}
