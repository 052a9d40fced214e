using FluentAssertions;
using Newtonsoft.Json;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>
/// <c>defaults</c> and <c>restrictions</c> compile into each group's cap and household filter: the compiled groups are
/// those of the same rules written out group by group, their expression texts say so, and backstops keep no cap.
/// </summary>
public sealed class SharedRulesTests
{
    private static readonly RuleSet Shared = RuleSet.Parse(File.ReadAllText(TestPaths.Data("rules", "valid", "shared-rules.json")), "shared-rules.json");

    [Fact]
    public void Parse_DefaultMax_CapsEveryGroupWithoutItsOwnExceptTheBackstop()
    {
        Shared.Groups.Select(g => (g.Id, g.Min, g.Max, g.IsBackstop)).Should().Equal(
            ("leaders", 10, 15, false),
            ("section-cadres", 8, 15, false),
            ("committee", 1, 1, false),
            ("township-cadres", 0, (int?)null, true));
    }

    [Fact]
    public void Parse_Restrictions_BecomePartOfTheFilterOfEveryGroupTheyDoNotList()
    {
        Shared.Groups.Select(g => g.HouseholdsExpression).Should().Equal(
            "(household.DeepPoverty) && !(household.Attribute(\"monitored\") == \"yes\")",
            "!(household.Attribute(\"monitored\") == \"yes\")",
            "!(household.Attribute(\"monitored\") == \"yes\") && !(household.Members >= 6)",
            "true");
    }

    [Theory]
    [InlineData("yes", 3, new[] { false, false, false, true })]
    [InlineData("no", 3, new[] { true, true, true, true })]
    [InlineData("no", 6, new[] { true, true, false, true })]
    [InlineData("yes", 6, new[] { false, false, false, true })]
    public void Accepts_MonitoredOrLargeHousehold_OnlyTheListedGroupsAccept(string monitored, int members, bool[] accepted)
    {
        var household = new Household("H1", "A", "A1", poorVillage: true, deepPoverty: true, members: members, attributes: new Dictionary<string, string> { ["monitored"] = monitored });

        Shared.Groups.Select(g => g.Accepts(household)).Should().Equal(accepted);
    }

    [Fact]
    public void Parse_SharedRules_CompileLikeTheSameRulesWrittenOutPerGroup()
    {
        const string Monitored = "household.Attribute(\\\"monitored\\\") == \\\"yes\\\"";
        var writtenOut = RuleSet.Parse($$"""
            {
              "name": "written-out",
              "groups": [
                { "id": "leaders", "helpers": "helper.Category == \"county-leader\"", "households": "household.DeepPoverty && !({{Monitored}})", "scope": "county", "min": 10, "max": 15 },
                { "id": "section-cadres", "helpers": "helper.Category == \"section-cadre\"", "households": "!({{Monitored}})", "scope": "county", "min": 8, "max": 15 },
                { "id": "committee", "helpers": "helper.Category == \"village-committee\"", "households": "!({{Monitored}}) && household.Members < 6", "scope": "village", "min": 1, "max": 1 },
                { "id": "township-cadres", "helpers": "helper.Category == \"township-cadre\"", "scope": "township", "backstop": true }
              ]
            }
            """);
        var roster = new Roster(
            Enumerable.Range(1, 40).Select(i => new Household(
                $"H{i}", i % 2 == 0 ? "A" : "B", i % 4 < 2 ? "V1" : "V2", poorVillage: true, deepPoverty: i % 3 == 0, members: 1 + (i % 7),
                attributes: new Dictionary<string, string> { ["monitored"] = i % 5 == 0 ? "yes" : "no" })),
            [
                new Helper("L1", "county-leader"),
                new Helper("S1", "section-cadre"),
                new Helper("S2", "section-cadre"),
                new Helper("C1", "village-committee", township: "A", village: "V1"),
                new Helper("C2", "village-committee", township: "B", village: "V2"),
                new Helper("T1", "township-cadre", township: "A"),
            ]);

        var shared = Shared.Solve(roster);
        var expected = writtenOut.Solve(roster);

        Shared.Groups.Select(g => (g.Id, g.Scope, g.Min, g.Max, g.IsBackstop)).Should().Equal(writtenOut.Groups.Select(g => (g.Id, g.Scope, g.Min, g.Max, g.IsBackstop)));
        shared.Pairings.Should().Equal(expected.Pairings);
        shared.Uncovered.Select(u => (u.HouseholdId, u.Reason)).Should().Equal(expected.Uncovered.Select(u => (u.HouseholdId, u.Reason)));
        shared.Objective.Should().Be(expected.Objective);
        shared.Uncovered.Should().NotBeEmpty("township B has no township cadre, so its monitored households have nobody");
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Load_RestrictionCount_AcceptedUpToTheLimit(int count, bool accepted)
    {
        var json = JsonConvert.SerializeObject(new
        {
            name = "many-restrictions",
            restrictions = Enumerable.Range(1, count).Select(i => new { households = $"household.Members == {i}", groups = new[] { "a" } }),
            groups = new[] { new { id = "a", helpers = "helper.Tier == 1", scope = "county" }, new { id = "b", helpers = "helper.Tier == 2", scope = "county" } },
        });

        var act = () => RuleSet.Parse(json, "limits.json");

        Limits.Expect<RuleSetException, RuleSet>(act, accepted, "limits.json:1:44: restrictions: `restrictions` has 201 restrictions; the limit is 200")
            ?.Groups[1].HouseholdsExpression.Should().StartWith("!(household.Members == 1) && !(household.Members == 2) && ");
    }
}
