using FluentAssertions;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>The shipped Xing County rules encode the seed's table exactly.</summary>
public sealed class XingCountyRulesTests
{
    private static readonly RuleSet Rules = RuleSet.Load(TestPaths.Rules("xing-county.json"));

    private static readonly Household DeepInPoorVillage = new("H1", "蔚汾镇", "蔚汾镇01村", poorVillage: true, deepPoverty: true);
    private static readonly Household OrdinaryInPoorVillage = new("H2", "蔚汾镇", "蔚汾镇01村", poorVillage: true, deepPoverty: false);
    private static readonly Household InNonPoorVillage = new("H3", "蔚汾镇", "蔚汾镇02村", poorVillage: false, deepPoverty: false);
    private static readonly Household DeepInNonPoorVillage = new("H4", "瓦塘镇", "瓦塘镇01村", poorVillage: false, deepPoverty: true);

    [Fact]
    public void Load_XingCounty_HasTheSeedsGroupsQuotasAndScopesInOrder()
    {
        Rules.Name.Should().Be("xing-county");
        Rules.Source.Should().Contain("兴县“五支力量”发力");
        Rules.Groups.Select(g => (g.Id, g.Label, g.Scope, g.Min, g.Max, g.IsBackstop)).Should().Equal(
            ("county-leaders", "县级领导干部", PairingScope.County, 10, (int?)null, false),
            ("section-cadres", "科级干部", PairingScope.County, 8, null, false),
            ("ordinary-staff", "一般干部", PairingScope.County, 6, null, false),
            ("poor-village-committee", "贫困村“两委”干部", PairingScope.Village, 2, null, false),
            ("enterprise-tier-1", "一类企业", PairingScope.County, 80, null, false),
            ("enterprise-tier-2", "二类企业", PairingScope.County, 30, null, false),
            ("enterprise-tier-3", "三类企业", PairingScope.County, 10, null, false),
            ("enterprise-tier-4", "四类企业", PairingScope.County, 5, null, false),
            ("village-committee", "村“两委”干部", PairingScope.Village, 1, 1, false),
            ("township-cadres", "乡镇干部", PairingScope.Township, 0, null, true));
    }

    [Fact]
    public void Embedded_XingCounty_IsTheSameRuleSet()
    {
        RuleSet.LoadXingCounty().Groups.Select(g => g.Id).Should().Equal(Rules.Groups.Select(g => g.Id));
    }

    [Theory]
    [InlineData("county-leader", null, false, "county-leaders")]
    [InlineData("section-cadre", null, false, "section-cadres")]
    [InlineData("ordinary-staff", null, false, "ordinary-staff")]
    [InlineData("village-committee", null, true, "poor-village-committee")]
    [InlineData("village-committee", null, false, "village-committee")]
    [InlineData("enterprise", 1, false, "enterprise-tier-1")]
    [InlineData("enterprise", 2, false, "enterprise-tier-2")]
    [InlineData("enterprise", 3, false, "enterprise-tier-3")]
    [InlineData("enterprise", 4, false, "enterprise-tier-4")]
    [InlineData("township-cadre", null, false, "township-cadres")]
    public void GroupOf_EachKindOfHelper_IsItsGroup(string category, int? tier, bool poorVillage, string group)
    {
        var helper = new Helper("X", category, tier: tier, township: "蔚汾镇", village: "蔚汾镇01村", poorVillage: poorVillage);

        Rules.GroupOf(helper)!.Id.Should().Be(group);
    }

    [Theory]
    [InlineData("enterprise", 5)]
    [InlineData("enterprise", null)]
    [InlineData("first-secretary", null)]
    public void GroupOf_HelperNoGroupSelects_IsNull(string category, int? tier)
    {
        Rules.GroupOf(new Helper("X", category, tier: tier)).Should().BeNull();
    }

    [Theory]
    [InlineData("county-leaders", true, false, false, true)]
    [InlineData("section-cadres", true, true, true, true)]
    [InlineData("ordinary-staff", true, true, true, true)]
    [InlineData("poor-village-committee", true, true, true, true)]
    [InlineData("enterprise-tier-1", false, false, true, true)]
    [InlineData("enterprise-tier-4", false, false, true, true)]
    [InlineData("village-committee", false, false, true, true)]
    [InlineData("township-cadres", true, true, true, true)]
    public void Accepts_EachGroup_TakesTheSeedsHouseholds(string group, bool deepPoor, bool ordinaryPoor, bool nonPoor, bool deepNonPoor)
    {
        var g = Rules.FindGroup(group)!;

        new[] { g.Accepts(DeepInPoorVillage), g.Accepts(OrdinaryInPoorVillage), g.Accepts(InNonPoorVillage), g.Accepts(DeepInNonPoorVillage) }
            .Should().Equal(deepPoor, ordinaryPoor, nonPoor, deepNonPoor);
    }

    [Fact]
    public void Allows_VillageScope_OnlyTheHelpersOwnVillageInItsTownship()
    {
        var committee = new Helper("VC1", "village-committee", township: "蔚汾镇", village: "蔚汾镇01村", poorVillage: true);
        var group = Rules.GroupOf(committee)!;

        group.Allows(committee, OrdinaryInPoorVillage).Should().BeTrue();
        group.Allows(committee, InNonPoorVillage).Should().BeFalse();
        group.Allows(committee, new Household("H9", "瓦塘镇", "蔚汾镇01村", true, false)).Should().BeFalse("a village of the same name in another township is another village");
    }

    [Fact]
    public void Labels_ChineseText_RoundTripsThroughTheLoader()
    {
        var json = File.ReadAllText(TestPaths.Rules("xing-county.json"));

        RuleSet.Parse(json).Groups.Select(g => g.Label).Should().Contain(["贫困村“两委”干部", "乡镇干部"]);
    }
}
