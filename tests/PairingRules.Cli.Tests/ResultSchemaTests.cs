using FluentAssertions;
using NJsonSchema;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>The JSON result of <c>solve</c> is what <c>rules/schema/pairing-result.schema.json</c> documents.</summary>
public sealed class ResultSchemaTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "schema", "pairing-result.schema.json"))).GetAwaiter().GetResult();

    [Theory]
    [InlineData("xing-county", 1)]
    [InlineData("quotas-above-supply", 1)]
    [InlineData("township-without-cadres", 3)]
    public void SolveJson_MatchesTheResultSchema(string preset, int counties)
    {
        using var temp = new TempFolder();
        Cli.Run("generate", "--preset", preset, "--households", "1200", "--counties", counties.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", temp.Path)
            .ExitCode.Should().Be(0);

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", "-");

        run.ExitCode.Should().BeOneOf(0, 1);
        Schema.Validate(run.Out).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void SolveJson_WithUncoveredHouseholdsAndUnselectedHelpers_MatchesTheResultSchema()
    {
        using var temp = new TempFolder();
        var households = temp.File("households.csv");
        var helpers = temp.File("helpers.csv");
        File.WriteAllText(households, "id,township,village,poor_village,deep_poverty\nH1,东乡,东村,是,否\nH2,西乡,南村,是,否\n");
        File.WriteAllText(helpers, "id,category,township,village,tier\nT1,township-cadre,东乡,,\nX1,observer,,,\n");

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", "-");

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain("\"uncovered\": [").And.Contain("\"unselected\": [");
        Schema.Validate(run.Out).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void Schema_RefusesAnUndocumentedProperty()
    {
        Schema.Validate("""{"summary": {}, "pairings": [], "gaps": {}, "extra": 1}""").Should().NotBeEmpty();
    }
}
