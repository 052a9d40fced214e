using FluentAssertions;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Solving.Scenarios;

/// <summary>Two section cadres need 8 households each but the county has 10: 5 each, shortfall 6, certified.</summary>
public sealed class QuotasExceedHouseholdsTests
{
    [Fact]
    public void Solve_QuotasAboveSupply_SplitsEvenlyAndCertifiesTheShortfall()
    {
        var rules = Rules(Group("section-cadres", "section-cadre", "county", min: 8));
        var roster = new Roster(Hs("H", 10), [P("S1", "section-cadre"), P("S2", "section-cadre")]);

        var result = rules.Solve(roster);

        result.Loads().Should().Equal(new Dictionary<string, int> { ["S1"] = 5, ["S2"] = 5 });
        result.Summary.TotalShortfall.Should().Be(6);
        result.Summary.Uncovered.Should().Be(0);
        result.Objective.Should().Be(new ObjectiveValues(uncovered: 0, idleHelpers: 0, shortfall: 6, remainder: 0, balance: 0));
        result.IsComplete.Should().BeFalse();
        result.Certificates.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = CertificateKind.Quota,
            Statement = "2 helpers of `section-cadres` need 16 households to meet their quotas (at least one each); only 10 households may go to any of them (in A), so 6 short in any pairing that covers as many households.",
            Households = 10L,
            Capacity = 16L,
            Gap = 6L,
        });
    }

    [Fact]
    public void Solve_MoreHelpersThanHouseholds_LeavesAsFewIdleAsPossible()
    {
        var rules = Rules(Group("staff", "ordinary-staff", "county", min: 6));
        var roster = new Roster(Hs("H", 3), [P("O1", "ordinary-staff"), P("O2", "ordinary-staff"), P("O3", "ordinary-staff"), P("O4", "ordinary-staff"), P("O5", "ordinary-staff")]);

        var result = rules.Solve(roster);

        result.Loads().Should().Equal(new Dictionary<string, int> { ["O1"] = 1, ["O2"] = 1, ["O3"] = 1, ["O4"] = 0, ["O5"] = 0 });
        result.Summary.IdleHelpers.Should().Be(2);
        result.Summary.TotalShortfall.Should().Be(27);
    }
}
