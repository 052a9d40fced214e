using FluentAssertions;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests.Synthetic;

/// <summary>A synthetic prefecture: several counties in one roster (<see cref="SyntheticCountyOptions.Counties"/>).</summary>
public sealed class SyntheticCountiesTests
{
    [Fact]
    public void Generate_OneCounty_NamesNoCountyAndKeepsTheIds()
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 500, Counties = 1 });

        roster.Households.Should().OnlyContain(h => h.County == null);
        roster.Helpers.Should().OnlyContain(h => h.County == null);
        roster.Households[0].Id.Should().Be("H0000001");
    }

    [Fact]
    public void Generate_ThreeCounties_SplitsTheHouseholdsEvenlyWithUniqueIdsAndLuliangNames()
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 1_000, Counties = 3 });

        roster.Households.Should().HaveCount(1_000);
        roster.Households.GroupBy(h => h.County).Select(g => (g.Key, g.Count())).Should().Equal(("离石区", 334), ("文水县", 333), ("交城县", 333));
        roster.Helpers.Select(h => h.County).Distinct().Should().Equal("离石区", "文水县", "交城县");
        roster.Households.Select(h => h.Id).Concat(roster.Helpers.Select(h => h.Id)).Should().OnlyHaveUniqueItems();
        roster.Households[0].Id.Should().Be("C001-H0000001");
        roster.Helpers.First(h => h.County == "文水县").Id.Should().Be("C002-CL00001");
    }

    [Fact]
    public void Generate_EachCounty_IsTheOneCountyGeneratorWithItsShareAndSeed()
    {
        var options = new SyntheticCountyOptions { Seed = 5, Households = 1_001, Counties = 2, PreviouslyPaired = 0.3 };
        var roster = SyntheticCounty.Generate(options);

        var second = SyntheticCounty.Generate(options with { Households = 500, Seed = 6, Counties = 1 });

        var inSecond = roster.Households.Where(h => h.County == "文水县").ToList();
        inSecond.Select(h => (h.Id, h.Township, h.Village, h.CurrentHelper)).Should().Equal(
            second.Households.Select(h => ("C002-" + h.Id, h.Township, h.Village, h.CurrentHelper is null ? null : "C002-" + h.CurrentHelper)));
        roster.Helpers.Count(h => h.County == "文水县").Should().Be(second.Helpers.Count);
    }

    [Fact]
    public void Generate_MoreCountiesThanLuliangHas_NumbersTheRepeatedNames()
    {
        var roster = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 14, Counties = 14 });

        roster.Households.Select(h => h.County).Should().Equal(
            "离石区", "文水县", "交城县", "兴县", "临县", "柳林县", "石楼县", "岚县", "方山县", "中阳县", "交口县", "孝义市", "汾阳市", "离石区2");
        roster.Households[^1].Id.Should().Be("C014-H0000001");
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1_001, 5_000)]
    [InlineData(11, 10)]
    public void Generate_CountiesOutOfRange_Throws(int counties, int households)
    {
        var act = () => SyntheticCounty.Generate(new SyntheticCountyOptions { Households = households, Counties = counties });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Counties");
    }
}
