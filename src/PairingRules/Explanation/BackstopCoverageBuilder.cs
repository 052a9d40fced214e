using PairingRules.Solving;

namespace PairingRules.Explanation;

/// <summary>
/// Builds <see cref="BackstopCoverage"/>: the townships with households but no helper of a township-scope backstop group,
/// who carries their households, and the load above quota on the other groups.
/// </summary>
/// <remarks>
/// Reads the assignment and the roster's place numbers only: the group of every helper (<see cref="PairingProblem.GroupOfHelper"/>),
/// the township of every helper and household, the helper of every household and the load of every helper. No
/// expression is evaluated again and no id is looked up; one pass over the helpers and one over the households.
/// </remarks>
internal static class BackstopCoverageBuilder
{
    /// <summary>The view, or <see langword="null"/> when the rules have no township-scope backstop group.</summary>
    public static BackstopCoverage? Build(PairingProblem problem, Assignment assignment)
    {
        var groups = problem.Rules.Groups;
        var backstops = groups.Where(g => g.IsBackstop && g.Scope == PairingScope.Township).ToArray();
        if (backstops.Length == 0)
        {
            return null;
        }

        var isBackstop = new bool[groups.Count];
        foreach (var g in backstops)
        {
            isBackstop[g.Index] = true;
        }

        var places = problem.Roster.Places;
        var groupOfHelper = problem.GroupOfHelper;
        var loads = assignment.Loads;

        // Townships with a helper of a backstop group (every such helper has a township: its scope needs one), and the
        // load above quota of every other group.
        var hasBackstop = new bool[places.Townships.Count];
        var above = new long[groups.Count];
        for (var i = 0; i < groupOfHelper.Length; i++)
        {
            var g = groupOfHelper[i];
            if (g < 0)
            {
                continue;
            }

            if (isBackstop[g])
            {
                if (places.TownshipOfHelper[i] is var t and >= 0)
                {
                    hasBackstop[t] = true;
                }
            }
            else if (loads[i] > groups[g].Min)
            {
                above[g] += loads[i] - groups[g].Min;
            }
        }

        // The households of the townships without one: uncovered, or covered by the group of their helper.
        var households = new int[places.Townships.Count];
        var uncovered = new int[places.Townships.Count];
        var byGroup = new int[places.Townships.Count][];
        var helperOf = assignment.HelperOf;
        for (var h = 0; h < helperOf.Length; h++)
        {
            var t = places.TownshipOfVillage[places.VillageOfHousehold[h]];
            if (hasBackstop[t])
            {
                continue;
            }

            households[t]++;
            if (helperOf[h] is var helper and >= 0)
            {
                (byGroup[t] ??= new int[groups.Count])[groupOfHelper[helper]]++;
            }
            else
            {
                uncovered[t]++;
            }
        }

        var townships = new List<BackstopTownship>();
        for (var t = 0; t < households.Length; t++)
        {
            if (households[t] > 0)
            {
                var (county, township) = places.Townships[t];
                townships.Add(new BackstopTownship(new Place(county, township, village: null), households[t], uncovered[t], ByGroup(groups, byGroup[t])));
            }
        }

        var aboveQuota = groups.Where(g => above[g.Index] > 0).Select(g => new GroupHouseholds(g.Id, above[g.Index])).ToArray();
        return new BackstopCoverage(backstops, townships, aboveQuota);
    }

    /// <summary>The households of a township by the group of their helper, most first, then in rule order.</summary>
    private static GroupHouseholds[] ByGroup(IReadOnlyList<RuleGroup> groups, int[]? counts) => counts is null
        ? []
        : groups.Where(g => counts[g.Index] > 0)
            .OrderByDescending(g => counts[g.Index]).ThenBy(g => g.Index)
            .Select(g => new GroupHouseholds(g.Id, counts[g.Index]))
            .ToArray();
}
