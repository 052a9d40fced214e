using FluentAssertions;
using Xunit;

namespace PairingRules.Tests.RuleModel;

/// <summary>
/// A problem inside an expression points at its character in the file: the column counts the characters as the author
/// wrote them (<c>\"</c> is two, <c>\u4E00</c> six), whatever the line endings and quotes of the JSON.
/// </summary>
public sealed class ExpressionLocationTests
{
    [Theory]
    [InlineData("\n", "\"helper.Unit == \\\"\\u53bf\\\" && helper.Categry == \\\"x\\\"\"", 3, 49)]
    [InlineData("\r\n", "\"helper.Unit == \\\"\\u53bf\\\" && helper.Categry == \\\"x\\\"\"", 3, 49)]
    [InlineData("\r", "\"helper.Unit == \\\"\\u53bf\\\" && helper.Categry == \\\"x\\\"\"", 3, 49)]
    [InlineData("\n", "'helper.Unit == \"县\" && helper.Categry == \"x\"'", 3, 42)]
    [InlineData("\n", "\"helper.Unit == \\\"\\\\\\\\\\\" && helper.Categry == \\\"x\\\"\"", 3, 47)]
    public void Load_ProblemInsideAnExpression_PointsAtItsCharacter(string newline, string literal, int line, int column)
    {
        var json = string.Join(newline, "{\"name\": \"n\",", "\"groups\": [{\"id\": \"g\", \"scope\": \"county\",", "\"helpers\": " + literal + "}]}");

        var problem = FluentActions.Invoking(() => RuleSet.Parse(json, "f.json")).Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Subject;

        (problem.Line, problem.Column).Should().Be((line, column));
        problem.Message.Should().StartWith("group `g`: there is no member `Categry` on helper, did you mean `Category`?");
        json.Split(newline)[line - 1][(column - 1)..].Should().StartWith("Categry");
    }

    [Fact]
    public void Load_RefusedConstruct_PointsAtItsName()
    {
        var json = "{\"name\": \"n\", \"groups\": [{\"id\": \"g\", \"scope\": \"county\", \"helpers\": \"helper.GetType() != null\"}]}";

        var problem = FluentActions.Invoking(() => RuleSet.Parse(json, "f.json")).Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Subject;

        problem.ToString().Should().Be(
            "f.json:1:76: groups[0].helpers: group `g`: not allowed in a rule expression: the method Object.GetType. Expressions may read the input's members, " +
            "compare, calculate and use pure string and math functions only (at character 8)");
        json[(76 - 1)..].Should().StartWith("GetType");
    }
}
