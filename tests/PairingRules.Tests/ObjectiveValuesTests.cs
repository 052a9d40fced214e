using FluentAssertions;
using Xunit;

namespace PairingRules.Tests;

/// <summary><see cref="ObjectiveValues"/> compare level by level, are equal by value, and are greater than null.</summary>
public sealed class ObjectiveValuesTests
{
    [Fact]
    public void CompareTo_Null_IsPositive()
    {
        new ObjectiveValues(0, 0, 0, 0, 0).CompareTo(null).Should().BePositive("any instance is greater than null, as .NET compares");
        (new ObjectiveValues(0, 0, 0, 0, 0) > null).Should().BeTrue();
    }

    [Fact]
    public void CompareTo_EarlierLevelDecides()
    {
        var fewerUncovered = new ObjectiveValues(1, 9, 9, 9, 9);
        var moreUncovered = new ObjectiveValues(2, 0, 0, 0, 0);

        fewerUncovered.CompareTo(moreUncovered).Should().BeNegative();
        (fewerUncovered < moreUncovered).Should().BeTrue();
        new ObjectiveValues(0, 0, 1, 0, 5).CompareTo(new ObjectiveValues(0, 0, 1, 0, 4)).Should().BePositive();
    }

    [Fact]
    public void Equals_SameLevels_AreEqual()
    {
        var a = new ObjectiveValues(0, 1, 2, 3, 4);
        var b = new ObjectiveValues(0, 1, 2, 3, 4);

        a.Should().Be(b);
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.CompareTo(b).Should().Be(0);
        a.Should().NotBe(new ObjectiveValues(0, 1, 2, 3, 5));
        a.ToString().Should().Be("uncovered 0, idle helpers 1, shortfall 2, remainder 3, balance 4");
    }
}
