using FluentAssertions;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Solving.Scenarios;

/// <summary>
/// Two county leaders need 10 deep-poverty households each; the county has 12. They take all 12 (6 each); the
/// section cadre takes its 8 from the others and the township cadre the remaining 12.
/// </summary>
public sealed class DeepPovertyScarcerThanLeaderQuotasTests
{
    [Fact]
    public void Solve_ScarceDeepPoverty_LeadersTakeAllOfItAndTheShortfallIsCertified()
    {
        var rules = Rules(
            Group("county-leaders", "county-leader", "county", min: 10, households: "household.DeepPoverty"),
            Group("section-cadres", "section-cadre", "county", min: 8),
            Group("township-cadres", "township-cadre", "township", backstop: true));
        var roster = new Roster(
            [.. Hs("D", 12, deep: true), .. Hs("N", 20)],
            [P("L1", "county-leader"), P("L2", "county-leader"), P("S1", "section-cadre"), P("T1", "township-cadre", "A")]);

        var result = rules.Solve(roster);

        result.Loads().Should().Equal(new Dictionary<string, int> { ["L1"] = 6, ["L2"] = 6, ["S1"] = 8, ["T1"] = 12 });
        result.Pairings.Where(p => p.HouseholdId.StartsWith('D')).Should().OnlyContain(p => p.GroupId == "county-leaders");
        result.Groups.Single(g => g.GroupId == "county-leaders").Should().BeEquivalentTo(new GroupTotal("county-leaders", "county-leaders", 2, 12, 20, 8, 0));
        result.Certificates.Should().ContainSingle().Which.Statement.Should().Be(
            "2 helpers of `county-leaders` need 20 households to meet their quotas (at least one each); only 12 households may go to any of them (in A), so 8 short in any pairing that covers as many households.");
    }
}
