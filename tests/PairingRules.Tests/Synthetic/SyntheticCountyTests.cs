using FluentAssertions;
using PairingRules.Csv;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Synthetic;

/// <summary>The synthetic county is complete under the Xing rules at every size, and the same options give the same roster.</summary>
public sealed class SyntheticCountyTests
{
    private static readonly RuleSet Xing = RuleSet.LoadXingCounty();

    [Theory]
    [InlineData(500)]
    [InlineData(1_000)]
    [InlineData(2_000)]
    [InlineData(3_000)]
    [InlineData(4_000)]
    [InlineData(8_400)]
    [InlineData(16_800)]
    [InlineData(50_000)]
    public void Generate_DefaultMixAtAnySize_IsCompleteUnderTheXingRules(int households)
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = households });

        var result = Xing.Solve(roster);

        roster.Households.Should().HaveCount(households);
        result.Summary.Should().BeEquivalentTo(new PairingSummary(households, households, 0, roster.Helpers.Count, 0, 0, 0, 0, households, 0),
            "every household covered, no helper idle, no quota shortfall");
        result.IsComplete.Should().BeTrue();
    }

    [Theory]
    [InlineData(1, 700)]
    [InlineData(7, 1_500)]
    [InlineData(42, 2_500)]
    public void Generate_OtherSeedsAtSmallSizes_AreCompleteUnderTheXingRules(int seed, int households)
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Seed = seed, Households = households });

        Xing.Solve(roster).IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Generate_Default_IsTheXingCountyOf2017()
    {
        var roster = SyntheticCounty.Generate();

        roster.Households.Should().HaveCount(16_800);
        roster.Helpers.Should().HaveCount(5_005);
        roster.Households.Select(h => h.Township).Distinct().Should().HaveCount(17);
        roster.Households.Where(h => h.PoorVillage).Select(h => h.Village).Distinct().Should().HaveCount(307);
        roster.Helpers.GroupBy(h => h.Category).ToDictionary(g => g.Key, g => g.Count()).Should().Equal(new Dictionary<string, int>
        {
            ["county-leader"] = 35,
            ["section-cadre"] = 450,
            ["ordinary-staff"] = 1_150,
            ["village-committee"] = 2_256,
            ["enterprise"] = 60,
            ["township-cadre"] = 1_054,
        });
        roster.Helpers.Where(h => h.Category == "enterprise").GroupBy(h => h.Tier).Select(g => (g.Key, g.Count()))
            .Should().Equal((1, 2), (2, 6), (3, 15), (4, 37));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(16_800)]
    public void Generate_SameOptionsTwice_GiveTheSameRoster(int households)
    {
        var options = new SyntheticCountyOptions { Seed = 11, Households = households, PreviouslyPaired = 0.3 };

        Csv(SyntheticCounty.Generate(options)).Should().Be(Csv(SyntheticCounty.Generate(options with { })));
        Csv(SyntheticCounty.Generate(options)).Should().NotBe(Csv(SyntheticCounty.Generate(options with { Seed = 12 })));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(3_000)]
    [InlineData(16_800)]
    public void Generate_QuotasAboveSupply_FallsShortOfQuota(int households)
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = households, HelperScale = 1.25 });

        var result = Xing.Solve(roster);

        result.Summary.Uncovered.Should().Be(0);
        result.Summary.TotalShortfall.Should().BePositive();
    }

    /// <summary>Both roster files of <paramref name="roster"/> as one text, to compare rosters byte for byte.</summary>
    internal static string Csv(Roster roster)
    {
        using var households = new StringWriter();
        using var helpers = new StringWriter();
        RosterCsv.WriteHouseholds(roster.Households, households);
        RosterCsv.WriteHelpers(roster.Helpers, helpers);
        return households + "\n---\n" + helpers;
    }
}
