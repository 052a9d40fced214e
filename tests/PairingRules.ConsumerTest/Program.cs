// The consumer test's program (scripts/consumer-test): a fresh console project that references the packed PairingRules
// package by version from a local folder feed, and uses it as a stranger would. It is not part of PairingRules.sln; the
// script copies it into a new `dotnet new console` project. Exit code 0: every check passed; 1: one failed (stderr says which).
using System.Reflection;
using PairingRules;

var failures = new List<string>();

void Expect(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

// The assembly is the one packed: its informational version starts with the package version (the first argument).
var packageVersion = args.Length == 1 ? args[0] : throw new ArgumentException("usage: dotnet run -- PACKAGE_VERSION");
var assemblyVersion = typeof(RuleSet).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "none";
Expect(assemblyVersion == packageVersion || assemblyVersion.StartsWith(packageVersion + "+", StringComparison.Ordinal), $"PairingRules.dll is version {packageVersion}, not {assemblyVersion}");

// The rules ship twice: embedded in the assembly, and as content files that NuGet copies to this project's output folder.
var rulesPath = Path.Combine(AppContext.BaseDirectory, "rules", "xing-county.json");
var schemaPath = Path.Combine(AppContext.BaseDirectory, "rules", "schema", "pairing-rules.schema.json");
Expect(File.Exists(rulesPath), $"the package's content file {rulesPath} is in the output folder");
Expect(File.Exists(schemaPath), $"the package's content file {schemaPath} is in the output folder");
if (failures.Count > 0)
{
    return Fail();
}

var embedded = RuleSet.LoadXingCounty();
var fromFile = RuleSet.Load(rulesPath);
Expect(File.ReadAllText(schemaPath) == RuleSet.SchemaJson, "the shipped schema file equals RuleSet.SchemaJson");
Expect(File.ReadAllText(rulesPath) == RuleSet.XingCountyJson, "the shipped rule file equals RuleSet.XingCountyJson");
Expect(fromFile.Name == "xing-county" && fromFile.Groups.Count == 10, $"the shipped rules are xing-county with 10 groups, not {fromFile}");
Expect(
    embedded.Groups.Select(g => (g.Id, g.Scope, g.Min, g.Max, g.IsBackstop))
        .SequenceEqual(fromFile.Groups.Select(g => (g.Id, g.Scope, g.Min, g.Max, g.IsBackstop))),
    "the embedded rules and the shipped file compile to the same groups");

// Every shipped rule set is embedded and in the output folder, the same text both ways.
foreach (var name in RuleSet.ShippedNames)
{
    var path = Path.Combine(AppContext.BaseDirectory, "rules", name + ".json");
    Expect(File.Exists(path) && File.ReadAllText(path) == RuleSet.ShippedJson(name), $"the package's content file {path} is in the output folder and equals RuleSet.ShippedJson(\"{name}\")");
}

var lingling = RuleSet.LoadShipped("lingling-district");
Expect(
    lingling.Groups.Select(g => (g.Id, g.Max)).SequenceEqual([("first-secretaries", (int?)10), ("work-team-members", 10), ("district-cadres", 10), ("township-cadres", null)]),
    $"the shipped Lingling rules have their four groups with the default cap on all but the backstop, not {lingling}");

// A small county with a known optimum under the Xing rules: the county leader takes the 10 deep-poverty households
// (quota 10), the poor village's committee member the other two of its village (quota 2), the non-poor village's
// committee member exactly one (min = max = 1), and the township cadre, the backstop, the other.
const string Township = "蔚汾镇";
var households = Enumerable.Range(1, 10)
    .Select(i => new Household($"D{i:00}", Township, "城关村", poorVillage: true, deepPoverty: true))
    .Concat(
    [
        new Household("P1", Township, "城关村", poorVillage: true, deepPoverty: false),
        new Household("P2", Township, "城关村", poorVillage: true, deepPoverty: false),
        new Household("N1", Township, "李家村", poorVillage: false, deepPoverty: false),
        new Household("N2", Township, "李家村", poorVillage: false, deepPoverty: false),
    ])
    .ToArray();
var roster = new Roster(
    households,
    [
        new Helper("L1", "county-leader", name: "县领导甲"),
        new Helper("C1", "village-committee", township: Township, village: "城关村", poorVillage: true),
        new Helper("V1", "village-committee", township: Township, village: "李家村", poorVillage: false),
        new Helper("T1", "township-cadre", township: Township),
    ]);

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
var result = fromFile.Solve(roster, cancellation.Token);
var helperOf = result.Pairings.ToDictionary(p => p.HouseholdId, p => (p.HelperId, p.GroupId));

Expect(result.IsComplete, "the result is complete");
var s = result.Summary;
Expect(
    (s.Households, s.Covered, s.Uncovered, s.Helpers, s.IdleHelpers, s.TotalShortfall, s.Kept, s.Changed, s.New, s.UnselectedHelpers) == (14, 14, 0, 4, 0, 0L, 0, 0, 14, 0),
    $"the summary is 14 of 14 covered, no idle helper, no shortfall, not {s.Covered} of {s.Households} covered, {s.IdleHelpers} idle, shortfall {s.TotalShortfall}");
Expect(
    result.Backstop is { Townships.Count: 0, AboveQuotaTotal: 0, IsWorthReporting: false } backstop && backstop.Groups.Single().Id == "township-cadres",
    "the township cadres are the backstop, and every township has one");
Expect(result.Villages.Select(v => v.Place.ToString()).SequenceEqual([$"{Township}/城关村", $"{Township}/李家村"]), "the villages are named township/village");
Expect(result.Certificates.Count == 0, "no gap, so no certificate");
Expect(households.Where(h => h.DeepPoverty).All(h => helperOf.GetValueOrDefault(h.Id) == ("L1", "county-leaders")), "L1 takes every deep-poverty household");
Expect(helperOf.GetValueOrDefault("P1") == ("C1", "poor-village-committee") && helperOf.GetValueOrDefault("P2") == ("C1", "poor-village-committee"), "C1 takes P1 and P2");
Expect(
    new[] { helperOf.GetValueOrDefault("N1").HelperId, helperOf.GetValueOrDefault("N2").HelperId }.Order().SequenceEqual(["T1", "V1"]),
    "V1 and T1 take one of N1 and N2 each");
Expect(
    embedded.Solve(roster).Pairings.SequenceEqual(result.Pairings),
    "the embedded rules give the same pairing");

// The Chinese sentences come from the package's satellite assembly (lib/net10.0/zh-Hans/PairingRules.resources.dll).
var chinese = new ResultText(fromFile.Groups, ReportLanguage.Chinese);
Expect(chinese.Scope(PairingScope.Township) == "乡镇", $"the Chinese name of the township scope is 乡镇, not {chinese.Scope(PairingScope.Township)}");
Expect(chinese.Reason(UncoveredReason.AllHelpersFull) == "可包扶的人都已满额", "the Chinese texts ship with the package");

// The pairing just made, written back as the households' current helpers, passes the built-in audit.
var paired = new Roster(
    households.Select(h => new Household(h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, currentHelper: helperOf.GetValueOrDefault(h.Id).HelperId)),
    roster.Helpers);
var audit = await fromFile.CheckAsync(paired, cancellationToken: cancellation.Token);
Expect(audit.IsClean, $"the audit of the solved pairing is clean, not: {string.Join("; ", audit.Findings.Select(f => f.Message))}");

if (failures.Count > 0)
{
    return Fail();
}

Console.WriteLine($"consumer test: PairingRules {assemblyVersion}: {result.Summary.Covered} of {result.Summary.Households} households covered with {rulesPath}; audit clean.");
return 0;

int Fail()
{
    foreach (var failure in failures)
    {
        Console.Error.WriteLine($"consumer test: expected that {failure}");
    }

    return 1;
}
