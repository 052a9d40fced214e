using FluentAssertions;
using Newtonsoft.Json.Linq;
using PairingRules.Audit;
using PairingRules.Tests.Solving;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Audit;

/// <summary>`check` finds every planted fault of an existing pairing, once each, through the RulesEngine workflow.</summary>
public sealed class CheckTests
{
    private static readonly RuleSet Rules = County.Rules(
        Group("section-cadres", "section-cadre", "county", min: 3),
        Group("enterprises", "enterprise", "county"),
        Group("committee", "village-committee", "village", min: 1, max: 1),
        Group("township-cadres", "township-cadre", "township", backstop: true));

    private static Roster PlantedFaults() => new(
        [
            H("H1", "A", "A1", helper: "NOPE"),
            H("H2", "A", "A2", helper: "C1"),
            H("H3", "A", "A1", helper: "C1"),
            H("H4", "A", "A1", helper: "C1"),
            H("H5", "A", "A1"),
            H("H6", "A", "A2", helper: "T1"),
            H("H7", "A", "A2", helper: "S1"),
            new Household("H8", "A", "A2", poorVillage: true, deepPoverty: false, members: 7, currentHelper: "E1"),
        ],
        [P("S1", "section-cadre"), P("E1", "enterprise", tier: 1), P("C1", "village-committee", "A", "A1"), P("T1", "township-cadre", "A"), P("T2", "township-cadre", "A"), P("X1", "first-secretary")]);

    [Fact]
    public async Task Check_PlantedFaults_ReportsEachOnceWithItsId()
    {
        var report = await Rules.CheckAsync(PlantedFaults());

        report.Findings.Should().BeEquivalentTo(
            [
                new AuditFinding("known-helper", AuditSubject.Household, "H1", "household H1 names helper NOPE, who is not in the helpers roster"),
                new AuditFinding("in-scope", AuditSubject.Household, "H2", "household H2 (A/A2) is outside the scope of its helper C1 (group committee)"),
                new AuditFinding("within-cap", AuditSubject.Household, "H4", "household H4 is beyond the cap of its helper C1 (group committee)"),
                new AuditFinding("has-helper", AuditSubject.Household, "H5", "household H5 has no responsible person"),
                new AuditFinding("meets-quota", AuditSubject.Helper, "S1", "helper S1 (group section-cadres) has 1 of the 3 households the quota requires"),
                new AuditFinding("has-household", AuditSubject.Helper, "T2", "helper T2 (group township-cadres) has no household"),
                new AuditFinding("selected", AuditSubject.Helper, "X1", "helper X1 (first-secretary) is selected by no group of the rules"),
            ],
            o => o.WithStrictOrdering());
        report.IsClean.Should().BeFalse();
    }

    [Fact]
    public async Task Check_PlantedFaults_CountsEveryCheckInTheAuditsOrderZerosIncluded()
    {
        var report = await Rules.CheckAsync(PlantedFaults());

        report.CountsByCheck.Select(c => c.Check).Should().Equal(AuditWorkflow.LoadDefault().CheckNames.Distinct());
        report.CountsByCheck.Where(c => c.Count > 0).Select(c => (c.Check, c.Count)).Should().BeEquivalentTo(
            report.Findings.GroupBy(f => f.Check).Select(g => (g.Key, g.Count())));
        report.CountsByCheck.Sum(c => c.Count).Should().Be(report.Findings.Count);
        report.CountsByCheck.Should().Contain(c => c.Count == 0, "checks that found nothing are listed too");
    }

    [Fact]
    public async Task Check_AuthoredCheckInAuditJson_LandsInTheSameReportWithoutCodeChanges()
    {
        var audit = JArray.Parse(AuditWorkflow.DefaultJson);
        ((JArray)audit[0]["Rules"]!).Add(JObject.FromObject(new
        {
            RuleName = "no-enterprise-for-large-households",
            ErrorMessage = "household $(pairing.Household.Id) has $(pairing.Household.Members) members and must not be paired with an enterprise",
            Expression = "!(pairing.Household.Members >= 6 && pairing.Helper != null && pairing.Helper.Category == \"enterprise\")",
        }));

        var report = await Rules.CheckAsync(PlantedFaults(), AuditWorkflow.Parse(audit.ToString(), "audit.json"));

        report.Findings.Where(f => f.Check == "no-enterprise-for-large-households").Should().BeEquivalentTo(
            [new AuditFinding("no-enterprise-for-large-households", AuditSubject.Household, "H8", "household H8 has 7 members and must not be paired with an enterprise")]);
        report.Findings.Should().HaveCount(8);
    }

    [Fact]
    public async Task Check_PairingFromTheSolver_IsClean()
    {
        var roster = new Roster([.. Hs("H", 9, "A", "A1")], [P("S1", "section-cadre"), P("C1", "village-committee", "A", "A1"), P("T1", "township-cadre", "A")]);
        var solved = Rules.Solve(roster);
        var helperOf = solved.HelperOf();
        var paired = new Roster(roster.Households.Select(h => H(h.Id, h.Township, h.Village, helper: helperOf[h.Id])), roster.Helpers);

        var report = await Rules.CheckAsync(paired);

        report.IsClean.Should().BeTrue();
    }

    [Theory]
    [InlineData("[{\"WorkflowName\": \"household\", \"Rules\": [{\"RuleName\": \"x\", \"ErrorMessage\": \"e\", \"Expression\": \"pairing.Household.GetType() != null\"}]}]", "audit.json:1:114: [0].Rules[0].Expression: rule `x`: not allowed in a rule expression: the method Object.GetType (at character 19)")]
    [InlineData("[{\"WorkflowName\": \"helpers\", \"Rules\": []}]", "audit.json:1:27: [0].WorkflowName: unknown workflow `helpers`: the audit runs `household` (input `pairing`) and `helper` (input `helper`)")]
    [InlineData("[{\"WorkflowName\": \"helper\", \"Rules\": [{\"RuleName\": \"x\", \"ErrorMessage\": \"e\", \"Expression\": \"true\", \"Actions\": {}}]}]", "audit.json:1:109: [0].Rules[0].Actions: `Actions` is not supported in an audit rule (supported: RuleName, Expression, ErrorMessage, SuccessEvent, RuleExpressionType, Enabled, Properties); actions, parameters and nested rules would run unchecked expressions")]
    [InlineData("[{\"WorkflowName\": \"helper\"}]", "audit.json:1:2: [0]: workflow `helper` needs `Rules`, an array of rules with `RuleName`, `Expression` and `ErrorMessage`")]
    [InlineData("[{\"WorkflowName\": \"helper\", \"Rules\": []}]", "audit.json:1:38: [0].Rules: workflow `helper` has no rules; to check nothing there, leave the workflow out")]
    [InlineData("[{\"WorkflowName\": \"household\", \"Rules\": {}}]", "audit.json:1:41: [0].Rules: workflow `household` needs `Rules`, an array of rules with `RuleName`, `Expression` and `ErrorMessage`")]
    public void Parse_UnsafeOrWrongAuditFile_IsRefusedWithItsPlace(string json, string expected)
    {
        var act = () => AuditWorkflow.Parse(json, "audit.json");

        act.Should().Throw<AuditWorkflowException>().Which.Problems.Select(p => p.ToString()).Should().Equal(expected);
    }
}
