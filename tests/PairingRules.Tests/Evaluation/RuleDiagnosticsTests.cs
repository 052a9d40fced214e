using FluentAssertions;
using PairingRules.Audit;
using PairingRules.Synthetic;
using PairingRules.Tests.Compilation;
using Xunit;

namespace PairingRules.Tests.Evaluation;

/// <summary>
/// The warnings of a solve or check: likely mistakes in how the rules meet the roster that are not errors, each located
/// at the expression in the rule file (or at the roster's helpers), with what the roster does have.
/// </summary>
public sealed class RuleDiagnosticsTests
{
    private static readonly Dictionary<string, string> Monitored = new() { ["是否监测户"] = "是", ["致贫原因"] = "因病" };

    /// <summary>A rule file with one group a line, so that the line of group i is i + 3.</summary>
    private static RuleSet Rules(params string[] groups) => RuleSet.Parse(
        "{\n  \"name\": \"other-county\",\n  \"groups\": [\n    " + string.Join(",\n    ", groups) + "\n  ]\n}\n", "other-county.json");

    private static string Group(string id, string helpers, string? households = null, string scope = "county") =>
        $"{{ \"id\": \"{id}\", \"helpers\": \"{Escape(helpers)}\", {(households is null ? string.Empty : $"\"households\": \"{Escape(households)}\", ")}\"scope\": \"{scope}\" }}";

    private static string Escape(string expression) => expression.Replace("\"", "\\\"", StringComparison.Ordinal);

    private static Household H(string id, string township = "蔚汾镇", IReadOnlyDictionary<string, string>? attributes = null) =>
        new(id, township, township + "一村", poorVillage: true, deepPoverty: false, attributes: attributes);

    private static Roster Roster(IEnumerable<Helper> helpers, params Household[] households) =>
        new(households.Length == 0 ? [H("H1")] : households, helpers);

    private static IReadOnlyList<string> Warnings(RuleSet rules, Roster roster)
    {
        var result = rules.Solve(roster);
        result.Warnings.Should().NotContain(w => w.Severity != ProblemSeverity.Warning);
        return result.Warnings.Select(w => w.ToString()).ToArray();
    }

    [Fact]
    public void Solve_AttributeNoHouseholdHas_WarnsAtTheExpressionWithTheClosestColumn()
    {
        var rules = Rules(Group("township-cadres", "helper.Category == \"township-cadre\"", "household.Attribute(\"监测户\") == \"是\""));
        var roster = Roster([new Helper("T1", "township-cadre")], H("H1", attributes: Monitored));

        var warning = rules.Solve(roster).Warnings.Should().ContainSingle().Which;

        warning.ToString().Should().Be(
            "other-county.json:4:136: warning: groups[0].households: group `township-cadres`: no household of the roster has the attribute `监测户`, " +
            "did you mean `是否监测户`? (attributes of the roster's households: 是否监测户, 致贫原因); `household.Attribute(\"监测户\")` is \"\" for every household (at character 21)");
        (warning.File, warning.Line, warning.Column, warning.Path, warning.Severity).Should().Be(("other-county.json", 4, 136, "groups[0].households", ProblemSeverity.Warning));
    }

    [Fact]
    public void Solve_HelperAttributeWhenHelpersHaveNone_SaysSoAndWhatHasAttributeGives()
    {
        var rules = Rules(Group("cadres", "helper.HasAttribute(\"职级\") && helper.Category == \"cadre\""));

        Warnings(rules, Roster([new Helper("C1", "cadre")])).Should().Equal(
            "other-county.json:4:94: warning: groups[0].helpers: group `cadres`: no helper of the roster has the attribute `职级` " +
            "(the roster's helpers have no attributes); `helper.HasAttribute(\"职级\")` is false for every helper (at character 21)",
            "other-county.json:4:94: warning: groups[0].helpers: group `cadres`: selects no helper of the roster: its `helpers` expression does " +
            "not hold for the roster's one helper, so the group takes no household",
            "warning: helpers: the helper of category `cadre` ('C1', position 1) is selected by no group, so it takes no household: " +
            "the groups that name the category (`cadres`) do not select it");
    }

    [Fact]
    public void Solve_AttributeSomeRowHas_NoWarning()
    {
        var rules = Rules(Group("cadres", "helper.Category == \"cadre\"", "household.HasAttribute(\"是否监测户\") && household.Attribute(\"是否监测户\") != \"否\""));
        var roster = Roster([new Helper("C1", "cadre")], H("H1"), H("H2", attributes: new Dictionary<string, string> { ["是否监测户"] = "否" }));

        Warnings(rules, roster).Should().BeEmpty();
    }

    [Fact]
    public void Solve_CategoryNoHelperHas_WarnsWithTheValuesAndTheClosestOne()
    {
        var rules = Rules(
            Group("section-cadres", "helper.Category == \"section_cadre\""),
            Group("staff", "helper.Category == \"staff\""));
        var roster = Roster([new Helper("S1", "section-cadre"), new Helper("O1", "staff")]);

        Warnings(rules, roster).Should().Equal(
            "other-county.json:4:79: warning: groups[0].helpers: group `section-cadres`: no helper of the roster has `helper.Category` equal to \"section_cadre\", " +
            "did you mean `section-cadre`? (values of helper.Category: section-cadre, staff); the comparison is never true (at character 20)",
            "other-county.json:4:79: warning: groups[0].helpers: group `section-cadres`: selects no helper of the roster: its `helpers` expression holds " +
            "for none of the roster's 2 helpers, so the group takes no household",
            "warning: helpers: the helper of category `section-cadre` ('S1', position 1) is selected by no group, so it takes no household: " +
            "no group names the category, did you mean `section_cadre`? (categories the rules name: section_cadre, staff)");
    }

    [Fact]
    public void Solve_TownshipNoHouseholdHas_SuggestsTheTownshipThatContainsIt()
    {
        var rules = Rules(Group("cadres", "helper.Category == \"cadre\"", "household.Township == \"蔚汾\" || household.Township == \"魏家滩镇\""));
        var roster = Roster([new Helper("C1", "cadre")], H("H1", "蔚汾镇"), H("H2", "魏家滩镇"));

        Warnings(rules, roster).Should().Equal(
            "other-county.json:4:143: warning: groups[0].households: group `cadres`: no household of the roster has `household.Township` equal to \"蔚汾\", " +
            "did you mean `蔚汾镇`? (values of household.Township: 蔚汾镇, 魏家滩镇); the comparison is never true (at character 23)");
    }

    [Fact]
    public void Solve_InListAndNotEqualAndReversedOperands_EachMissingValueWarnedOnce()
    {
        var rules = Rules(Group(
            "leaders",
            "helper.Category in (\"county-leader\", \"vice-leader\") && helper.Unit != \"县委\" && \"县政府\" == helper.Unit && helper.Unit.Equals(\"县政府\")"));
        var roster = Roster([new Helper("L1", "county-leader", unit: "县人大")]);

        Warnings(rules, roster).Should().Equal(
            "other-county.json:4:173: warning: groups[0].helpers: group `leaders`: no helper of the roster has `helper.Category` equal to \"vice-leader\" " +
            "(values of helper.Category: county-leader); the comparison is never true (at character 38)",
            "other-county.json:4:173: warning: groups[0].helpers: group `leaders`: no helper of the roster has `helper.Unit` equal to \"县委\" " +
            "(values of helper.Unit: 县人大); the comparison is always true (at character 71)",
            "other-county.json:4:173: warning: groups[0].helpers: group `leaders`: no helper of the roster has `helper.Unit` equal to \"县政府\" " +
            "(values of helper.Unit: 县人大); the comparison is never true (at character 79)",
            "other-county.json:4:173: warning: groups[0].helpers: group `leaders`: selects no helper of the roster: its `helpers` expression does " +
            "not hold for the roster's one helper, so the group takes no household",
            "warning: helpers: the helper of category `county-leader` ('L1', position 1) is selected by no group, so it takes no household: " +
            "the groups that name the category (`leaders`) do not select it");
    }

    [Fact]
    public void Solve_AttributeValueNoHouseholdHas_ListsTheValuesTheAttributeHas()
    {
        var rules = Rules(Group("cadres", "helper.Category == \"cadre\"", "household.Attribute(\"是否监测户\") == \"Y\""));
        var roster = Roster([new Helper("C1", "cadre")], H("H1", attributes: Monitored), H("H2", attributes: new Dictionary<string, string> { ["是否监测户"] = "否" }));

        Warnings(rules, roster).Should().Equal(
            "other-county.json:4:120: warning: groups[0].households: group `cadres`: no household of the roster has `household.Attribute(\"是否监测户\")` equal to \"Y\" " +
            "(values of household.Attribute(\"是否监测户\"): 是, 否); the comparison is never true (at character 33)");
    }

    [Fact]
    public void Solve_ManyValues_ListsTwentyAndCountsTheRest()
    {
        var rules = Rules(Group("cadres", "helper.Category == \"cadre\"", "household.Village == \"北村\""));
        var households = Enumerable.Range(1, 25).Select(i => new Household($"H{i}", "东乡", $"村{i:00}", true, false)).ToArray();

        Warnings(rules, Roster([new Helper("C1", "cadre")], households)).Should().Equal(
            "other-county.json:4:108: warning: groups[0].households: group `cadres`: no household of the roster has `household.Village` equal to \"北村\" " +
            "(values of household.Village: 村01, 村02, 村03, 村04, 村05, 村06, 村07, 村08, 村09, 村10, 村11, 村12, 村13, 村14, 村15, 村16, 村17, 村18, 村19, 村20 " +
            "and 5 more); the comparison is never true (at character 22)");
    }

    [Fact]
    public void Solve_ValueWithALineBreak_StaysOnOneLine()
    {
        var rules = Rules(Group("cadres", "helper.Category == \"cadre\"", "household.Village == \"北村\""));
        var roster = Roster([new Helper("C1", "cadre")], new Household("H1", "东乡", "南\r\n村", true, false));

        Warnings(rules, roster).Should().Equal(
            "other-county.json:4:108: warning: groups[0].households: group `cadres`: no household of the roster has `household.Village` equal to \"北村\" " +
            "(values of household.Village: 南\\r\\n村); the comparison is never true (at character 22)");
    }

    [Fact]
    public void Solve_GroupWhoseHelpersAllBelongToEarlierGroups_SaysWhichGroupsTakeThem()
    {
        var rules = Rules(
            Group("cadres", "helper.Category != \"enterprise\""),
            Group("section-cadres", "helper.Category == \"section-cadre\""),
            Group("enterprises", "helper.Category == \"enterprise\""));
        var helpers = new[] { new Helper("S1", "section-cadre"), new Helper("S2", "section-cadre"), new Helper("E1", "enterprise") };

        Warnings(rules, Roster(helpers)).Should().Equal(
            "other-county.json:5:79: warning: groups[1].helpers: group `section-cadres`: selects no helper of the roster: the 2 helpers its `helpers` " +
            "expression holds for belong to earlier groups (`cadres` 2), as a helper belongs to the first group that selects it; the group takes no household");
    }

    [Fact]
    public void Solve_HelpersNoGroupSelects_AreAGapAndWarnedOncePerCategory()
    {
        var rules = Rules(
            Group("enterprises", "helper.Category == \"enterprise\" && helper.Tier <= 4"),
            Group("cadres", "helper.Category == \"cadre\""));
        var helpers = new[]
        {
            new Helper("C1", "cadre"), new Helper("E1", "enterprise", tier: 1), new Helper("E5", "enterprise", tier: 5),
            new Helper("K1", "科级干部"), new Helper("E6", "enterprise", tier: 6), new Helper("K2", "科级干部"),
        };

        var result = rules.Solve(Roster(helpers, [.. Enumerable.Range(1, 2).Select(i => H($"H{i}"))]));

        result.Warnings.Select(w => w.ToString()).Should().Equal(
            "warning: helpers: 2 of the 3 helpers of category `enterprise` (the first 'E5', position 3) are selected by no group, so they take no household",
            "warning: helpers: all 2 helpers of category `科级干部` (the first 'K1', position 4) are selected by no group, so they take no household: " +
            "no group names the category (categories the rules name: enterprise, cadre)");
        result.Unselected.Select(u => (u.HelperId, u.Reason)).Should().Equal(
            ("E5", UnselectedReason.NoGroupSelects), ("K1", UnselectedReason.NoGroupSelects), ("E6", UnselectedReason.NoGroupSelects), ("K2", UnselectedReason.NoGroupSelects));
        result.Summary.UnselectedHelpers.Should().Be(4);
        result.Summary.Uncovered.Should().Be(0);
        result.Summary.TotalShortfall.Should().Be(0);
        result.IsComplete.Should().BeFalse("人人都有包扶对象: a helper no group selects is a gap");
    }

    [Fact]
    public void Solve_HelperLackingTheTownshipItsScopeNeeds_IsAGap()
    {
        var rules = Rules(Group("township-cadres", "helper.Category == \"township-cadre\"", scope: "township"));
        var roster = Roster([new Helper("T1", "township-cadre", township: "蔚汾镇"), new Helper("T2", "township-cadre")]);

        var result = rules.Solve(roster);

        result.Warnings.Should().BeEmpty();
        result.Unselected.Select(u => (u.HelperId, u.Reason, u.GroupId)).Should().Equal(("T2", UnselectedReason.NoTownship, "township-cadres"));
        result.IsComplete.Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("zh-CN")]
    public void Solve_AnyCulture_SameWarnings(string culture)
    {
        var rules = Rules(Group("cadres", "helper.Category == \"cadre\""), Group("staff", "helper.Category == \"staff\""));
        var roster = Roster(Enumerable.Range(1, 1200).Select(i => new Helper($"I{i}", i % 2 == 0 ? "cadre" : "intern")));

        CultureTests.InCulture(culture, () => Warnings(rules, roster)).Should().Equal(
            "other-county.json:5:62: warning: groups[1].helpers: group `staff`: no helper of the roster has `helper.Category` equal to \"staff\" " +
            "(values of helper.Category: intern, cadre); the comparison is never true (at character 20)",
            "other-county.json:5:62: warning: groups[1].helpers: group `staff`: selects no helper of the roster: its `helpers` expression holds " +
            "for none of the roster's 1,200 helpers, so the group takes no household",
            "warning: helpers: all 600 helpers of category `intern` (the first 'I1', position 1) are selected by no group, so they take no household: " +
            "no group names the category (categories the rules name: cadre, staff)");
    }

    [Fact]
    public void Solve_EmptyRoster_NoWarnings()
    {
        var rules = Rules(Group("cadres", "helper.Category == \"cadre\"", "household.Attribute(\"监测户\") == \"是\""));

        rules.Solve(new Roster([], [])).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Solve_DefaultSyntheticCountyUnderTheXingRules_NoWarnings()
    {
        var result = RuleSet.LoadXingCounty().Solve(SyntheticCounty.Generate(new SyntheticCountyOptions()));

        result.Warnings.Should().BeEmpty();
        result.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Solve_RosterWarnings_ComeFirst()
    {
        var readerWarning = new InputProblem("a header close to a known column", "households.csv", 1, 7, "deep_povrty", ProblemSeverity.Warning);
        var roster = new Roster([H("H1")], [new Helper("K1", "科级干部")], [readerWarning]);

        Warnings(Rules(Group("cadres", "helper.Category == \"cadre\"")), roster).Should().Equal(
            "households.csv:1:7: warning: deep_povrty: a header close to a known column",
            "other-county.json:4:63: warning: groups[0].helpers: group `cadres`: no helper of the roster has `helper.Category` equal to \"cadre\" " +
            "(values of helper.Category: 科级干部); the comparison is never true (at character 20)",
            "other-county.json:4:63: warning: groups[0].helpers: group `cadres`: selects no helper of the roster: its `helpers` expression does " +
            "not hold for the roster's one helper, so the group takes no household",
            "warning: helpers: the helper of category `科级干部` ('K1', position 1) is selected by no group, so it takes no household: " +
            "no group names the category (categories the rules name: cadre)");
    }

    [Fact]
    public void Solve_Strict_ThrowsEveryWarningAsAnErrorBeforeSolving()
    {
        var rules = Rules(Group("cadres", "helper.Category == \"cadre\"", "household.Attribute(\"监测户\") == \"是\""));
        var roster = Roster([new Helper("C1", "cadre")]);

        var solve = () => rules.Solve(roster, new PairingOptions { Strict = true });

        var e = solve.Should().Throw<RosterException>().Which;
        e.Message.Should().Be(
            "The roster has 1 problem:\n" +
            "  other-county.json:4:118: groups[0].households: group `cadres`: no household of the roster has the attribute `监测户` " +
            "(the roster's households have no attributes); `household.Attribute(\"监测户\")` is \"\" for every household (at character 21)");
        e.Problems.Should().ContainSingle().Which.Severity.Should().Be(ProblemSeverity.Error);
        rules.Solve(roster, new PairingOptions { Strict = false }).Warnings.Should().ContainSingle().Which.AsError().Should().Be(e.Problems[0]);
    }

    [Fact]
    public void Solve_StrictWithoutWarnings_Solves()
    {
        var rules = Rules(Group("cadres", "helper.Category == \"cadre\""));

        rules.Solve(Roster([new Helper("C1", "cadre")]), new PairingOptions { Strict = true }).IsComplete.Should().BeTrue();
        new PairingOptions().Strict.Should().BeFalse("warnings are reported, not thrown, by default");
    }

    [Fact]
    public async Task CheckAsync_ReportsTheWarningsOfASolveAndStrictThrowsThem()
    {
        var rules = Rules(Group("cadres", "helper.Category == \"cadre\""), Group("staff", "helper.Category == \"staff\""));
        var roster = Roster([new Helper("C1", "cadre")]);

        var report = await rules.CheckAsync(roster);
        Action check = () => _ = rules.CheckAsync(roster, options: new PairingOptions { Strict = true });

        report.Warnings.Should().Equal(rules.Solve(roster).Warnings);
        report.Warnings.Select(w => w.ToString()).Should().Equal(
            "other-county.json:5:62: warning: groups[1].helpers: group `staff`: no helper of the roster has `helper.Category` equal to \"staff\" " +
            "(values of helper.Category: cadre); the comparison is never true (at character 20)",
            "other-county.json:5:62: warning: groups[1].helpers: group `staff`: selects no helper of the roster: its `helpers` expression does " +
            "not hold for the roster's one helper, so the group takes no household");
        check.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            report.Warnings.Select(w => w.AsError().ToString()));
        (await rules.CheckAsync(roster, (AuditWorkflow?)null, CancellationToken.None)).Warnings.Should().HaveCount(2);
    }
}
