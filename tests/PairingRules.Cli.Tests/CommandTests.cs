using System.Text.Json;
using FluentAssertions;
using PairingRules.Csv;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>End-to-end runs of every command and exit code.</summary>
public sealed class CommandTests
{
    private const string SmallHouseholds = "id,township,village,poor_village,deep_poverty\nH1,东乡,东村,true,true\nH2,东乡,西村,false,false\nH3,西乡,南村,true,false\n";
    private const string SmallHelpers = "id,category,township,village,tier\nT1,township-cadre,东乡,,\nT2,township-cadre,西乡,,\n";

    [Fact]
    public void Demo_DefaultCounty_CoversEveryHouseholdAndExitsZero()
    {
        var run = Cli.Run("demo");

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().BeEmpty("progress is shown only on a terminal");
        run.Out.Should().Be(
            """
            Rule set   xing-county (10 groups)
            Households 16,800: 16,800 covered, 0 uncovered
            Helpers    5,005: 0 idle, 0 unselected
            Shortfall  0 households below quota
            Pairings   0 kept, 0 changed, 16,800 new

            Gaps per township: none

            Certificate: every household is covered and every quota is met; nothing better exists.

            Result: complete (exit code 0).

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Demo_QuotasAboveSupply_ReportsShortfallAndExitsOne()
    {
        var run = Cli.Run("demo", "--preset", "quotas-above-supply", "--households", "3000");

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain("Quota gaps per group:").And.Contain("[quota] ").And.EndWith("Result: gaps found (exit code 1).\n");
    }

    [Fact]
    public void Validate_XingRules_PrintsTheGroupsAndExitsZero()
    {
        var run = Cli.Run("validate", Cli.RulesPath);

        run.ExitCode.Should().Be(0);
        run.Out.Should().StartWith($"{Cli.RulesPath}: rule set `xing-county` is valid, 10 groups in priority order:\n");
        run.Out.Should().Contain("   1. county-leaders (县级领导干部): scope county, at least 10\n      helpers:    helper.Category == \"county-leader\"\n      households: household.DeepPoverty\n");
        run.Out.Should().Contain("   9. village-committee (村“两委”干部): scope village, exactly 1\n");
        run.Out.Should().Contain("  10. township-cadres (乡镇干部): scope township, at least 0, backstop\n");
    }

    [Fact]
    public void Validate_BadRuleFile_PrintsEveryProblemAndExitsTwo()
    {
        using var temp = new TempFolder();
        var path = temp.File("bad.json");
        File.WriteAllText(path, """{ "name": "bad", "groups": [ { "id": "a", "helpers": "true", "scope": "county", "min": 2, "max": 1 } ] }""");

        var run = Cli.Run("validate", path);

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith(path + ":1:").And.Contain("`max` (1) is below `min` (2)");
        lines[^1].Should().Be($"pairing-rules: Rule set '{path}' has 1 problem.");
        run.Error.Should().NotContain(" at PairingRules", "no stack trace reaches the user");
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwoNamingTheFile()
    {
        var run = Cli.Run("validate", "no-such-rules.json");

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("no-such-rules.json: cannot read the rule file: ");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("")]
    [InlineData("solve --households h.csv")]
    [InlineData("solve --rules r.json --households h.csv --helpers p.csv --format xml")]
    [InlineData("generate --out x --preset atlantis")]
    [InlineData("generate --out x --households 0")]
    [InlineData("demo --seed abc")]
    public void Usage_Mistakes_ExitTwoWithoutStackTrace(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var run = Cli.Run(args);

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("pairing-rules: ").And.EndWith("Run 'pairing-rules --help' for usage.\n");
        run.Error.Should().NotContain("   at ");
        run.Out.Should().BeEmpty();
    }

    [Fact]
    public void Help_ListsTheCommandsAndExitsZero()
    {
        var run = Cli.Run("--help");

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("validate").And.Contain("solve").And.Contain("check").And.Contain("generate").And.Contain("demo");
    }

    [Fact]
    public void Solve_UnknownEncoding_ExitsTwo()
    {
        using var temp = Small(out var households, out var helpers);

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--encoding", "klingon");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be("pairing-rules: unknown encoding 'klingon'; use for example utf-8, gb18030, gbk or utf-16\n");
    }

    [Fact]
    public void Solve_BadRulesAndBadRoster_ReportsBothAtOnce()
    {
        using var temp = Small(out var households, out var helpers);
        var rules = temp.File("rules.json");
        File.WriteAllText(rules, "{");
        File.WriteAllText(helpers, "id,category,township,village,tier\nT1,township-cadre,东乡,,big\n");

        var run = Cli.Run("solve", "--rules", rules, "--households", households, "--helpers", helpers);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(rules + ":").And.Contain(helpers + ":2:5: tier: tier 'big' is not a whole number of at least 1");
        run.Error.Should().EndWith($"pairing-rules: Rule set '{rules}' has 1 problem; The roster has 1 problem; nothing was solved.\n");
    }

    [Fact]
    public void Solve_MissingRosterFile_ExitsTwo()
    {
        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", "nope.csv", "--helpers", "nope2.csv");

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("nope.csv: cannot read the file: ");
    }

    [Fact]
    public void Solve_HouseholdsWithoutAnyCadre_ExitsOneAndWritesJsonGaps()
    {
        using var temp = Small(out var households, out var helpers);
        File.WriteAllText(helpers, "id,category,township,village,tier\nT1,township-cadre,东乡,,\nE1,enterprise,,,4\n");

        // H3 lives in a poor village of 西乡: no enterprise may take it and 西乡 has no township cadre.
        var result = temp.File("result.json");

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", result);

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain("Gaps per township:\n  西乡        1 of 1 households uncovered\n");
        run.Out.Should().Contain($"Full result written to {result}\n");

        // The Xing rules name groups this roster has no helper for: the warnings on stderr are in the file too.
        var (json, warnings) = CutWarnings(File.ReadAllText(result).ReplaceLineEndings("\n"));
        warnings.Should().Equal(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).And.HaveCount(13);
        json.Should().Be(
            $$"""
            {
              "summary": {
                "ruleSet": "xing-county",
                "tool": "{{ToolVersion.Text}}",
                "complete": false,
                "households": 3,
                "covered": 2,
                "uncovered": 1,
                "helpers": 2,
                "idleHelpers": 0,
                "unselectedHelpers": 0,
                "totalShortfall": 4,
                "kept": 0
              },
              "warnings": [],
              "pairings": [
                {
                  "household": "H1",
                  "helper": "T1",
                  "group": "township-cadres"
                },
                {
                  "household": "H2",
                  "helper": "E1",
                  "group": "enterprise-tier-4"
                }
              ],
              "gaps": {
                "uncovered": [
                  {
                    "household": "H3",
                    "township": "西乡",
                    "village": "南村",
                    "reason": "REASON",
                    "remedy": "REMEDY"
                  }
                ],
                "shortfalls": [
                  {
                    "helper": "E1",
                    "group": "enterprise-tier-4",
                    "required": 5,
                    "assigned": 1,
                    "shortfall": 4
                  }
                ],
                "idle": [],
                "unselected": []
              }
            }

            """.ReplaceLineEndings("\n").Replace("REASON", Reason(result)).Replace("REMEDY", Remedy(result)));
    }

    [Fact]
    public void Solve_MarkdownFormat_WritesThePrintableReport()
    {
        using var temp = Small(out var households, out var helpers);
        var report = temp.File("report.md");

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", report);

        run.ExitCode.Should().Be(0, run.Error + run.Out);
        var text = File.ReadAllText(report);
        text.Should().StartWith("# Pairing report: 兴县帮扶责任人结对规则 (Xing County, Shanxi, 2017)\n");
        text.Should().Contain("| Households | 3 |\n").And.Contain("## Groups\n").And.Contain("| 东乡 | 2 | 2 | 0 |\n").And.Contain("## Certificates\n");
        Directory.GetFiles(temp.Path, "*.tmp").Should().BeEmpty("the temporary file is moved into place");
    }

    [Fact]
    public void Generate_WritesBothFilesThatReadBack()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "county");

        var run = Cli.Run("generate", "--preset", "township-without-cadres", "--seed", "7", "--households", "1000", "--out", folder);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Be($"Wrote 1,000 households to {Path.Combine(folder, "households.csv")} and 232 helpers to {Path.Combine(folder, "helpers.csv")} (preset township-without-cadres, seed 7).\n");
        var roster = RosterCsv.Read(Path.Combine(folder, "households.csv"), Path.Combine(folder, "helpers.csv"));
        roster.Households.Should().HaveCount(1000);
        roster.Helpers.Should().HaveCount(232);
        roster.Helpers.Where(h => h.Category == "township-cadre").Select(h => h.Township).Should().NotContain(roster.Households[0].Township);
    }

    [Fact]
    public void RoundTrip_GenerateSolveCsv_ReadBackAsCurrentHelpers_KeepsEveryPairing()
    {
        using var temp = new TempFolder();
        Cli.Run("generate", "--households", "8400", "--out", temp.Path).ExitCode.Should().Be(0);
        var households = temp.File("households.csv");
        var helpers = temp.File("helpers.csv");
        var pairing = temp.File("pairing.csv");

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", pairing, "--format", "csv");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        var lines = File.ReadAllLines(pairing);
        lines[0].TrimStart('\uFEFF').Should().Be("household,helper,group");
        var roster = RosterCsv.Read(households, helpers);
        lines.Skip(1).Select(l => l.Split(',')[0]).Should().Equal(roster.Households.Select(h => h.Id), "one line a household, in roster order");

        // Write the solved pairing into the households' helper column, as a county office would, and solve again.
        var helperOf = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        var paired = new Roster(
            roster.Households.Select(h => new Household(h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, h.County, h.Members, h.Income, helperOf[h.Id], h.Attributes)),
            roster.Helpers);
        using (var writer = new StreamWriter(households))
        {
            RosterCsv.WriteHouseholds(paired.Households, writer);
        }

        var again = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", temp.File("again.json"));

        again.ExitCode.Should().Be(0, again.Out);
        again.Out.Should().Contain("Pairings   8,400 kept, 0 changed, 0 new\n")
            .And.Contain("Keeping    the 8,400 kept pairings cost nothing: a fresh solve covers no more households, leaves no fewer idle and falls no less short\n")
            .And.Contain("Gaps per township: none\n");
    }

    [Fact]
    public void Solve_Gb18030RosterWithChineseHeaders_IsDetectedAndSolved()
    {
        using var temp = new TempFolder();
        var households = temp.File("households.csv");
        var helpers = temp.File("helpers.csv");
        File.WriteAllBytes(households, RosterCsv.GB18030.GetBytes("户编号,乡镇,村,是否贫困村,是否深度贫困户,户主姓名\r\nH1,东乡,东村,是,是,张三\r\nH2,东乡,西村,否,否,李四\r\n"));
        File.WriteAllBytes(helpers, RosterCsv.GB18030.GetBytes("编号,类别,乡镇,村,企业类别,姓名\r\nT1,乡镇干部,东乡,,,王五\r\n"));
        var result = temp.File("result.csv");

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", result);

        run.ExitCode.Should().Be(0, run.Error);
        File.ReadAllBytes(result).Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "Excel needs the BOM to read UTF-8");
        File.ReadAllText(result).Should().Be("household,helper,group\nH1,T1,township-cadres\nH2,T1,township-cadres\n");

        var explicitRun = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--encoding", "gbk");
        explicitRun.ExitCode.Should().Be(0, explicitRun.Error);
    }

    /// <summary>The JSON result with its <c>warnings</c> emptied, and each warning as the tool prints it on stderr.</summary>
    private static (string Json, string[] Warnings) CutWarnings(string json)
    {
        var start = json.IndexOf("  \"warnings\": [\n", StringComparison.Ordinal);
        var end = json.IndexOf("\n  ],\n", start, StringComparison.Ordinal);
        var warnings = JsonDocument.Parse(json[(start + 14)..(end + 4)]).RootElement.EnumerateArray().Select(w => new InputProblem(
            w.GetProperty("message").GetString()!,
            w.GetProperty("file").GetString(),
            w.GetProperty("line").GetInt32(),
            w.GetProperty("column").GetInt32(),
            w.GetProperty("path").GetString(),
            ProblemSeverity.Warning).ToString()).ToArray();
        return (json[..start] + "  \"warnings\": [],\n" + json[(end + 6)..], warnings);
    }

    private static TempFolder Small(out string households, out string helpers)
    {
        var temp = new TempFolder();
        households = temp.File("households.csv");
        helpers = temp.File("helpers.csv");
        File.WriteAllText(households, SmallHouseholds);
        File.WriteAllText(helpers, SmallHelpers);
        return temp;
    }

    private static string Reason(string path) => Uncovered(path).GetProperty("reason").GetString()!;

    private static string Remedy(string path) => Uncovered(path).GetProperty("remedy").GetString()!;

    private static JsonElement Uncovered(string path) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("gaps").GetProperty("uncovered")[0].Clone();
}
