namespace PairingRules.Cli.Reports;

/// <summary>
/// The JSON result of <c>solve --format json</c>, described by <c>rules/schema/pairing-result.schema.json</c>:
/// <c>{ "summary": {ruleSet, tool, complete, households, covered, uncovered, helpers, idleHelpers, unselectedHelpers,
/// totalShortfall, kept}, "warnings": [{file, line, column, path, message}],
/// "pairings": [{household, helper, group}], "gaps": {uncovered: [{household, county, township, village, reason, remedy}],
/// shortfalls: [{helper, group, required, assigned, shortfall}], idle: [{helper, group}], unselected: [{helper, reason}]} }</c>,
/// properties in that order, lists in roster order; <c>county</c> only when the roster names counties, and a warning's
/// <c>file</c>, <c>line</c>, <c>column</c> and <c>path</c> only when it has them.
/// </summary>
internal static class ResultJson
{
    public static void Write(RuleSet ruleSet, PairingResult result, Stream stream)
    {
        using var json = ReportFormat.CreateJsonWriter(stream);
        json.WriteStartObject();
        json.WriteStartObject("summary");
        var s = result.Summary;
        json.WriteString("ruleSet", ruleSet.Name);
        json.WriteString("tool", ToolVersion.Text);
        json.WriteBoolean("complete", result.IsComplete);
        json.WriteNumber("households", s.Households);
        json.WriteNumber("covered", s.Covered);
        json.WriteNumber("uncovered", s.Uncovered);
        json.WriteNumber("helpers", s.Helpers);
        json.WriteNumber("idleHelpers", s.IdleHelpers);
        json.WriteNumber("unselectedHelpers", s.UnselectedHelpers);
        json.WriteNumber("totalShortfall", s.TotalShortfall);
        json.WriteNumber("kept", s.Kept);
        json.WriteEndObject();

        json.WriteObjects("warnings", result.Warnings, (json, w) =>
        {
            if (w.File is { } file)
            {
                json.WriteString("file", file);
            }

            if (w.Line is { } line)
            {
                json.WriteNumber("line", line);
            }

            if (w.Column is { } column)
            {
                json.WriteNumber("column", column);
            }

            if (w.Path is { } path)
            {
                json.WriteString("path", path);
            }

            json.WriteString("message", w.Message);
        });

        json.WriteObjects("pairings", result.Pairings, (json, p) =>
        {
            json.WriteString("household", p.HouseholdId);
            json.WriteString("helper", p.HelperId);
            json.WriteString("group", p.GroupId);
        });

        json.WriteStartObject("gaps");
        var counties = ReportFormat.NamesCounties(result);
        json.WriteObjects("uncovered", result.Uncovered, (json, u) =>
        {
            json.WriteString("household", u.HouseholdId);
            if (counties)
            {
                json.WriteString("county", u.Place.County);
            }

            json.WriteString("township", u.Place.Township);
            json.WriteString("village", u.Place.Village);
            json.WriteString("reason", Names.Of(u.Reason));
            json.WriteString("remedy", u.Remedy);
        });
        json.WriteObjects("shortfalls", result.Helpers.Where(h => h.Shortfall > 0), (json, h) =>
        {
            json.WriteString("helper", h.HelperId);
            json.WriteString("group", h.GroupId);
            json.WriteNumber("required", h.Required);
            json.WriteNumber("assigned", h.Assigned);
            json.WriteNumber("shortfall", h.Shortfall);
        });
        json.WriteObjects("idle", result.Helpers.Where(h => h.IsIdle), (json, h) =>
        {
            json.WriteString("helper", h.HelperId);
            json.WriteString("group", h.GroupId);
        });
        json.WriteObjects("unselected", result.Unselected, (json, u) =>
        {
            json.WriteString("helper", u.HelperId);
            json.WriteString("reason", ReportFormat.Reason(ruleSet, u));
        });
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }
}

/// <summary>Stable, kebab-case names of result enums for files and reports.</summary>
internal static class Names
{
    public static string Of(UncoveredReason reason) => reason switch
    {
        UncoveredReason.NoGroupAccepts => "no-group-accepts",
        UncoveredReason.NoHelperInScope => "no-helper-in-scope",
        UncoveredReason.NoBackstopInTownship => "no-backstop-in-township",
        UncoveredReason.AllHelpersFull => "all-helpers-full",
        _ => reason.ToString(),
    };

    public static string Of(CertificateKind kind) => kind == CertificateKind.Coverage ? "coverage" : "quota";
}
