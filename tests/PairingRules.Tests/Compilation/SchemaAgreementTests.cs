using FluentAssertions;
using NJsonSchema;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>
/// The JSON Schema that editors use and the loader agree: valid examples pass both, shape errors fail both.
/// Semantic errors (duplicate ids, max below min, expressions) are beyond what JSON Schema can say; the loader alone
/// catches them.
/// </summary>
public sealed class SchemaAgreementTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromJsonAsync(File.ReadAllText(TestPaths.Rules("schema", "pairing-rules.schema.json"))).GetAwaiter().GetResult();

    public static TheoryData<string> ValidFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Data("rules", "valid"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        data.Add(TestPaths.Rules("xing-county.json"));
        data.Add(TestPaths.Rules("lingling-district.json"));
        return data;
    }

    public static TheoryData<string> ShapeErrors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Data("rules", "invalid", "shape"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void ValidFile_PassesSchemaAndLoader(string path)
    {
        var json = File.ReadAllText(path);

        Schema.Validate(json).Should().BeEmpty();
        RuleSet.Parse(json, Path.GetFileName(path)).Groups.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ShapeErrors))]
    public void ShapeError_FailsSchemaAndLoader(string name)
    {
        var json = File.ReadAllText(TestPaths.Data("rules", "invalid", "shape", name));

        SchemaRejects(json).Should().BeTrue($"the schema should reject {name}");
        FluentActions.Invoking(() => RuleSet.Parse(json, name)).Should().Throw<RuleSetException>();
    }

    [Fact]
    public void Schema_DescribesEveryField()
    {
        var root = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(TestPaths.Rules("schema", "pairing-rules.schema.json")));
        var properties = root.SelectTokens("$..properties.*").Cast<Newtonsoft.Json.Linq.JObject>().ToList();

        properties.Should().HaveCountGreaterThan(10);
        properties.Should().OnlyContain(p => p["description"] != null);
        root.SelectTokens("$..additionalProperties").Should().OnlyContain(t => t.Type == Newtonsoft.Json.Linq.JTokenType.Boolean && !(bool)t!);
    }

    [Fact]
    public void ShippedRuleFiles_ReferenceTheSchema()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Rules(), "*.json").Where(f => Path.GetFileName(f) != "audit.json"))
        {
            Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(file))["$schema"]!.ToString()
                .Should().Be("./schema/pairing-rules.schema.json", $"{Path.GetFileName(file)} should point editors at the schema");
        }
    }

    [Fact]
    public void EmbeddedSchemaAndRules_AreTheFilesInRulesFolder()
    {
        RuleSet.SchemaJson.Should().Be(File.ReadAllText(TestPaths.Rules("schema", "pairing-rules.schema.json")));
        RuleSet.XingCountyJson.Should().Be(File.ReadAllText(TestPaths.Rules("xing-county.json")));
    }

    private static bool SchemaRejects(string json)
    {
        try
        {
            return Schema.Validate(json).Count > 0;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return true;
        }
    }
}
