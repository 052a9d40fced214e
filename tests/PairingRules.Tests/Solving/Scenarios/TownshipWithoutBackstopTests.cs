using FluentAssertions;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Solving.Scenarios;

/// <summary>
/// Township B has a committee member (cap 1) but no township cadre: one household of B is covered, two stay
/// uncovered, and the report names the missing backstop cadre as the reason.
/// </summary>
public sealed class TownshipWithoutBackstopTests
{
    private static readonly RuleSet Rules = County.Rules(
        Group("committee", "village-committee", "village", min: 1, max: 1),
        Group("township-cadres", "township-cadre", "township", backstop: true));

    private static readonly Roster Roster = new(
        [.. Hs("A", 2, "A", "A1"), .. Hs("B", 3, "B", "B1")],
        [P("CA", "village-committee", "A", "A1"), P("TA", "township-cadre", "A"), P("CB", "village-committee", "B", "B1")]);

    [Fact]
    public void Solve_TownshipWithoutCadres_ReportsUncoveredHouseholdsWithTheMissingBackstop()
    {
        var result = Rules.Solve(Roster);

        result.HelperOf().Should().Equal(new Dictionary<string, string> { ["A1"] = "CA", ["A2"] = "TA", ["B1"] = "CB" });
        result.Uncovered.Should().BeEquivalentTo(
            [
                new UncoveredHousehold(Roster.Households[3], new Place(null, "B", "B1"), UncoveredReason.NoBackstopInTownship, "add a helper of group `township-cadres` (township-cadres) in township B", ["township-cadres"], maxIncrease: null),
                new UncoveredHousehold(Roster.Households[4], new Place(null, "B", "B1"), UncoveredReason.NoBackstopInTownship, "add a helper of group `township-cadres` (township-cadres) in township B", ["township-cadres"], maxIncrease: null),
            ],
            o => o.WithStrictOrdering());
        result.Summary.Should().BeEquivalentTo(new PairingSummary(households: 5, covered: 3, uncovered: 2, helpers: 3, idleHelpers: 0, totalShortfall: 0, kept: 0, changed: 0, @new: 3, unselectedHelpers: 0));
        result.Townships.Should().BeEquivalentTo([new AreaTotal(new Place(null, "A", null), 2, 2, 0), new AreaTotal(new Place(null, "B", null), 3, 1, 2)], o => o.WithStrictOrdering());
    }

    [Fact]
    public void Solve_TownshipWithoutCadres_CertifiesThatNoPairingCoversMore()
    {
        var result = Rules.Solve(Roster);

        result.Certificates.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = CertificateKind.Coverage,
            Statement = "B: 3 households may go only to 1 helper of `committee`, whose caps allow 1 more, and all are full; 2 stay uncovered in any pairing.",
            Households = 3L,
            Capacity = 1L,
            Gap = 2L,
            Places = new[] { new Place(null, "B", null) },
            GroupIds = new[] { "committee" },
        });
    }
}
