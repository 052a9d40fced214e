using System.Text.RegularExpressions;
using FluentAssertions;
using Newtonsoft.Json;
using PairingRules.Audit;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>
/// Expressions from an untrusted author cannot reflect, allocate, touch files or run code: every expression of the
/// corpus in TestData/hostile/expressions.json is refused at load time with a message that names the group and the
/// construct, located in the file, and none of it runs.
/// </summary>
public sealed partial class HostileExpressionTests : IDisposable
{
    private static readonly string Sentinel = Path.Combine(Path.GetTempPath(), "pairing-rules-hostile-" + Environment.ProcessId);
    private const string Variable = "PAIRING_RULES_HOSTILE_RAN";

    public static IReadOnlyList<HostileCase> Cases { get; } = LoadCorpus();

    public static TheoryData<int> Corpus()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Cases.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastThirtyDistinctExpressions()
    {
        Cases.Select(c => c.Expression).Distinct(StringComparer.Ordinal).Should().HaveCountGreaterThanOrEqualTo(30);
        Cases.Should().Contain(c => c.SideEffect, "the corpus proves that nothing runs with expressions whose effect would show");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Load_HostileExpression_IsRefusedNamingGroupConstructAndLocation(int index)
    {
        var hostile = Cases[index];
        var groupId = $"hostile-{index + 1:00}";

        var act = () => RuleSet.Parse(RuleFile(groupId, hostile), "hostile.json");

        var problem = act.Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Message.Should().StartWith($"group `{groupId}`: ", hostile.Expression);
        problem.Message.Should().Contain(hostile.Construct, hostile.Expression);
        problem.File.Should().Be("hostile.json");
        problem.Path.Should().Be($"groups[1].{hostile.Field}");
        problem.Line.Should().BePositive();
        problem.Column.Should().BePositive();
        AssertNothingRan();
    }

    [Fact]
    public void Load_EveryExpressionWithAnEffect_RunsNothing()
    {
        foreach (var (hostile, i) in Cases.Select((c, i) => (c, i)).Where(p => p.c.SideEffect))
        {
            FluentActions.Invoking(() => RuleSet.Parse(RuleFile($"effect-{i}", hostile), "hostile.json")).Should().Throw<RuleSetException>();
        }

        AssertNothingRan();
    }

    [Fact]
    public void Load_AllowedConstructs_Compile()
    {
        var rules = RuleSet.Parse(RuleJson.OneGroup(
            "households",
            "household.Income < 4000.5 && household.Members >= 2 && household.Id.StartsWith(\"H\") && household.Attribute(\"cause\") in (\"illness\", \"disability\") && Math.Abs(household.Members - 3) <= 2"));

        var household = new Household("H1", "t", "v", poorVillage: true, deepPoverty: false, members: 3, income: 3000m,
            attributes: new Dictionary<string, string> { ["cause"] = "illness" });

        rules.Groups[0].Accepts(household).Should().BeTrue();
        rules.Groups[0].Accepts(new Household("H2", "t", "v", true, false, members: 3, income: 5000m)).Should().BeFalse();
    }

    [Fact]
    public void Load_CultureDependentStringFunctionInAuditFile_IsRefusedWithTheInvariantAlternative()
    {
        const string audit = """
            [ { "WorkflowName": "household", "Rules": [ { "RuleName": "upper", "Expression": "pairing.Household.Id.ToUpper() == \"H1\"", "ErrorMessage": "x" } ] } ]
            """;

        var act = () => AuditWorkflow.Parse(audit, "audit.json");

        act.Should().Throw<AuditWorkflowException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().Contain("the culture-dependent method String.ToUpper(); use ToUpperInvariant()");
    }

    public void Dispose()
    {
        if (File.Exists(Sentinel))
        {
            File.Delete(Sentinel);
        }
    }

    private static void AssertNothingRan()
    {
        File.Exists(Sentinel).Should().BeFalse("no hostile expression may write a file");
        Directory.Exists(Sentinel).Should().BeFalse("no hostile expression may create a folder");
        Environment.GetEnvironmentVariable(Variable).Should().BeNull("no hostile expression may set an environment variable");
    }

    /// <summary>A rule file whose second group (after a harmless first) holds the hostile expression.</summary>
    private static string RuleFile(string groupId, HostileCase hostile) => JsonConvert.SerializeObject(
        new
        {
            name = "hostile",
            groups = new object[]
            {
                new { id = "harmless", helpers = "helper.Category == \"county-leader\"", scope = "county" },
                new
                {
                    id = groupId,
                    helpers = hostile.Field == "helpers" ? hostile.Expression : "true",
                    households = hostile.Field == "households" ? hostile.Expression : "true",
                    scope = "county",
                },
            },
        },
        Formatting.Indented);

    private static List<HostileCase> LoadCorpus()
    {
        var cases = JsonConvert.DeserializeObject<List<HostileCase>>(File.ReadAllText(TestPaths.Data("hostile", "expressions.json")))!;
        return cases.Select(c => c with { Expression = Expand(c.Expression) }).ToList();
    }

    /// <summary>Fills in the corpus placeholders: the sentinel path, the variable name, and long runs such as <c>{pad:1986}</c>.</summary>
    private static string Expand(string expression) =>
        Run().Replace(expression.Replace("{sentinel}", Sentinel, StringComparison.Ordinal).Replace("{variable}", Variable, StringComparison.Ordinal), m =>
            new string(m.Groups[1].Value switch { "pad" => 'x', "open" => '(', "close" => ')', "not" => '!', var other => throw new InvalidDataException(other) }, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\{(pad|open|close|not):(\d+)\}")]
    private static partial Regex Run();

    public sealed record HostileCase(string Field, string Expression, string Construct, bool SideEffect);
}

internal static class RuleJson
{
    public static string OneGroup(string field, string expression)
    {
        var helpers = field == "helpers" ? expression : "true";
        var households = field == "households" ? expression : "true";
        return JsonConvert.SerializeObject(new
        {
            name = "hostile",
            groups = new[] { new { id = "g", helpers, households, scope = "county" } },
        });
    }
}
