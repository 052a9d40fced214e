using CsCheck;
using FluentAssertions;
using Xunit;

namespace PairingRules.Tests.Solving;

/// <summary>
/// Property tests over random small counties: the solver's objective equals that of an exhaustive search written
/// here independently of the solver, no household is lost or paired twice, every pairing is allowed, and the same
/// input gives the same output.
/// </summary>
public sealed class ExhaustiveReferenceTests
{
    private static readonly string[] Villages = ["A1", "A2", "B1"];

    private static readonly Gen<int?> Cap = Gen.Int[0, 6].Select(i => i < 3 ? (int?)i : null);

    private static readonly Gen<RuleSet> Rules =
        from leaders in Gen.Int[0, 3]
        from leadersCap in Cap
        from staff in Gen.Int[0, 2]
        from staffCap in Cap
        from committee in Gen.Int[0, 2]
        from committeeCap in Cap
        from committeeTakesPoor in Gen.Bool
        from cadres in Gen.Int[0, 1]
        select County.Rules(
            County.Group("leaders", "L", "county", leaders, Max(leaders, leadersCap), households: "household.DeepPoverty"),
            County.Group("staff", "S", "county", staff, Max(staff, staffCap)),
            County.Group("committee", "C", "village", committee, Max(committee, committeeCap), households: committeeTakesPoor ? "true" : "!household.PoorVillage"),
            County.Group("cadres", "T", "township", cadres, backstop: true));

    /// <summary>Households of the three villages, each village poor or not (its households agree, as a roster requires).</summary>
    private static readonly Gen<Household[]> Households =
        Gen.Select(Gen.Bool.Array[3], Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Bool).Array[0, 6]).Select((poor, hs) => hs.Select((h, i) =>
        {
            var village = Villages[h.Item1];
            return new Household($"H{i}", village[..1], village, poorVillage: poor[h.Item1], deepPoverty: h.Item2, currentHelper: h.Item3 ? $"P{i % 3}" : null);
        }).ToArray());

    private static readonly Gen<Helper[]> Helpers =
        Gen.Select(Gen.Int[0, 4].Select(i => "LSCTX"[i].ToString()), Gen.Int[0, 3], Gen.Bool).Array[0, 4].Select(ps => ps.Select((p, i) =>
        {
            var village = p.Item2 < 3 ? Villages[p.Item2] : null;
            var township = village?[..1] ?? (p.Item3 ? "A" : null);
            return new Helper($"P{i}", p.Item1, township: township, village: village, poorVillage: village is null ? p.Item3 : null);
        }).ToArray());

    private static readonly Gen<(RuleSet Rules, Roster Roster)> Counties =
        from rules in Rules
        from households in Households
        from helpers in Helpers
        select (rules, new Roster(households, helpers));

    [Fact]
    public void Solve_RandomSmallCounty_IsOptimalAgainstExhaustiveSearch()
    {
        Counties.Sample(county =>
        {
            var (rules, roster) = county;
            var fresh = new Roster(roster.Households.Select(h => new Household(h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty)), roster.Helpers);

            var result = rules.Solve(fresh);

            result.Objective.Should().Be(Reference.Best(rules, fresh, keep: false));
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void Solve_RandomSmallCountyWithCurrentHelpers_KeepsValidPairingsAndIsOptimalForTheRest()
    {
        Counties.Sample(county =>
        {
            var (rules, roster) = county;

            var result = rules.Solve(roster);

            result.Objective.Should().Be(Reference.Best(rules, roster, keep: true));
            if (result.Summary.Kept > 0)
            {
                result.FreshObjective.Should().Be(Reference.Best(rules, roster, keep: false));
            }
            else
            {
                result.FreshObjective.Should().BeNull();
            }
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void Solve_RandomSmallCounty_LosesNothingAndPairsOnlyAsTheRulesAllow()
    {
        Counties.Sample(county =>
        {
            var (rules, roster) = county;

            var result = rules.Solve(roster);

            result.Pairings.Select(p => p.HouseholdId).Concat(result.Uncovered.Select(u => u.HouseholdId))
                .Should().BeEquivalentTo(roster.Households.Select(h => h.Id), o => o.WithoutStrictOrdering(), "every household appears exactly once");
            result.Helpers.Select(h => h.HelperId).Concat(result.Unselected.Select(u => u.HelperId))
                .Should().BeEquivalentTo(roster.Helpers.Select(h => h.Id));
            foreach (var pairing in result.Pairings)
            {
                var helper = roster.FindHelper(pairing.HelperId)!;
                var group = rules.GroupOf(helper)!;
                group.Id.Should().Be(pairing.GroupId);
                group.Allows(helper, roster.FindHousehold(pairing.HouseholdId)!).Should().BeTrue();
            }

            result.Helpers.Count(h => h.Assigned > h.Cap).Should().Be(0, "no helper goes above its cap");
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void Solve_SameInputTwice_GivesTheSameResult()
    {
        Counties.Sample(county =>
        {
            var first = county.Rules.Solve(county.Roster);
            var second = county.Rules.Solve(county.Roster);

            second.Pairings.Should().Equal(first.Pairings);
            second.Uncovered.Should().BeEquivalentTo(first.Uncovered, o => o.WithStrictOrdering());
            second.Certificates.Select(c => c.Statement).Should().Equal(first.Certificates.Select(c => c.Statement));
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void Certificates_RandomSmallCounty_AccountForEveryGap()
    {
        Counties.Sample(county =>
        {
            var result = county.Rules.Solve(county.Roster);

            result.Certificates.Where(c => c.Kind == CertificateKind.Coverage).Sum(c => c.Gap).Should().Be(result.Summary.Uncovered);
            foreach (var certificate in result.Certificates.Where(c => c.Kind == CertificateKind.Coverage && c.Capacity > 0))
            {
                certificate.Capacity.Should().Be(certificate.Households - certificate.Gap, "the helpers of a coverage certificate are full");
            }

            foreach (var certificate in result.Certificates.Where(c => c.Kind == CertificateKind.Quota))
            {
                certificate.Gap.Should().Be(certificate.Capacity - certificate.Households, "a quota certificate's gap is exactly what the households cannot fill");
            }
        }, iter: 400, threads: 1);
    }

    private static int? Max(int min, int? cap) => cap is { } c ? min + c : null;

    /// <summary>Exhaustive search over every assignment; independent of the solver's model.</summary>
    private static class Reference
    {
        public static ObjectiveValues Best(RuleSet rules, Roster roster, bool keep)
        {
            var helpers = roster.Helpers;
            var groups = helpers.Select(h => rules.GroupOf(h)).ToArray();
            for (var i = 0; i < helpers.Count; i++)
            {
                var g = groups[i];
                if (g is not null && (g.Scope != PairingScope.County && helpers[i].Township is null || g.Scope == PairingScope.Village && helpers[i].Village is null))
                {
                    groups[i] = null;
                }
            }

            var households = roster.Households;
            var loads = new int[helpers.Count];
            var fixedHelper = new int[households.Count];
            Array.Fill(fixedHelper, -1);
            if (keep)
            {
                for (var h = 0; h < households.Count; h++)
                {
                    var p = households[h].CurrentHelper is { } id ? IndexOf(helpers, id) : -1;
                    if (p >= 0 && groups[p] is { } g && Allowed(g, helpers[p], households[h]) && (g.Max is null || loads[p] < g.Max))
                    {
                        fixedHelper[h] = p;
                        loads[p]++;
                    }
                }
            }

            var options = households.Select((hh, h) => fixedHelper[h] >= 0
                ? new[] { fixedHelper[h] }
                : Enumerable.Range(0, helpers.Count).Where(p => groups[p] is { } g && Allowed(g, helpers[p], hh)).Append(-1).ToArray()).ToArray();
            Array.Clear(loads);
            ObjectiveValues? best = null;
            var uncovered = 0;
            void Search(int h)
            {
                if (h == households.Count)
                {
                    var value = Evaluate(rules, groups, loads, uncovered);
                    if (best is null || value.CompareTo(best) < 0)
                    {
                        best = value;
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
                    else if (groups[p]!.Max is null || loads[p] < groups[p]!.Max)
                    {
                        loads[p]++;
                        Search(h + 1);
                        loads[p]--;
                    }
                }
            }

            Search(0);
            return best!;
        }

        private static bool Allowed(RuleGroup g, Helper p, Household h) =>
            g.Accepts(h) && g.Scope switch
            {
                PairingScope.County => true,
                PairingScope.Township => p.Township == h.Township,
                _ => p.Township == h.Township && p.Village == h.Village,
            };

        private static int IndexOf(IReadOnlyList<Helper> helpers, string id)
        {
            for (var i = 0; i < helpers.Count; i++)
            {
                if (helpers[i].Id == id)
                {
                    return i;
                }
            }

            return -1;
        }

        private static ObjectiveValues Evaluate(RuleSet rules, RuleGroup?[] groups, int[] loads, int uncovered)
        {
            // Rank: backstop groups first, then the others, each in rule order.
            var order = rules.Groups.Where(g => g.IsBackstop).Concat(rules.Groups.Where(g => !g.IsBackstop)).ToList();
            long idle = 0, shortfall = 0, remainder = 0, balance = 0;
            for (var p = 0; p < loads.Length; p++)
            {
                if (groups[p] is not { } g)
                {
                    continue;
                }

                idle += loads[p] == 0 ? 1 : 0;
                shortfall += Math.Max(0, g.Min - loads[p]);
                long above = Math.Max(0, loads[p] - g.Min);
                remainder += order.IndexOf(g) * above;
                balance += above * (above + 1) / 2;
            }

            return new ObjectiveValues(uncovered, idle, shortfall, remainder, balance);
        }
    }
}
