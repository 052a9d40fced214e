using FluentAssertions;
using Newtonsoft.Json;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>
/// The documented limits of a rule file (README, "The rule format"): 2,000 characters and 32 levels of parentheses
/// per expression, 200 groups, 1,000,000 characters per file. Each limit is accepted, and one more is refused with a
/// located problem.
/// </summary>
public sealed class RuleLimitTests
{
    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void Load_ExpressionLength_AcceptedUpToTheLimit(int length, bool accepted)
    {
        const string prefix = "household.Id != \"";
        var expression = prefix + new string('x', length - prefix.Length - 1) + "\"";
        expression.Should().HaveLength(length);

        var act = () => RuleSet.Parse(RuleJson.OneGroup("households", expression), "limits.json");

        Limits.Expect<RuleSetException, RuleSet>(act, accepted, "limits.json:1:70: groups[0].households: group `g`: the expression is 2001 characters long; the limit is 2000");
    }

    [Theory]
    [InlineData(32, true)]
    [InlineData(33, false)]
    public void Load_Nesting_AcceptedUpToTheLimit(int depth, bool accepted)
    {
        var expression = new string('(', depth) + "household.DeepPoverty" + new string(')', depth);

        var act = () => RuleSet.Parse(RuleJson.OneGroup("households", expression), "limits.json");

        Limits.Expect<RuleSetException, RuleSet>(act, accepted, "group `g`: parentheses are nested 33 deep; the limit is 32 (at character 33)", true);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Load_GroupCount_AcceptedUpToTheLimit(int count, bool accepted)
    {
        var json = JsonConvert.SerializeObject(new
        {
            name = "many-groups",
            groups = Enumerable.Range(1, count).Select(i => new { id = $"g{i}", helpers = $"helper.Tier == {i}", scope = "county" }),
        });

        var act = () => RuleSet.Parse(json, "limits.json");

        Limits.Expect<RuleSetException, RuleSet>(act, accepted, "limits.json:1:32: groups: `groups` has 201 groups; the limit is 200")?.Groups.Should().HaveCount(200);
    }

    [Theory]
    [InlineData(1_000_000, true)]
    [InlineData(1_000_001, false)]
    public void Load_FileLength_AcceptedUpToTheLimit(int length, bool accepted)
    {
        var json = FileOfLength(length);

        var act = () => RuleSet.Parse(json, "limits.json");

        Limits.Expect<RuleSetException, RuleSet>(act, accepted, "limits.json:1:1: the rule file is 1000001 characters long; the limit is 1000000");
    }

    /// <summary>A valid rule file of exactly <paramref name="length"/> characters, padded in its description.</summary>
    private static string FileOfLength(int length)
    {
        var empty = RuleJson.OneGroup("households", "true").Replace("{\"name\"", "{\"description\":\"\",\"name\"", StringComparison.Ordinal);
        var json = empty.Replace("\"description\":\"\"", "\"description\":\"" + new string('x', length - empty.Length) + "\"", StringComparison.Ordinal);
        json.Should().HaveLength(length);
        return json;
    }
}
