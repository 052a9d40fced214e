namespace PairingRules.Cli.Reports;

/// <summary>
/// Every text of the tool's reports that people read (console, Markdown, progress), in the language of <c>--lang</c>:
/// one method a message, each reading its template from <c>ReportText.resx</c> (English) or
/// <c>ReportText.zh-Hans.resx</c> (Chinese, the satellite assembly <c>zh-Hans/pairing-rules.resources.dll</c>) and
/// filling it with invariant numbers (<c>16,800</c>). The sentences of the result itself (reasons, remedies,
/// certificates) come from the library's <see cref="ResultText"/> in the same language.
/// </summary>
/// <remarks>Tests hold every key to a template in both languages and to a method that the tool calls.</remarks>
internal sealed class ReportText
{
    private const string BaseName = "PairingRules.Cli.Reports.ReportText";

    private static readonly Lazy<TextTable> EnglishTexts = new(() => TextTable.Load(BaseName, typeof(ReportText).Assembly, ReportLanguage.English));
    private static readonly Lazy<TextTable> ChineseTexts = new(() => TextTable.Load(BaseName, typeof(ReportText).Assembly, ReportLanguage.Chinese));

    private readonly TextTable _t;

    public ReportText(ReportLanguage language)
    {
        Language = language;
        _t = Texts(language);
    }

    public ReportLanguage Language { get; }

    /// <summary>Every text of a language by key (for the tests).</summary>
    internal static IReadOnlyDictionary<string, string> All(ReportLanguage language) => Texts(language).All;

    private static TextTable Texts(ReportLanguage language) => language == ReportLanguage.Chinese ? ChineseTexts.Value : EnglishTexts.Value;

    /// <summary>The sentences of results of <paramref name="ruleSet"/> in this language.</summary>
    public ResultText Sentences(RuleSet ruleSet) => new(ruleSet.Groups, Language);

    private static string N(long value) => TextTable.Number(value);

    private string Plural(long count, string key, params object?[] args) => _t.Format(count == 1 ? key + ".One" : key + ".Other", args);

    // The console report of solve and demo.
    public string ConsoleRuleSet(string name, int groups) => Plural(groups, "Console.RuleSet", name, N(groups));

    public string ConsoleHouseholds(long households, long covered, long uncovered) => _t.Format("Console.Households", N(households), N(covered), N(uncovered));

    public string ConsoleHelpers(long helpers, long idle, long unselected) => _t.Format("Console.Helpers", N(helpers), N(idle), N(unselected));

    public string ConsoleShortfall(long shortfall) => Plural(shortfall, "Console.Shortfall", N(shortfall));

    public string ConsolePairings(long kept, long changed, long @new) => _t.Format("Console.Pairings", N(kept), N(changed), N(@new));

    public string ConsoleKeeping(string cost) => _t.Format("Console.Keeping", cost);

    public string ConsoleTownshipGapsNone() => _t.Get("Console.TownshipGaps.None");

    public string ConsoleTownshipGaps() => _t.Get("Console.TownshipGaps");

    public string ConsoleTownshipGap(string paddedTownship, long uncovered, long households) =>
        _t.Format("Console.TownshipGap", paddedTownship, N(uncovered).PadLeft(7), N(households));

    public string ConsoleGroupGaps() => _t.Get("Console.GroupGaps");

    public string ConsoleGroupGap(GroupTotal group) =>
        _t.Format("Console.GroupGap", group.GroupId, group.Label, N(group.Shortfall), N(group.Required), N(group.IdleHelpers), N(group.Helpers));

    public string ConsoleIdle(int count, string helpers) => _t.Format("Console.Idle", N(count), helpers);

    public string ConsoleUnselected(int count) => _t.Format("Console.Unselected", N(count));

    public string ConsoleUnselectedReason(string reason, int count, string helpers) => _t.Format("Console.UnselectedReason", reason, N(count), helpers);

    public string ConsoleBackstop(string groups, int townships) => _t.Format("Console.Backstop", groups, N(townships));

    public string ConsoleBackstopTownship(Place township, long households, string pairedWith, long uncovered) => Plural(
        households, "Console.BackstopTownship", township.ToString(), N(households), pairedWith, uncovered > 0 ? _t.Format("Console.BackstopUncovered", N(uncovered)) : string.Empty);

    public string ConsoleNoOne() => _t.Get("Console.NoOne");

    public string ConsoleAboveQuota(long households, string groups) =>
        households == 0 ? _t.Get("Console.AboveQuota.None") : _t.Format("Console.AboveQuota", N(households), groups);

    public string ConsoleNoCertificate() => _t.Get("Console.NoCertificate");

    public string ConsoleCertificates() => _t.Get("Console.Certificates");

    public string ConsoleCertificate(CertificateKind kind, string statement, string repeated) => _t.Format("Console.Certificate", Kind(kind), statement, repeated);

    public string ConsoleWritten(string path) => _t.Format("Console.Written", Destination(path));

    public string ConsoleResult(bool complete) => _t.Get(complete ? "Console.Complete" : "Console.Gaps");

    // Shared words.
    public string KeepingFree(long kept) => _t.Format("Keeping.Free", N(kept));

    public string KeepingCost(long kept, IEnumerable<string> costs) => _t.Format("Keeping.Cost", N(kept), List(costs));

    public string KeepingUncovered(long more) => Plural(more, "Keeping.Uncovered", N(more));

    public string KeepingIdle(long more) => Plural(more, "Keeping.Idle", N(more));

    public string KeepingShortfall(long more) => Plural(more, "Keeping.Shortfall", N(more));

    private string List(IEnumerable<string> items) => string.Join(_t.Get("List.Separator"), items);

    /// <summary>The first <paramref name="shown"/> helpers by id and name, then how many more.</summary>
    public string Helpers(IReadOnlyList<Helper> helpers, int shown)
    {
        var first = List(helpers.Take(shown).Select(Named));
        return helpers.Count > shown ? _t.Format("List.More", first, N(helpers.Count - shown)) : first;
    }

    /// <summary>A helper by id and name (<c>TC2 王五</c>), or by id when its name is its id.</summary>
    private string Named(Helper helper) => helper.Name == helper.Id ? _t.Format("Helper.Id", helper.Id) : _t.Format("Helper.Named", helper.Id, helper.Name);

    public string BackstopGroups(BackstopCoverage backstop) => List(backstop.Groups.Select(g => _t.Format("Group.Backstop", g.Id, g.Label)));

    /// <summary>Households per group: <c>ordinary-staff 635, county-leaders 19</c>; <c>一般干部（ordinary-staff）635户、…</c>.</summary>
    public string GroupHouseholds(RuleSet ruleSet, IEnumerable<GroupHouseholds> groups) =>
        List(groups.Select(g => _t.Format("Group.Households", g.GroupId, ruleSet.FindGroup(g.GroupId)?.Label ?? g.GroupId, N(g.Households))));

    public string GroupCell(RuleSet ruleSet, string groupId) => _t.Format("Group.Cell", groupId, ruleSet.FindGroup(groupId)?.Label ?? groupId);

    private string Kind(CertificateKind kind) => _t.Get(kind == CertificateKind.Coverage ? "Certificate.Kind.Coverage" : "Certificate.Kind.Quota");

    /// <summary>
    /// What follows a statement that several certificates share: how many, and the villages of their households (at most
    /// <paramref name="shown"/>); nothing for a statement of one certificate.
    /// </summary>
    public string Repeated(IReadOnlyList<Certificate> certificates, int shown)
    {
        if (certificates.Count == 1)
        {
            return string.Empty;
        }

        var villages = certificates.SelectMany(c => c.Villages).Distinct().Order().Select(v => v.ToString()).ToList();
        if (villages.Count == 0)
        {
            return _t.Format("Certificate.RepeatedNowhere", N(certificates.Count));
        }

        var first = List(villages.Take(shown));
        return _t.Format("Certificate.Repeated", N(certificates.Count), villages.Count > shown ? _t.Format("Certificate.Villages.More", first, N(villages.Count - shown)) : first);
    }

    // validate
    public string ValidateValid(string path, string name, int groups) => Plural(groups, "Validate.Valid", path, name, N(groups));

    public string ValidateGroup(RuleGroup group, string scope)
    {
        var quota = group.Max is { } max
            ? (max == group.Min ? _t.Format("Validate.Quota.Exactly", N(group.Min)) : _t.Format("Validate.Quota.Range", N(group.Min), N(max)))
            : _t.Format("Validate.Quota.AtLeast", N(group.Min));
        return _t.Format("Validate.Group", N(group.Index + 1).PadLeft(2), group.Id, group.Label, scope, quota, group.IsBackstop ? _t.Get("Validate.Backstop") : string.Empty);
    }

    public string ValidateHelpers(string expression) => _t.Format("Validate.Helpers", expression);

    public string ValidateHouseholds(string expression) => _t.Format("Validate.HouseholdsFilter", expression);

    // generate
    public string GenerateWrote(long households, string householdsPath, long helpers, string helpersPath, string preset, int seed, int counties) => _t.Format(
        "Generate.Wrote", N(households), householdsPath, N(helpers), helpersPath, preset, seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        counties > 1 ? _t.Format("Generate.Counties", N(counties)) : string.Empty);

    // Progress, on stderr when it is a terminal.
    public string ProgressReading(string path) => _t.Format("Progress.Reading", path);

    public string ProgressReadingRoster(string households, string helpers) => _t.Format("Progress.ReadingRoster", households, helpers);

    public string ProgressAuditing(long households, long helpers) => _t.Format("Progress.Auditing", N(households), N(helpers));

    public string ProgressSolving(long households, long helpers) => _t.Format("Progress.Solving", N(households), N(helpers));

    public string ProgressSolved(TimeSpan elapsed) => _t.Format("Progress.Solved", elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));

    public string ProgressGenerating(long households) => _t.Format("Progress.Generating", N(households));

    public string ProgressGeneratingDemo(long households) => _t.Format("Progress.GeneratingDemo", N(households));

    // check, console
    public string CheckChecks(int checks, string auditName) => _t.Format("Check.Checks", N(checks), auditName);

    public string CheckBuiltIn(string auditName) => _t.Format("Check.BuiltIn", auditName);

    public string CheckAudited(long households, long helpers) => _t.Format("Check.Audited", N(households), N(helpers));

    public string CheckFindings(long findings) => _t.Format("Check.Findings", N(findings));

    public string CheckPerCheck() => _t.Get("Check.PerCheck");

    public string CheckList() => _t.Get("Check.List");

    public string CheckMore(long more, string? outPath) => outPath is null ? _t.Format("Check.MoreToWrite", N(more)) : _t.Format("Check.MoreWritten", N(more), outPath);

    public string CheckWritten(string path) => _t.Format("Check.Written", Destination(path));

    public string CheckResult(long findings) => findings == 0 ? _t.Get("Check.Clean") : Plural(findings, "Check.Result", N(findings));

    // check, Markdown
    public string CheckReportTitle(string title) => _t.Format("CheckReport.Title", title);

    public string CheckReportOutcome(long findings) => findings == 0 ? _t.Get("CheckReport.Clean") : Plural(findings, "CheckReport.Findings", N(findings));

    public string CheckReportSummary() => _t.Get("CheckReport.Summary");

    public string CheckReportRuleSet(string name) => _t.Format("CheckReport.RuleSet", name);

    public string CheckReportChecks(string auditName) => _t.Format("CheckReport.Checks", auditName);

    public string CheckReportHouseholds(long households) => _t.Format("CheckReport.Households", N(households));

    public string CheckReportHelpers(long helpers) => _t.Format("CheckReport.Helpers", N(helpers));

    public string CheckReportFindingCount(long findings) => _t.Format("CheckReport.FindingCount", N(findings));

    public string CheckReportChecksHeading() => _t.Get("CheckReport.ChecksHeading");

    public string CheckReportChecksHeader() => _t.Get("CheckReport.ChecksHeader");

    public string CheckReportFindingsHeading(bool households) => _t.Get(households ? "CheckReport.HouseholdFindings" : "CheckReport.HelperFindings");

    public string CheckReportFindingsHeader(bool households) => _t.Get(households ? "CheckReport.HouseholdHeader" : "CheckReport.HelperHeader");

    // solve, Markdown
    public string ReportTitle(string title) => _t.Format("Report.Title", title);

    public string ReportOutcome(bool complete, bool unselected) => _t.Get(complete ? "Report.Complete" : unselected ? "Report.GapsWithUnselected" : "Report.Gaps");

    public string ReportSummary() => _t.Get("Report.Summary");

    public string ReportHouseholds(long households) => _t.Format("Report.Households", N(households));

    public string ReportCovered(long covered) => _t.Format("Report.Covered", N(covered));

    public string ReportUncovered(long uncovered) => _t.Format("Report.Uncovered", N(uncovered));

    public string ReportHelpers(long helpers) => _t.Format("Report.Helpers", N(helpers));

    public string ReportIdle(long idle) => _t.Format("Report.Idle", N(idle));

    public string ReportUnselected(long unselected) => _t.Format("Report.Unselected", N(unselected));

    public string ReportShortfall(long shortfall) => _t.Format("Report.Shortfall", N(shortfall));

    public string ReportPairings(long kept, long changed, long @new) => _t.Format("Report.Pairings", N(kept), N(changed), N(@new));

    public string ReportKeeping(string cost) => _t.Format("Report.Keeping", cost);

    public string ReportWarnings() => _t.Get("Report.Warnings");

    public string ReportWarningsIntro() => _t.Get("Report.WarningsIntro");

    public string ReportGroups() => _t.Get("Report.Groups");

    public string ReportGroupsHeader() => _t.Get("Report.GroupsHeader");

    public string ReportTownships() => _t.Get("Report.Townships");

    public string ReportTownshipsHeader() => _t.Get("Report.TownshipsHeader");

    public string ReportUncoveredHeading() => _t.Get("Report.Uncovered.Heading");

    public string ReportUncoveredHeader(bool withHead) => _t.Get(withHead ? "Report.Uncovered.HeaderWithHead" : "Report.Uncovered.Header");

    public string ReportBackstopHeading() => _t.Get("Report.Backstop.Heading");

    public string ReportBackstopIntro(string groups) => _t.Format("Report.Backstop.Intro", groups);

    public string ReportBackstopHeader() => _t.Get("Report.Backstop.Header");

    public string ReportAboveQuota(long households, string groups) =>
        households == 0 ? _t.Get("Report.AboveQuota.None") : _t.Format("Report.AboveQuota", N(households), groups);

    public string ReportBelowHeading() => _t.Get("Report.Below.Heading");

    public string ReportBelowHeader() => _t.Get("Report.Below.Header");

    public string ReportIdleHeading() => _t.Get("Report.Idle.Heading");

    public string ReportIdleHeader() => _t.Get("Report.Idle.Header");

    public string ReportUnselectedHeading() => _t.Get("Report.Unselected.Heading");

    public string ReportUnselectedHeader() => _t.Get("Report.Unselected.Header");

    public string ReportCertificates() => _t.Get("Report.Certificates");

    public string ReportNoCertificate() => _t.Get("Report.NoCertificate");

    public string ReportCertificate(CertificateKind kind, string statement, string repeated) => _t.Format("Report.Certificate", Kind(kind), statement, repeated);

    public string ReportVillages() => _t.Get("Report.Villages");

    public string ReportVillagesHeader() => _t.Get("Report.VillagesHeader");

    public string ReportCounty() => _t.Get("Report.County");

    // solve, HTML: the charts (the rest of the HTML report reads the Markdown report's texts)
    public string HtmlCharts() => _t.Get("Html.Charts");

    public string HtmlCoverageTitle() => _t.Get("Html.Coverage.Title");

    public string HtmlCovered() => _t.Get("Html.Covered");

    public string HtmlUncovered() => _t.Get("Html.Uncovered");

    public string HtmlLoadsTitle() => _t.Get("Html.Loads.Title");

    public string HtmlLoadsAverage() => _t.Get("Html.Loads.Average");

    public string HtmlLoadsRange() => _t.Get("Html.Loads.Range");

    public string HtmlLoadsQuota() => _t.Get("Html.Loads.Quota");

    public string HtmlLoadsRow(int helpers, string average, long fewest, long most, string quota) => _t.Format("Html.Loads.Row", N(helpers), average, N(fewest), N(most), quota);

    public string HtmlGapsTitle() => _t.Get("Html.Gaps.Title");

    public string HtmlGapsUncovered() => _t.Get("Html.Gaps.Uncovered");

    public string HtmlGapsShortfall() => _t.Get("Html.Gaps.Shortfall");

    public string HtmlGapsNone() => _t.Get("Html.Gaps.None");

    public string HtmlCountyLevel() => _t.Get("Html.CountyLevel");

    public string HtmlChartShown(int shown, int rows) => _t.Format("Html.ChartShown", N(shown), N(rows));

    private string Destination(string path) => path == OutputTarget.StandardOutput ? _t.Get("Output.StandardOutput") : path;

    // The Excel workbook of solve --out result.xlsx (ExcelReport).
    public string XlsxSheetSummary() => _t.Get("Xlsx.Sheet.Summary");

    public string XlsxSheetLedger() => _t.Get("Xlsx.Sheet.Ledger");

    public string XlsxSheetHelpers() => _t.Get("Xlsx.Sheet.Helpers");

    public string XlsxSheetGaps() => _t.Get("Xlsx.Sheet.Gaps");

    public string XlsxSheetTownships() => _t.Get("Xlsx.Sheet.Townships");

    public string XlsxSheetVillages() => _t.Get("Xlsx.Sheet.Villages");

    public string XlsxSheetCertificates() => _t.Get("Xlsx.Sheet.Certificates");

    public string[] XlsxLedgerHeader() => _t.Get("Xlsx.Ledger.Header").Split('|');

    public string[] XlsxHelpersHeader() => _t.Get("Xlsx.Helpers.Header").Split('|');

    public string XlsxHead() => _t.Get("Xlsx.Head");

    public string XlsxYesNo(bool yes) => _t.Get(yes ? "Xlsx.Yes" : "Xlsx.No");

    public string XlsxStatus(PairingStatus? status) => _t.Get(status switch
    {
        PairingStatus.Kept => "Xlsx.Status.Kept",
        PairingStatus.Changed => "Xlsx.Status.Changed",
        PairingStatus.New => "Xlsx.Status.New",
        _ => "Xlsx.Status.Uncovered",
    });
}
