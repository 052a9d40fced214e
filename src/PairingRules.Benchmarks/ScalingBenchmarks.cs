using BenchmarkDotNet.Attributes;

namespace PairingRules.Benchmarks;

/// <summary>How solve time grows with the county: Xing County's size, ten counties, a hundred (helpers scale too).</summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private RuleSet _rules = null!;
    private Roster _county = null!;

    [ParamsSource(nameof(Sizes))]
    public int Households { get; set; }

    public static IEnumerable<int> Sizes() => Workloads.ScalingSizes();

    [GlobalSetup]
    public void Setup()
    {
        _rules = Workloads.XingRules;
        _county = Workloads.County(Households);
    }

    [Benchmark]
    public PairingResult Solve() => _rules.Solve(_county);
}
