using System.Text.Encodings.Web;
using System.Text.Json;

namespace PairingRules.Cli;

/// <summary>
/// The JSON result of <c>solve --format json</c>:
/// <c>{ "summary": {households, covered, uncovered, helpers, idleHelpers, totalShortfall, kept},
/// "pairings": [{household, helper, group}], "gaps": {uncovered: [{household, township, village, reason, remedy}],
/// shortfalls: [{helper, group, required, assigned, shortfall}], idle: [{helper, group}], unselected: [{helper, reason}]} }</c>,
/// properties in that order, lists in roster order.
/// </summary>
internal static class ResultJson
{
    public static void Write(PairingResult result, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteStartObject("summary");
        var s = result.Summary;
        json.WriteNumber("households", s.Households);
        json.WriteNumber("covered", s.Covered);
        json.WriteNumber("uncovered", s.Uncovered);
        json.WriteNumber("helpers", s.Helpers);
        json.WriteNumber("idleHelpers", s.IdleHelpers);
        json.WriteNumber("totalShortfall", s.TotalShortfall);
        json.WriteNumber("kept", s.Kept);
        json.WriteEndObject();

        json.WriteStartArray("pairings");
        foreach (var p in result.Pairings)
        {
            json.WriteStartObject();
            json.WriteString("household", p.HouseholdId);
            json.WriteString("helper", p.HelperId);
            json.WriteString("group", p.GroupId);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("gaps");
        json.WriteStartArray("uncovered");
        foreach (var u in result.Uncovered)
        {
            json.WriteStartObject();
            json.WriteString("household", u.HouseholdId);
            json.WriteString("township", u.Township);
            json.WriteString("village", u.Village);
            json.WriteString("reason", Names.Of(u.Reason));
            json.WriteString("remedy", u.Remedy);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("shortfalls");
        foreach (var h in result.Helpers.Where(h => h.Shortfall > 0))
        {
            json.WriteStartObject();
            json.WriteString("helper", h.HelperId);
            json.WriteString("group", h.GroupId);
            json.WriteNumber("required", h.Required);
            json.WriteNumber("assigned", h.Assigned);
            json.WriteNumber("shortfall", h.Shortfall);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("idle");
        foreach (var h in result.Helpers.Where(h => h.IsIdle))
        {
            json.WriteStartObject();
            json.WriteString("helper", h.HelperId);
            json.WriteString("group", h.GroupId);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unselected");
        foreach (var u in result.Unselected)
        {
            json.WriteStartObject();
            json.WriteString("helper", u.HelperId);
            json.WriteString("reason", u.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
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
