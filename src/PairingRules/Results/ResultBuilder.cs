using PairingRules.Explanation;
using PairingRules.Solving;

namespace PairingRules.Results;

/// <summary>Assembles the public <see cref="PairingResult"/> from the assignment, its objective and its explanation.</summary>
internal static class ResultBuilder
{
    public static PairingResult Build(PairingProblem problem, Assignment assignment, Explainer explanation, ObjectiveValues? fresh, IReadOnlyList<InputProblem> warnings)
    {
        var roster = problem.Roster;
        var groups = problem.Rules.Groups;
        var helperOf = assignment.HelperOf;
        var (objective, tallies) = Objective.Evaluate(problem, assignment);

        // Pairings and helper loads as indexes; the result makes each row when it is read.
        var paired = roster.Households.Count - assignment.Uncovered;
        var pairedHousehold = new int[paired];
        var pairedHelper = new int[paired];
        var status = new byte[paired];
        var byStatus = new int[3];
        var uncovered = new List<UncoveredHousehold>(assignment.Uncovered);
        var changes = new List<ChangedPairing>(problem.ChangeOfHousehold.Count);
        var classOf = ClassOfHousehold(problem, assignment);
        var places = new ResultPlaces(roster.Places);
        var next = 0;
        for (var h = 0; h < helperOf.Length; h++)
        {
            var helper = helperOf[h];
            var household = roster.Households[h];
            if (helper >= 0)
            {
                var pairing = problem.KeptHelperOfHousehold[h] >= 0 ? PairingStatus.Kept
                    : problem.ChangeOfHousehold.ContainsKey(h) ? PairingStatus.Changed
                    : PairingStatus.New;
                pairedHousehold[next] = h;
                pairedHelper[next] = helper;
                status[next++] = (byte)pairing;
                byStatus[(int)pairing]++;
            }
            else
            {
                var why = explanation.ReasonOfHouseholdClass[classOf[h]];
                uncovered.Add(new UncoveredHousehold(household.Id, places.Village(roster.Places.VillageOfHousehold[h]), why.Reason, why.Remedy, why.GroupIds));
            }

            if (problem.ChangeOfHousehold.TryGetValue(h, out var change))
            {
                changes.Add(new ChangedPairing(household.Id, household.CurrentHelper!, change.Reason, helper >= 0 ? roster.Helpers[helper].Id : null));
            }
        }

        var selected = tallies.Sum(t => t.Helpers);
        var loaded = new int[selected];
        var unselected = new List<UnselectedHelper>(roster.Helpers.Count - selected);
        next = 0;
        for (var i = 0; i < roster.Helpers.Count; i++)
        {
            if (problem.GroupOfHelper[i] < 0)
            {
                unselected.Add(Unselected(problem, i));
            }
            else
            {
                loaded[next++] = i;
            }
        }

        var groupTotals = groups.Select(g => new GroupTotal(
            g.Id, g.Label, tallies[g.Index].Helpers, tallies[g.Index].Households, (long)g.Min * tallies[g.Index].Helpers, tallies[g.Index].Shortfall, tallies[g.Index].Idle)).ToArray();
        var summary = new PairingSummary(
            roster.Households.Count,
            paired,
            assignment.Uncovered,
            roster.Helpers.Count,
            (int)objective.IdleHelpers,
            objective.Shortfall,
            byStatus[(int)PairingStatus.Kept],
            byStatus[(int)PairingStatus.Changed],
            byStatus[(int)PairingStatus.New],
            unselected.Count);
        var areas = AreaTotals(roster.Places, places, helperOf);
        var result = new PairingResult(
            problem.Rules.Name,
            summary,
            new PairingRows(roster, groups, problem.GroupOfHelper, pairedHousehold, pairedHelper, status),
            uncovered,
            new HelperLoadRows(roster, groups, problem.GroupOfHelper, loaded, assignment.Loads),
            unselected,
            groupTotals,
            areas.Townships,
            areas.Villages,
            explanation.Certificates,
            changes,
            objective,
            fresh,
            explanation.Backstop,
            warnings);
        ResultAccounting.CheckCounts(roster, result);
        ResultAccounting.AssertInDebug(roster, result);
        return result;
    }

    private static UnselectedHelper Unselected(PairingProblem problem, int helper) => new(
        problem.Roster.Helpers[helper].Id,
        problem.Placement.UnselectedReason[helper]!.Value,
        problem.Placement.UnselectedGroup[helper] is var g and >= 0 ? problem.Rules.Groups[g].Id : null);

    /// <summary>The household class of every uncovered household (kept and covered households are not looked up).</summary>
    private static int[] ClassOfHousehold(PairingProblem problem, Assignment assignment)
    {
        var classOf = new int[problem.Roster.Households.Count];
        if (assignment.Uncovered == 0)
        {
            return classOf;
        }

        foreach (var hc in problem.HouseholdClasses)
        {
            foreach (var h in hc.Members)
            {
                classOf[h] = hc.Index;
            }
        }

        return classOf;
    }

    /// <summary>Households and covered households per township and per village, in the roster's order of places; places
    /// without households (named only by helpers) have no total.</summary>
    private static (IReadOnlyList<AreaTotal> Townships, IReadOnlyList<AreaTotal> Villages) AreaTotals(RosterPlaces places, ResultPlaces named, int[] helperOf)
    {
        var households = new int[places.Villages.Count];
        var covered = new int[places.Villages.Count];
        for (var h = 0; h < helperOf.Length; h++)
        {
            var v = places.VillageOfHousehold[h];
            households[v]++;
            covered[v] += helperOf[h] >= 0 ? 1 : 0;
        }

        var townshipHouseholds = new int[places.Townships.Count];
        var townshipCovered = new int[places.Townships.Count];
        var villages = new List<AreaTotal>();
        for (var v = 0; v < households.Length; v++)
        {
            if (households[v] > 0)
            {
                villages.Add(new AreaTotal(named.Village(v), households[v], covered[v], households[v] - covered[v]));
                townshipHouseholds[places.TownshipOfVillage[v]] += households[v];
                townshipCovered[places.TownshipOfVillage[v]] += covered[v];
            }
        }

        var townships = new List<AreaTotal>();
        for (var t = 0; t < townshipHouseholds.Length; t++)
        {
            if (townshipHouseholds[t] > 0)
            {
                var (all, done) = (townshipHouseholds[t], townshipCovered[t]);
                townships.Add(new AreaTotal(named.Township(t), all, done, all - done));
            }
        }

        return (townships, villages);
    }
}

/// <summary>The <see cref="Place"/> of each township and village of a roster, made once per result when first named, so
/// that every uncovered household and total of one village shares one instance.</summary>
internal sealed class ResultPlaces(RosterPlaces places)
{
    private readonly Place?[] _townships = new Place?[places.Townships.Count];
    private readonly Place?[] _villages = new Place?[places.Villages.Count];

    public Place Township(int t) => _townships[t] ??= new Place(places.Townships[t].County, places.Townships[t].Township, village: null);

    public Place Village(int v) => _villages[v] ??= new Place(places.Villages[v].County, places.Villages[v].Township, places.Villages[v].Village);
}
