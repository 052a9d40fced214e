using FluentAssertions;
using PairingRules.Solving;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Solving;

/// <summary>
/// The solver splits the flow into parts no eligibility links and solves each alone. Every objective level is a sum
/// over helpers and households, so the optimum of the whole must be the sum of the optima of the parts.
/// </summary>
public sealed class IndependentPartsTests
{
    // Xing County's rules without the county-wide groups: village committees and township cadres only, so every
    // township is a part of its own.
    private static readonly RuleSet Local = County.Rules(
        new
        {
            id = "poor-village-committee",
            helpers = "helper.Category == \"village-committee\" && helper.PoorVillage",
            scope = "village",
            min = 2,
        },
        new
        {
            id = "village-committee",
            helpers = "helper.Category == \"village-committee\" && !helper.PoorVillage",
            households = "!household.PoorVillage",
            scope = "village",
            min = 1,
            max = 1,
        },
        County.Group("township-cadres", "township-cadre", "township", backstop: true));

    [Fact]
    public void Solve_LocalRules_SolvesEachTownshipAsAPart()
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 6_000 });
        var problem = ProblemBuilder.Build(Local.Compiled, roster, keepCurrent: true, CancellationToken.None);

        var statistics = FlowModel.Solve(problem, CancellationToken.None).Statistics;

        statistics.Parts.Should().Be(roster.Households.Select(h => h.Township).Distinct().Count());
    }

    [Fact]
    public void Solve_LocalRules_ReachesTheSumOfTheTownshipsSolvedAlone()
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 3_000, TownshipsWithoutCadres = 1, HelperScale = 0.8 });

        var whole = Local.Solve(roster);
        var parts = roster.Households.GroupBy(h => h.Township)
            .Select(t => Local.Solve(new Roster(t, roster.Helpers.Where(p => p.Township == t.Key))).Objective)
            .Aggregate((a, b) => new ObjectiveValues(
                a.Uncovered + b.Uncovered, a.IdleHelpers + b.IdleHelpers, a.Shortfall + b.Shortfall, a.Remainder + b.Remainder, a.Balance + b.Balance));

        whole.Objective.Should().Be(parts);
        whole.Objective.Uncovered.Should().BeGreaterThan(0, "the township without cadres leaves households uncovered");
    }
}
