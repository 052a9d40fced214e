using FluentAssertions;
using Newtonsoft.Json;
using PairingRules.Compilation;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>What a compiled expression reads of the roster's data, found once at compile time.</summary>
public sealed class ExpressionReadsTests
{
    private static IReadOnlyList<ExpressionReads> Reads(string helpers, string? households = null) =>
        RuleSet.Parse(JsonConvert.SerializeObject(new { name = "reads", groups = new[] { new { id = "g", helpers, households = households ?? "true", scope = "county" } } })).Compiled.Reads;

    private static IEnumerable<string> Comparisons(ExpressionReads reads) =>
        reads.Comparisons.Select(c => $"{c.Member} {(c.Negated ? "!=" : "==")} {c.Value} @{c.At}");

    [Fact]
    public void Compile_EveryExpression_HasItsReadsInGroupOrderWithTheField()
    {
        var reads = Reads("helper.Category == \"a\"", "household.DeepPoverty");

        reads.Select(r => (r.GroupIndex, r.GroupId, r.Field, r.Variable, r.Input)).Should().Equal(
            (0, "g", "helpers", "helper", typeof(Helper)), (0, "g", "households", "household", typeof(Household)));
    }

    [Fact]
    public void Compile_EqualityInAllItsForms_FindsTheMemberAndConstant()
    {
        var reads = Reads("helper.Category == \"a\" || \"b\" == helper.Township || helper.Unit != \"c\" || helper.Name.Equals(\"d\") || " +
                          "helper.Village in (\"e\", \"f\") || helper.Attribute(\"rank\") == \"g\" || helper.Category = \"a\"")[0];

        Comparisons(reads).Should().Equal(
            "helper.Category == a @19",
            "helper.Township == b @26",
            "helper.Unit != c @67",
            "helper.Name == d @93",
            "helper.Village == e @120",
            "helper.Village == f @125",
            "helper.Attribute(\"rank\") == g @161");
        reads.Attributes.Select(a => (a.Name, a.Call, a.At)).Should().Equal(("rank", "Attribute", 150));
    }

    [Fact]
    public void Compile_WhatDependsOnTheRowOrIsBlank_IsNotARead()
    {
        var reads = Reads("helper.Attribute(helper.Category) == \"x\" || helper.Category.Trim() == \"y\" || helper.Unit == \"\" || helper.Tier == 1 || helper.Name == helper.Id")[0];

        reads.Attributes.Should().BeEmpty("the name is not a constant");
        reads.Comparisons.Should().BeEmpty("a member passed through a function, a blank text, a number and two members are not compared with a roster value");
    }

    [Fact]
    public void Compile_HouseholdAttributesAndHasAttribute_AreReadOnceEach()
    {
        var reads = Reads("true", "household.HasAttribute(\"监测户\") && household.Attribute(\"监测户\") == \"是\" || household.Attribute(\"致贫原因\") == \"因病\"")[1];

        reads.Attributes.Select(a => (a.Name, a.Call, a.At)).Should().Equal(("监测户", "HasAttribute", 23), ("致贫原因", "Attribute", 90));
        Comparisons(reads).Should().Equal("household.Attribute(\"监测户\") == 是 @63", "household.Attribute(\"致贫原因\") == 因病 @101");
    }
}
