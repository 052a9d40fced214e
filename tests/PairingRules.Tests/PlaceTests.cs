using FluentAssertions;
using Xunit;

namespace PairingRules.Tests;

/// <summary>A <see cref="Place"/> prints as reports name it, compares ordinally county first, and is equal by value.</summary>
public sealed class PlaceTests
{
    [Theory]
    [InlineData(null, "蔚汾镇", null, "蔚汾镇")]
    [InlineData("兴县", "蔚汾镇", null, "兴县/蔚汾镇")]
    [InlineData(null, "蔚汾镇", "城关村", "蔚汾镇/城关村")]
    [InlineData("兴县", "蔚汾镇", "城关村", "兴县/蔚汾镇/城关村")]
    [InlineData("兴县", null, null, "兴县")]
    public void ToString_JoinsThePartsThatAreGivenWithASlash(string? county, string? township, string? village, string expected)
    {
        new Place(county, township, village).ToString().Should().Be(expected);
    }

    [Fact]
    public void CompareTo_OrdersByCountyTownshipThenVillage_MissingPartsFirst()
    {
        var places = new[]
        {
            new Place("兴县", "西乡", "西村"),
            new Place("临县", "西乡", null),
            new Place(null, "东乡", "东村"),
            new Place("兴县", "东乡", null),
            new Place("兴县", "东乡", "东村"),
            new Place(null, "东乡", null),
        };

        places.Order().Select(p => p.ToString()).Should().Equal("东乡", "东乡/东村", "临县/西乡", "兴县/东乡", "兴县/东乡/东村", "兴县/西乡/西村");
        new Place(null, "A", null).CompareTo(null).Should().BePositive();
        (new Place(null, "A", null) < new Place(null, "B", null)).Should().BeTrue();
        (null < new Place(null, "A", null)).Should().BeTrue();
    }

    [Fact]
    public void Equals_SameParts_AreEqualAndHashAlike()
    {
        var a = new Place("兴县", "东乡", "东村");
        var b = new Place("兴县", "东乡", "东村");

        a.Should().Be(b);
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(new Place(null, "东乡", "东村"));
        new Place(" ", "东乡", "").Should().Be(new Place(null, "东乡", null), "blank parts count as none");
    }

    [Fact]
    public void Constructor_VillageWithoutTownshipOrNothingAtAll_Throws()
    {
        FluentActions.Invoking(() => new Place("兴县", null, "东村")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new Place(null, null, null)).Should().Throw<ArgumentException>();
    }
}
