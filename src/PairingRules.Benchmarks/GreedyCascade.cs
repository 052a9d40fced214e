namespace PairingRules.Benchmarks;

/// <summary>
/// The baseline a county office would write by hand: fill the groups in order, each helper up to its quota from the
/// first unpaired households it may take, then give every household left to the least-loaded backstop helper of its
/// township, then to any helper with room. Fast, but it neither looks ahead nor balances, so it loses coverage and
/// quota that the optimal solver keeps.
/// </summary>
internal static class GreedyCascade
{
    public static (int Covered, long Shortfall, int Idle) Solve(RuleSet rules, Roster roster)
    {
        var households = roster.Households;
        var helpers = roster.Helpers;
        var groupOf = helpers.Select(rules.GroupOf).ToArray();
        var load = new int[helpers.Count];
        var paired = new bool[households.Count];

        bool Room(int p) => groupOf[p]!.Max is not { } max || load[p] < max;

        // Households by scope place, and one cursor per (group, place): helpers of a group in one place may take the same
        // households, so what one of them skipped is paired or not accepted for all of them.
        var all = Enumerable.Range(0, households.Count).ToList();
        var byTownship = all.GroupBy(h => households[h].Township).ToDictionary(g => g.Key, g => g.ToList());
        var byVillage = all.GroupBy(h => (households[h].Township, households[h].Village)).ToDictionary(g => g.Key, g => g.ToList());
        var cursors = new Dictionary<(int, string?, string?), int>();

        void Fill(int p, int upTo)
        {
            var group = groupOf[p]!;
            var helper = helpers[p];
            var (candidates, key) = group.Scope switch
            {
                PairingScope.County => (all, (group.Index, (string?)null, (string?)null)),
                PairingScope.Township => (byTownship.GetValueOrDefault(helper.Township ?? "") ?? [], (group.Index, helper.Township, null)),
                _ => (byVillage.GetValueOrDefault((helper.Township ?? "", helper.Village ?? "")) ?? [], (group.Index, helper.Township, helper.Village)),
            };
            var i = cursors.GetValueOrDefault(key);
            for (; i < candidates.Count && load[p] < upTo && Room(p); i++)
            {
                var h = candidates[i];
                if (!paired[h] && group.Accepts(households[h]))
                {
                    paired[h] = true;
                    load[p]++;
                }
            }

            cursors[key] = i;
        }

        foreach (var group in rules.Groups)
        {
            for (var p = 0; p < helpers.Count; p++)
            {
                if (groupOf[p] == group)
                {
                    Fill(p, Math.Max(group.Min, 1));
                }
            }
        }

        for (var h = 0; h < households.Count; h++)
        {
            if (paired[h])
            {
                continue;
            }

            var best = -1;
            for (var p = 0; p < helpers.Count; p++)
            {
                if (groupOf[p] is { } g && Room(p) && g.Allows(helpers[p], households[h]) &&
                    (best < 0 || (g.IsBackstop && !groupOf[best]!.IsBackstop) || (g.IsBackstop == groupOf[best]!.IsBackstop && load[p] < load[best])))
                {
                    best = p;
                }
            }

            if (best >= 0)
            {
                paired[h] = true;
                load[best]++;
            }
        }

        var shortfall = 0L;
        var idle = 0;
        for (var p = 0; p < helpers.Count; p++)
        {
            if (groupOf[p] is { } g)
            {
                shortfall += Math.Max(0, g.Min - load[p]);
                idle += load[p] == 0 ? 1 : 0;
            }
        }

        return (paired.Count(x => x), shortfall, idle);
    }
}
