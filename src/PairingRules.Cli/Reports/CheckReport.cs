using System.Globalization;
using CsvHelper;
using PairingRules.Audit;
using static PairingRules.Cli.Reports.ReportFormat;

namespace PairingRules.Cli.Reports;

/// <summary>
/// The outputs of <c>check</c>. Every one lists the checks in the audit file's order (household checks, then helper
/// checks) and the findings in the report's order (household findings in roster order, then helper findings in roster
/// order), so the same inputs always give the same bytes.
/// </summary>
internal static class CheckReport
{
    /// <summary>Findings printed on the console; the rest are counted and left to <c>--out</c>.</summary>
    public const int ConsoleLimit = 50;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The short report on stdout: counts, counts per check, then the findings (at most <see cref="ConsoleLimit"/>).</summary>
    public static void WriteConsole(TextWriter output, RuleSet ruleSet, string auditName, AuditWorkflow audit, AuditReport report, string? outPath)
    {
        output.WriteLine(F($"Rule set   {ruleSet.Name} ({ruleSet.Groups.Count} groups)"));
        output.WriteLine(F($"Checks     {audit.CheckNames.Count} from {auditName}"));
        output.WriteLine(F($"Audited    {report.Households:N0} households, {report.Helpers:N0} helpers"));
        output.WriteLine(F($"Findings   {report.Findings.Count:N0}"));
        output.WriteLine();

        var counts = report.CountsByCheck;
        output.WriteLine("Findings per check:");
        var checkWidth = counts.Max(c => c.Check.Length);
        var countWidth = counts.Max(c => c.Count.ToString("N0", Invariant).Length);
        foreach (var c in counts)
        {
            output.WriteLine(F($"  {c.Check.PadRight(checkWidth)}  {c.Count.ToString("N0", Invariant).PadLeft(countWidth)}"));
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Findings:");
            var shown = report.Findings.Take(ConsoleLimit).ToList();
            var shownCheckWidth = shown.Max(f => f.Check.Length);
            var idWidth = shown.Max(f => f.Id.Length);
            foreach (var f in shown)
            {
                output.WriteLine($"  {f.Check.PadRight(shownCheckWidth)}  {f.Id.PadRight(idWidth)}  {f.Message}");
            }

            var more = report.Findings.Count - shown.Count;
            if (more > 0)
            {
                output.WriteLine(outPath is null
                    ? F($"  … and {more:N0} more; write them all with --out FILE")
                    : F($"  … and {more:N0} more, all in {outPath}"));
            }
        }

        output.WriteLine();
        if (outPath is not null)
        {
            output.WriteLine($"Full report written to {(outPath == OutputTarget.StandardOutput ? "standard output" : outPath)}");
        }

        output.WriteLine(report.IsClean
            ? "Result: no finding (exit code 0)."
            : F($"Result: {report.Findings.Count:N0} finding{(report.Findings.Count == 1 ? string.Empty : "s")} (exit code 1)."));
    }

    /// <summary>
    /// <c>{"summary": {households, helpers, findings, byCheck: {check: count}}, "findings": [{check, subject, id, message}]}</c>,
    /// <c>byCheck</c> with every check of the audit file in its order, zeros included.
    /// </summary>
    public static void WriteJson(AuditReport report, Stream stream)
    {
        using var json = ReportFormat.CreateJsonWriter(stream);
        json.WriteStartObject();
        json.WriteStartObject("summary");
        json.WriteNumber("households", report.Households);
        json.WriteNumber("helpers", report.Helpers);
        json.WriteNumber("findings", report.Findings.Count);
        json.WriteStartObject("byCheck");
        foreach (var c in report.CountsByCheck)
        {
            json.WriteNumber(c.Check, c.Count);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteObjects("findings", report.Findings, (json, f) =>
        {
            json.WriteString("check", f.Check);
            json.WriteString("subject", SubjectName(f.Subject));
            json.WriteString("id", f.Id);
            json.WriteString("message", f.Message);
        });
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The header <c>check,subject,id,message</c>, then one line a finding.</summary>
    public static void WriteCsv(AuditReport report, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", FormatProvider = Invariant }, leaveOpen: true);
        csv.WriteRecord(["check", "subject", "id", "message"]);
        foreach (var f in report.Findings)
        {
            csv.WriteRecord([f.Check, SubjectName(f.Subject), f.Id, f.Message]);
        }

        csv.Flush();
    }

    /// <summary>The audit report a county office would print: summary, checks, household findings, helper findings.</summary>
    public static void WriteMarkdown(RuleSet ruleSet, string auditName, AuditReport report, TextWriter w)
    {
        w.NewLine = "\n";
        w.WriteLine($"# Audit report: {Cell(ruleSet.Title ?? ruleSet.Name)}");
        w.WriteLine();
        w.WriteLine(report.IsClean
            ? "No finding: every household has a responsible person the rules allow, and every helper has households and meets the quota."
            : F($"**{report.Findings.Count:N0} finding{(report.Findings.Count == 1 ? string.Empty : "s")}**: see the tables below."));
        w.WriteLine();
        w.WriteLine("## Summary");
        w.WriteLine();
        w.WriteLine("| | |");
        w.WriteLine("|---|---:|");
        w.WriteLine(F($"| Rule set | {Cell(ruleSet.Name)} |"));
        w.WriteLine(F($"| Checks | {Cell(auditName)} |"));
        w.WriteLine(F($"| Households audited | {report.Households:N0} |"));
        w.WriteLine(F($"| Helpers audited | {report.Helpers:N0} |"));
        w.WriteLine(F($"| Findings | {report.Findings.Count:N0} |"));
        w.WriteLine();
        w.WriteLine("## Checks");
        w.WriteLine();
        WriteTable(w, "| Check | Findings |", "|---|---:|", report.CountsByCheck, c => F($"| {Cell(c.Check)} | {c.Count:N0} |"));

        foreach (var (subject, title, column) in new[] { (AuditSubject.Household, "Households", "Household"), (AuditSubject.Helper, "Helpers", "Helper") })
        {
            var findings = report.Findings.Where(f => f.Subject == subject).ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            w.WriteLine();
            w.WriteLine($"## Findings: {title.ToLowerInvariant()}");
            w.WriteLine();
            WriteTable(w, $"| {column} | Check | Finding |", "|---|---|---|", findings, f => $"| {Cell(f.Id)} | {Cell(f.Check)} | {Cell(f.Message)} |");
        }
    }

    private static string SubjectName(AuditSubject subject) => subject == AuditSubject.Household ? "household" : "helper";
}
