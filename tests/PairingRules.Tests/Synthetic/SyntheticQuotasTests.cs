using System.Text.Json.Nodes;
using FluentAssertions;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Synthetic;

/// <summary>
/// The synthetic county reads its quotas from the rule set it is given (<see cref="SyntheticCountyOptions.Rules"/>): a
/// <c>min</c> edited in the JSON changes the generated county, which stays complete under the edited rules.
/// </summary>
public sealed class SyntheticQuotasTests
{
    [Fact]
    public void Of_XingRules_FindsTheQuotasXingPublished()
    {
        var quotas = SyntheticQuotas.Of(RuleSet.LoadXingCounty());

        new[] { quotas.CountyLeader, quotas.SectionCadre, quotas.OrdinaryStaff, quotas.PoorCommittee, quotas.NonPoorCommittee, quotas.TownshipCadre }
            .Should().Equal(10, 8, 6, 2, 1, 0);
        quotas.Enterprise.Should().Equal(80, 30, 10, 5);
    }

    [Fact]
    public void Generate_XingRulesGivenExplicitly_IsTheDefaultCounty()
    {
        var options = new SyntheticCountyOptions { Households = 2_000 };

        SyntheticCountyTests.Csv(SyntheticCounty.Generate(options with { Rules = RuleSet.LoadXingCounty() })).Should().Be(SyntheticCountyTests.Csv(SyntheticCounty.Generate(options)));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(3_000)]
    [InlineData(16_800)]
    public void Generate_RulesWithOtherQuotas_IsFittedToThemAndCompleteUnderThem(int households)
    {
        // Another county's quotas (12/8/5, larger enterprises, three households per poor-village committee member).
        var rules = Edited(("county-leaders", 12), ("ordinary-staff", 5), ("poor-village-committee", 3), ("enterprise-tier-1", 100), ("enterprise-tier-3", 12));

        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = households, Rules = rules });
        var result = rules.Solve(roster);

        result.Summary.Should().BeEquivalentTo(new PairingSummary(households, households, 0, roster.Helpers.Count, 0, 0, 0, 0, households, 0),
            "every household covered, no helper idle, no quota shortfall under the edited rules");
    }

    [Fact]
    public void Generate_HigherQuota_LeavesFewerHelpersThanTheXingRules()
    {
        var xing = SyntheticCounty.Generate();
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Rules = Edited(("section-cadres", 10)) });

        Count(roster, "section-cadre").Should().Be(Count(xing, "section-cadre"));
        Count(roster, "ordinary-staff").Should().Be(Count(xing, "ordinary-staff") - 130,
            "450 section cadres at 10 instead of 8 need 900 households more, 777 more than the 123 the Xing county leaves free (16,800 - 15,623 for quotas - 1,054 for township cadres): 130 ordinary staff at 6 each");
        roster.Households.Should().BeEquivalentTo(xing.Households, o => o.WithStrictOrdering(), "quotas change the helpers, not the households");
    }

    [Fact]
    public void Generate_RulesWithoutEnterprises_GeneratesNoEnterprise()
    {
        var json = JsonNode.Parse(RuleSet.XingCountyJson)!;
        var groups = json["groups"]!.AsArray();
        foreach (var group in groups.Where(g => ((string)g!["id"]!).StartsWith("enterprise-", StringComparison.Ordinal)).ToList())
        {
            groups.Remove(group);
        }

        var rules = RuleSet.Parse(json.ToJsonString(), "without-enterprises.json");
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 3_000, Rules = rules });
        var result = rules.Solve(roster);

        roster.Helpers.Should().NotContain(h => h.Category == "enterprise");
        result.Unselected.Should().BeEmpty();
        result.Summary.Uncovered.Should().Be(0);
    }

    /// <summary>The Xing rules with the <c>min</c> of some groups changed in the JSON.</summary>
    private static RuleSet Edited(params (string Group, int Min)[] changes)
    {
        var json = JsonNode.Parse(RuleSet.XingCountyJson)!;
        foreach (var (group, min) in changes)
        {
            json["groups"]!.AsArray().Single(g => (string)g!["id"]! == group)!["min"] = min;
        }

        return RuleSet.Parse(json.ToJsonString(), "edited.json");
    }

    private static int Count(Roster roster, string category) => roster.Helpers.Count(h => h.Category == category);
}
