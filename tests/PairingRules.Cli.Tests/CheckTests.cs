using FluentAssertions;
using Newtonsoft.Json.Linq;
using PairingRules.Csv;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>`check` audits the pairing in the households' helper column: every planted fault once, authored checks, exit codes.</summary>
public sealed class CheckTests
{
    private const string PlantedFindings =
        """
          known-helper   H01  household H01 names helper NOPE, who is not in the helpers roster
          in-scope       H10  household H10 (东乡/西村) is outside the scope of its helper VC1 (group poor-village-committee)
          within-cap     H12  household H12 is beyond the cap of its helper VC2 (group village-committee)
          meets-quota    SC1  helper SC1 (group section-cadres) has 6 of the 8 households the quota requires
          has-household  TC2  helper TC2 (group township-cadres) has no household
        """;

    /// <summary>The roster has no county leader, ordinary staff or enterprise of tiers 1 to 3 for the Xing rules' groups.</summary>
    private static string PlantedWarnings =>
        $"{Cli.RulesPath}:12:55: warning: groups[0].helpers: group `county-leaders`: no helper of the roster has `helper.Category` equal to \"county-leader\" (values of helper.Category: section-cadre, village-committee, enterprise, township-cadre); the comparison is never true (at character 20)\n" +
        $"{Cli.RulesPath}:12:55: warning: groups[0].helpers: group `county-leaders`: selects no helper of the roster: its `helpers` expression holds for none of the roster's 6 helpers, so the group takes no household\n" +
        $"{Cli.RulesPath}:29:56: warning: groups[2].helpers: group `ordinary-staff`: no helper of the roster has `helper.Category` equal to \"ordinary-staff\" (values of helper.Category: section-cadre, village-committee, enterprise, township-cadre); the comparison is never true (at character 20)\n" +
        $"{Cli.RulesPath}:29:56: warning: groups[2].helpers: group `ordinary-staff`: selects no helper of the roster: its `helpers` expression holds for none of the roster's 6 helpers, so the group takes no household\n" +
        $"{Cli.RulesPath}:45:72: warning: groups[4].helpers: group `enterprise-tier-1`: selects no helper of the roster: its `helpers` expression holds for none of the roster's 6 helpers, so the group takes no household\n" +
        $"{Cli.RulesPath}:54:72: warning: groups[5].helpers: group `enterprise-tier-2`: selects no helper of the roster: its `helpers` expression holds for none of the roster's 6 helpers, so the group takes no household\n" +
        $"{Cli.RulesPath}:63:72: warning: groups[6].helpers: group `enterprise-tier-3`: selects no helper of the roster: its `helpers` expression holds for none of the roster's 6 helpers, so the group takes no household\n";

    private static string Households => Cli.TestData("check", "planted-faults", "households.csv");

    private static string Helpers => Cli.TestData("check", "planted-faults", "helpers.csv");

    [Fact]
    public void Check_PlantedFaults_ReportsEachFaultOnceAndExitsOne()
    {
        // Planted: H01 names an unknown helper; H10 (西村) is paired with a committee member of 东村; VC2, a non-poor
        // village's committee member (exactly 1), has two households; SC1 has 6 of the 8 its quota needs; TC2 has none.
        var run = Cli.Run("check", "--rules", Cli.RulesPath, "--households", Households, "--helpers", Helpers);

        run.ExitCode.Should().Be(1, run.Error);
        run.Error.Should().Be(PlantedWarnings);
        run.Out.Should().Be(
            """
            Rule set   xing-county (10 groups)
            Checks     9 from rules/audit.json (built-in)
            Audited    18 households, 6 helpers
            Findings   5

            Findings per check:
              has-helper         0
              known-helper       1
              helper-in-a-group  0
              in-scope           1
              accepted-by-group  0
              within-cap         1
              selected           0
              has-household      1
              meets-quota        1

            Findings:

            """.ReplaceLineEndings("\n") + PlantedFindings.ReplaceLineEndings("\n") + "\n" +
            """

            Result: 5 findings (exit code 1).

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Check_JsonOut_WritesSummaryByCheckAndEveryFinding()
    {
        using var temp = new TempFolder();
        var report = temp.File("audit.json");

        var run = Cli.Run("check", "--rules", Cli.RulesPath, "--households", Households, "--helpers", Helpers, "--out", report);

        run.ExitCode.Should().Be(1);
        run.Out.Should().EndWith($"\nFull report written to {report}\nResult: 5 findings (exit code 1).\n");
        File.ReadAllText(report).Should().Be(
            """
            {
              "summary": {
                "households": 18,
                "helpers": 6,
                "findings": 5,
                "byCheck": {
                  "has-helper": 0,
                  "known-helper": 1,
                  "helper-in-a-group": 0,
                  "in-scope": 1,
                  "accepted-by-group": 0,
                  "within-cap": 1,
                  "selected": 0,
                  "has-household": 1,
                  "meets-quota": 1
                }
              },
              "findings": [
                {
                  "check": "known-helper",
                  "subject": "household",
                  "id": "H01",
                  "message": "household H01 names helper NOPE, who is not in the helpers roster"
                },
                {
                  "check": "in-scope",
                  "subject": "household",
                  "id": "H10",
                  "message": "household H10 (东乡/西村) is outside the scope of its helper VC1 (group poor-village-committee)"
                },
                {
                  "check": "within-cap",
                  "subject": "household",
                  "id": "H12",
                  "message": "household H12 is beyond the cap of its helper VC2 (group village-committee)"
                },
                {
                  "check": "meets-quota",
                  "subject": "helper",
                  "id": "SC1",
                  "message": "helper SC1 (group section-cadres) has 6 of the 8 households the quota requires"
                },
                {
                  "check": "has-household",
                  "subject": "helper",
                  "id": "TC2",
                  "message": "helper TC2 (group township-cadres) has no household"
                }
              ]
            }

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Check_CsvOut_WritesOneLineAFinding()
    {
        using var temp = new TempFolder();
        var report = temp.File("findings.csv");

        var run = Cli.Run("check", "--rules", Cli.RulesPath, "--households", Households, "--helpers", Helpers, "--out", report);

        run.ExitCode.Should().Be(1);
        File.ReadAllBytes(report).Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "Excel needs the BOM to read UTF-8");
        File.ReadAllText(report).Should().Be(
            """
            check,subject,id,message
            known-helper,household,H01,"household H01 names helper NOPE, who is not in the helpers roster"
            in-scope,household,H10,household H10 (东乡/西村) is outside the scope of its helper VC1 (group poor-village-committee)
            within-cap,household,H12,household H12 is beyond the cap of its helper VC2 (group village-committee)
            meets-quota,helper,SC1,helper SC1 (group section-cadres) has 6 of the 8 households the quota requires
            has-household,helper,TC2,helper TC2 (group township-cadres) has no household

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Check_AuthoredCheckInAuditFile_AppearsInTheReportAndTheMarkdown()
    {
        // The authored file is rules/audit.json with one rule added, as a rule author would write it.
        var audit = Cli.TestData("check", "audit-with-large-household-rule.json");
        var authored = JArray.Parse(File.ReadAllText(audit));
        var builtIn = JArray.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "audit.json")));
        var added = (JObject)((JArray)authored[0]["Rules"]!).Last!;
        added.Remove();
        JToken.DeepEquals(authored, builtIn).Should().BeTrue("the test file is the built-in checks plus one rule");
        ((string)added["Expression"]!).Should().Be("!(pairing.Household.Members >= 6 && pairing.HelperKnown && pairing.Helper.Category == \"enterprise\")");
        using var temp = new TempFolder();
        var report = temp.File("audit.md");

        var run = Cli.Run("check", "--rules", Cli.RulesPath, "--households", Households, "--helpers", Helpers, "--audit", audit, "--out", report);

        run.ExitCode.Should().Be(1, run.Error);
        run.Out.Should().StartWith($"Rule set   xing-county (10 groups)\nChecks     10 from {audit}\nAudited    18 households, 6 helpers\nFindings   6\n");
        run.Out.Should().Contain("  within-cap                          1\n  no-enterprise-for-large-households  1\n  selected                            0\n");
        run.Out.Should().Contain("  no-enterprise-for-large-households  H13  household H13 has 7 members and must not be paired with an enterprise (EN1)\n");
        File.ReadAllText(report).Should().Be(
            """
            # Audit report: 兴县帮扶责任人结对规则 (Xing County, Shanxi, 2017)

            **6 findings**: see the tables below.

            ## Summary

            | | |
            |---|---:|
            | Rule set | xing-county |
            | Checks | AUDIT |
            | Households audited | 18 |
            | Helpers audited | 6 |
            | Findings | 6 |

            ## Checks

            | Check | Findings |
            |---|---:|
            | has-helper | 0 |
            | known-helper | 1 |
            | helper-in-a-group | 0 |
            | in-scope | 1 |
            | accepted-by-group | 0 |
            | within-cap | 1 |
            | no-enterprise-for-large-households | 1 |
            | selected | 0 |
            | has-household | 1 |
            | meets-quota | 1 |

            ## Findings: households

            | Household | Check | Finding |
            |---|---|---|
            | H01 | known-helper | household H01 names helper NOPE, who is not in the helpers roster |
            | H10 | in-scope | household H10 (东乡/西村) is outside the scope of its helper VC1 (group poor-village-committee) |
            | H12 | within-cap | household H12 is beyond the cap of its helper VC2 (group village-committee) |
            | H13 | no-enterprise-for-large-households | household H13 has 7 members and must not be paired with an enterprise (EN1) |

            ## Findings: helpers

            | Helper | Check | Finding |
            |---|---|---|
            | SC1 | meets-quota | helper SC1 (group section-cadres) has 6 of the 8 households the quota requires |
            | TC2 | has-household | helper TC2 (group township-cadres) has no household |

            """.ReplaceLineEndings("\n").Replace("AUDIT", audit, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_InvalidAuditFile_ExitsTwoWithEveryLocatedProblem()
    {
        var audit = Cli.TestData("check", "invalid-audit", "audit.json");

        var run = Cli.Run("check", "--rules", Cli.RulesPath, "--households", Households, "--helpers", Helpers, "--audit", audit);

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Be(
            $"{audit}:8:75: [0].Rules[0].Expression: rule `no-enterprise-for-large-households`: there is no member `Categry` on Helper, did you mean `Category`? " +
            "(members of Helper: Id, Name, Category, Tier, County, Township, Village, Unit, PoorVillage, Attributes, Attribute(name), HasAttribute(name)) (at character 52)\n" +
            $"{audit}:13:29: [1].WorkflowName: unknown workflow `helpers`: the audit runs `household` (input `pairing`) and `helper` (input `helper`)\n" +
            $"pairing-rules: Audit file '{audit}' has 2 problems; nothing was checked.\n");
    }

    [Fact]
    public void Check_BadRosterAndMissingAuditFile_ReportsBothAtOnce()
    {
        using var temp = new TempFolder();
        var helpers = temp.File("helpers.csv");
        File.WriteAllText(helpers, "id,category,township,village,tier\nT1,township-cadre,东乡,,big\n");

        var run = Cli.Run("check", "--rules", Cli.RulesPath, "--households", Households, "--helpers", helpers, "--audit", temp.File("missing.json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith(
            helpers + ":2:5: tier: tier 'big' is not a whole number of at least 1 (or 一类, 二类 … for 1, 2 …)\n" +
            temp.File("missing.json") + ": cannot read the audit file: ");
        run.Error.Should().EndWith($"pairing-rules: The roster has 1 problem; Audit file '{temp.File("missing.json")}' has 1 problem; nothing was checked.\n");
    }

    [Fact]
    public void Check_SolvedPairingWrittenIntoTheHelperColumn_ReportsNoFindingAndExitsZero()
    {
        using var temp = new TempFolder();
        Cli.Run("generate", "--households", "2000", "--out", temp.Path).ExitCode.Should().Be(0);
        var households = temp.File("households.csv");
        var helpers = temp.File("helpers.csv");
        var pairing = temp.File("pairing.csv");
        Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", pairing, "--format", "csv").ExitCode.Should().Be(0);

        // Merge solve's CSV into the households' helper column, as a county office would.
        var helperOf = File.ReadAllLines(pairing).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        var roster = RosterCsv.Read(households, helpers);
        using (var writer = new StreamWriter(households))
        {
            RosterCsv.WriteHouseholds(roster.Households.Select(h => new Household(h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, h.County, h.Members, h.Income, helperOf[h.Id], h.Attributes)), writer);
        }

        var run = Cli.Run("check", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers);

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        run.Out.Should().Be(
            $"""
            Rule set   xing-county (10 groups)
            Checks     9 from rules/audit.json (built-in)
            Audited    2,000 households, {roster.Helpers.Count:N0} helpers
            Findings   0

            Findings per check:
              has-helper         0
              known-helper       0
              helper-in-a-group  0
              in-scope           0
              accepted-by-group  0
              within-cap         0
              selected           0
              has-household      0
              meets-quota        0

            Result: no finding (exit code 0).

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Check_ManyFindings_PrintsTheFirstFiftyAndPointsToOut()
    {
        using var temp = new TempFolder();
        Cli.Run("generate", "--households", "500", "--out", temp.Path).ExitCode.Should().Be(0);
        var households = temp.File("households.csv");
        var helpers = temp.File("helpers.csv");
        var helperCount = RosterCsv.Read(households, helpers).Helpers.Count;
        var total = 500 + helperCount;

        var run = Cli.Run("check", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers);
        var all = Cli.Run("check", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", temp.File("all.csv"));

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain($"Findings   {total:N0}\n");
        run.Out.Split('\n').Count(l => l.StartsWith("  has-helper  ", StringComparison.Ordinal) && l.Contains(" household H", StringComparison.Ordinal)).Should().Be(50);
        run.Out.Should().EndWith($"  has-helper  H0000050  household H0000050 has no responsible person\n  … and {total - 50:N0} more; write them all with --out FILE\n\nResult: {total:N0} findings (exit code 1).\n");
        all.Out.Should().Contain($"  … and {total - 50:N0} more, all in {temp.File("all.csv")}\n");
        File.ReadAllLines(temp.File("all.csv")).Should().HaveCount(total + 1);
    }
}
