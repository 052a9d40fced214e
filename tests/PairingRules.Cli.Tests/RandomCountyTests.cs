using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace PairingRules.Cli.Tests;

/// <summary>
/// Counties nobody here has seen: random small rule sets in the shape another county's rule author would write
/// (invented categories, any scope, quotas, caps, backstops, household filters over attributes and members, tiers,
/// <c>defaults.max</c>, <c>restrictions</c>) and random small rosters (one or two counties, Chinese or English headers,
/// helpers with and without a township or village, categories no group selects, current helpers valid or not), written
/// as real files and solved through the tool (<c>solve --out -</c>). Each result is checked against an exhaustive search
/// written here from docs/rule-format.md ("The objective, exactly") and docs/roster-format.md alone: the expressions are
/// built together with a C# predicate that evaluates them, nothing of the library's compiler, placement or solver is used.
/// </summary>
/// <remarks>
/// The test run samples <see cref="DefaultIterations"/> counties (a few seconds). To run more, set
/// <c>PAIRING_RULES_RANDOM_COUNTIES</c>, for example
/// <c>PAIRING_RULES_RANDOM_COUNTIES=20000 dotnet test tests/PairingRules.Cli.Tests --filter RandomCountyTests</c>.
/// A failure prints CsCheck's seed (replay it with <c>CsCheck_Seed=SEED</c>) and the shrunk county: its rule file and
/// both roster files as written.
/// </remarks>
public sealed class RandomCountyTests(ITestOutputHelper output)
{
    /// <summary>The environment variable that sets how many counties the property samples.</summary>
    public const string IterationsVariable = "PAIRING_RULES_RANDOM_COUNTIES";

    private const int DefaultIterations = 200;

    /// <summary>Categories the rules select from (the first <see cref="RuleCategories"/>) and the roster draws from (all).</summary>
    private static readonly string[] Categories = ["first-secretary", "扶贫办", "work-team", "驻村工作队员", "助理员", "poverty.office", "帮扶,干部", "Team A", "包村领导", "挂职大学生"];

    private const int RuleCategories = 7;

    private static readonly string[] GroupIds = ["first-secretaries", "work-teams", "office.staff", "G", "leaders_2", "3rd-batch", "township-cadres", "fupin"];

    private static readonly string?[] Labels = [null, "第一书记", "驻村工作队", "扶贫办干部", "包村领导", " "];

    private static readonly string[] CountyNames = ["兴县", "临县"];

    /// <summary>Townships of the households are the first two; a helper may name the third, where no household lives.</summary>
    private static readonly string[] TownshipNames = ["东乡", "蔚汾镇", "North Town"];

    private static readonly string[] VillageNames = ["东村", "西村", "Village 3"];

    private static readonly JsonSerializerOptions JsonText = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultIterations;

    [Fact]
    public void Solve_RandomCounty_IsTheExactOptimumOfAnExhaustiveSearch()
    {
        using var temp = new TempFolder();
        var stats = new Stats();
        var cases = 0;
        var started = DateTime.UtcNow;

        // On every core: each case has its own folder, and the tool keeps no state between runs.
        Counties.Sample(
            county => stats.Add(county, Check(county, Path.Combine(temp.Path, Interlocked.Increment(ref cases).ToString(CultureInfo.InvariantCulture)))),
            iter: Iterations,
            print: county => county.ToString());

        output.WriteLine($"{stats} in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        if (Iterations >= 200)
        {
            stats.Complete.Should().BePositive("the generator makes complete counties");
            stats.Gaps.Should().BePositive("the generator makes counties with gaps");
            stats.Invalid.Should().BePositive("the generator makes invalid input");
            stats.WithKept.Should().BePositive("the generator keeps current pairings");
            stats.TwoCounties.Should().BePositive("the generator makes rosters of two counties");
            stats.Restricted.Should().BePositive("the generator writes restrictions");
        }
    }

    // ---------------------------------------------------------------- what is generated

    private enum Kind
    {
        Member,
        Comparison,
        Not,
        And,
        Or,
    }

    /// <summary>An expression as a rule author writes it, with the predicate it means (built alongside, not compiled).</summary>
    private sealed record Expr<T>(string Text, Func<T, bool> Eval, Kind Kind)
    {
        public override string ToString() => Text;
    }

    private sealed record GroupSpec(string Id, string? Label, Expr<HelperView> Helpers, Expr<HouseholdRow>? Households, string Scope, int Min, bool MinWritten, int? Max, bool Backstop);

    private sealed record RestrictionSpec(Expr<HouseholdRow> Households, int Mask);

    private sealed record RulesSpec(string Name, bool Schema, bool Comment, int? DefaultMax, RestrictionSpec[] Restrictions, GroupSpec[] Groups);

    /// <summary>A household as its row says (members and income with their defaults applied; attributes "" when absent).</summary>
    private sealed record HouseholdRow(string Id, string? County, string Township, string Village, bool PoorVillage, bool DeepPoverty, int? Members, string? Income, string? CurrentHelper, string Monitored, string Cause);

    /// <summary>A helper as its row says (township, village and poor_village as written, null when empty).</summary>
    private sealed record HelperRow(string Id, string? County, string Category, string? Township, string? Village, int? Tier, bool? PoorVillage, string Duty, string? Name);

    /// <summary>What a <c>helpers</c> expression reads of a helper, after the roster's rules complete it.</summary>
    private sealed record HelperView(string Category, int? Tier, bool PoorVillage, string Duty, string? Township, string? Village);

    private sealed record RosterSpec(
        int Counties, bool CountyColumn, bool HelperColumn, bool MonitoredColumn, bool CauseColumn, bool DutyColumn, bool TierColumn, bool PoorColumn, bool NameColumn,
        HouseholdRow[] Households, HelperRow[] Helpers);

    private sealed record County(RulesSpec Rules, RosterSpec Roster, int LayoutSeed)
    {
        private Files? _files;

        public Files Files => _files ??= Write(this);

        public override string ToString() =>
            $"{Files.Rules}\n--- households.csv ({Files.EncodingName})\n{Files.Households}\n--- helpers.csv\n{Files.Helpers}";
    }

    /// <summary>A problem the tool must report: file, line, column (none for a whole line) and path, and a part of the message.</summary>
    private sealed record Problem(string File, int Line, int? Column, string Path, string Fragment)
    {
        public string Prefix => Column is { } c ? $"{File}:{Line}:{c}: {Path}: " : $"{File}:{Line}: {Path}: ";
    }

    private sealed record Files(string Rules, string Households, string Helpers, string EncodingName, Encoding RosterEncoding, bool RulesBom, IReadOnlyList<Problem> Problems);

    private static readonly Gen<string> Ops = Gen.OneOf("==", "!=", "<", "<=", ">", ">=", "=", "<>");

    private static readonly Gen<string> EqualityOps = Gen.OneOf("==", "!=", "==", "!=", "=", "<>");

    private static readonly Gen<Expr<HouseholdRow>> HouseholdAtom = Gen.Frequency<Expr<HouseholdRow>>(
        (2, Gen.Const(new Expr<HouseholdRow>("household.DeepPoverty", h => h.DeepPoverty, Kind.Member))),
        (2, Gen.Const(new Expr<HouseholdRow>("household.PoorVillage", h => h.PoorVillage, Kind.Member))),
        (2, from op in Ops
            from k in Gen.Int[1, 5]
            select new Expr<HouseholdRow>($"household.Members {op} {k}", h => Compare((h.Members ?? 1).CompareTo(k), op), Kind.Comparison)),
        (1, from op in Ops
            from k in Gen.OneOf(2000, 3000, 4000)
            select new Expr<HouseholdRow>($"household.Income {op} {k}", h => Compare(IncomeOf(h).CompareTo(k), op), Kind.Comparison)),
        (3, from op in EqualityOps
            from v in Gen.OneOf("是", "否")
            select new Expr<HouseholdRow>($"household.Attribute(\"监测对象\") {op} \"{v}\"", h => Compare(string.CompareOrdinal(h.Monitored, v), op), Kind.Comparison)),
        (1, from op in EqualityOps
            from v in Gen.OneOf("illness", "disability")
            select new Expr<HouseholdRow>($"household.Attribute(\"cause\") {op} \"{v}\"", h => Compare(string.CompareOrdinal(h.Cause, v), op), Kind.Comparison)),
        (1, Gen.Const(new Expr<HouseholdRow>("household.Attribute(\"cause\") in (\"illness\", \"disability\")", h => h.Cause is "illness" or "disability", Kind.Comparison))),
        (1, from op in EqualityOps
            from t in Gen.Int[0, 1]
            select new Expr<HouseholdRow>($"household.Township {op} \"{TownshipNames[t]}\"", h => Compare(string.CompareOrdinal(h.Township, TownshipNames[t]), op), Kind.Comparison)),
        (1, from op in EqualityOps
            from v in Gen.Int[0, 2]
            select new Expr<HouseholdRow>($"household.Village {op} \"{VillageNames[v]}\"", h => Compare(string.CompareOrdinal(h.Village, VillageNames[v]), op), Kind.Comparison)),
        (1, Gen.Const(new Expr<HouseholdRow>("household.CurrentHelper != null", h => h.CurrentHelper is not null, Kind.Comparison))),
        (1, Gen.Const(new Expr<HouseholdRow>("true", _ => true, Kind.Member))));

    private static readonly Gen<Expr<HouseholdRow>> HouseholdFilter = Gen.Frequency<Expr<HouseholdRow>>(
        (5, HouseholdAtom),
        (2, from a in HouseholdAtom from word in Gen.Bool select Not(a, word)),
        (2, from a in HouseholdAtom from b in HouseholdAtom from word in Gen.Bool select And(a, b, word)),
        (2, from a in HouseholdAtom from b in HouseholdAtom from word in Gen.Bool select Or(a, b, word)),
        (1, from a in HouseholdAtom from b in HouseholdAtom from c in HouseholdAtom select And(Or(a, b, false), Not(c, false), false)));

    private static readonly Gen<Expr<HelperView>> CategoryAtom = Gen.Frequency<Expr<HelperView>>(
        (3, from c in Gen.Int[0, RuleCategories - 1] select CategoryIs(c)),
        (1, from c in Gen.Int[0, RuleCategories - 1]
            from d in Gen.Int[0, RuleCategories - 1]
            select c == d
                ? CategoryIs(c)
                : new Expr<HelperView>($"helper.Category in (\"{Categories[c]}\", \"{Categories[d]}\")", p => p.Category == Categories[c] || p.Category == Categories[d], Kind.Comparison)));

    private static readonly Gen<Expr<HelperView>> HelperExtra = Gen.Frequency<Expr<HelperView>>(
        (3, from op in Ops
            from k in Gen.Int[1, 3]
            select new Expr<HelperView>($"helper.Tier {op} {k}", p => p.Tier is { } t ? Compare(t.CompareTo(k), op) : op is "!=" or "<>", Kind.Comparison)),
        (2, from op in EqualityOps
            from v in Gen.OneOf("队长", "队员")
            select new Expr<HelperView>($"helper.Attribute(\"职务\") {op} \"{v}\"", p => Compare(string.CompareOrdinal(p.Duty, v), op), Kind.Comparison)),
        (1, Gen.Const(new Expr<HelperView>("helper.PoorVillage", p => p.PoorVillage, Kind.Member))),
        (1, Gen.Const(new Expr<HelperView>("helper.Village != null", p => p.Village is not null, Kind.Comparison))),
        (1, Gen.Const(new Expr<HelperView>("helper.Township == null", p => p.Township is null, Kind.Comparison))));

    private static readonly Gen<Expr<HelperView>> HelperFilter = Gen.Frequency<Expr<HelperView>>(
        (6, CategoryAtom),
        (2, from c in CategoryAtom from x in HelperExtra from word in Gen.Bool select And(c, x, word)),
        (1, from c in CategoryAtom from x in HelperExtra select And(c, Not(x, false), false)),
        (1, from c in CategoryAtom from d in CategoryAtom from word in Gen.Bool select Or(c, d, word)));

    /// <summary>A group: <c>max</c> absent, at or above <c>min</c>, or (rarely) below it, which is invalid.</summary>
    private static readonly Gen<GroupSpec> Group =
        from id in Gen.Int[0, GroupIds.Length - 1]
        from label in Gen.Int[0, Labels.Length - 1]
        from helpers in HelperFilter
        from hasHouseholds in Gen.Int[0, 9]
        from households in HouseholdFilter
        from scope in Gen.OneOf("county", "township", "village")
        from min in Gen.Frequency((6, 0), (3, 1), (2, 2), (1, 3))
        from minWritten in Gen.Bool
        from maxKind in Gen.Int[0, 29]
        from backstop in Gen.Int[0, 9]
        select new GroupSpec(
            GroupIds[id],
            Labels[label],
            helpers,
            hasHouseholds < 6 ? households : null,
            scope,
            min,
            min > 0 || minWritten,
            maxKind switch
            {
                < 16 => null,
                < 29 => min + (maxKind % 3),
                _ => min > 0 ? min - 1 : null,
            },
            backstop < 3);

    private static readonly Gen<RulesSpec> Rules =
        from name in Gen.OneOf("other-county", "临县帮扶规则", "monitoring.2021", "x")
        from schema in Gen.Bool
        from comment in Gen.Int[0, 3]
        from groups in Group.Array[1, 4]
        from secondBackstop in Gen.Int[0, 29]
        from defaults in Gen.Int[0, 9]
        from defaultMax in Gen.Int[1, 5]
        from restricting in Gen.Int[0, 9]
        from restrictions in Gen.Select(HouseholdFilter, Gen.Int[0, 24], Gen.Int[0, 1000]).Array[1, 2]
        from remainder in Gen.Int[0, 9]
        from remainderCategory in Gen.Int[0, RuleCategories - 1]
        from remainderScope in Gen.OneOf("township", "county")
        select MakeRules(
            name,
            schema,
            comment == 0,
            remainder < 5 ? [.. groups.Take(3), new GroupSpec("township-cadres", "乡镇干部", CategoryIs(remainderCategory), null, remainderScope, 0, false, null, true)] : groups,
            secondBackstop == 0,
            defaults >= 7 ? defaultMax : null,
            restricting >= 6 ? restrictions : []);

    /// <summary>The roster's choices; <see cref="MakeRoster"/> turns them into rows for the rules they meet.</summary>
    private sealed record RosterChoices(
        int Counties,
        bool EmptyCountyColumn,
        (int County, int Township, int Name, bool Poor)[] Villages,
        (int Village, bool Deep, int Members, int Income, int Current, int Monitored, int Cause)[] Households,
        (int County, int Category, int Township, int Village, int Tier, int Poor, int Duty)[] Helpers,
        int Columns,
        int Ids);

    private static readonly Gen<RosterChoices> Rosters =
        from counties in Gen.Int[0, 2]
        from emptyCountyColumn in Gen.Bool
        from villages in Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[0, 2], Gen.Bool).Array[1, 3]
        from households in Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 6], Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, 2], Gen.Int[0, 2]).Array[0, 7]
        from helpers in Gen.Select(Gen.Int[0, 1], Gen.Int[0, 12], Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 5], Gen.Int[0, 11], Gen.Int[0, 2]).Array[0, 5]
        from columns in Gen.Int[0, 511]
        from ids in Gen.Int[0, 2]
        select new RosterChoices(counties, emptyCountyColumn, villages, households, helpers, columns, ids);

    private static readonly Gen<County> Counties =
        from rules in Rules
        from roster in Rosters
        from layout in Gen.Int[0, 1_000_000]
        select new County(rules, MakeRoster(rules, roster), layout);

    private static Expr<HelperView> CategoryIs(int c) =>
        new($"helper.Category == \"{Categories[c]}\"", p => p.Category == Categories[c], Kind.Comparison);

    private static Expr<T> Not<T>(Expr<T> e, bool word) =>
        new(e.Kind == Kind.Member ? $"{(word ? "not " : "!")}{e.Text}" : $"{(word ? "not " : "!")}({e.Text})", x => !e.Eval(x), Kind.Not);

    private static Expr<T> And<T>(Expr<T> a, Expr<T> b, bool word) =>
        new($"{Operand(a)} {(word ? "and" : "&&")} {Operand(b)}", x => a.Eval(x) && b.Eval(x), Kind.And);

    private static Expr<T> Or<T>(Expr<T> a, Expr<T> b, bool word) =>
        new($"{Operand(a)} {(word ? "or" : "||")} {Operand(b)}", x => a.Eval(x) || b.Eval(x), Kind.Or);

    private static string Operand<T>(Expr<T> e) => e.Kind is Kind.And or Kind.Or ? $"({e.Text})" : e.Text;

    private static bool Compare(int order, string op) => op switch
    {
        "==" or "=" => order == 0,
        "!=" or "<>" => order != 0,
        "<" => order < 0,
        "<=" => order <= 0,
        ">" => order > 0,
        _ => order >= 0,
    };

    private static decimal IncomeOf(HouseholdRow h) => h.Income is { } text ? decimal.Parse(text, CultureInfo.InvariantCulture) : 0m;

    private static RulesSpec MakeRules(string name, bool schema, bool comment, GroupSpec[] groups, bool secondBackstop, int? defaultMax, (Expr<HouseholdRow>, int, int)[] restrictions)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var backstops = new HashSet<string>(StringComparer.Ordinal);
        var made = new GroupSpec[groups.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            var g = groups[i];
            var id = ids.Add(g.Id) ? g.Id : $"{g.Id}-{i + 1}";
            ids.Add(id);
            var backstop = g.Backstop && (backstops.Add(g.Scope) || secondBackstop);
            made[i] = g with { Id = id, Backstop = backstop };
        }

        var all = (1 << groups.Length) - 1;
        var restricted = groups.Length < 2
            ? []
            : restrictions.Select(r => new RestrictionSpec(r.Item1, r.Item2 == 0 ? all : 1 + (r.Item3 % (all - 1)))).ToArray();
        return new RulesSpec(name, schema, comment, defaultMax, restricted, made);
    }

    /// <summary>
    /// The roster's rows. A helper's category is mostly one the rules name (choices 0 to 9), else (10 to 12) one no
    /// rule names.
    /// </summary>
    private static RosterSpec MakeRoster(RulesSpec rules, RosterChoices choices)
    {
        var (counties, emptyCountyColumn, villageChoices, householdChoices, helperChoices, columns, ids) = choices;
        var named = Categories.Where(c => rules.Groups.Any(g => g.Helpers.Text.Contains($"\"{c}\"", StringComparison.Ordinal))).ToArray();

        string? CountyOf(int i) => counties switch
        {
            0 => null,
            1 => CountyNames[0],
            _ => CountyNames[i],
        };

        // A village is (county, township, name); its households agree on poor_village (the first choice wins).
        var villages = new List<(string? County, string Township, string Name, bool Poor)>();
        foreach (var v in villageChoices)
        {
            var key = (CountyOf(v.County), TownshipNames[v.Township], VillageNames[v.Name]);
            if (!villages.Any(w => (w.County, w.Township, w.Name) == key))
            {
                villages.Add((key.Item1, key.Item2, key.Item3, v.Poor));
            }
        }

        var helperColumn = (columns & 1) != 0 || (columns & 256) != 0;
        var monitoredColumn = (columns & 2) != 0 || (columns & 6) == 0;
        var causeColumn = (columns & 4) != 0;
        var dutyColumn = (columns & 8) != 0;
        var tierColumn = (columns & 16) != 0 || (columns & 48) == 0;
        var poorColumn = (columns & 32) != 0;
        var nameColumn = (columns & 64) != 0;
        var helperPrefix = new[] { "P", "责任人", "T-" }[ids];
        var householdPrefix = new[] { "H", "户", "H-0" }[ids];
        string[] incomes = ["", "1500", "3000", "3999.5", "5200"];
        string[] monitored = ["是", "否", ""];
        string[] causes = ["illness", "disability", ""];
        string[] duties = ["队长", "队员", ""];

        var households = householdChoices.Select((h, i) =>
        {
            var village = villages[h.Village % villages.Count];
            var current = !helperColumn || h.Current >= 8 ? null : h.Current >= 6 || helperChoices.Length == 0 ? "X9" : $"{helperPrefix}{(h.Current % helperChoices.Length) + 1}";
            return new HouseholdRow(
                $"{householdPrefix}{i + 1}",
                village.County,
                village.Township,
                village.Name,
                village.Poor,
                h.Deep,
                h.Members == 0 ? null : h.Members,
                incomes[h.Income] is { Length: > 0 } income ? income : null,
                current,
                monitoredColumn ? monitored[h.Monitored] : "",
                causeColumn ? causes[h.Cause] : "");
        }).ToArray();

        var helpers = helperChoices.Select((p, i) => new HelperRow(
            $"{helperPrefix}{i + 1}",
            CountyOf(p.County),
            p.Category < 10 && named.Length > 0 ? named[p.Category % named.Length] : Categories[RuleCategories + p.Category - 10],
            p.Township < 3 ? TownshipNames[p.Township] : null,
            p.Village < 3 ? VillageNames[p.Village] : null,
            tierColumn && p.Tier >= 3 ? p.Tier - 2 : null,
            poorColumn && p.Poor < 2 ? p.Poor == 1 : null,
            dutyColumn ? duties[p.Duty] : "",
            nameColumn && p.Duty != 2 ? $"帮扶人{i + 1}" : null)).ToArray();

        return new RosterSpec(counties, counties > 0 || emptyCountyColumn, helperColumn, monitoredColumn, causeColumn, dutyColumn, tierColumn, poorColumn, nameColumn, households, helpers);
    }

    // ---------------------------------------------------------------- writing the files

    private static readonly string[] CountyHeaders = ["county", "County", "县", "县区", "县(市、区)", "县（市、区）"];

    private static Files Write(County county)
    {
        var random = new Random(county.LayoutSeed);
        var problems = new List<Problem>();
        var rules = WriteRules(county.Rules, random, problems);
        var (households, helpers) = WriteRoster(county.Roster, random, problems);
        var (name, encoding) = random.Next(4) switch
        {
            0 => ("gb18030", CodePagesEncodingProvider.Instance.GetEncoding(54936)!),
            1 => ("utf-8 with BOM", new UTF8Encoding(true)),
            _ => ("utf-8", new UTF8Encoding(false)),
        };
        return new Files(rules, households, helpers, name, encoding, random.Next(2) == 0, problems);
    }

    private static string Json(string text) => JsonSerializer.Serialize(text, JsonText);

    /// <summary>
    /// The rule file, one property a line, so that every problem's line and column are known: a value starts after
    /// <c>"key": </c>. Notes the problems docs/rule-format.md says the loader reports, located as the loader locates a
    /// value (Json.NET's line position): an array at its <c>[</c>, a number or <c>true</c>/<c>false</c> at its last character.
    /// </summary>
    private static string WriteRules(RulesSpec spec, Random random, List<Problem> problems)
    {
        const string file = "rules.json";
        var lines = new List<string> { "{" };
        int Property(int indent, string key, string value, bool last = false)
        {
            lines.Add($"{new string(' ', indent)}{Json(key)}: {value}{(last ? "" : ",")}");
            return indent + key.Length + 2 + 2 + 1;
        }

        if (spec.Schema)
        {
            Property(2, "$schema", Json("./schema/pairing-rules.schema.json"));
        }

        Property(2, "name", Json(spec.Name));
        if (spec.Comment)
        {
            lines.Add("  // 另一个县的结对规则: a comment, which the loader ignores");
        }

        var defaultsUsed = false;
        (int Line, int Column)? defaults = null;
        if (spec.DefaultMax is { } defaultMax)
        {
            lines.Add("  \"defaults\": {");
            var value = defaultMax.ToString(CultureInfo.InvariantCulture);
            var column = Property(4, "max", value, last: true);
            defaults = (lines.Count, column + value.Length - 1);
            lines.Add("  },");
        }

        if (spec.Restrictions.Length > 0)
        {
            lines.Add("  \"restrictions\": [");
            for (var r = 0; r < spec.Restrictions.Length; r++)
            {
                var restriction = spec.Restrictions[r];
                lines.Add("    {");
                if (random.Next(2) == 0)
                {
                    Property(6, "description", Json("监测对象只由所列的组帮扶"));
                }

                Property(6, "households", Json(restriction.Households.Text));
                var listed = spec.Groups.Where((_, i) => (restriction.Mask & (1 << i)) != 0).Select(g => Json(g.Id));
                var column = Property(6, "groups", $"[{string.Join(", ", listed)}]", last: true);
                if (restriction.Mask == (1 << spec.Groups.Length) - 1)
                {
                    problems.Add(new Problem(file, lines.Count, column, $"restrictions[{r}].groups", "it lists every group, so it restricts nothing"));
                }

                lines.Add(r < spec.Restrictions.Length - 1 ? "    }," : "    }");
            }

            lines.Add("  ],");
        }

        lines.Add("  \"groups\": [");
        var backstops = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Groups.Length; i++)
        {
            var g = spec.Groups[i];
            var properties = new List<(string Key, string Value, Action<int, int>? Note)>
            {
                ("id", Json(g.Id), null),
            };
            if (g.Label is not null)
            {
                properties.Add(("label", Json(g.Label), null));
            }

            properties.Add(("helpers", Json(g.Helpers.Text), null));
            if (g.Households is not null)
            {
                properties.Add(("households", Json(g.Households.Text), null));
            }

            properties.Add(("scope", Json(g.Scope), null));
            var defaultCap = g.Max is null && !g.Backstop ? spec.DefaultMax : null;
            defaultsUsed |= defaultCap is not null;
            if (g.MinWritten)
            {
                var index = i;
                properties.Add(("min", g.Min.ToString(CultureInfo.InvariantCulture), (line, column) =>
                {
                    if (defaultCap < g.Min)
                    {
                        problems.Add(new Problem(file, line, column, $"groups[{index}].min", $"`min` ({g.Min}) is above `defaults.max` ({defaultCap}, line {defaults!.Value.Line})"));
                    }
                }));
            }

            if (g.Max is { } max)
            {
                var index = i;
                properties.Add(("max", max.ToString(CultureInfo.InvariantCulture), (line, column) =>
                {
                    if (max < g.Min)
                    {
                        problems.Add(new Problem(file, line, column, $"groups[{index}].max", $"`max` ({max}) is below `min` ({g.Min})"));
                    }
                }));
            }

            if (g.Backstop || random.Next(4) == 0)
            {
                var index = i;
                properties.Add(("backstop", g.Backstop ? "true" : "false", (line, column) =>
                {
                    if (g.Backstop && !backstops.Add(g.Scope))
                    {
                        problems.Add(new Problem(file, line, column, $"groups[{index}].backstop", $"a second backstop with scope `{g.Scope}`"));
                    }
                }));
            }

            lines.Add("    {");
            for (var p = 0; p < properties.Count; p++)
            {
                    var column = Property(6, properties[p].Key, properties[p].Value, last: p == properties.Count - 1);
                properties[p].Note?.Invoke(lines.Count, column + properties[p].Value.Length - 1);
            }

            lines.Add(i < spec.Groups.Length - 1 ? "    }," : "    }");
        }

        lines.Add("  ]");
        lines.Add("}");
        if (defaults is { } at && !defaultsUsed)
        {
            problems.Add(new Problem(file, at.Line, at.Column, "defaults.max", "`defaults.max` applies to no group"));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static readonly string[][] Booleans = [["true", "false"], ["1", "0"], ["yes", "no"], ["是", "否"], ["TRUE", "False"], ["Yes", "NO"]];

    private static readonly string[] ChineseNumbers = ["一", "二", "三"];

    /// <summary>Both roster files, columns in a random order under English or Chinese headers; notes the problems
    /// docs/roster-format.md says the reader reports (rules 5 and 6 of a roster).</summary>
    private static (string Households, string Helpers) WriteRoster(RosterSpec roster, Random random, List<Problem> problems)
    {
        string Pick(params string[] options) => options[random.Next(options.Length)];
        string Bool(bool value) => Booleans[random.Next(Booleans.Length)][value ? 0 : 1];
        var newline = random.Next(3) == 0 ? "\r\n" : "\n";
        var quoteAll = random.Next(5) == 0;

        var householdColumns = new List<(string Header, Func<HouseholdRow, string> Value)>
        {
            (Pick("id", "ID", "户编号", "编号"), h => h.Id),
            (Pick("township", "Township", "乡镇", "乡(镇)", "乡（镇）"), h => h.Township),
            (Pick("village", "VILLAGE", "村", "行政村"), h => h.Village),
            (Pick("poor_village", "poor village", "Poor-Village", "是否贫困村"), h => Bool(h.PoorVillage)),
            (Pick("deep_poverty", "deep-poverty", "是否深度贫困户"), h => Bool(h.DeepPoverty)),
        };
        if (roster.CountyColumn)
        {
            householdColumns.Add((Pick(CountyHeaders), h => h.County ?? ""));
        }

        if (random.Next(2) == 0 || roster.Households.Any(h => h.Members is not null))
        {
            householdColumns.Add((Pick("members", "家庭人口数", "人口数"), h => h.Members?.ToString(CultureInfo.InvariantCulture) ?? ""));
        }

        if (random.Next(2) == 0 || roster.Households.Any(h => h.Income is not null))
        {
            householdColumns.Add((Pick("income", "人均纯收入", "人均收入"), h => h.Income ?? ""));
        }

        if (roster.HelperColumn)
        {
            householdColumns.Add((Pick("helper", "帮扶责任人", "帮扶责任人编号"), h => h.CurrentHelper ?? ""));
        }

        if (roster.MonitoredColumn)
        {
            householdColumns.Add(("监测对象", h => h.Monitored));
        }

        if (roster.CauseColumn)
        {
            householdColumns.Add(("cause", h => h.Cause));
        }

        var helperColumns = new List<(string Header, Func<HelperRow, string> Value)>
        {
            (Pick("id", "编号", "责任人编号"), p => p.Id),
            (Pick("category", "Category", "类别"), p => p.Category),
            (Pick("township", "Township", "乡镇", "乡(镇)", "乡（镇）"), p => p.Township ?? ""),
            (Pick("village", "VILLAGE", "村", "行政村"), p => p.Village ?? ""),
        };
        if (roster.CountyColumn)
        {
            helperColumns.Add((Pick(CountyHeaders), p => p.County ?? ""));
        }

        if (roster.TierColumn)
        {
            helperColumns.Add((Pick("tier", "企业类别"), p => p.Tier is { } t
                ? random.Next(4) switch
                {
                    0 => $"{ChineseNumbers[t - 1]}类",
                    1 => $"{t}类",
                    2 => $"{ChineseNumbers[t - 1]}类企业",
                    _ => t.ToString(CultureInfo.InvariantCulture),
                }
                : ""));
        }

        if (roster.PoorColumn)
        {
            helperColumns.Add((Pick("poor_village", "是否贫困村"), p => p.PoorVillage is { } poor ? Bool(poor) : ""));
        }

        if (roster.NameColumn)
        {
            helperColumns.Add((Pick("name", "姓名", "名称"), p => p.Name ?? ""));
        }

        if (roster.DutyColumn)
        {
            helperColumns.Add(("职务", p => p.Duty));
        }

        Shuffle(householdColumns, random);
        Shuffle(helperColumns, random);

        // Rules 5 and 6 of a roster: a helper's village without a township names one township among the households of
        // its county, or the helper is an error; a helper's poor_village, when given, agrees with its village's households.
        for (var i = 0; i < roster.Helpers.Length; i++)
        {
            var p = roster.Helpers[i];
            if (p.Township is null && p.Village is not null && TownshipsOf(roster, p).Count > 1)
            {
                var column = helperColumns.FindIndex(c => IsHeaderOf(c.Header, "village"));
                problems.Add(new Problem("helpers.csv", i + 2, column + 1, helperColumns[column].Header, $"village '{p.Village}' is in townships"));
            }
            else if (p.PoorVillage is { } given && VillagePoverty(roster, p) is { } poor && poor != given)
            {
                var column = helperColumns.FindIndex(c => IsHeaderOf(c.Header, "poor_village"));
                problems.Add(new Problem("helpers.csv", i + 2, column + 1, helperColumns[column].Header, $"poor_village {(given ? "true" : "false")} contradicts the households of village '{p.Village}'"));
            }
        }

        string Line(IEnumerable<string> values) => string.Join(",", values.Select(v => quoteAll || v.IndexOfAny([',', '"']) >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v));
        var households = new StringBuilder(Line(householdColumns.Select(c => c.Header))).Append(newline);
        foreach (var h in roster.Households)
        {
            households.Append(Line(householdColumns.Select(c => c.Value(h)))).Append(newline);
        }

        var helpers = new StringBuilder(Line(helperColumns.Select(c => c.Header))).Append(newline);
        foreach (var p in roster.Helpers)
        {
            helpers.Append(Line(helperColumns.Select(c => c.Value(p)))).Append(newline);
        }

        return (households.ToString(), helpers.ToString());
    }

    private static bool IsHeaderOf(string header, string column) => column switch
    {
        "village" => header is "village" or "VILLAGE" or "村" or "行政村",
        _ => header is "poor_village" or "是否贫困村",
    };

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    // ---------------------------------------------------------------- the roster's rules and the rules' meaning, from the docs

    /// <summary>The townships of the households of the helper's county that have a village of the helper's village name.</summary>
    private static List<string> TownshipsOf(RosterSpec roster, HelperRow p) =>
        roster.Households.Where(h => h.County == p.County && h.Village == p.Village).Select(h => h.Township).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The helper's township: as written, else that of its village among its county's households (one township).</summary>
    private static string? TownshipOf(RosterSpec roster, HelperRow p) =>
        p.Township ?? (p.Village is null ? null : TownshipsOf(roster, p) is [var only] ? only : null);

    /// <summary>poor_village of the households of the helper's village (same county, township and village), or null when none lives there.</summary>
    private static bool? VillagePoverty(RosterSpec roster, HelperRow p)
    {
        var township = TownshipOf(roster, p);
        return p.Village is null || township is null
            ? null
            : roster.Households.FirstOrDefault(h => h.County == p.County && h.Township == township && h.Village == p.Village)?.PoorVillage;
    }

    /// <summary>Who takes part, in which group, and which households each may take: docs/rule-format.md, "What the fields mean".</summary>
    private sealed class Model
    {
        public Model(County county)
        {
            Rules = county.Rules;
            Roster = county.Roster;
            var helpers = Roster.Helpers;
            Township = helpers.Select(p => TownshipOf(Roster, p)).ToArray();
            GroupOf = new int[helpers.Length];
            for (var i = 0; i < helpers.Length; i++)
            {
                var p = helpers[i];
                var view = new HelperView(p.Category, p.Tier, p.PoorVillage ?? VillagePoverty(Roster, p) ?? false, p.Duty, Township[i], p.Village);
                var g = Array.FindIndex(Rules.Groups, group => group.Helpers.Eval(view));
                var takesPart = g >= 0 && Rules.Groups[g].Scope switch
                {
                    "county" => true,
                    "township" => Township[i] is not null,
                    _ => Township[i] is not null && p.Village is not null,
                };
                GroupOf[i] = takesPart ? g : -1;
            }

            // Ranks: the backstops first, in rule order, then the other groups, in rule order.
            var order = Enumerable.Range(0, Rules.Groups.Length).Where(g => Rules.Groups[g].Backstop)
                .Concat(Enumerable.Range(0, Rules.Groups.Length).Where(g => !Rules.Groups[g].Backstop)).ToList();
            Rank = Enumerable.Range(0, Rules.Groups.Length).Select(g => order.IndexOf(g)).ToArray();
        }

        public RulesSpec Rules { get; }

        public RosterSpec Roster { get; }

        /// <summary>Each helper's township after the roster's rules complete it.</summary>
        public string?[] Township { get; }

        /// <summary>Each helper's group, or -1 when it takes no part (no group selects it, or it lacks its scope's place).</summary>
        public int[] GroupOf { get; }

        public int[] Rank { get; }

        public int? Cap(int helper)
        {
            var g = Rules.Groups[GroupOf[helper]];
            return g.Max ?? (g.Backstop ? null : Rules.DefaultMax);
        }

        public bool Allowed(int household, int helper)
        {
            if (GroupOf[helper] < 0)
            {
                return false;
            }

            var h = Roster.Households[household];
            var p = Roster.Helpers[helper];
            var g = Rules.Groups[GroupOf[helper]];
            var inScope = h.County == p.County && g.Scope switch
            {
                "county" => true,
                "township" => h.Township == Township[helper],
                _ => h.Township == Township[helper] && h.Village == p.Village,
            };
            return inScope
                && (g.Households?.Eval(h) ?? true)
                && Rules.Restrictions.All(r => !r.Households.Eval(h) || (r.Mask & (1 << GroupOf[helper])) != 0);
        }

        /// <summary>The valid current pairings, households in roster order filling each helper's cap first come, first served.</summary>
        public int[] Kept()
        {
            var kept = new int[Roster.Households.Length];
            var load = new int[Roster.Helpers.Length];
            for (var h = 0; h < kept.Length; h++)
            {
                var p = Array.FindIndex(Roster.Helpers, x => x.Id == Roster.Households[h].CurrentHelper);
                kept[h] = p >= 0 && Allowed(h, p) && (Cap(p) is not { } cap || load[p] < cap) ? p : -1;
                if (kept[h] >= 0)
                {
                    load[p]++;
                }
            }

            return kept;
        }

        /// <summary>The five levels of "The objective, exactly", for the given loads.</summary>
        public (long Uncovered, long Idle, long Shortfall, long Remainder, long Balance) Objective(int[] loads, int uncovered)
        {
            long idle = 0, shortfall = 0, remainder = 0, balance = 0;
            for (var p = 0; p < loads.Length; p++)
            {
                if (GroupOf[p] < 0)
                {
                    continue;
                }

                var g = Rules.Groups[GroupOf[p]];
                idle += loads[p] == 0 ? 1 : 0;
                shortfall += Math.Max(0, g.Min - loads[p]);
                long above = Math.Max(0, loads[p] - g.Min);
                remainder += Rank[GroupOf[p]] * above;
                balance += above * (above + 1) / 2;
            }

            return (uncovered, idle, shortfall, remainder, balance);
        }

        /// <summary>
        /// The best objective over every pairing: each household not kept goes to one helper that may take it or to
        /// none, within caps. Memoised on (household, loads), since the levels depend on the loads only.
        /// </summary>
        public (long, long, long, long, long) Best(int[] kept)
        {
            var n = Roster.Households.Length;
            var m = Roster.Helpers.Length;
            var loads = new int[m];
            var free = new List<int>();
            for (var h = 0; h < n; h++)
            {
                if (kept[h] >= 0)
                {
                    loads[kept[h]]++;
                }
                else
                {
                    free.Add(h);
                }
            }

            var options = free.Select(h => Enumerable.Range(0, m).Where(p => Allowed(h, p)).ToArray()).ToArray();
            var caps = Enumerable.Range(0, m).Select(p => GroupOf[p] >= 0 ? Cap(p) : 0).ToArray();
            var memo = new Dictionary<long, (long, long, long, long, long)>();

            (long, long, long, long, long) Search(int k)
            {
                if (k == free.Count)
                {
                    return Objective(loads, 0);
                }

                var key = (long)k;
                foreach (var load in loads)
                {
                    key = (key * 16) + load;
                }

                if (memo.TryGetValue(key, out var known))
                {
                    return known;
                }

                var rest = Search(k + 1);
                var best = (rest.Item1 + 1, rest.Item2, rest.Item3, rest.Item4, rest.Item5);
                foreach (var p in options[k])
                {
                    if (caps[p] is { } cap && loads[p] >= cap)
                    {
                        continue;
                    }

                    loads[p]++;
                    var value = Search(k + 1);
                    loads[p]--;
                    if (value.CompareTo(best) < 0)
                    {
                        best = value;
                    }
                }

                memo[key] = best;
                return best;
            }

            return Search(0);
        }
    }

    // ---------------------------------------------------------------- one case

    /// <summary>How the sampled counties ended, to show that the generator reaches every kind of case.</summary>
    private sealed class Stats
    {
        private readonly Lock _lock = new();

        public int Complete { get; private set; }

        public int Gaps { get; private set; }

        public int Invalid { get; private set; }

        public int WithKept { get; private set; }

        public int TwoCounties { get; private set; }

        public int Restricted { get; private set; }

        public void Add(County county, (int ExitCode, int Kept) outcome)
        {
            lock (_lock)
            {
                Complete += outcome.ExitCode == 0 ? 1 : 0;
                Gaps += outcome.ExitCode == 1 ? 1 : 0;
                Invalid += outcome.ExitCode == 2 ? 1 : 0;
                WithKept += outcome.Kept > 0 ? 1 : 0;
                TwoCounties += county.Roster.Counties == 2 ? 1 : 0;
                Restricted += county.Rules.Restrictions.Length > 0 ? 1 : 0;
            }
        }

        public override string ToString() =>
            $"{Complete + Gaps + Invalid} counties: {Complete} complete (exit 0), {Gaps} with gaps (exit 1), {Invalid} invalid (exit 2); {WithKept} keep pairings, {TwoCounties} of two counties, {Restricted} with restrictions";
    }

    /// <summary>Writes the county's files into <paramref name="folder"/>, solves them twice through the tool and checks
    /// the result; returns the exit code and how many pairings were kept.</summary>
    private static (int ExitCode, int Kept) Check(County county, string folder)
    {
        var files = county.Files;
        Directory.CreateDirectory(folder);
        var rulesPath = Path.Combine(folder, "rules.json");
        var householdsPath = Path.Combine(folder, "households.csv");
        var helpersPath = Path.Combine(folder, "helpers.csv");
        File.WriteAllText(rulesPath, files.Rules, new UTF8Encoding(files.RulesBom));
        File.WriteAllText(householdsPath, files.Households, files.RosterEncoding);
        File.WriteAllText(helpersPath, files.Helpers, files.RosterEncoding);
        string[] args = ["solve", "--rules", rulesPath, "--households", householdsPath, "--helpers", helpersPath, "--out", "-", .. files.EncodingName == "gb18030" ? new[] { "--encoding", "gb18030" } : []];

        var run = Cli.Run(args);
        var again = Cli.Run(args);

        again.Out.Should().Be(run.Out, "the same files give byte-identical output");
        again.Error.Should().Be(run.Error);
        again.ExitCode.Should().Be(run.ExitCode);

        if (files.Problems.Count > 0)
        {
            run.ExitCode.Should().Be(2, "the input is invalid: {0}", string.Join("; ", files.Problems));
            run.Out.Should().BeEmpty("nothing is solved on invalid input");
            var reported = run.Error.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            reported[^1].Should().StartWith("pairing-rules: ").And.EndWith("nothing was solved.");
            var problems = reported[..^1];
            problems.Should().HaveCount(files.Problems.Count, "every problem is reported once: {0}", run.Error);
            foreach (var expected in files.Problems)
            {
                problems.Should().ContainSingle(line => line.StartsWith(expected.Prefix, StringComparison.Ordinal) && line.Contains(expected.Fragment, StringComparison.Ordinal), "the problem {0} is reported at its place; stderr:\n{1}", expected, run.Error);
            }

            return (2, 0);
        }

        run.ExitCode.Should().BeOneOf([0, 1], "the input is valid: {0}", run.Error);
        var model = new Model(county);
        var kept = model.Kept();
        var best = model.Best(kept);
        var households = county.Roster.Households;
        var helpers = county.Roster.Helpers;

        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        var loads = new int[helpers.Length];
        var paired = new int[households.Length];
        Array.Fill(paired, -1);
        var lastHousehold = -1;
        foreach (var pairing in root.GetProperty("pairings").EnumerateArray())
        {
            var h = Array.FindIndex(households, x => x.Id == pairing.GetProperty("household").GetString());
            var p = Array.FindIndex(helpers, x => x.Id == pairing.GetProperty("helper").GetString());
            h.Should().BeGreaterThan(lastHousehold, "pairings are in roster order and name each household once ({0})", pairing);
            p.Should().BeGreaterThanOrEqualTo(0, "a pairing names a helper of the roster ({0})", pairing);
            model.GroupOf[p].Should().BeGreaterThanOrEqualTo(0, "a pairing's helper takes part ({0})", pairing);
            pairing.GetProperty("group").GetString().Should().Be(county.Rules.Groups[model.GroupOf[p]].Id, "a helper belongs to the first group that selects it");
            model.Allowed(h, p).Should().BeTrue("the rules allow the pairing {0}", pairing);
            lastHousehold = h;
            paired[h] = p;
            loads[p]++;
        }

        for (var p = 0; p < helpers.Length; p++)
        {
            if (model.GroupOf[p] >= 0 && model.Cap(p) is { } cap)
            {
                loads[p].Should().BeLessThanOrEqualTo(cap, "helper {0} stays within its cap", helpers[p].Id);
            }
        }

        for (var h = 0; h < households.Length; h++)
        {
            if (kept[h] >= 0)
            {
                paired[h].Should().Be(kept[h], "household {0} keeps its valid current helper", households[h].Id);
            }
        }

        var uncovered = paired.Count(p => p < 0);
        model.Objective(loads, uncovered).Should().Be(best, "the tool's pairing is optimal at all five levels");

        var summary = root.GetProperty("summary");
        var gaps = root.GetProperty("gaps");
        var (_, idle, shortfall, _, _) = best;
        var unselected = Enumerable.Range(0, helpers.Length).Where(p => model.GroupOf[p] < 0).Select(p => helpers[p].Id).ToList();
        summary.GetProperty("households").GetInt32().Should().Be(households.Length);
        summary.GetProperty("helpers").GetInt32().Should().Be(helpers.Length);
        summary.GetProperty("covered").GetInt32().Should().Be(households.Length - uncovered);
        summary.GetProperty("uncovered").GetInt32().Should().Be(uncovered);
        summary.GetProperty("idleHelpers").GetInt32().Should().Be((int)idle);
        summary.GetProperty("totalShortfall").GetInt32().Should().Be((int)shortfall);
        summary.GetProperty("unselectedHelpers").GetInt32().Should().Be(unselected.Count);
        summary.GetProperty("kept").GetInt32().Should().Be(kept.Count(p => p >= 0));
        Ids(gaps, "uncovered", "household").Should().Equal(Enumerable.Range(0, households.Length).Where(h => paired[h] < 0).Select(h => households[h].Id));
        Ids(gaps, "idle", "helper").Should().Equal(Enumerable.Range(0, helpers.Length).Where(p => model.GroupOf[p] >= 0 && loads[p] == 0).Select(p => helpers[p].Id));
        Ids(gaps, "unselected", "helper").Should().Equal(unselected);
        Ids(gaps, "shortfalls", "helper").Should().Equal(Enumerable.Range(0, helpers.Length)
            .Where(p => model.GroupOf[p] >= 0 && loads[p] < county.Rules.Groups[model.GroupOf[p]].Min).Select(p => helpers[p].Id));

        var complete = uncovered == 0 && shortfall == 0 && unselected.Count == 0;
        summary.GetProperty("complete").GetBoolean().Should().Be(complete);
        run.ExitCode.Should().Be(complete ? 0 : 1, "exit 0 when complete, 1 with gaps");
        return (run.ExitCode, kept.Count(p => p >= 0));
    }

    private static IEnumerable<string?> Ids(JsonElement gaps, string list, string property) =>
        gaps.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(property).GetString()).ToList();
}
