namespace PairingRules.Solving;

/// <summary>Entry point of the solver: builds the compressed problem, solves it, and reports.</summary>
internal static class PairingSolver
{
    public static PairingResult Solve(RuleSet rules, Roster roster, CancellationToken cancellationToken)
    {
        var problem = Build(rules, roster, keepCurrent: true, cancellationToken);
        var solution = FlowModel.Solve(problem, cancellationToken);
        ObjectiveValues? fresh = null;
        if (problem.KeptCount > 0)
        {
            var freshProblem = Build(rules, roster, keepCurrent: false, cancellationToken);
            fresh = ResultBuilder.Objective(freshProblem, FlowModel.Solve(freshProblem, cancellationToken));
        }

        var result = ResultBuilder.Build(problem, solution, fresh);
        CheckNothingLost(roster, result);
        return result;
    }

    public static PairingProblem Build(RuleSet rules, Roster roster, bool keepCurrent, CancellationToken cancellationToken)
    {
        var groups = rules.Groups;
        var helpers = roster.Helpers;
        var households = roster.Households;

        // Which group each helper belongs to: the first whose expression holds.
        var groupOfHelper = new int[helpers.Count];
        var unselected = new string?[helpers.Count];
        for (var i = 0; i < helpers.Count; i++)
        {
            var helper = helpers[i];
            var group = rules.GroupOf(helper);
            groupOfHelper[i] = group?.Index ?? -1;
            if (group is null)
            {
                unselected[i] = "no group's `helpers` expression selects it";
            }
            else if (group.Scope != PairingScope.County && helper.Township is null)
            {
                unselected[i] = $"group `{group.Id}` pairs within a {Scope(group.Scope)}, but the helper has no township";
            }
            else if (group.Scope == PairingScope.Village && helper.Village is null)
            {
                unselected[i] = $"group `{group.Id}` pairs within a village, but the helper has no village";
            }

            if (unselected[i] is not null)
            {
                groupOfHelper[i] = -1;
            }
        }

        // Distinct household filters: groups with the same `households` text share one.
        var filterOfGroup = new int[groups.Count];
        var filters = new List<RuleGroup>();
        foreach (var group in groups)
        {
            var same = filters.FindIndex(f => f.HouseholdsExpression == group.HouseholdsExpression);
            if (same < 0)
            {
                same = filters.Count;
                filters.Add(group);
            }

            filterOfGroup[group.Index] = same;
        }

        // Keep valid current pairings (不脱贫不脱钩), first come first served in roster order.
        var kept = new int[households.Count];
        Array.Fill(kept, -1);
        var changes = new (int, ChangeReason)?[households.Count];
        var preload = new int[helpers.Count];
        var accepted = new bool[households.Count * filters.Count];
        for (var h = 0; h < households.Count; h++)
        {
            if ((h & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var household = households[h];
            for (var f = 0; f < filters.Count; f++)
            {
                accepted[h * filters.Count + f] = filters[f].Accepts(household);
            }

            if (!keepCurrent || household.CurrentHelper is not { } current)
            {
                continue;
            }

            var helperIndex = roster.HelperIndexOf(current);
            if (helperIndex < 0)
            {
                changes[h] = (-1, ChangeReason.HelperLeft);
                continue;
            }

            var g = groupOfHelper[helperIndex];
            if (g < 0)
            {
                changes[h] = (helperIndex, ChangeReason.HelperNotSelected);
                continue;
            }

            var group = groups[g];
            if (!group.InScope(helpers[helperIndex], household) || !accepted[h * filters.Count + filterOfGroup[g]])
            {
                changes[h] = (helperIndex, ChangeReason.RuleBroken);
                continue;
            }

            if (group.Max is { } max && preload[helperIndex] >= max)
            {
                changes[h] = (helperIndex, ChangeReason.OverCap);
                continue;
            }

            preload[helperIndex]++;
            kept[h] = helperIndex;
        }

        // Household classes: (township, village, filter results), in order of township, village, then results.
        var householdClasses = new Dictionary<string, HouseholdClass>(StringComparer.Ordinal);
        for (var h = 0; h < households.Count; h++)
        {
            if (kept[h] >= 0)
            {
                continue;
            }

            var household = households[h];
            var results = accepted.AsSpan(h * filters.Count, filters.Count);
            var key = string.Concat(household.Township, "\u0001", household.Village, "\u0001", Bits(results));
            if (!householdClasses.TryGetValue(key, out var householdClass))
            {
                householdClass = new HouseholdClass(0, household.Township, household.Village, results.ToArray());
                householdClasses.Add(key, householdClass);
            }

            householdClass.Members.Add(h);
        }

        var orderedHouseholdClasses = householdClasses
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select((p, i) => new HouseholdClass(i, p.Value.Township, p.Value.Village, p.Value.Accepted).WithMembers(p.Value.Members))
            .ToList();

        // Helper classes: (group, scope unit, kept load).
        var helperClasses = new Dictionary<(int Group, string? Township, string? Village, int Preload), HelperClass>();
        for (var i = 0; i < helpers.Count; i++)
        {
            var g = groupOfHelper[i];
            if (g < 0)
            {
                continue;
            }

            var group = groups[g];
            var helper = helpers[i];
            var township = group.Scope == PairingScope.County ? null : helper.Township;
            var village = group.Scope == PairingScope.Village ? helper.Village : null;
            var key = (g, township, village, preload[i]);
            if (!helperClasses.TryGetValue(key, out var helperClass))
            {
                helperClass = new HelperClass(0, group, township, village, preload[i]);
                helperClasses.Add(key, helperClass);
            }

            helperClass.Members.Add(i);
        }

        var orderedHelperClasses = helperClasses
            .OrderBy(p => p.Key.Group)
            .ThenBy(p => p.Key.Township, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Village, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Preload)
            .Select((p, i) =>
            {
                var c = new HelperClass(i, p.Value.Group, p.Value.Township, p.Value.Village, p.Value.Preload);
                c.Members.AddRange(p.Value.Members);
                return c;
            })
            .ToList();

        return new PairingProblem(rules, roster, groupOfHelper, unselected, kept, changes, filterOfGroup, orderedHouseholdClasses, orderedHelperClasses, preload);
    }

    internal static string Scope(PairingScope scope) => scope.ToString().ToLowerInvariant();

    private static string Bits(ReadOnlySpan<bool> values)
    {
        Span<char> chars = values.Length <= 256 ? stackalloc char[values.Length] : new char[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            chars[i] = values[i] ? '1' : '0';
        }

        return new string(chars);
    }

    private static HouseholdClass WithMembers(this HouseholdClass householdClass, List<int> members)
    {
        householdClass.Members.AddRange(members);
        return householdClass;
    }

    /// <summary>Every household appears once (paired or uncovered) and every helper once (loaded or unselected).</summary>
    private static void CheckNothingLost(Roster roster, PairingResult result)
    {
        if (result.Pairings.Count + result.Uncovered.Count != roster.Households.Count ||
            result.Helpers.Count + result.Unselected.Count != roster.Helpers.Count)
        {
            throw new InvalidOperationException(
                $"Internal error: the result accounts for {result.Pairings.Count + result.Uncovered.Count} of {roster.Households.Count} households " +
                $"and {result.Helpers.Count + result.Unselected.Count} of {roster.Helpers.Count} helpers.");
        }
    }
}
