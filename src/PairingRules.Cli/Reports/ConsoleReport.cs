using static PairingRules.Cli.Reports.ReportFormat;

namespace PairingRules.Cli.Reports;

/// <summary>The short reports printed on stdout: totals, gaps per township, certificates; and a rule set's groups.</summary>
internal static class ConsoleReport
{
    /// <summary>Helpers named on one line of the console report; the rest are counted.</summary>
    private const int Shown = 5;

    /// <summary>
    /// What keeping the previous pairings cost against a fresh solve, in coverage, idle helpers and quota; null when
    /// nothing was kept.
    /// </summary>
    public static string? KeepingCost(PairingResult result, ReportText text)
    {
        if (result.FreshObjective is not { } fresh)
        {
            return null;
        }

        var kept = result.Objective;
        var costs = new List<string>();
        if (kept.Uncovered - fresh.Uncovered is var uncovered and > 0)
        {
            costs.Add(text.KeepingUncovered(uncovered));
        }

        if (kept.IdleHelpers - fresh.IdleHelpers is var idle and > 0)
        {
            costs.Add(text.KeepingIdle(idle));
        }

        if (kept.Shortfall - fresh.Shortfall is var shortfall and > 0)
        {
            costs.Add(text.KeepingShortfall(shortfall));
        }

        return costs.Count == 0 ? text.KeepingFree(result.Summary.Kept) : text.KeepingCost(result.Summary.Kept, costs);
    }

    public static void Write(TextWriter output, RuleSet ruleSet, PairingResult result, string? outPath, ReportText text)
    {
        var s = result.Summary;
        var sentences = text.Sentences(ruleSet);
        output.WriteLine(text.ConsoleRuleSet(ruleSet.Name, ruleSet.Groups.Count));
        output.WriteLine(text.ConsoleHouseholds(s.Households, s.Covered, s.Uncovered));
        output.WriteLine(text.ConsoleHelpers(s.Helpers, s.IdleHelpers, s.UnselectedHelpers));
        output.WriteLine(text.ConsoleShortfall(s.TotalShortfall));
        output.WriteLine(text.ConsolePairings(s.Kept, s.Changed, s.New));
        if (KeepingCost(result, text) is { } cost)
        {
            output.WriteLine(text.ConsoleKeeping(cost));
        }

        output.WriteLine();

        var townships = result.Townships.Where(t => t.Uncovered > 0).ToList();
        if (townships.Count == 0)
        {
            output.WriteLine(text.ConsoleTownshipGapsNone());
        }
        else
        {
            output.WriteLine(text.ConsoleTownshipGaps());
            var width = townships.Max(t => t.Place.ToString().Length);
            foreach (var t in townships)
            {
                output.WriteLine(text.ConsoleTownshipGap(t.Place.ToString().PadRight(width), t.Uncovered, t.Households));
            }
        }

        var groups = result.Groups.Where(g => g.Shortfall > 0 || g.IdleHelpers > 0).ToList();
        if (groups.Count > 0)
        {
            output.WriteLine(text.ConsoleGroupGaps());
            foreach (var g in groups)
            {
                output.WriteLine(text.ConsoleGroupGap(g));
            }
        }

        var idle = result.Helpers.Where(h => h.IsIdle).Select(h => h.Helper).ToList();
        if (idle.Count > 0)
        {
            output.WriteLine(text.ConsoleIdle(idle.Count, text.Helpers(idle, Shown)));
        }

        if (result.Unselected.Count > 0)
        {
            WriteUnselected(output, result.Unselected, text, sentences);
        }

        if (result.Backstop is { IsWorthReporting: true } backstop)
        {
            WriteBackstop(output, ruleSet, backstop, text);
        }

        output.WriteLine();
        if (result.Certificates.Count == 0)
        {
            output.WriteLine(text.ConsoleNoCertificate());
        }
        else
        {
            output.WriteLine(text.ConsoleCertificates());
            foreach (var (statement, certificates) in DistinctStatements(result.Certificates, sentences))
            {
                output.WriteLine(text.ConsoleCertificate(certificates[0].Kind, statement, text.Repeated(certificates, Shown)));
            }
        }

        output.WriteLine();
        if (outPath is not null)
        {
            output.WriteLine(text.ConsoleWritten(outPath));
        }

        output.WriteLine(text.ConsoleResult(result.IsComplete));
    }

    /// <summary>
    /// Helpers that take no part, a gap (人人都有包扶对象): how many, then one line per reason with its first helpers, for
    /// example <c>no group's `helpers` expression selects it: 2 (S1 张三, S2)</c>.
    /// </summary>
    private static void WriteUnselected(TextWriter output, IReadOnlyList<UnselectedHelper> unselected, ReportText text, ResultText sentences)
    {
        output.WriteLine(text.ConsoleUnselected(unselected.Count));
        foreach (var reason in unselected.GroupBy(sentences.Reason, StringComparer.Ordinal))
        {
            var helpers = reason.Select(u => u.Helper).ToList();
            output.WriteLine(text.ConsoleUnselectedReason(reason.Key, helpers.Count, text.Helpers(helpers, Shown)));
        }
    }

    /// <summary>
    /// Townships without a backstop helper and the load above quota that falls on other groups, for example
    /// <c>蔚汾镇: 1,011 households, paired with ordinary-staff 635, …</c>.
    /// </summary>
    private static void WriteBackstop(TextWriter output, RuleSet ruleSet, BackstopCoverage backstop, ReportText text)
    {
        output.WriteLine(text.ConsoleBackstop(text.BackstopGroups(backstop), backstop.Townships.Count));
        foreach (var t in backstop.Townships)
        {
            var paired = t.ByGroup.Count == 0 ? text.ConsoleNoOne() : text.GroupHouseholds(ruleSet, t.ByGroup);
            output.WriteLine(text.ConsoleBackstopTownship(t.Place, t.Households, paired, t.Uncovered));
        }

        output.WriteLine(text.ConsoleAboveQuota(backstop.AboveQuotaTotal, text.GroupHouseholds(ruleSet, backstop.AboveQuota)));
    }

    public static void WriteRuleSet(TextWriter output, string path, RuleSet ruleSet, ReportText text)
    {
        var sentences = text.Sentences(ruleSet);
        output.WriteLine(text.ValidateValid(path, ruleSet.Name, ruleSet.Groups.Count));
        if (ruleSet.Title is { } title)
        {
            output.WriteLine($"  {title}");
        }

        foreach (var g in ruleSet.Groups)
        {
            output.WriteLine(text.ValidateGroup(g, sentences.Scope(g.Scope)));
            output.WriteLine(text.ValidateHelpers(g.HelpersExpression));
            output.WriteLine(text.ValidateHouseholds(g.HouseholdsExpression));
        }
    }
}
