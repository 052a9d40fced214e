using PairingRules.Synthetic;
using Xunit;
using Xunit.Abstractions;

namespace PairingRules.Tests.Synthetic;

public sealed class LinglingDistrictTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(8000)]
    [InlineData(500)]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(30000)]
    public void Probe(int households)
    {
        var roster = SyntheticCounty.Generate(SyntheticCountyOptions.LinglingDistrict with { Households = households });
        var result = RuleSet.LoadShipped("lingling-district").Solve(roster);
        output.WriteLine($"{households}: helpers {roster.Helpers.Count} {string.Join(",", roster.Helpers.CountBy(h => h.Category))} monitored {roster.Households.Count(h => h.Attribute("监测对象") == "是")} complete {result.IsComplete} {result.Objective} unselected {result.Unselected.Count}");
    }
}
