using BenchmarkDotNet.Attributes;

namespace PairingRules.Benchmarks;

/// <summary>Compiling rules/xing-county.json: read, check, parse every expression with RulesEngine, compile delegates.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private string _json = "";

    [GlobalSetup]
    public void Setup() => _json = Workloads.XingRulesJson;

    [Benchmark]
    public RuleSet CompileXingRules() => RuleSet.Parse(_json, "xing-county.json");
}
