using BenchmarkDotNet.Attributes;

namespace PairingRules.Benchmarks;

/// <summary>
/// Solving the default synthetic Xing County (16,800 households, 5,005 helpers) in memory, against the greedy
/// cascade a county office might write by hand (the baseline: faster, not optimal; see the log for what it loses).
/// </summary>
[MemoryDiagnoser]
public class SolveBenchmarks
{
    private RuleSet _rules = null!;
    private Roster _county = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = Workloads.XingRules;
        _county = Workloads.County(16_800);
        var optimal = _rules.Solve(_county);
        var greedy = GreedyCascade.Solve(_rules, _county);
        Console.WriteLine(
            $"// Xing County 16,800: optimal covers {optimal.Summary.Covered}, shortfall {optimal.Summary.TotalShortfall}, idle {optimal.Summary.IdleHelpers}; " +
            $"greedy cascade covers {greedy.Covered}, shortfall {greedy.Shortfall}, idle {greedy.Idle}");
    }

    [Benchmark]
    public PairingResult SolveOptimal() => _rules.Solve(_county);

    [Benchmark(Baseline = true)]
    public (int, long, int) GreedyCascadeBaseline() => GreedyCascade.Solve(_rules, _county);
}
