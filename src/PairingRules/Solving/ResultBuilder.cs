using System.Globalization;

namespace PairingRules.Solving;

/// <summary>Turns class flows into individual pairings, and writes the report and its certificates.</summary>
internal static class ResultBuilder
{
    /// <summary>The objective values a solution reaches.</summary>
    public static ObjectiveValues Objective(PairingProblem problem, FlowSolution solution) =>
        Objective(problem, Loads(problem, Assign(problem, solution)), solution.Uncovered.Sum());

    public static PairingResult Build(PairingProblem problem, FlowSolution solution, ObjectiveValues? fresh)
    {
        var roster = problem.Roster;
        var helperOf = Assign(problem, solution);
        var loads = Loads(problem, helperOf);

        // Pairings and helper loads as indexes; the result makes each row when it is read.
        var paired = 0;
        foreach (var helper in helperOf)
        {
            paired += helper >= 0 ? 1 : 0;
        }

        var pairedHousehold = new int[paired];
        var pairedHelper = new int[paired];
        var status = new byte[paired];
        var uncoveredIndexes = new List<int>(roster.Households.Count - paired);
        var changes = new List<ChangedPairing>(problem.ChangeOfHousehold.Count);
        var next = 0;
        for (var h = 0; h < helperOf.Length; h++)
        {
            var helper = helperOf[h];
            if (helper >= 0)
            {
                pairedHousehold[next] = h;
                pairedHelper[next] = helper;
                status[next++] = (byte)(problem.KeptHelperOfHousehold[h] >= 0 ? PairingStatus.Kept
                    : problem.ChangeOfHousehold.ContainsKey(h) ? PairingStatus.Changed
                    : PairingStatus.New);
            }
            else
            {
                uncoveredIndexes.Add(h);
            }

            if (problem.ChangeOfHousehold.TryGetValue(h, out var change))
            {
                var household = roster.Households[h];
                changes.Add(new ChangedPairing(household.Id, household.CurrentHelper!, change.Reason, helper >= 0 ? roster.Helpers[helper].Id : null));
            }
        }

        var selected = 0;
        foreach (var g in problem.GroupOfHelper)
        {
            selected += g >= 0 ? 1 : 0;
        }

        var loaded = new int[selected];
        var unselected = new List<UnselectedHelper>(roster.Helpers.Count - selected);
        next = 0;
        for (var i = 0; i < roster.Helpers.Count; i++)
        {
            if (problem.GroupOfHelper[i] < 0)
            {
                unselected.Add(new UnselectedHelper(roster.Helpers[i].Id, problem.UnselectedReason[i]!));
            }
            else
            {
                loaded[next++] = i;
            }
        }

        var pairings = new PairingRows(roster, problem.Rules, problem.GroupOfHelper, pairedHousehold, pairedHelper, status);
        var helperLoads = new HelperLoadRows(roster, problem.Rules, problem.GroupOfHelper, loaded, loads);

        var certificates = new List<Certificate>();
        var uncovered = Uncovered(problem, solution, helperOf, uncoveredIndexes, certificates);
        certificates.AddRange(QuotaCertificates(problem, solution, loads));

        var areas = AreaTotals(roster, helperOf);
        return new PairingResult(
            problem.Rules.Name,
            pairings,
            uncovered,
            helperLoads,
            unselected,
            GroupTotals(problem, loads),
            areas.Townships,
            areas.Villages,
            certificates,
            changes,
            Objective(problem, loads, uncoveredIndexes.Count),
            fresh);
    }

    /// <summary>
    /// The helper index of every household (-1 if uncovered): kept pairings, then the class flows split evenly. A helper
    /// class takes its households in household-class order, and its members take them in turn in consecutive runs,
    /// the first <c>total % members</c> members one more than the others; helpers of one class are alike, so the even
    /// split is optimal.
    /// </summary>
    private static int[] Assign(PairingProblem problem, FlowSolution solution)
    {
        var helperOf = (int[])problem.KeptHelperOfHousehold.Clone();
        var classes = problem.HelperClasses;
        var total = new long[classes.Count];
        foreach (var (helperClass, amount) in solution.All)
        {
            total[helperClass] += amount;
        }

        var member = new int[classes.Count];
        var left = new long[classes.Count];
        for (var c = 0; c < left.Length; c++)
        {
            left[c] = Share(total[c], classes[c].Members.Count, 0);
        }

        foreach (var householdClass in problem.HouseholdClasses)
        {
            var members = householdClass.Members;
            var cursor = 0;
            foreach (var (c, amount) in solution.Of(householdClass.Index))
            {
                var helpers = classes[c].Members;
                for (var k = 0; k < amount; k++)
                {
                    while (left[c] == 0)
                    {
                        left[c] = Share(total[c], helpers.Count, ++member[c]);
                    }

                    helperOf[members[cursor++]] = helpers[member[c]];
                    left[c]--;
                }
            }

            if (members.Count - cursor != solution.Uncovered[householdClass.Index])
            {
                throw new InvalidOperationException($"Internal error: household class {householdClass.Index} does not balance.");
            }
        }

        return helperOf;
    }

    /// <summary>How many of <paramref name="total"/> households member <paramref name="m"/> of <paramref name="n"/> takes.</summary>
    private static long Share(long total, int n, int m) => (total / n) + (m < total % n ? 1 : 0);

    private static int[] Loads(PairingProblem problem, int[] helperOf)
    {
        var loads = new int[problem.Roster.Helpers.Count];
        foreach (var helper in helperOf)
        {
            if (helper >= 0)
            {
                loads[helper]++;
            }
        }

        return loads;
    }

    private static ObjectiveValues Objective(PairingProblem problem, int[] loads, long uncovered)
    {
        var rank = FlowModel.Ranks(problem.Rules);
        long idle = 0, shortfall = 0, remainder = 0, balance = 0;
        for (var i = 0; i < loads.Length; i++)
        {
            var g = problem.GroupOfHelper[i];
            if (g < 0)
            {
                continue;
            }

            var quota = problem.Rules.Groups[g].Min;
            idle += loads[i] == 0 ? 1 : 0;
            shortfall += Math.Max(0, quota - loads[i]);
            long above = Math.Max(0, loads[i] - quota);
            remainder += rank[g] * above;
            balance += above * (above + 1) / 2;
        }

        return new ObjectiveValues(uncovered, idle, shortfall, remainder, balance);
    }

    private static List<UncoveredHousehold> Uncovered(
        PairingProblem problem, FlowSolution solution, int[] helperOf, List<int> uncoveredIndexes, List<Certificate> certificates)
    {
        var blocked = problem.HouseholdClasses.Where(hc => solution.Uncovered[hc.Index] > 0).ToList();
        if (blocked.Count == 0)
        {
            return [];
        }

        var roster = problem.Roster;
        var groups = problem.Rules.Groups;
        var classOf = new int[roster.Households.Count];
        foreach (var hc in problem.HouseholdClasses)
        {
            foreach (var h in hc.Members)
            {
                classOf[h] = hc.Index;
            }
        }

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

        var reasons = new (UncoveredReason Reason, string Remedy)[problem.HouseholdClasses.Count];
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
            var remedy = capped.Count == 0
                ? $"add a helper who may take it (groups {Ids(groupIds)})"
                : $"raise `max` of {Ids(capped)} by {Ceiling(gap, Math.Max(1, helpers))} or add helpers of those groups in its scope";
            certificates.Add(new Certificate(
                CertificateKind.Coverage,
                string.Create(CultureInfo.InvariantCulture,
                    $"{string.Join(", ", townships.Places)}: {Count(households, "household")} may go only to {Count(helpers, "helper")} of {Ids(groupIds)}, whose caps allow {capacity} more, and all are full; {gap} stay uncovered in any pairing."),
                households,
                capacity,
                gap,
                townships.Names,
                groupIds.Select(g => g.Id).ToArray(),
                townships.Counties));
            foreach (var hc in component.HouseholdClasses)
            {
                reasons[hc] = (UncoveredReason.AllHelpersFull, remedy);
            }
        }

        // Households no helper may take at all: why, and one certificate per township and reason. A township without
        // a helper of the backstop group is named as the reason wherever the backstop would accept the household.
        var backstops = groups.Where(g => g.IsBackstop && g.Scope == PairingScope.Township).ToList();
        foreach (var hc in blocked)
        {
            var township = roster.Units.TownshipOfVillage[hc.VillageId];
            var backstop = backstops.FirstOrDefault(g => hc.Accepted[problem.FilterOfGroup[g.Index]] &&
                !problem.HelperClasses.Any(c => c.Group == g && c.Unit == township));
            if (backstop is not null)
            {
                reasons[hc.Index] = (UncoveredReason.NoBackstopInTownship, $"add a helper of group `{backstop.Id}` ({backstop.Label}) in township {Place(hc.County, hc.Township)}");
            }
            else if (eligible[hc.Index].Count == 0)
            {
                var accepting = groups.Where(g => hc.Accepted[problem.FilterOfGroup[g.Index]]).ToList();
                reasons[hc.Index] = accepting.Count == 0
                    ? (UncoveredReason.NoGroupAccepts, "no group's `households` expression accepts it: widen a group's `households` or add a group to the rules")
                    : (UncoveredReason.NoHelperInScope, $"add a helper of group `{accepting[0].Id}` ({accepting[0].Label}) in its {accepting[0].Scope.Name()}");
            }
        }

        foreach (var set in blocked.Where(hc => eligible[hc.Index].Count == 0).GroupBy(hc => (hc.County, hc.Township, reasons[hc.Index].Reason))
            .OrderBy(g => g.Key.County, StringComparer.Ordinal).ThenBy(g => g.Key.Township, StringComparer.Ordinal).ThenBy(g => g.Key.Reason))
        {
            var count = set.Sum(hc => solution.Uncovered[hc.Index]);
            var why = set.Key.Reason switch
            {
                UncoveredReason.NoGroupAccepts => "no group's rules accept them",
                UncoveredReason.NoBackstopInTownship => "the township has no helper of the backstop group and no other helper may take them",
                _ => "no helper who may take them works in their township or village",
            };
            certificates.Add(new Certificate(
                CertificateKind.Coverage,
                string.Create(CultureInfo.InvariantCulture, $"{Place(set.Key.County, set.Key.Township)}: {Count(count, "household")}, {why}."),
                count,
                0,
                count,
                [set.Key.Township],
                [],
                set.Key.County is { } county ? [county] : null));
        }

        var result = new List<UncoveredHousehold>(uncoveredIndexes.Count);
        foreach (var h in uncoveredIndexes)
        {
            var household = roster.Households[h];
            var (reason, remedy) = reasons[classOf[h]];
            result.Add(new UncoveredHousehold(household.Id, household.Township, household.Village, reason, remedy, household.County));
        }

        return result;
    }

    private static IEnumerable<Certificate> QuotaCertificates(PairingProblem problem, FlowSolution solution, int[] loads)
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
                string.Create(CultureInfo.InvariantCulture,
                    $"{Count(helpers, "helper")} of {Ids(groupIds)} need{(helpers == 1 ? "s" : "")} {Count(demand, "household")} to meet their quotas (at least one each); only {Count(households, "household")} may go to any of them{(townships.Places.Count > 0 ? " (in " + string.Join(", ", townships.Places) + ")" : "")}, so {gap} short in any pairing that covers as many households."),
                households,
                demand,
                gap,
                townships.Names,
                groupIds.Select(g => g.Id).ToArray(),
                townships.Counties);
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
        var parent = new List<int>();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

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

            var id = parent.Count;
            parent.Add(id);
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
                    else if (Find(owners[next]) != Find(id))
                    {
                        parent[Find(owners[next])] = Find(id);
                    }
                }
            }
        }

        var components = new SortedDictionary<int, (List<int>, List<int>)>();
        for (var h = 0; h < householdClassCount; h++)
        {
            if (ownerH[h] >= 0)
            {
                Component(components, Find(ownerH[h])).Item1.Add(h);
            }
        }

        for (var c = 0; c < helperClassCount; c++)
        {
            if (ownerC[c] >= 0)
            {
                Component(components, Find(ownerC[c])).Item2.Add(c);
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

    private static IReadOnlyList<GroupTotal> GroupTotals(PairingProblem problem, int[] loads)
    {
        var groups = problem.Rules.Groups;
        var helpers = new int[groups.Count];
        var households = new int[groups.Count];
        var idle = new int[groups.Count];
        var shortfall = new long[groups.Count];
        for (var i = 0; i < loads.Length; i++)
        {
            var g = problem.GroupOfHelper[i];
            if (g < 0)
            {
                continue;
            }

            helpers[g]++;
            households[g] += loads[i];
            idle[g] += loads[i] == 0 ? 1 : 0;
            shortfall[g] += Math.Max(0, groups[g].Min - loads[i]);
        }

        return groups.Select(g => new GroupTotal(
            g.Id, g.Label, helpers[g.Index], households[g.Index], (long)g.Min * helpers[g.Index], shortfall[g.Index], idle[g.Index])).ToArray();
    }

    /// <summary>Households and covered households per township and per village, in the roster's order of places; places
    /// without households (named only by helpers) have no total.</summary>
    private static (IReadOnlyList<AreaTotal> Townships, IReadOnlyList<AreaTotal> Villages) AreaTotals(Roster roster, int[] helperOf)
    {
        var units = roster.Units;
        var households = new int[units.Villages.Count];
        var covered = new int[units.Villages.Count];
        for (var h = 0; h < helperOf.Length; h++)
        {
            var v = units.VillageOfHousehold[h];
            households[v]++;
            covered[v] += helperOf[h] >= 0 ? 1 : 0;
        }

        var townshipHouseholds = new int[units.Townships.Count];
        var townshipCovered = new int[units.Townships.Count];
        var villages = new List<AreaTotal>();
        for (var v = 0; v < households.Length; v++)
        {
            if (households[v] > 0)
            {
                var (county, township, village) = units.Villages[v];
                villages.Add(new AreaTotal(township, village, households[v], covered[v], households[v] - covered[v], county));
                townshipHouseholds[units.TownshipOfVillage[v]] += households[v];
                townshipCovered[units.TownshipOfVillage[v]] += covered[v];
            }
        }

        var townships = new List<AreaTotal>();
        for (var t = 0; t < townshipHouseholds.Length; t++)
        {
            if (townshipHouseholds[t] > 0)
            {
                var (county, township) = units.Townships[t];
                var (all, done) = (townshipHouseholds[t], townshipCovered[t]);
                townships.Add(new AreaTotal(township, null, all, done, all - done, county));
            }
        }

        return (townships, villages);
    }

    /// <summary>
    /// The distinct townships of some household classes, by county then name: their names, their counties (null when
    /// the roster names none) and how statements name them (<see cref="Place"/>).
    /// </summary>
    private static (IReadOnlyList<string> Names, IReadOnlyList<string>? Counties, IReadOnlyList<string> Places) Townships(PairingProblem problem, IEnumerable<int> householdClasses)
    {
        var townships = householdClasses
            .Select(hc => (problem.HouseholdClasses[hc].County, problem.HouseholdClasses[hc].Township))
            .Distinct()
            .OrderBy(t => t.County, StringComparer.Ordinal)
            .ThenBy(t => t.Township, StringComparer.Ordinal)
            .ToArray();
        return (
            townships.Select(t => t.Township).ToArray(),
            problem.Roster.NamesCounties ? townships.Select(t => t.County!).ToArray() : null,
            townships.Select(t => Place(t.County, t.Township)).ToArray());
    }

    /// <summary>A township for people: <c>蔚汾镇</c>, or <c>兴县/蔚汾镇</c> when the roster names counties.</summary>
    private static string Place(string? county, string township) => county is null ? township : $"{county}/{township}";

    private static string Ids(IEnumerable<RuleGroup> groups) => string.Join(", ", groups.Select(g => $"`{g.Id}`"));

    private static long Ceiling(long a, long b) => (a + b - 1) / b;

    private static string Count(long n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
