using PairingRules.Solving;

namespace PairingRules.Explanation;

/// <summary>
/// Why the gaps of an optimal pairing cannot be closed: the reason and remedy of each uncovered household class,
/// certificates (a set of households and the only helpers who may take them) for coverage and for quotas, and where the
/// township backstop is missing (<see cref="BackstopCoverageBuilder"/>).
/// </summary>
internal sealed class Explainer
{
    private Explainer(IReadOnlyList<UncoveredWhy> reasons, IReadOnlyList<Certificate> certificates, BackstopCoverage? backstop)
    {
        ReasonOfHouseholdClass = reasons;
        Certificates = certificates;
        Backstop = backstop;
    }

    /// <summary>For each household class with uncovered households, why and what would cover them.</summary>
    public IReadOnlyList<UncoveredWhy> ReasonOfHouseholdClass { get; }

    /// <summary>Coverage certificates, then quota certificates.</summary>
    public IReadOnlyList<Certificate> Certificates { get; }

    /// <summary>Townships without a backstop helper and the load above quota on other groups; null when the rules have
    /// no township-scope backstop group.</summary>
    public BackstopCoverage? Backstop { get; }

    public static Explainer Explain(PairingProblem problem, FlowSolution solution, Assignment assignment)
    {
        var certificates = new List<Certificate>();
        var text = ResultText.English(problem.Rules.Groups);
        var reasons = Coverage(problem, solution, certificates, text);
        certificates.AddRange(QuotaCertificates(problem, solution, assignment.Loads, text));
        return new Explainer(reasons, certificates, BackstopCoverageBuilder.Build(problem, assignment));
    }

    /// <summary>Why each household class with uncovered households has them, and the coverage certificates.</summary>
    private static UncoveredWhy[] Coverage(PairingProblem problem, FlowSolution solution, List<Certificate> certificates, ResultText text)
    {
        var reasons = new UncoveredWhy[problem.HouseholdClasses.Count];
        var blocked = problem.HouseholdClasses.Where(hc => solution.Uncovered[hc.Index] > 0).ToList();
        if (blocked.Count == 0)
        {
            return reasons;
        }

        var roster = problem.Roster;
        var groups = problem.Rules.Groups;
        var eligible = problem.Eligible;

        // Coverage certificates: close each set of uncovered households over "may go to" and "is held by".
        var sources = new List<int>[problem.HelperClasses.Count];
        for (var c = 0; c < sources.Length; c++)
        {
            sources[c] = [];
        }

        foreach (var hc in problem.HouseholdClasses)
        {
            foreach (var (c, _) in solution.Of(hc.Index))
            {
                sources[c].Add(hc.Index);
            }
        }

        var full = blocked.Where(hc => eligible[hc.Index].Count > 0).Select(hc => hc.Index).ToList();
        foreach (var component in Components(full, hc => eligible[hc], c => sources[c], problem.HouseholdClasses.Count, problem.HelperClasses.Count))
        {
            var households = component.HouseholdClasses.Sum(hc => (long)problem.HouseholdClasses[hc].Members.Count);
            var gap = component.HouseholdClasses.Sum(hc => solution.Uncovered[hc]);
            var helperClasses = component.HelperClasses.Select(c => problem.HelperClasses[c]).ToList();
            var helpers = helperClasses.Sum(c => c.Members.Count);
            var capacity = helperClasses.Sum(c => (long)c.Members.Count * (c.Room ?? 0));
            var townships = Townships(problem, component.HouseholdClasses);
            var groupIds = helperClasses.Select(c => c.Group).Distinct().OrderBy(g => g.Index).ToList();
            var capped = groupIds.Where(g => g.Max is not null).ToList();
            var (remedyGroups, maxIncrease) = capped.Count == 0 ? (IdsOf(groupIds), (long?)null) : (IdsOf(capped), Ceiling(gap, Math.Max(1, helpers)));
            certificates.Add(new Certificate(
                CertificateKind.Coverage,
                UncoveredReason.AllHelpersFull,
                text.Statement(CertificateKind.Coverage, UncoveredReason.AllHelpersFull, households, helpers, capacity, gap, townships, IdsOf(groupIds)),
                households,
                helpers,
                capacity,
                gap,
                townships,
                Villages(problem, component.HouseholdClasses),
                IdsOf(groupIds)));
            // The remedy names groups only, not places: one for the whole set.
            var why = new UncoveredWhy(
                UncoveredReason.AllHelpersFull,
                text.Remedy(UncoveredReason.AllHelpersFull, remedyGroups, maxIncrease, VillageOf(problem.HouseholdClasses[component.HouseholdClasses[0]])),
                remedyGroups,
                maxIncrease);
            foreach (var hc in component.HouseholdClasses)
            {
                reasons[hc] = why;
            }
        }

        // Households no helper may take at all: why, and one certificate per township and reason. A township without
        // a helper of the backstop group is named as the reason wherever the backstop would accept the household.
        var backstops = groups.Where(g => g.IsBackstop && g.Scope == PairingScope.Township).ToList();
        foreach (var hc in blocked)
        {
            var township = roster.Places.TownshipOfVillage[hc.VillageId];
            var backstop = backstops.FirstOrDefault(g => hc.Accepted[problem.FilterOfGroup[g.Index]] &&
                !problem.HelperClasses.Any(c => c.Group == g && c.ScopePlace == township));
            UncoveredWhy? why = null;
            if (backstop is not null)
            {
                why = new UncoveredWhy(UncoveredReason.NoBackstopInTownship, string.Empty, [backstop.Id], null);
            }
            else if (eligible[hc.Index].Count == 0)
            {
                var accepting = groups.Where(g => hc.Accepted[problem.FilterOfGroup[g.Index]]).ToList();
                why = accepting.Count == 0
                    ? new UncoveredWhy(UncoveredReason.NoGroupAccepts, string.Empty, [], null)
                    : new UncoveredWhy(UncoveredReason.NoHelperInScope, string.Empty, [accepting[0].Id], null);
            }

            if (why is not null)
            {
                reasons[hc.Index] = why with { Remedy = text.Remedy(why.Reason, why.GroupIds, why.MaxIncrease, VillageOf(hc)) };
            }
        }

        foreach (var set in blocked.Where(hc => eligible[hc.Index].Count == 0).GroupBy(hc => (hc.County, hc.Township, reasons[hc.Index].Reason))
            .OrderBy(g => g.Key.County, StringComparer.Ordinal).ThenBy(g => g.Key.Township, StringComparer.Ordinal).ThenBy(g => g.Key.Reason))
        {
            var count = set.Sum(hc => solution.Uncovered[hc.Index]);
            Place[] township = [TownshipOf(set.Key.County, set.Key.Township)];
            certificates.Add(new Certificate(
                CertificateKind.Coverage,
                set.Key.Reason,
                text.Statement(CertificateKind.Coverage, set.Key.Reason, count, 0, 0, count, township, []),
                count,
                0,
                0,
                count,
                township,
                Villages(problem, set.Select(hc => hc.Index)),
                []));
        }

        return reasons;
    }

    private static IEnumerable<Certificate> QuotaCertificates(PairingProblem problem, FlowSolution solution, int[] loads, ResultText text)
    {
        var need = problem.HelperClasses.Select(c => Math.Min(Math.Max(c.Group.Min, 1), c.Group.Max ?? int.MaxValue)).ToArray();
        var deficient = problem.HelperClasses
            .Where(c => c.Members.Any(m => loads[m] < need[c.Index]))
            .Select(c => c.Index)
            .ToList();
        if (deficient.Count == 0)
        {
            yield break;
        }

        var reaches = problem.Reachable;

        // Start from the household classes the deficient helpers may take; close over "is held by" and "may go to".
        var holders = problem.HouseholdClasses.Select(hc => solution.Of(hc.Index).ToArray().Select(x => x.HelperClass).ToList()).ToArray();
        var starts = deficient.SelectMany(c => reaches[c]).Distinct().ToList();
        var components = Components(
            starts,
            hc => holders[hc],
            c => reaches[c],
            problem.HouseholdClasses.Count,
            problem.HelperClasses.Count,
            deficient);
        foreach (var component in components)
        {
            var helperClasses = component.HelperClasses.Select(c => problem.HelperClasses[c]).ToList();
            var demand = helperClasses.Sum(c => (long)c.Members.Count * Math.Max(0, need[c.Index] - c.Preload));
            var households = component.HouseholdClasses.Sum(hc => (long)problem.HouseholdClasses[hc].Members.Count);
            var gap = helperClasses.Sum(c => c.Members.Sum(m => (long)Math.Max(0, need[c.Index] - loads[m])));
            var helpers = helperClasses.Sum(c => c.Members.Count);
            var townships = Townships(problem, component.HouseholdClasses);
            var groupIds = helperClasses.Select(c => c.Group).Distinct().OrderBy(g => g.Index).ToList();
            yield return new Certificate(
                CertificateKind.Quota,
                null,
                text.Statement(CertificateKind.Quota, null, households, helpers, demand, gap, townships, IdsOf(groupIds)),
                households,
                helpers,
                demand,
                gap,
                townships,
                Villages(problem, component.HouseholdClasses),
                IdsOf(groupIds));
        }
    }

    /// <summary>
    /// Closes sets of household classes and helper classes under the two relations, merging sets that meet.
    /// </summary>
    private static List<(List<int> HouseholdClasses, List<int> HelperClasses)> Components(
        IEnumerable<int> startHouseholdClasses,
        Func<int, IEnumerable<int>> helperClassesOf,
        Func<int, IEnumerable<int>> householdClassesOf,
        int householdClassCount,
        int helperClassCount,
        IEnumerable<int>? startHelperClasses = null)
    {
        // Each start that reaches something new opens a set (numbered in order); sets that meet are merged.
        var sets = new DisjointSets(householdClassCount + helperClassCount);
        var opened = 0;
        var ownerH = new int[householdClassCount];
        var ownerC = new int[helperClassCount];
        Array.Fill(ownerH, -1);
        Array.Fill(ownerC, -1);
        var starts = startHouseholdClasses.Select(h => (IsHousehold: true, Index: h))
            .Concat((startHelperClasses ?? []).Select(c => (IsHousehold: false, Index: c)));
        foreach (var start in starts)
        {
            if ((start.IsHousehold ? ownerH[start.Index] : ownerC[start.Index]) >= 0)
            {
                continue;
            }

            var id = opened++;
            var queue = new Queue<(bool IsHousehold, int Index)>();
            queue.Enqueue(start);
            (start.IsHousehold ? ownerH : ownerC)[start.Index] = id;
            while (queue.Count > 0)
            {
                var (isHousehold, index) = queue.Dequeue();
                foreach (var next in isHousehold ? helperClassesOf(index) : householdClassesOf(index))
                {
                    var owners = isHousehold ? ownerC : ownerH;
                    if (owners[next] < 0)
                    {
                        owners[next] = id;
                        queue.Enqueue((!isHousehold, next));
                    }
                    else
                    {
                        sets.Union(owners[next], id);
                    }
                }
            }
        }

        // Sets in order of the last start that merged into them, classes in index order.
        var last = new int[opened];
        for (var id = 0; id < opened; id++)
        {
            last[sets.Find(id)] = id;
        }

        var components = new SortedDictionary<int, (List<int>, List<int>)>();
        for (var h = 0; h < householdClassCount; h++)
        {
            if (ownerH[h] >= 0)
            {
                Component(components, last[sets.Find(ownerH[h])]).Item1.Add(h);
            }
        }

        for (var c = 0; c < helperClassCount; c++)
        {
            if (ownerC[c] >= 0)
            {
                Component(components, last[sets.Find(ownerC[c])]).Item2.Add(c);
            }
        }

        return components.Values.ToList();
    }

    private static (List<int>, List<int>) Component(SortedDictionary<int, (List<int>, List<int>)> components, int root)
    {
        if (!components.TryGetValue(root, out var component))
        {
            component = ([], []);
            components.Add(root, component);
        }

        return component;
    }

    /// <summary>
    /// The distinct townships of some household classes, in <see cref="Place"/> order (by county, then name); statements
    /// name them by <see cref="Place.ToString"/>: <c>蔚汾镇</c>, or <c>兴县/蔚汾镇</c> when the roster names counties.
    /// </summary>
    private static Place[] Townships(PairingProblem problem, IEnumerable<int> householdClasses) => householdClasses
        .Select(hc => (problem.HouseholdClasses[hc].County, problem.HouseholdClasses[hc].Township))
        .Distinct()
        .Select(t => TownshipOf(t.County, t.Township))
        .Order()
        .ToArray();

    /// <summary>The distinct villages of some household classes, in <see cref="Place"/> order.</summary>
    private static Place[] Villages(PairingProblem problem, IEnumerable<int> householdClasses) => householdClasses
        .Select(hc => problem.HouseholdClasses[hc])
        .DistinctBy(hc => hc.VillageId)
        .Select(VillageOf)
        .Order()
        .ToArray();

    private static Place TownshipOf(string? county, string township) => new(county, township, village: null);

    private static Place VillageOf(HouseholdClass hc) => new(hc.County, hc.Township, hc.Village);

    private static string[] IdsOf(IEnumerable<RuleGroup> groups) => groups.Select(g => g.Id).ToArray();

    private static long Ceiling(long a, long b) => (a + b - 1) / b;
}

/// <summary>
/// Why the households of one household class are uncovered, what would cover them (in English), the groups that remedy
/// names, and by how much their <c>max</c> must rise when that is the remedy.
/// </summary>
internal sealed record UncoveredWhy(UncoveredReason Reason, string Remedy, IReadOnlyList<string> GroupIds, long? MaxIncrease);
