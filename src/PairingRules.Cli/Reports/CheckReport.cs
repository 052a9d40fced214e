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
    public static void WriteConsole(TextWriter output, RuleSet ruleSet, string auditName, AuditWorkflow audit, AuditReport report, string? outPath, ReportText text)
    {
        output.WriteLine(text.ConsoleRuleSet(ruleSet.Name, ruleSet.Groups.Count));
        output.WriteLine(text.CheckChecks(audit.CheckNames.Count, auditName));
        output.WriteLine(text.CheckAudited(report.Households, report.Helpers));
        output.WriteLine(text.CheckFindings(report.Findings.Count));
        output.WriteLine();

        var counts = report.CountsByCheck;
        output.WriteLine(text.CheckPerCheck());
        var checkWidth = counts.Max(c => c.Check.Length);
        var countWidth = counts.Max(c => c.Count.ToString("N0", Invariant).Length);
        foreach (var c in counts)
        {
            output.WriteLine(F($"  {c.Check.PadRight(checkWidth)}  {c.Count.ToString("N0", Invariant).PadLeft(countWidth)}"));
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(text.CheckList());
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
                output.WriteLine(text.CheckMore(more, outPath));
            }
        }

        output.WriteLine();
        if (outPath is not null)
        {
            output.WriteLine(text.CheckWritten(outPath));
        }

        output.WriteLine(text.CheckResult(report.Findings.Count));
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
    public static void WriteMarkdown(RuleSet ruleSet, string auditName, AuditReport report, TextWriter w, ReportText text)
    {
        w.NewLine = "\n";
        w.WriteLine(text.CheckReportTitle(Cell(ruleSet.Title ?? ruleSet.Name)));
        w.WriteLine();
        w.WriteLine(text.CheckReportOutcome(report.Findings.Count));
        w.WriteLine();
        w.WriteLine(text.CheckReportSummary());
        w.WriteLine();
        w.WriteLine("| | |");
        w.WriteLine("|---|---:|");
        w.WriteLine(text.CheckReportRuleSet(Cell(ruleSet.Name)));
        w.WriteLine(text.CheckReportChecks(Cell(auditName)));
        w.WriteLine(text.CheckReportHouseholds(report.Households));
        w.WriteLine(text.CheckReportHelpers(report.Helpers));
        w.WriteLine(text.CheckReportFindingCount(report.Findings.Count));
        w.WriteLine();
        w.WriteLine(text.CheckReportChecksHeading());
        w.WriteLine();
        WriteTable(w, text.CheckReportChecksHeader(), "|---|---:|", report.CountsByCheck, c => F($"| {Cell(c.Check)} | {c.Count:N0} |"));

        foreach (var subject in new[] { AuditSubject.Household, AuditSubject.Helper })
        {
            var findings = report.Findings.Where(f => f.Subject == subject).ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            w.WriteLine();
            w.WriteLine(text.CheckReportFindingsHeading(subject == AuditSubject.Household));
            w.WriteLine();
            WriteTable(w, text.CheckReportFindingsHeader(subject == AuditSubject.Household), "|---|---|---|", findings, f => $"| {Cell(f.Id)} | {Cell(f.Check)} | {Cell(f.Message)} |");
        }
    }

    private static string SubjectName(AuditSubject subject) => subject == AuditSubject.Household ? "household" : "helper";
}
