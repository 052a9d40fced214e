using Newtonsoft.Json;

namespace PairingRules.Tests.Solving;

/// <summary>Small hand-made counties for worked examples.</summary>
internal static class County
{
    public static RuleSet Rules(params object[] groups) =>
        RuleSet.Parse(JsonConvert.SerializeObject(new { name = "test-county", groups }), "test-county.json");

    public static object Group(string id, string category, string scope, int min = 0, int? max = null, bool backstop = false, string households = "true") =>
        max is null
            ? new { id, helpers = $"helper.Category == \"{category}\"", households, scope, min, backstop }
            : new { id, helpers = $"helper.Category == \"{category}\"", households, scope, min, max, backstop };

    public static Household H(string id, string township = "A", string village = "A1", bool poor = true, bool deep = false, string? helper = null) =>
        new(id, township, village, poor, deep, currentHelper: helper);

    public static IEnumerable<Household> Hs(string prefix, int count, string township = "A", string village = "A1", bool poor = true, bool deep = false) =>
        Enumerable.Range(1, count).Select(i => H($"{prefix}{i}", township, village, poor, deep));

    public static Helper P(string id, string category, string? township = null, string? village = null, int? tier = null, bool? poor = null) =>
        new(id, category, tier: tier, township: township, village: village, poorVillage: poor);

    public static Dictionary<string, int> Loads(this PairingResult result) =>
        result.Helpers.ToDictionary(h => h.HelperId, h => h.Assigned);

    public static Dictionary<string, string> HelperOf(this PairingResult result) =>
        result.Pairings.ToDictionary(p => p.HouseholdId, p => p.HelperId);
}
