using FluentAssertions;
using PairingRules.Synthetic;
using Xunit;

namespace PairingRules.Tests;

/// <summary>The C# example in the README and the package README is this code, compiled and run here, so it cannot drift.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_CompilesRunsAndIsQuotedVerbatim()
    {
        var output = new StringWriter();

        // README:start
        // Load and compile a rule set once; it is immutable and thread-safe.
        RuleSet rules = RuleSet.LoadXingCounty(); // or RuleSet.Load("rules/xing-county.json")

        var roster = new Roster(
            households:
            [
                new Household("H1", township: "蔚汾镇", village: "城关村", poorVillage: true, deepPoverty: true),
                new Household("H2", township: "蔚汾镇", village: "城关村", poorVillage: true, deepPoverty: false),
                new Household("H3", township: "蔚汾镇", village: "城关村", poorVillage: true, deepPoverty: false),
            ],
            helpers:
            [
                new Helper("L1", "county-leader", name: "县领导甲"),
                new Helper("T1", "township-cadre", name: "乡镇干部乙", township: "蔚汾镇"),
            ]);

        PairingResult result = rules.Solve(roster);

        foreach (var pairing in result.Pairings)
        {
            output.WriteLine($"{pairing.HouseholdId} -> {pairing.HelperId} ({pairing.GroupId})");
        }

        output.WriteLine($"covered {result.Summary.Covered} of {result.Summary.Households}, shortfall {result.Summary.TotalShortfall}");
        foreach (var certificate in result.Certificates)
        {
            output.WriteLine(certificate.Statement);
        }
        // README:end

        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "H1 -> L1 (county-leaders)",
            "H2 -> T1 (township-cadres)",
            "H3 -> T1 (township-cadres)",
            "covered 3 of 3, shortfall 9",
            "1 helper of `county-leaders` needs 10 households to meet their quotas (at least one each); only 1 household may go to any of them (in 蔚汾镇), so 9 short in any pairing that covers as many households.");

        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "PairingRules.Tests", "ReadmeExampleTests.cs"));
        var start = source.IndexOf("// README:start", StringComparison.Ordinal) + "// README:start".Length;
        var snippet = source[start..source.IndexOf("        // README:end", StringComparison.Ordinal)];
        var unindented = string.Join('\n', snippet.Split('\n').Select(l => l.Length >= 8 ? l[8..] : l.TrimStart())).Trim();
        foreach (var page in new[] { "README.md", Path.Combine("docs", "package-readme.md") })
        {
            File.ReadAllText(Path.Combine(RepositoryRoot(), page)).Replace("\r\n", "\n", StringComparison.Ordinal)
                .Should().Contain(unindented, $"{page} quotes this example verbatim");
        }
    }

    [Fact]
    public void DefaultSyntheticCounty_IsCoveredCompletelyByTheXingRules()
    {
        var roster = SyntheticCounty.Generate();

        var result = RuleSet.LoadXingCounty().Solve(roster);

        roster.Households.Should().HaveCount(16_800);
        roster.Helpers.Count.Should().BeGreaterThan(5_000);
        roster.Households.Select(h => h.Village).Where((_, i) => roster.Households[i].PoorVillage).Distinct().Should().HaveCount(307);
        result.Summary.Should().BeEquivalentTo(new PairingSummary(16_800, 16_800, 0, 5_005, 0, 0, 0, 0, 16_800, 0));
        result.IsComplete.Should().BeTrue();
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PairingRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("PairingRules.sln not found above the test folder.");
    }
}
