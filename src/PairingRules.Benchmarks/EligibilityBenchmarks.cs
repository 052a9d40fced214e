using BenchmarkDotNet.Attributes;
using RulesEngine.Models;

namespace PairingRules.Benchmarks;

/// <summary>
/// Deciding which (helper, household) pairs are allowed on a slice of the county (100 helpers x 168 households):
/// RulesEngine's ExecuteAllRulesAsync per pair (the baseline) against the compiled delegates the solver uses.
/// The solver itself never evaluates pairs: it evaluates each household once per distinct filter and compresses.
/// </summary>
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    private RuleSet _rules = null!;
    private Helper[] _helpers = [];
    private RuleGroup[] _groups = [];
    private Household[] _households = [];
    private RulesEngine.RulesEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = Workloads.XingRules;
        var county = Workloads.County(16_800);
        _helpers = county.Helpers.Where((_, i) => i % 50 == 0).Take(100).ToArray();
        _groups = _helpers.Select(h => _rules.GroupOf(h)!).ToArray();
        _households = county.Households.Where((_, i) => i % 100 == 0).ToArray();
        var workflows = _rules.Groups.Select(g => new Workflow
        {
            WorkflowName = g.Id,
            Rules =
            [
                new Rule
                {
                    RuleName = "eligible",
                    Expression = $"({g.HelpersExpression}) && ({g.HouseholdsExpression}) && " + g.Scope switch
                    {
                        PairingScope.County => "true",
                        PairingScope.Township => "household.Township == helper.Township",
                        _ => "household.Township == helper.Township && household.Village == helper.Village",
                    },
                },
            ],
        }).ToArray();
        _engine = new RulesEngine.RulesEngine(workflows, new ReSettings { AutoRegisterInputType = false, CustomTypes = [typeof(Helper), typeof(Household)] });
    }

    [Benchmark(Baseline = true)]
    public async Task<int> RulesEnginePerPair()
    {
        var allowed = 0;
        for (var p = 0; p < _helpers.Length; p++)
        {
            foreach (var household in _households)
            {
                var results = await _engine.ExecuteAllRulesAsync(_groups[p].Id, new RuleParameter("helper", _helpers[p]), new RuleParameter("household", household));
                allowed += results[0].IsSuccess ? 1 : 0;
            }
        }

        return allowed;
    }

    [Benchmark]
    public int CompiledDelegatesPerPair()
    {
        var allowed = 0;
        for (var p = 0; p < _helpers.Length; p++)
        {
            foreach (var household in _households)
            {
                allowed += _groups[p].Allows(_helpers[p], household) ? 1 : 0;
            }
        }

        return allowed;
    }
}
