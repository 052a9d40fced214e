using FluentAssertions;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>
/// The shipped Lingling District rules encode seed 004's practice: village work teams and township cadres, and
/// monitored households (监测对象) to them only, written once as a restriction, with a default cap for all but the backstop.
/// </summary>
public sealed class LinglingDistrictRulesTests
{
    private static readonly RuleSet Rules = RuleSet.Load(TestPaths.Rules("lingling-district.json"));

    private static Household H(string monitored, int members = 3) =>
        new("H1", "菱角塘镇", "菱角塘镇01村", poorVillage: true, deepPoverty: false, members: members, attributes: new Dictionary<string, string> { ["监测对象"] = monitored });

    [Fact]
    public void Load_LinglingDistrict_HasTheGroupsQuotasCapsAndScopesInOrder()
    {
        Rules.Name.Should().Be("lingling-district");
        Rules.Source.Should().Be("“驻”进群众心里 “帮”出幸福硕果——零陵区第一轮乡村振兴驻村帮扶工作综述, 永州日报, 李忠仁, 2023-04-07 (shared/seeds/004_59ee000bb3e43aae.txt)");
        Rules.Groups.Select(g => (g.Id, g.Label, g.Scope, g.Min, g.Max, g.IsBackstop)).Should().Equal(
            ("first-secretaries", "驻村第一书记", PairingScope.Village, 2, (int?)10, false),
            ("work-team-members", "驻村工作队员", PairingScope.Village, 3, 10, false),
            ("district-cadres", "区直单位干部", PairingScope.County, 5, 10, false),
            ("township-cadres", "乡镇干部", PairingScope.Township, 0, null, true));
    }

    [Fact]
    public void Load_LinglingDistrict_MonitoredHouseholdsAreKeptFromDistrictCadresOnly()
    {
        Rules.Groups.Select(g => g.HouseholdsExpression).Should().Equal("true", "true", "!(household.Attribute(\"监测对象\") == \"是\")", "true");
        Rules.Groups.Select(g => g.Accepts(H("是"))).Should().Equal(true, true, false, true);
        Rules.Groups.Select(g => g.Accepts(H("否", members: 8))).Should().Equal(true, true, true, true);
    }

    [Theory]
    [InlineData("first-secretary", "first-secretaries")]
    [InlineData("work-team-member", "work-team-members")]
    [InlineData("district-cadre", "district-cadres")]
    [InlineData("township-cadre", "township-cadres")]
    public void GroupOf_EachKindOfHelper_IsItsGroup(string category, string group)
    {
        Rules.GroupOf(new Helper("X", category, township: "菱角塘镇", village: "菱角塘镇01村"))!.Id.Should().Be(group);
    }

    [Fact]
    public void LoadShipped_EachName_IsTheFileInRulesFolder()
    {
        RuleSet.ShippedNames.Should().Equal("xing-county", "lingling-district");
        foreach (var name in RuleSet.ShippedNames)
        {
            RuleSet.ShippedJson(name).Should().Be(File.ReadAllText(TestPaths.Rules(name + ".json")));
            RuleSet.LoadShipped(name).Groups.Select(g => (g.Id, g.HouseholdsExpression, g.Max)).Should().Equal(
                RuleSet.Load(TestPaths.Rules(name + ".json")).Groups.Select(g => (g.Id, g.HouseholdsExpression, g.Max)));
        }

        RuleSet.XingCountyJson.Should().Be(RuleSet.ShippedJson("xing-county"));
    }

    [Fact]
    public void ShippedNames_AreEveryRuleSetInRulesFolder()
    {
        var files = Directory.GetFiles(TestPaths.Rules(), "*.json").Select(Path.GetFileNameWithoutExtension).Where(name => name != "audit");

        RuleSet.ShippedNames.Should().BeEquivalentTo(files, "every rule set in rules/ ships in the library (csproj EmbeddedResource and None entries)");
    }

    [Fact]
    public void ReadmeAndRuleFormat_ListEveryShippedRuleSet()
    {
        var readme = File.ReadAllText(Path.Combine(ReadmeExampleTests.RepositoryRoot(), "README.md"));
        var ruleFormat = File.ReadAllText(Path.Combine(ReadmeExampleTests.RepositoryRoot(), "docs", "rule-format.md"));

        foreach (var name in RuleSet.ShippedNames)
        {
            readme.Should().Contain($"| `rules/{name}.json` |", "the README's table of shipped rule sets lists it");
            ruleFormat.Should().Contain($"(../rules/{name}.json)", "docs/rule-format.md links it as an example");
        }
    }

    [Fact]
    public void LoadShipped_UnknownName_ThrowsListingTheNames()
    {
        FluentActions.Invoking(() => RuleSet.LoadShipped("lingling"))
            .Should().Throw<ArgumentException>()
            .WithMessage("No shipped rule set is called 'lingling'; the shipped rule sets are xing-county, lingling-district. (Parameter 'name')");
    }
}
