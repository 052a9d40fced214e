using BenchmarkDotNet.Attributes;

namespace PairingRules.Benchmarks;

/// <summary>
/// Re-solving a year later: 5% of households left poverty, 5% new ones arrived; valid pairings are kept. The solve also
/// runs a fresh solve to report what keeping pairings costs, so it does about twice the work of a plain solve.
/// </summary>
[MemoryDiagnoser]
public class ResolveBenchmarks
{
    private RuleSet _rules = null!;
    private Roster _yearLater = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = Workloads.XingRules;
        var county = Workloads.County(16_800);
        _yearLater = Workloads.YearLater(county, _rules.Solve(county));
        var result = _rules.Solve(_yearLater);
        Console.WriteLine($"// re-solve: kept {result.Summary.Kept}, changed {result.Summary.Changed}, new {result.Summary.New}, uncovered {result.Summary.Uncovered}");
    }

    [Benchmark]
    public PairingResult ResolveKeepingValidPairings() => _rules.Solve(_yearLater);
}
