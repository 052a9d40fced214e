using FluentAssertions;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>Expressions from an untrusted author cannot reflect, allocate, touch files or run code.</summary>
public sealed class HostileExpressionTests
{
    public static TheoryData<string, string, string> Hostile() => new()
    {
        { "helpers", "helper.GetType().Name == \"Helper\"", "the method Object.GetType" },
        { "helpers", "helper.GetType().Assembly.FullName != \"\"", "the method Object.GetType" },
        { "households", "household.Id.PadLeft(100000000) != \"\"", "the method String.PadLeft" },
        { "households", "household.Id.Replace(\"H\", \"X\") == \"X1\"", "the method String.Replace" },
        { "helpers", "helper.Attributes.Count > 0", "the member IReadOnlyCollection`1.Count" },
        { "helpers", "helper.ToString() == \"x\"", "the method Object.ToString" },
        { "helpers", "helper.Name.GetHashCode() > 0", "the method Object.GetHashCode" },
        { "households", "household.Attributes[\"x\"] == \"y\"", "the method IReadOnlyDictionary`2.get_Item" },
        { "households", "household.Id.Split(\",\").Length > 1", "the method String.Split" },
        { "helpers", "helper.Category.Normalize() == \"x\"", "the method String.Normalize" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Load_HostileExpression_IsRefusedNamingGroupAndConstruct(string field, string expression, string construct)
    {
        var json = RuleJson.OneGroup(field, expression);

        var act = () => RuleSet.Parse(json, "hostile.json");

        var problem = act.Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Message.Should().StartWith("group `g`: ");
        problem.Message.Should().Contain(construct);
        problem.Path.Should().Be($"groups[0].{field}");
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("System.Environment.Exit(1) == 0")]
    [InlineData("Enumerable.Range(0, 1000000000).Count() > 0")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\") != null")]
    [InlineData("Type.GetType(\"System.IO.File\") != null")]
    [InlineData("new System.Text.StringBuilder(100000000).Length > 0")]
    public void Load_AccessOutsideTheInput_IsRefusedBeforeAnythingRuns(string expression)
    {
        var act = () => RuleSet.Parse(RuleJson.OneGroup("households", expression), "hostile.json");

        act.Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().StartWith("group `g`: ");
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
}

internal static class RuleJson
{
    public static string OneGroup(string field, string expression)
    {
        var helpers = field == "helpers" ? expression : "true";
        var households = field == "households" ? expression : "true";
        return Newtonsoft.Json.JsonConvert.SerializeObject(new
        {
            name = "hostile",
            groups = new[] { new { id = "g", helpers, households, scope = "county" } },
        });
    }
}
