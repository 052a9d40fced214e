using FluentAssertions;
using Newtonsoft.Json.Linq;
using PairingRules.Csv;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Synthetic;

/// <summary>
/// The synthetic Lingling District (<see cref="SyntheticPractice.LinglingDistrict"/>): shaped as seed 004 says, fitted to
/// the quotas of the rule set, complete under rules/lingling-district.json at any size, with exactly the gaps the
/// restriction implies where a township has no cadre.
/// </summary>
public sealed class LinglingDistrictTests
{
    private const string Monitored = "监测对象";

    private static readonly RuleSet Rules = RuleSet.LoadShipped("lingling-district");

    private static readonly Roster Default = SyntheticCounty.Generate(SyntheticCountyOptions.LinglingDistrict);

    private static readonly string[] WorkTeamsAndTownships = ["first-secretaries", "work-team-members", "township-cadres"];

    [Fact]
    public void Generate_Default_HasTheSeedsWorkTeamsAndTheAssumedDistrict()
    {
        Default.Households.Should().HaveCount(8_000);
        Default.Helpers.CountBy(h => h.Category).Should().Equal(
            new KeyValuePair<string, int>("first-secretary", 62),
            new KeyValuePair<string, int>("work-team-member", 124),
            new KeyValuePair<string, int>("district-cadre", 1_000),
            new KeyValuePair<string, int>("township-cadre", 320));
        Default.Helpers.Where(h => h.Category is "first-secretary" or "work-team-member").CountBy(h => h.Village!).Should().OnlyContain(team => team.Value == 3, "a team is a first secretary and two members");
        Default.Households.Select(h => h.Township).Distinct().Should().HaveCount(16).And.Contain(["接履桥街道", "菱角塘镇"]);
        Default.Households.Select(h => h.Village).Distinct().Should().HaveCount(260);
        Default.Households.CountBy(h => h.Attribute(Monitored)).Should().Equal(new KeyValuePair<string, int>("否", 7_516), new KeyValuePair<string, int>("是", 484));
        Default.Households.Should().OnlyContain(h => h.PoorVillage == Default.Helpers.Any(p => p.Category == "first-secretary" && p.Village == h.Village));
    }

    [Fact]
    public void Solve_Default_IsCompleteAndMonitoredHouseholdsGoOnlyToWorkTeamsAndTownshipCadres()
    {
        var result = Rules.Solve(Default);

        result.IsComplete.Should().BeTrue();
        result.Warnings.Should().BeEmpty();
        result.Objective.Should().Be(new ObjectiveValues(uncovered: 0, idleHelpers: 0, shortfall: 0, remainder: 0, balance: 11_072));
        var monitored = Default.Households.Where(h => h.Attribute(Monitored) == "是").Select(h => h.Id).ToHashSet();
        result.Pairings.Where(p => monitored.Contains(p.HouseholdId)).Should().HaveCount(484).And.OnlyContain(p => WorkTeamsAndTownships.Contains(p.GroupId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(500)]
    [InlineData(3_000)]
    [InlineData(40_000)]
    public void Solve_AnySize_IsComplete(int households)
    {
        var roster = SyntheticCounty.Generate(SyntheticCountyOptions.LinglingDistrict with { Households = households, Seed = households });

        var result = Rules.Solve(roster);

        result.Summary.Households.Should().Be(households);
        (result.IsComplete, result.Summary.Uncovered, result.Summary.IdleHelpers, result.Summary.TotalShortfall, result.Summary.UnselectedHelpers).Should().Be((true, 0, 0, 0L, 0));
    }

    [Fact]
    public void Solve_FirstTownshipWithoutCadres_LeavesExactlyItsMonitoredHouseholdsOutsideWorkTeamVillagesUncovered()
    {
        var roster = SyntheticCounty.Generate(SyntheticCountyOptions.LinglingDistrict with { TownshipsWithoutCadres = 1 });
        var teamVillages = roster.Helpers.Where(h => h.Category == "first-secretary").Select(h => h.Village).ToHashSet();
        var expected = roster.Households
            .Where(h => h.Township == "接履桥街道" && h.Attribute(Monitored) == "是" && !teamVillages.Contains(h.Village))
            .Select(h => h.Id)
            .ToArray();

        var result = Rules.Solve(roster);

        expected.Should().NotBeEmpty();
        result.Uncovered.Select(u => u.HouseholdId).Should().Equal(expected);
        result.Uncovered.Should().OnlyContain(u => u.Reason == UncoveredReason.NoBackstopInTownship && u.Remedy == "add a helper of group `township-cadres` (乡镇干部) in township 接履桥街道");
        (result.Summary.IdleHelpers, result.Summary.TotalShortfall).Should().Be((0, 0L));
    }

    [Fact]
    public void Solve_MoreDistrictCadresThanHouseholdsForTheirQuota_FallsShort()
    {
        var result = Rules.Solve(SyntheticCounty.Generate(SyntheticCountyOptions.LinglingDistrict with { Households = 2_000, HelperScale = 2 }));

        result.Summary.Uncovered.Should().Be(0);
        result.Summary.TotalShortfall.Should().BePositive();
        result.Certificates.Should().Contain(c => c.Kind == CertificateKind.Quota);
    }

    [Fact]
    public void Generate_SameOptions_GiveTheSameRosterFiles()
    {
        var options = SyntheticCountyOptions.LinglingDistrict with { Households = 3_000, PreviouslyPaired = 0.2, Counties = 2 };

        Csv(SyntheticCounty.Generate(options)).Should().Be(Csv(SyntheticCounty.Generate(options)));
    }

    [Fact]
    public void Generate_TwoCounties_AreLinglingAndLengshuitanEachComplete()
    {
        var roster = SyntheticCounty.Generate(SyntheticCountyOptions.LinglingDistrict with { Households = 4_000, Counties = 2 });

        roster.Households.Select(h => h.County).Distinct().Should().Equal("零陵区", "冷水滩区");
        roster.Helpers.Should().OnlyContain(h => h.Id.StartsWith("C001-", StringComparison.Ordinal) || h.Id.StartsWith("C002-", StringComparison.Ordinal));
        Rules.Solve(roster).IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Generate_PreviouslyPaired_GivesMonitoredHouseholdsOnlyTownshipCadresAndSolvingKeepsThem()
    {
        var roster = SyntheticCounty.Generate(SyntheticCountyOptions.LinglingDistrict with { PreviouslyPaired = 0.3 });
        var previous = roster.Households.Where(h => h.CurrentHelper is not null).ToArray();

        previous.Length.Should().BeInRange(2_200, 2_600);
        previous.Where(h => h.Attribute(Monitored) == "是").Should().OnlyContain(h => roster.FindHelper(h.CurrentHelper!)!.Category == "township-cadre");
        var result = Rules.Solve(roster);
        result.Summary.Kept.Should().Be(previous.Length, "every previous pairing is allowed and within the caps");
        result.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Generate_RulesWithOtherQuotas_FitsTheWorkTeamsToThem()
    {
        // Work-team members with a quota of 12: a village's team gets only the members its households can give 12 to.
        var json = JObject.Parse(RuleSet.ShippedJson("lingling-district"));
        json["groups"]![1]!["min"] = 12;
        json["groups"]![1]!["max"] = 20;
        var rules = RuleSet.Parse(json.ToString(), "lingling-12.json");

        var roster = SyntheticCounty.Generate(SyntheticCountyOptions.LinglingDistrict with { Households = 3_000, Rules = rules });
        var result = rules.Solve(roster);

        roster.Helpers.Count(h => h.Category == "work-team-member").Should().BeLessThan(2 * roster.Helpers.Count(h => h.Category == "first-secretary"));
        (result.IsComplete, result.Summary.TotalShortfall).Should().Be((true, 0L));
    }

    [Fact]
    public void Generate_RulesWithoutDistrictCadres_GeneratesNone()
    {
        // Without district cadres the restriction would list every group (an error), so it goes too.
        var json = JObject.Parse(RuleSet.ShippedJson("lingling-district"));
        ((JArray)json["groups"]!).RemoveAt(2);
        json.Remove("restrictions");
        var rules = RuleSet.Parse(json.ToString(), "lingling-no-district.json");

        var roster = SyntheticCounty.Generate(SyntheticCountyOptions.LinglingDistrict with { Households = 2_000, Rules = rules });

        roster.Helpers.Should().NotContain(h => h.Category == "district-cadre");
        rules.Solve(roster).IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Validate_UndefinedPractice_Throws()
    {
        FluentActions.Invoking(() => SyntheticCounty.Generate(new SyntheticCountyOptions { Practice = (SyntheticPractice)7 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Practice");
    }

    private static string Csv(Roster roster)
    {
        using var households = new StringWriter();
        using var helpers = new StringWriter();
        RosterCsv.WriteHouseholds(roster.Households, households);
        RosterCsv.WriteHelpers(roster.Helpers, helpers);
        return households + "\n" + helpers;
    }
}
