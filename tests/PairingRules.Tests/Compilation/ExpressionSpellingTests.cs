using FluentAssertions;
using Newtonsoft.Json;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>
/// What System.Linq.Dynamic.Core accepts besides the documented forms, pinned so that docs/rule-format.md stays true:
/// <c>=</c> means <c>==</c>, <c>&lt;&gt;</c> means <c>!=</c>, <c>and</c>/<c>or</c>/<c>not</c> and <c>NOT</c> mean
/// <c>&amp;&amp;</c>/<c>||</c>/<c>!</c>, <c>IN</c> means <c>in</c>, and a character in single quotes is one character
/// (<c>Contains('县')</c> is <c>Contains("县")</c>). Each pair selects the same helpers. The forms the parser refuses
/// get a fix-it hint (TestData/rules/invalid/semantic).
/// </summary>
public sealed class ExpressionSpellingTests
{
    private static readonly Helper[] Helpers =
    [
        new("L1", "county-leader"),
        new("E1", "enterprise", tier: 1, unit: "县一厂"),
        new("E2", "enterprise", tier: 2, unit: "乡二厂"),
        new("V1", "village-committee", village: "东村", poorVillage: true),
        new("V2", "village-committee", village: "西村", poorVillage: false),
        new("T1", "township-cadre", township: "东乡", unit: "东乡政府"),
    ];

    [Theory]
    [InlineData("helper.Category = \"enterprise\"", "helper.Category == \"enterprise\"")]
    [InlineData("helper.Category <> \"enterprise\"", "helper.Category != \"enterprise\"")]
    [InlineData("helper.Category == \"enterprise\" and helper.Tier == 1", "helper.Category == \"enterprise\" && helper.Tier == 1")]
    [InlineData("helper.Tier == 1 or helper.PoorVillage", "helper.Tier == 1 || helper.PoorVillage")]
    [InlineData("not helper.PoorVillage", "!helper.PoorVillage")]
    [InlineData("NOT helper.PoorVillage", "!helper.PoorVillage")]
    [InlineData("helper.Category IN (\"enterprise\", \"county-leader\")", "helper.Category in (\"enterprise\", \"county-leader\")")]
    [InlineData("helper.Unit != null && helper.Unit.Contains('县')", "helper.Unit != null && helper.Unit.Contains(\"县\")")]
    [InlineData("helper.Unit != null && helper.Unit.StartsWith('乡')", "helper.Unit != null && helper.Unit.StartsWith(\"乡\")")]
    [InlineData("helper.Category == \"village-committee\"\u3000&&\u3000helper.PoorVillage", "helper.Category == \"village-committee\" && helper.PoorVillage")]
    public void Load_AcceptedSpelling_SelectsTheSameHelpersAsTheDocumentedForm(string accepted, string documented)
    {
        var selected = Selected(accepted);

        selected.Should().Equal(Selected(documented));
        selected.Should().NotBeEmpty("each pair must select someone, or it would pass on nothing");
    }

    private static string[] Selected(string expression)
    {
        var json = JsonConvert.SerializeObject(new { name = "spelling", groups = new[] { new { id = "g", helpers = expression, scope = "county" } } });
        var rules = RuleSet.Parse(json, "spelling.json");
        return Helpers.Where(h => rules.GroupOf(h) is not null).Select(h => h.Id).ToArray();
    }
}
