using BenchmarkDotNet.Attributes;
using PairingRules.Csv;

namespace PairingRules.Benchmarks;

/// <summary>What `pairing-rules solve` does: read the two roster CSVs (encoding detection, validation) and solve.</summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private RuleSet _rules = null!;
    private string _households = "";
    private string _helpers = "";
    private string _directory = "";

    [GlobalSetup]
    public void Setup()
    {
        _rules = Workloads.XingRules;
        _directory = Path.Combine(Path.GetTempPath(), "pairing-rules-bench-" + Environment.ProcessId);
        (_households, _helpers) = Workloads.WriteCsv(Workloads.County(16_800), _directory);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public PairingResult ReadCsvAndSolve() => _rules.Solve(RosterCsv.Read(_households, _helpers));

    [Benchmark]
    public Roster ReadCsvOnly() => RosterCsv.Read(_households, _helpers);
}
