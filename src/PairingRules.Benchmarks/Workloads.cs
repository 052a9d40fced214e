using PairingRules.Csv;
using PairingRules.Synthetic;

namespace PairingRules.Benchmarks;

/// <summary>The inputs the benchmarks share, built once per process (in [GlobalSetup], never in a measured method).</summary>
internal static class Workloads
{
    /// <summary>The rule file as a user has it.</summary>
    public static string XingRulesJson => RuleSet.XingCountyJson;

    public static RuleSet XingRules { get; } = RuleSet.LoadXingCounty();

    /// <summary>The <see cref="ScalingBenchmarks.Layout"/> of counties of Xing's size in one roster.</summary>
    public const string Counties = "counties";

    /// <summary>The <see cref="ScalingBenchmarks.Layout"/> of one county of any size.</summary>
    public const string OneCounty = "one-county";

    /// <summary>The households of Xing County, the size of each county in the <see cref="Counties"/> layout.</summary>
    private const int XingHouseholds = 16_800;

    public static Roster County(int households, double previouslyPaired = 0) =>
        SyntheticCounty.Generate(new SyntheticCountyOptions { Households = households, PreviouslyPaired = previouslyPaired });

    /// <summary>
    /// <paramref name="households"/> as one county (<see cref="OneCounty"/>) or as max(1, households / 16,800) counties
    /// of about Xing's size in one roster (<see cref="Counties"/>).
    /// </summary>
    public static Roster Prefecture(int households, string layout) => layout == OneCounty
        ? County(households)
        : SyntheticCounty.Generate(new SyntheticCountyOptions { Households = households, Counties = Math.Max(1, households / XingHouseholds) });

    /// <summary>Writes a roster as the two CSV files the tool reads; returns their paths.</summary>
    public static (string Households, string Helpers) WriteCsv(Roster roster, string directory)
    {
        Directory.CreateDirectory(directory);
        var households = Path.Combine(directory, "households.csv");
        var helpers = Path.Combine(directory, "helpers.csv");
        using (var writer = new StreamWriter(households))
        {
            RosterCsv.WriteHouseholds(roster.Households, writer);
        }

        using (var writer = new StreamWriter(helpers))
        {
            RosterCsv.WriteHelpers(roster.Helpers, writer);
        }

        return (households, helpers);
    }

    /// <summary>
    /// The county a year on: every household keeps the helper of <paramref name="solved"/>, then 5% leave poverty and
    /// 5% new ones are identified (with no helper).
    /// </summary>
    public static Roster YearLater(Roster county, PairingResult solved)
    {
        var helperOf = solved.Pairings.ToDictionary(p => p.HouseholdId, p => p.HelperId);
        var staying = county.Households.Where((_, i) => i % 20 != 0)
            .Select(h => new Household(h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, h.County, h.Members, h.Income, helperOf.GetValueOrDefault(h.Id)));
        var arriving = county.Households.Where((_, i) => i % 20 == 1)
            .Select(h => new Household("N" + h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, h.County, h.Members, h.Income));
        return new Roster(staying.Concat(arriving), county.Helpers);
    }

    /// <summary>Sizes for the scaling benchmark; PAIRING_RULES_BENCH_SIZES (comma-separated) overrides them, as CI's smoke run does.</summary>
    public static IEnumerable<int> ScalingSizes() =>
        Environment.GetEnvironmentVariable("PAIRING_RULES_BENCH_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [16_800, 168_000, 1_680_000];
}
