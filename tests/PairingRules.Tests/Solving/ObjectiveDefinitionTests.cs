using CsCheck;
using FluentAssertions;
using Xunit;
using static PairingRules.Tests.Solving.County;

namespace PairingRules.Tests.Solving;

/// <summary>
/// The objective as docs/rule-format.md defines it ("The objective, exactly"): the worked example there, solved to the
/// pairing and values derived by hand from the documented definition, so that the page and the code cannot drift; and
/// the two consequences the page states, checked against an exhaustive search over random small counties.
/// </summary>
public sealed class ObjectiveDefinitionTests
{
    // Township A: village A1 (a1-a5, two work-team members) and A2 (a6); township B: village B1 (b1-b3), no backstop there.
    private static readonly Household[] Households =
    [
        .. Hs("a", 5, "A", "A1"),
        H("a6", "A", "A2"),
        .. Hs("b", 3, "B", "B1"),
    ];

    private static readonly Helper[] Helpers =
    [
        P("S", "section-cadre"),
        P("O", "ordinary-staff"),
        P("W1", "work-team-member", "A", "A1"),
        P("W2", "work-team-member", "A", "A1"),
        P("T", "township-cadre", "A"),
    ];

    private static readonly object Section = Group("section", "section-cadre", "county", min: 1);
    private static readonly object Staff = Group("staff", "ordinary-staff", "county", min: 1);
    private static readonly object WorkTeam = Group("work-team", "work-team-member", "village", backstop: true);
    private static readonly object TownshipCadres = Group("township-cadres", "township-cadre", "township", backstop: true);

    [Fact]
    public void Solve_WorkedExample_IsTheOptimumDerivedFromTheDocumentedDefinition()
    {
        // Ranks: the backstops in rule order (work-team 0, township-cadres 1), then the others (section 2, staff 3).
        // Level 1: every household has a county-wide helper, so all 9 are covered. Level 2: each of the 5 helpers can
        // get one (T only from township A). Level 3: section and staff get one each. Level 4: b1-b3 may go only to S
        // or O: one each for the quotas, the third above quota to S (rank 2) rather than O (rank 3): 2. T needs one (level
        // 2); a6 (village A2, out of the work team's reach) costs 1 with T, 2 with S, 3 with O: 1. a1-a5 go to the work
        // team at rank 0: 0. Remainder 2 + 1 = 3. Level 5: e = S 1, O 0, W1 3, W2 2, T 1: 1 + 0 + 6 + 3 + 1 = 11
        // (W1 4 and W2 1 would give 10 + 1; a1 to T would give balance 10 but remainder 4, and level 4 comes first).
        var result = Rules(Section, Staff, WorkTeam, TownshipCadres).Solve(new Roster(Households, Helpers));

        result.HelperOf().Should().Equal(new Dictionary<string, string>
        {
            ["a1"] = "W1", ["a2"] = "W1", ["a3"] = "W1", ["a4"] = "W2", ["a5"] = "W2", ["a6"] = "T",
            ["b1"] = "S", ["b2"] = "S", ["b3"] = "O",
        });
        result.Objective.Should().Be(new ObjectiveValues(uncovered: 0, idleHelpers: 0, shortfall: 0, remainder: 3, balance: 11));
    }

    [Fact]
    public void Solve_WorkedExampleWithTheTownshipBackstopListedFirst_PutsTheRemainderOnTheTownshipCadre()
    {
        // The same county with township-cadres listed before work-team: now T ranks 0 and the work team 1. Each
        // work-team member still gets one household (level 2), and the other three of A1 go to T: remainder 2 (S) +
        // 1 + 1 (W1, W2) = 4, balance 1 (S) + 1 + 1 (W1, W2) + 10 (T: e = 4) = 13. Which of the interchangeable households
        // of A1 go to T is the assignment's fixed choice (docs: households in roster order); the definition fixes the loads.
        var result = Rules(Section, Staff, TownshipCadres, WorkTeam).Solve(new Roster(Households, Helpers));

        result.HelperOf().Should().Equal(new Dictionary<string, string>
        {
            ["a1"] = "T", ["a2"] = "T", ["a3"] = "T", ["a4"] = "W1", ["a5"] = "W2", ["a6"] = "T",
            ["b1"] = "S", ["b2"] = "S", ["b3"] = "O",
        });
        result.Objective.Should().Be(new ObjectiveValues(uncovered: 0, idleHelpers: 0, shortfall: 0, remainder: 4, balance: 13));
    }

    private static readonly string[] Villages = ["A1", "A2", "B1"];

    private static readonly Gen<(RuleSet Rules, Roster Roster)> Counties =
        from leaders in Gen.Int[0, 2]
        from leadersCap in Gen.Int[0, 4]
        from staff in Gen.Int[0, 2]
        from staffCap in Gen.Int[0, 4]
        from team in Gen.Int[0, 1]
        from teamFirst in Gen.Bool
        from households in Gen.Select(Gen.Int[0, 2], Gen.Bool).Array[0, 6]
        from helpers in Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2]).Array[0, 4]
        let leadersGroup = Group("leaders", "L", "county", leaders, leadersCap < 3 ? leaders + leadersCap : null, households: "household.DeepPoverty")
        let staffGroup = Group("staff", "S", "county", staff, staffCap < 3 ? staff + staffCap : null)
        let teamGroup = Group("team", "W", "village", team, backstop: true)
        let cadresGroup = Group("cadres", "T", "township", backstop: true)
        select (
            teamFirst ? Rules(leadersGroup, staffGroup, teamGroup, cadresGroup) : Rules(leadersGroup, staffGroup, cadresGroup, teamGroup),
            new Roster(
                households.Select((h, i) => new Household($"H{i}", Villages[h.Item1][..1], Villages[h.Item1], poorVillage: true, deepPoverty: h.Item2)),
                helpers.Select((p, i) => new Helper($"P{i}", "LSWTX"[p.Item1].ToString(), township: Villages[p.Item2][..1], village: Villages[p.Item2]))));

    [Fact]
    public void Solve_RandomSmallCounty_RemainderActsAsAStrictOrderAndBalanceEvensOutEachGroup()
    {
        // docs/rule-format.md: among pairings equal on levels 1-3, level 4 is least exactly when the load above quota is
        // least on the last-ranked group, then on the one before, and so on (a strict order, whatever the weights); level
        // 5 then minimises the sum of e(e+1)/2 with every group's total above quota fixed.
        Counties.Sample(county =>
        {
            var (rules, roster) = county;
            var result = rules.Solve(roster);
            var ranked = rules.Groups.Where(g => g.IsBackstop).Concat(rules.Groups.Where(g => !g.IsBackstop)).ToList();
            var above = ranked.Select(g => result.Helpers.Where(h => h.GroupId == g.Id).Sum(h => Math.Max(0, h.Assigned - h.Required))).ToArray();

            var (levels, strictAbove, balance) = StrictOptimum(rules, roster, ranked);

            (result.Objective.Uncovered, result.Objective.IdleHelpers, result.Objective.Shortfall).Should().Be(levels);
            above.Should().Equal(strictAbove, "the load above quota per group, in rank order");
            result.Objective.Balance.Should().Be(balance);
        }, iter: 300, threads: 1);
    }

    /// <summary>
    /// Exhaustive search over every pairing of the documented definition read as a strict order: levels 1-3, then the
    /// load above quota group by group from the last-ranked to the first, then the sum of e(e+1)/2.
    /// </summary>
    private static ((long, long, long) Levels, int[] Above, long Balance) StrictOptimum(RuleSet rules, Roster roster, List<RuleGroup> ranked)
    {
        var helpers = roster.Helpers;
        var groups = helpers.Select(rules.GroupOf).ToArray();
        var options = roster.Households
            .Select(h => Enumerable.Range(0, helpers.Count).Where(p => groups[p] is { } g && g.Allows(helpers[p], h)).Append(-1).ToArray())
            .ToArray();
        var loads = new int[helpers.Count];
        long[]? best = null;
        var uncovered = 0;

        void Search(int h)
        {
            if (h == options.Length)
            {
                var key = new List<long> { uncovered };
                key.Add(Enumerable.Range(0, loads.Length).Count(p => groups[p] is not null && loads[p] == 0));
                key.Add(Enumerable.Range(0, loads.Length).Where(p => groups[p] is not null).Sum(p => (long)Math.Max(0, groups[p]!.Min - loads[p])));
                var above = ranked.Select(g => Enumerable.Range(0, loads.Length).Where(p => groups[p] == g).Sum(p => (long)Math.Max(0, loads[p] - g.Min))).ToArray();
                key.AddRange(above.Reverse());
                key.Add(Enumerable.Range(0, loads.Length).Where(p => groups[p] is not null).Sum(p => Math.Max(0L, loads[p] - groups[p]!.Min) * (Math.Max(0L, loads[p] - groups[p]!.Min) + 1) / 2));
                if (best is null || ((ReadOnlySpan<long>)[.. key]).SequenceCompareTo(best) < 0)
                {
                    best = [.. key];
                }

                return;
            }

            foreach (var p in options[h])
            {
                if (p < 0)
                {
                    uncovered++;
                    Search(h + 1);
                    uncovered--;
                }
                else if (groups[p]!.Max is not { } max || loads[p] < max)
                {
                    loads[p]++;
                    Search(h + 1);
                    loads[p]--;
                }
            }
        }

        Search(0);
        var aboveInRankOrder = best![3..^1].Reverse().Select(a => (int)a).ToArray();
        return ((best[0], best[1], best[2]), aboveInRankOrder, best[^1]);
    }
}
