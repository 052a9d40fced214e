using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PairingRules.Benchmarks;

/// <summary>
/// How many times the smallest case of the same layout each case takes (mean against mean, within one run), so that the
/// results show how cost grows with the county without comparing times across machines or runs.
/// </summary>
internal sealed class GrowthColumn : IColumn
{
    public string Id => nameof(GrowthColumn);

    public string ColumnName => "× smallest";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean time over the mean time of the smallest Households of the same Layout, in this run";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var layout = benchmarkCase.Parameters[nameof(ScalingBenchmarks.Layout)];
        var smallest = summary.BenchmarksCases
            .Where(c => Equals(c.Parameters[nameof(ScalingBenchmarks.Layout)], layout))
            .MinBy(c => (int)c.Parameters[nameof(ScalingBenchmarks.Households)]);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var baseline = smallest is null ? null : summary[smallest]?.ResultStatistics?.Mean;
        return mean is { } m && baseline is > 0 ? (m / baseline.Value).ToString("0.0", CultureInfo.InvariantCulture) : "?";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
