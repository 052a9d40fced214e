using FluentAssertions;
using PairingRules.Audit;
using PairingRules.Evaluation;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Evaluation;

/// <summary>
/// The one classification of current pairings: solve keeps exactly the pairings it calls valid, and check reports
/// exactly the others, so the two commands never disagree.
/// </summary>
public sealed class CurrentPairingsTests
{
    private static readonly RuleSet Rules = Rules(
        Group("committee", "village-committee", "village", min: 1, max: 1, households: "!household.DeepPoverty"),
        Group("township-cadres", "township-cadre", "township", backstop: true));

    private static readonly Roster Roster = new(
        [
            H("H1", helper: "C1"),                       // valid
            H("H2", helper: "C1"),                       // over the cap of 1: H1 came first
            H("H3", helper: "GONE"),                     // no such helper
            H("H4", helper: "X1"),                       // no group selects X1
            H("H5", township: "B", village: "B1", helper: "T1"), // T1 works in township A
            H("H6", deep: true, helper: "C2"),           // C2's group does not accept a deep-poverty household
            H("H7"),                                     // names no helper
            H("H8", helper: "T1"),                       // valid
        ],
        [
            P("C1", "village-committee", "A", "A1"),
            P("C2", "village-committee", "A", "A1"),
            P("X1", "observer"),
            P("T1", "township-cadre", "A"),
            P("T2", "township-cadre", "B"),
        ]);

    [Fact]
    public void Classify_NamesWhatTheRulesSayOfEachCurrentPairing()
    {
        var placement = Placement.Of(Rules.Compiled, Roster, CancellationToken.None);
        var current = CurrentPairings.Classify(placement);

        Enumerable.Range(0, Roster.Households.Count).Select(h => current[h]).Should().Equal(
            CurrentPairing.Valid,
            CurrentPairing.OverCap,
            CurrentPairing.UnknownHelper,
            CurrentPairing.HelperNotSelected,
            CurrentPairing.OutOfScope,
            CurrentPairing.NotAccepted,
            CurrentPairing.None,
            CurrentPairing.Valid);
        current.KeptCount.Should().Be(2);
        current.KeptLoad.Should().Equal(1, 0, 0, 1, 0);
        current.Named.Should().Equal(2, 1, 1, 2, 0);
    }

    [Fact]
    public async Task SolveAndCheck_AgreeOnWhichPairingsAreValid()
    {
        var result = Rules.Solve(Roster);
        var report = await Rules.CheckAsync(Roster);

        var kept = result.Pairings.Where(p => p.Status == PairingStatus.Kept).Select(p => p.HouseholdId);
        var faulted = report.Findings.Where(f => f.Subject == AuditSubject.Household).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var named = Roster.Households.Where(h => h.CurrentHelper is not null).Select(h => h.Id);

        kept.Should().Equal("H1", "H8");
        named.Where(id => !faulted.Contains(id)).Should().Equal(kept, "check finds no fault in exactly the pairings solve keeps");
        result.Changes.Select(c => (c.HouseholdId, c.Reason)).Should().Equal(
            ("H2", ChangeReason.OverCap),
            ("H3", ChangeReason.HelperLeft),
            ("H4", ChangeReason.HelperNotSelected),
            ("H5", ChangeReason.RuleBroken),
            ("H6", ChangeReason.RuleBroken));
    }
}
