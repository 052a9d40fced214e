using BenchmarkDotNet.Attributes;
using PairingRules.Audit;

namespace PairingRules.Benchmarks;

/// <summary>Auditing a full existing pairing of 16,800 households, through the RulesEngine audit workflow.</summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private RuleSet _rules = null!;
    private Roster _paired = null!;
    private AuditWorkflow _audit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = Workloads.XingRules;
        _audit = AuditWorkflow.LoadDefault();
        var county = Workloads.County(16_800);
        var helperOf = _rules.Solve(county).Pairings.ToDictionary(p => p.HouseholdId, p => p.HelperId);
        _paired = new Roster(
            county.Households.Select(h => new Household(h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, h.County, h.Members, h.Income, helperOf[h.Id])),
            county.Helpers);
    }

    [Benchmark]
    public Task<AuditReport> CheckFullPairing() => _rules.CheckAsync(_paired, _audit);
}
