using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PairingRules.Benchmarks;

/// <summary>
/// How solve time grows with the roster: Xing County's size, ten times, a hundred times (helpers scale too), laid out
/// either as one larger county or as a prefecture of counties of Xing's size in one roster. The "× smallest" column
/// divides each mean by the 16,800-household mean of the same layout in the same run (the target: at most 120
/// at 1,680,000 households).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Growth))]
public class ScalingBenchmarks
{
    private RuleSet _rules = null!;
    private Roster _county = null!;

    [ParamsSource(nameof(Sizes))]
    public int Households { get; set; }

    /// <summary>
    /// <c>counties</c>: <see cref="Households"/> / 16,800 counties of Xing's size (at least one) in one roster, each
    /// naming its county; <c>one-county</c>: one county of that many households, as before.
    /// </summary>
    [Params(Workloads.Counties, Workloads.OneCounty)]
    public string Layout { get; set; } = Workloads.Counties;

    public static IEnumerable<int> Sizes() => Workloads.ScalingSizes();

    [GlobalSetup]
    public void Setup()
    {
        _rules = Workloads.XingRules;
        _county = Workloads.Prefecture(Households, Layout);
    }

    [Benchmark]
    public PairingResult Solve() => _rules.Solve(_county);

    private sealed class Growth : ManualConfig
    {
        public Growth() => AddColumn(new GrowthColumn());
    }
}
