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
        result.Uncovered.Should().Equal(
            new UncoveredHousehold("B2", "B", "B1", UncoveredReason.NoBackstopInTownship, "add a helper of group `township-cadres` (township-cadres) in township B"),
            new UncoveredHousehold("B3", "B", "B1", UncoveredReason.NoBackstopInTownship, "add a helper of group `township-cadres` (township-cadres) in township B"));
        result.Summary.Should().Be(new PairingSummary(Households: 5, Covered: 3, Uncovered: 2, Helpers: 3, IdleHelpers: 0, TotalShortfall: 0, Kept: 0, Changed: 0, New: 3, UnselectedHelpers: 0));
        result.Townships.Should().Equal(new AreaTotal("A", null, 2, 2, 0), new AreaTotal("B", null, 3, 1, 2));
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
            Townships = new[] { "B" },
            GroupIds = new[] { "committee" },
        });
    }
}
