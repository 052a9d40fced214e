using System.Numerics;
using System.Text;
using CsCheck;
using FluentAssertions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PairingRules.Audit;
using PairingRules.Synthetic;
using Xunit;
using Xunit.Abstractions;

namespace PairingRules.Tests.Fuzz;

/// <summary>
/// Mutated rule files (rules/xing-county.json and the valid test rule files, changed at the JSON-token, expression, line
/// and byte level), small rosters (built in C#, valid or not) and mutated audit files go through the whole public
/// pipeline, <see cref="RuleSet"/>'s loading from bytes (as <see cref="RuleSet.Load"/> reads a file), <see cref="RuleSet.Solve(Roster, PairingOptions, CancellationToken)"/>,
/// <see cref="AuditWorkflow.Parse"/> and <see cref="RuleSet.CheckAsync(Roster, AuditWorkflow, PairingOptions, CancellationToken)"/>, and each step ends in a result that accounts for
/// everything or in one of the documented exceptions: <see cref="RuleSetException"/> and
/// <see cref="AuditWorkflowException"/> with every problem located (file and line), <see cref="RosterException"/>, or
/// <see cref="RuleEvaluationException"/> (an expression that fails on one input, such as a division by zero, naming
/// the group, the field and the input). Nothing else: no other exception type, no hang.
/// </summary>
[Trait("Category", Fuzzing.Category)]
public sealed class RuleFileFuzzTests(ITestOutputHelper output)
{
    private const string Source = "fuzz.json";

    private const string AuditSource = "fuzz-audit.json";

    private static readonly string[] BaseFiles =
    [
        File.ReadAllText(TestPaths.Rules("xing-county.json")),
        File.ReadAllText(TestPaths.Data("rules", "encodings", "utf-8.json")),
        .. Directory.GetFiles(TestPaths.Data("rules", "valid"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText),
    ];

    private static readonly Roster County = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 150, PreviouslyPaired = 0.3, Seed = 8 });

    private static readonly AuditWorkflow DefaultAudit = AuditWorkflow.LoadDefault();

    private static readonly JToken[] Values =
    [
        new JValue(0), new JValue(-1), new JValue(1.5), new JValue((long)int.MaxValue + 1), new JValue(BigInteger.Pow(10, 30)),
        new JValue(string.Empty), new JValue("x"), new JValue("county"), new JValue("village"), new JValue(true), new JValue(false),
        JValue.CreateNull(), new JArray(), new JObject(), new JValue("helper.Tier == 1"), new JValue("household.DeepPoverty"),
        new JRaw("1e400"), new JRaw("-0"), new JRaw("99999999999999999999999999999999999"), new JValue("   "),
        new JValue(new string('x', 3000)), new JValue("\u0000"), new JValue("兜底"), new JArray(new JObject()),
        new JValue("household.Members / (household.Members - household.Members) == 1"), new JValue("helper.Village.Length > 0"),
        new JValue("helper.Tier.Value > 1"), new JValue("household.Attribute(household.CurrentHelper) == \"\""),
        new JValue("household.Id.ToUpper().StartsWith(\"H\")"), new JValue("helper.Category in (\"county-leader\", \"enterprise\")"),
    ];

    private static readonly string[] ExpressionTokens =
    [
        " ", "(", ")", "\"", "'", ".", "helper", "household", ".GetType()", "==", "!=", "&&", "||", "!", "/ 0", "% 0", ".Tier",
        ".Length", "np(", " in (", ",", "\\", "[", "]", "{", "}", "1e400", "99999999999999999999", "@0", "it", "new ", " as ",
        ".Attribute(", "null", ".ToUpper()", ".StartsWith(\"i\")", "Math.Abs(", "?", ":", "-", "*", "2147483647", ".Id",
        ".Members", ".Income", "\u0000", "İ", "\uFFFD",

        // The mistakes authors make (docs/rule-format.md, "Fix-it hints"): quotes, full-width punctuation, capitals,
        // operators, members, constants of the wrong type.
        "“", "”", "‘", "’", "＂", "「", "（", "）", "，", "：", "；", "＝", "！", "、", "。", "１", "\u3000", " AND ", " OR ", " NOT ",
        " and ", " or ", " not ", " 且 ", "TRUE", "True", "FALSE", "NULL", "=", "===", "<>", "!==", " in [", "4,000", "Helper.",
        "Household.", ".Category", ".Categry", ".DeepPoverty", ".PoorVillage", ".CurrentHelper", ".Village", ".监测户", "监测户",
        "县扶贫办", ".Attribute(\"监测户\")", ".Attribute(\"年收入\") > 5", ".HasAttribute('c')", " == \"是\"", " == '是'", " == 'c'",
        " == 1", " == 1.5", " == true", " == \"1\"", " == \"x\"", " > \"a\"", " < 4000", " ?? \"x\"", " == null", "'county-leader'",
        "\"county-leader\"", "county-leader", ".Value", ".HasValue", "\\u12", "\\q", "\"\"", "''", "()", ").",
    ];

    private static readonly string[] UnknownFields = ["minn", "Helpers", "scope ", "max", "groups", "backstop", "$ref", ""];

    private static readonly Gen<Mutated> Cases =
        from file in Gen.Int[0, BaseFiles.Length - 1]
        from tokens in TokenMutation.Gen.Array[0, 4]
        from lines in LineMutation.Gen.Array[0, 2]
        from bytes in Fuzzing.ByteMutation.Gen.Array[0, 2]
        from byteLevel in Gen.Int[0, 3]
        select new Mutated(file, tokens, lines, byteLevel == 0 ? bytes : []);

    private static readonly Gen<Case> Pipelines =
        from file in Gen.Int[0, BaseFiles.Length - 1]
        from expressions in TokenMutation.ExpressionGen.Array[0, 2]
        from roster in RosterSpec.Gen
        from audit in TokenMutation.Gen.Array[0, 3]
        from mutateAudit in Gen.Int[0, 3]
        select new Case(new Mutated(file, expressions, [], []), roster, mutateAudit == 0 ? audit : []);

    [Fact]
    public void Load_MutatedRuleFile_LoadsAndAccountsForEverythingOrFailsLocated()
    {
        Fuzzing.Run(
            Cases,
            mutated => Check(mutated.Bytes()),
            output,
            "refused (located RuleSetException)",
            "solved, everything accounted for",
            "failed on an input (RuleEvaluationException)");
    }

    [Fact]
    public void Pipeline_MutatedRulesRosterAndAudit_EndsInAResultOrADocumentedException()
    {
        Fuzzing.Run(
            Pipelines,
            Pipeline,
            output,
            "rules refused (located RuleSetException)",
            "roster refused (RosterException)",
            "failed on an input (RuleEvaluationException)",
            "audit refused (located AuditWorkflowException)",
            "solved and checked, everything accounted for");
    }

    [Fact]
    public void Parse_ComparisonsOfEveryTypeAndSpelling_CompileOrAreOneLocatedProblem()
    {
        // Expressions shaped as authors write them, `variable.Member op constant` joined by connectives, with each part
        // drawn from right and wrong spellings: members of every type (and misspelt, Chinese, the type's name), operators
        // (and =, ===, ＝＝), constants of every type (text, characters, numbers, true/false, null, in Chinese or curly quotes).
        string[] variables = ["household", "helper", "Household", "it", ""];
        string[] members = [".Id", ".Tier", ".Category", ".DeepPoverty", ".PoorVillage", ".Members", ".Income", ".CurrentHelper", ".Village", ".Unit", ".Attribute(\"监测户\")",
            ".Attribute(\"年收入\")", ".HasAttribute(\"cause\")", ".Tier.Value", ".Id.Length", ".Categry", ".监测户", ".Attributes", ".Attribute('c')", ".Township.Contains(\"镇\")", ""];
        string[] operators = [" == ", " != ", " = ", " <> ", " < ", " >= ", " === ", " ＝＝ ", " in (", " in [", " + ", " / ", " ?? ", " && ", ""];
        string[] constants = ["\"是\"", "'是'", "“是”", "'c'", "'county-leader'", "\"county-leader\"", "1", "0", "1.5", "-1", "4,000", "1e400", "99999999999999999999",
            "true", "TRUE", "null", "NULL", "\"\"", "\"1\"", "１", "县扶贫办", "county-leader", "household.Members", "helper.Tier", "\"a\", \"b\")", "1, 2)", "\"a\"]", ""];
        string[] connectives = [" && ", " || ", " AND ", " or ", " 且 ", "，", " ", ") && (", ""];
        var comparison =
            from v in Gen.Int[0, variables.Length - 1]
            from m in Gen.Int[0, members.Length - 1]
            from o in Gen.Int[0, operators.Length - 1]
            from c in Gen.Int[0, constants.Length - 1]
            select variables[v] + members[m] + operators[o] + constants[c];
        var expressions =
            from field in Gen.Int[0, 1]
            from first in comparison
            from rest in Gen.Select(Gen.Int[0, connectives.Length - 1], comparison, (j, x) => connectives[j] + x).Array[0, 2]
            from negate in Gen.Int[0, 5]
            select (Field: field == 0 ? "helpers" : "households", Text: (negate == 0 ? "!(" : string.Empty) + first + string.Concat(rest) + (negate == 0 ? ")" : string.Empty));

        Fuzzing.Run(
            expressions,
            expression =>
            {
                var json = JsonConvert.SerializeObject(new { name = "n", groups = new[] { new Dictionary<string, object> { ["id"] = "g", ["scope"] = "county", ["helpers"] = "true", [expression.Field] = expression.Text } } });
                try
                {
                    var rules = RuleSet.Parse(json, Source);
                    Fuzzing.AssertAccounted(County, Fuzzing.Solve(rules, County));
                    return 1;
                }
                catch (RuleSetException e)
                {
                    Fuzzing.AssertLocated(e, Source);
                    e.Problems.Should().ContainSingle().Which.Path.Should().Be($"groups[0].{expression.Field}");
                    return 0;
                }
                catch (RuleEvaluationException)
                {
                    return 2;
                }
            },
            output,
            "refused (one located problem)",
            "compiled and solved, everything accounted for",
            "failed on an input (RuleEvaluationException)");
    }

    private static int Check(byte[] bytes)
    {
        RuleSet rules;
        try
        {
            rules = RuleSet.ParseBytes(bytes, Source);
        }
        catch (RuleSetException e)
        {
            Fuzzing.AssertLocated(e, Source);
            return 0;
        }

        PairingResult result;
        try
        {
            result = Fuzzing.Solve(rules, County);
        }
        catch (RuleEvaluationException)
        {
            return 2;
        }

        Fuzzing.AssertAccounted(County, result);
        return 1;
    }

    private static int Pipeline(Case pipeline)
    {
        RuleSet rules;
        try
        {
            rules = RuleSet.ParseBytes(pipeline.Rules.Bytes(), Source);
        }
        catch (RuleSetException e)
        {
            Fuzzing.AssertLocated(e, Source);
            return 0;
        }

        Roster roster;
        try
        {
            roster = pipeline.Roster.Build();
        }
        catch (RosterException e)
        {
            e.Problems.Should().NotBeEmpty();
            return 1;
        }

        AuditWorkflow audit;
        try
        {
            audit = pipeline.Audit.Length == 0 ? DefaultAudit : AuditWorkflow.Parse(pipeline.AuditJson(), AuditSource);
        }
        catch (AuditWorkflowException e)
        {
            Fuzzing.AssertLocated(e, AuditSource);
            return 3;
        }

        try
        {
            Fuzzing.AssertAccounted(roster, Fuzzing.Solve(rules, roster));
            var report = Fuzzing.Check(rules, roster, audit);
            report.Households.Should().Be(roster.Households.Count);
            report.Helpers.Should().Be(roster.Helpers.Count);
            report.CountsByCheck.Sum(c => c.Count).Should().Be(report.Findings.Count, "every finding is counted once");
            report.Findings.Select(f => f.Id).Should().BeSubsetOf(roster.Households.Select(h => h.Id).Concat(roster.Helpers.Select(h => h.Id)));
        }
        catch (RuleEvaluationException)
        {
            return 2;
        }

        return 4;
    }

    /// <summary>One case of the whole pipeline: a mutated rule file, a roster, and the audit file's mutations (none: the
    /// built-in audit).</summary>
    private sealed record Case(Mutated Rules, RosterSpec Roster, TokenMutation[] Audit)
    {
        public string AuditJson()
        {
            var root = JToken.Parse(AuditWorkflow.DefaultJson);
            foreach (var mutation in Audit)
            {
                root = mutation.Apply(root);
            }

            return root.ToString(Formatting.Indented);
        }

        public override string ToString() =>
            $"rules: {Rules}\nroster: {Roster}\naudit: [{string.Join(", ", Audit.Select(a => a.ToString()))}] {(Audit.Length == 0 ? "(built-in)" : AuditJson().ReplaceLineEndings(" "))}";
    }

    /// <summary>
    /// A small roster built in C#: a few households and helpers in two townships, with attributes the rules may read
    /// (Chinese names, numbers as text), current helpers known and unknown, and now and then what a roster must not
    /// have (a duplicate id, some rows naming a county and others not), or the synthetic county of
    /// <see cref="County"/>.
    /// </summary>
    private sealed record RosterSpec(int Synthetic, (int Township, int Village, int Flags, int Members, int Income, int Attributes, int Current)[] Households,
                                     (int Category, int Tier, int Place, int Unit, int Attributes)[] Helpers, int Counties)
    {
        public static readonly Gen<RosterSpec> Gen =
            from synthetic in CsCheck.Gen.Int[0, 3]
            from households in CsCheck.Gen.Select(CsCheck.Gen.Int[0, 1], CsCheck.Gen.Int[0, 2], CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, 8], CsCheck.Gen.Int[0, 6000], CsCheck.Gen.Int[0, 63], CsCheck.Gen.Int[0, 9]).Array[0, 12]
            from helpers in CsCheck.Gen.Select(CsCheck.Gen.Int[0, 6], CsCheck.Gen.Int[0, 4], CsCheck.Gen.Int[0, 5], CsCheck.Gen.Int[0, 2], CsCheck.Gen.Int[0, 15]).Array[0, 8]
            from counties in CsCheck.Gen.Int[0, 9]
            select new RosterSpec(synthetic, households, helpers, counties);

        private static readonly string[] Categories = ["county-leader", "section-cadre", "ordinary-staff", "village-committee", "township-cadre", "enterprise", "first-secretary"];
        private static readonly string[] Townships = ["东乡", "西乡"];
        private static readonly string[] Villages = ["东村", "西村", "南村"];
        private static readonly string?[] Units = [null, "县扶贫办", "乡政府"];

        /// <summary>The roster; throws <see cref="RosterException"/> where the spec breaks a rule of rosters.</summary>
        public Roster Build()
        {
            if (Synthetic == 0)
            {
                return RuleFileFuzzTests.County;
            }

            var households = Households.Select((h, i) => new Household(
                Counties == 1 && i == 0 ? "H1" : $"H{i + 1}",
                Townships[h.Township],
                Villages[h.Village],
                poorVillage: (h.Flags & 1) != 0,
                deepPoverty: (h.Flags & 2) != 0,
                county: CountyOf(i),
                members: 1 + h.Members,
                income: h.Income / 2m,
                currentHelper: h.Current switch { 0 => "P1", 1 => "P2", 2 => "X9", _ => null },
                attributes: Attributes(h.Attributes))).ToList();
            if (Counties == 1 && households.Count > 1)
            {
                // A duplicate household id: refused.
                households[1] = new Household("H1", "东乡", "东村", poorVillage: false, deepPoverty: false, county: CountyOf(1));
            }

            var helpers = Helpers.Select((p, i) => new Helper(
                $"P{i + 1}",
                Categories[p.Category],
                tier: Categories[p.Category] == "enterprise" || p.Tier == 4 ? 1 + (p.Tier % 4) : null,
                county: CountyOf(i),
                township: p.Place is 1 or 2 or 5 ? Townships[p.Place % 2] : null,
                village: p.Place is 3 or 4 or 5 ? Villages[p.Place % 3] : null,
                unit: Units[p.Unit],
                poorVillage: p.Place == 3,
                attributes: Attributes(p.Attributes)));
            return new Roster(households, helpers);
        }

        public override string ToString() => Synthetic == 0
            ? "the synthetic county"
            : $"households [{string.Join(", ", Households)}]; helpers [{string.Join(", ", Helpers)}]; counties {Counties}";

        /// <summary>No county for most rosters; one or two for every row; or (spec 2) some rows only, which is refused.</summary>
        private string? CountyOf(int i) => Counties switch
        {
            2 => i % 2 == 0 ? "兴县" : null,
            3 => "兴县",
            4 => i % 2 == 0 ? "兴县" : "临县",
            _ => null,
        };

        private static Dictionary<string, string> Attributes(int bits)
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if ((bits & 1) != 0)
            {
                attributes["监测户"] = (bits & 2) != 0 ? "是" : "否";
            }

            if ((bits & 4) != 0)
            {
                attributes["年收入"] = (bits & 8) != 0 ? "3500" : "abc";
            }

            if ((bits & 16) != 0)
            {
                attributes["cause"] = (bits & 32) != 0 ? "illness" : string.Empty;
            }

            return attributes;
        }
    }

    /// <summary>One mutated rule file: a base file and the changes made to it, in order; rebuilt deterministically.</summary>
    private sealed record Mutated(int File, TokenMutation[] Tokens, LineMutation[] Lines, Fuzzing.ByteMutation[] ByteChanges)
    {
        public byte[] Bytes()
        {
            var root = JToken.Parse(BaseFiles[File]);
            foreach (var mutation in Tokens)
            {
                root = mutation.Apply(root);
            }

            var text = root.ToString(Formatting.Indented);
            foreach (var mutation in Lines)
            {
                text = mutation.Apply(text);
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            foreach (var mutation in ByteChanges)
            {
                bytes = mutation.Apply(bytes, text);
            }

            return bytes;
        }

        public override string ToString() =>
            $"base file {File}; tokens [{string.Join(", ", Tokens.Select(t => t.ToString()))}]; lines [{string.Join(", ", Lines.Select(l => l.ToString()))}]; " +
            $"bytes [{string.Join(", ", ByteChanges.Select(b => b.ToString()))}]; input {Fuzzing.Preview(Bytes())}";
    }

    /// <summary>A change at the JSON-token level: delete, retype, truncate, edit a string, add a field, duplicate, move,
    /// swap quotes, edit an expression.</summary>
    private sealed record TokenMutation(int Kind, int Target, int Payload)
    {
        public static readonly Gen<TokenMutation> Gen =
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, 12], CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[0, int.MaxValue], (k, t, p) => new TokenMutation(k, t, p));

        /// <summary>Edits of expressions only, so that most rule files still load and the roster and audit get their turn.</summary>
        public static readonly Gen<TokenMutation> ExpressionGen =
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[0, int.MaxValue], (t, p) => new TokenMutation(9, t, p));

        public JToken Apply(JToken root)
        {
            var tokens = (root is JContainer container ? container.DescendantsAndSelf() : [root]).Where(t => t is not JProperty).ToList();
            var token = tokens[Target % tokens.Count];
            switch (Kind)
            {
                case 0 when token.Parent is JProperty property:
                    property.Remove();
                    break;
                case 0 when token.Parent is JArray:
                    token.Remove();
                    break;
                case 1:
                    return Replace(root, token, Values[Payload % Values.Length].DeepClone());
                case 2 when token is JValue { Type: JTokenType.String, Value: string s }:
                    return Replace(root, token, new JValue(s[..(Payload % (s.Length + 1))]));
                case 3 when token is JValue { Type: JTokenType.String, Value: string s }:
                    return Replace(root, token, new JValue(EditExpression(s)));
                case 4 when token is JObject obj:
                    obj[UnknownFields[Payload % UnknownFields.Length]] = Values[(Payload / 8) % Values.Length].DeepClone();
                    break;
                case 5 when token.Parent is JArray array:
                    array.Add(token.DeepClone());
                    break;
                case 6:
                    return Replace(root, token, new JRaw(Payload % 2 == 0 ? "1e400" : "123456789012345678901234567890"));
                case 7 when token.Parent is JArray array:
                    token.Remove();
                    array.Add(token);
                    break;
                case 8 when token is JValue { Type: JTokenType.String, Value: string s }:
                    return Replace(root, token, new JValue(SwapQuotes(s)));
                case >= 9:
                    // An expression (`helpers`, `households`, an audit rule's `Expression`): edited, its quotes swapped, or cut.
                    var expressions = tokens.OfType<JValue>()
                        .Where(v => v is { Type: JTokenType.String, Parent: JProperty { Name: "helpers" or "households" or "Expression" } }).ToList();
                    if (expressions.Count > 0 && expressions[Target % expressions.Count] is { Value: string e } expression)
                    {
                        return Replace(root, expression, new JValue((Payload % 5) switch
                        {
                            0 => SwapQuotes(e),
                            1 => e[..(Payload / 5 % (e.Length + 1))],
                            _ => EditExpression(e),
                        }));
                    }

                    break;
            }

            return root;
        }

        private static JToken Replace(JToken root, JToken token, JToken value)
        {
            if (ReferenceEquals(token, root))
            {
                return value;
            }

            token.Replace(value);
            return root;
        }

        /// <summary>Every straight double quote swapped for a single quote, Chinese quotes (opening and closing in turn) or
        /// a full-width quote, as an author who avoids escaping them in JSON writes.</summary>
        private string SwapQuotes(string s)
        {
            var swaps = new[] { "'", "“”", "‘’", "＂" }[Payload % 4];
            var n = 0;
            return string.Concat(s.Select(c => c == '"' ? swaps[n++ % swaps.Length].ToString() : c.ToString()));
        }

        private string EditExpression(string s)
        {
            var at = Payload % (s.Length + 1);
            var piece = ExpressionTokens[(Payload / 7) % ExpressionTokens.Length];
            return ((Payload / 3) % 3) switch
            {
                0 => s.Insert(at, piece),
                1 => s.Remove(at, Math.Min(s.Length - at, 1 + ((Payload / 11) % 8))),
                _ => s[..at] + piece + s[Math.Min(s.Length, at + piece.Length)..],
            };
        }
    }

    /// <summary>A change at the text-line level of the indented file: duplicate, delete or swap a line, or cut the text.</summary>
    private sealed record LineMutation(int Kind, int At)
    {
        public static readonly Gen<LineMutation> Gen = CsCheck.Gen.Select(CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, int.MaxValue], (k, a) => new LineMutation(k, a));

        public string Apply(string text)
        {
            var lines = text.Split('\n').ToList();
            var i = At % lines.Count;
            switch (Kind)
            {
                case 0:
                    lines.Insert(i, lines[i]);
                    break;
                case 1:
                    lines.RemoveAt(i);
                    break;
                case 2:
                    (lines[i], lines[(i + 1) % lines.Count]) = (lines[(i + 1) % lines.Count], lines[i]);
                    break;
                default:
                    return text[..(At % (text.Length + 1))];
            }

            return string.Join('\n', lines);
        }
    }
}
