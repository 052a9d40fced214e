using FluentAssertions;
using PairingRules.Results;
using Xunit;

namespace PairingRules.Tests.Solving;

/// <summary>The identity check that debug builds run on every solve finds a household or helper lost, doubled or foreign.</summary>
public sealed class ResultAccountingTests
{
    private static readonly RuleSet Rules = County.Rules(County.Group("cadres", "T", "township", backstop: true));

    [Fact]
    public void Check_SolvedResult_Passes()
    {
        var roster = new Roster([County.H("H1"), County.H("H2", township: "B")], [County.P("T1", "T", "A"), County.P("X1", "X")]);

        var result = Rules.Solve(roster);

        FluentActions.Invoking(() => ResultAccounting.Check(roster, result)).Should().NotThrow();
    }

    [Fact]
    public void Check_ResultOfAnotherRoster_NamesTheHouseholdMissing()
    {
        var roster = new Roster([County.H("H1"), County.H("H2")], [County.P("T1", "T", "A")]);
        var other = new Roster([County.H("H1"), County.H("H3")], [County.P("T1", "T", "A")]);

        var act = () => ResultAccounting.Check(roster, Rules.Solve(other));

        act.Should().Throw<InvalidOperationException>().WithMessage("Internal error: the result names household 'H3', which is not in the roster.");
    }
}
