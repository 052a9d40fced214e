namespace PairingRules.Cli.Reports;

/// <summary>
/// Where the backstop (兜底) is missing: townships with households but no helper of a township-scope backstop group
/// (for the Xing rules, no township cadre), who carries their households instead, and the load above quota that falls
/// on groups other than the backstop.
/// </summary>
/// <remarks>
/// Under the Xing rules county-wide cadres may take any household, so a township without cadres is still covered:
/// its remainder goes to section cadres and ordinary staff above their quota (objective 4 puts that load on the
/// backstop only where one exists). The result is complete, and only this view shows that a township has no one of
/// its own to fall back on. Computed from the result and the roster; the solver is not involved.
/// </remarks>
internal sealed class BackstopCoverage
{
    private BackstopCoverage(string backstopLabel, IReadOnlyList<Township> townships, IReadOnlyList<(string GroupId, long Households)> aboveQuota)
    {
        BackstopLabel = backstopLabel;
        Townships = townships;
        AboveQuota = aboveQuota;
    }

    /// <summary>The backstop groups, for people: <c>township-cadres 乡镇干部</c>.</summary>
    public string BackstopLabel { get; }

    /// <summary>Townships with households but no backstop helper, by county (when the roster names counties), then name (ordinal).</summary>
    public IReadOnlyList<Township> Townships { get; }

    /// <summary>Load above quota on each group that is not a backstop, in rule order, where positive.</summary>
    public IReadOnlyList<(string GroupId, long Households)> AboveQuota { get; }

    /// <summary>The households above quota on groups other than the backstop.</summary>
    public long AboveQuotaTotal => AboveQuota.Sum(g => g.Households);

    /// <summary>Whether there is anything to report: a township without backstop, or load above quota off the backstop.</summary>
    public bool IsWorthReporting => Townships.Count > 0 || AboveQuotaTotal > 0;

    /// <summary>
    /// Computes the view, or returns <see langword="null"/> when the rules have no township-scope backstop group.
    /// </summary>
    public static BackstopCoverage? Of(RuleSet ruleSet, Roster roster, PairingResult result)
    {
        var backstops = ruleSet.Groups.Where(g => g.IsBackstop && g.Scope == PairingScope.Township).ToList();
        if (backstops.Count == 0)
        {
            return null;
        }

        var backstopIds = backstops.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var covered = result.Helpers
            .Where(h => backstopIds.Contains(h.GroupId))
            .Select(h => roster.FindHelper(h.HelperId))
            .Where(h => h?.Township is not null)
            .Select(h => (h!.County, h.Township))
            .ToHashSet();
        var groupOf = result.Pairings.ToDictionary(p => p.HouseholdId, p => p.GroupId, StringComparer.Ordinal);
        var rank = ruleSet.Groups.ToDictionary(g => g.Id, g => g.Index, StringComparer.Ordinal);
        var townships = roster.Households
            .GroupBy(h => (h.County, h.Township))
            .Where(t => !covered.Contains(t.Key))
            .OrderBy(t => t.Key.County, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Township, StringComparer.Ordinal)
            .Select(t => new Township(
                t.Key.Township,
                t.Count(),
                t.Count(h => !groupOf.ContainsKey(h.Id)),
                t.Where(h => groupOf.ContainsKey(h.Id))
                    .GroupBy(h => groupOf[h.Id], StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count()).ThenBy(g => rank.GetValueOrDefault(g.Key))
                    .Select(g => (g.Key, g.Count()))
                    .ToArray(),
                t.Key.County))
            .ToArray();
        var aboveQuota = result.Helpers
            .Where(h => !backstopIds.Contains(h.GroupId) && h.Assigned > h.Required)
            .GroupBy(h => h.GroupId, StringComparer.Ordinal)
            .OrderBy(g => rank.GetValueOrDefault(g.Key))
            .Select(g => (g.Key, g.Sum(h => (long)(h.Assigned - h.Required))))
            .ToArray();
        var label = string.Join(", ", backstops.Select(g => $"{g.Id} {g.Label}"));
        return new BackstopCoverage(label, townships, aboveQuota);
    }

    /// <summary>A township with households but no backstop helper.</summary>
    /// <param name="Name">The township.</param>
    /// <param name="Households">Its households.</param>
    /// <param name="Uncovered">Those left without a helper.</param>
    /// <param name="ByGroup">Its covered households by the group of their helper, most first.</param>
    /// <param name="County">Its county, or null when the roster names none.</param>
    internal sealed record Township(string Name, int Households, int Uncovered, IReadOnlyList<(string GroupId, int Households)> ByGroup, string? County);
}
