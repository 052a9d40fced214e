using System.Numerics;
using System.Text;
using CsCheck;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PairingRules.Synthetic;
using Xunit;
using Xunit.Abstractions;

namespace PairingRules.Tests.Fuzz;

/// <summary>
/// Mutated rule files (rules/xing-county.json and the valid test rule files, changed at the JSON-token, line and byte
/// level) either load, and then solve a small county with every household and helper accounted for, or fail with a
/// <see cref="RuleSetException"/> whose every problem names the file and a line. Nothing else: no other exception,
/// no hang. <see cref="RuleEvaluationException"/> (an expression that fails on one input, such as a division by zero,
/// naming the group, the field and the input) is the documented outcome of a solve, and counts as typed.
/// </summary>
[Trait("Category", Fuzzing.Category)]
public sealed class RuleFileFuzzTests(ITestOutputHelper output)
{
    private const string Source = "fuzz.json";

    private static readonly string[] BaseFiles =
    [
        File.ReadAllText(TestPaths.Rules("xing-county.json")),
        .. Directory.GetFiles(TestPaths.Data("rules", "valid"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText),
    ];

    private static readonly Roster County = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 150, PreviouslyPaired = 0.3, Seed = 8 });

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
    ];

    private static readonly string[] UnknownFields = ["minn", "Helpers", "scope ", "max", "groups", "backstop", "$ref", ""];

    private static readonly Gen<Mutated> Cases =
        from file in Gen.Int[0, BaseFiles.Length - 1]
        from tokens in TokenMutation.Gen.Array[0, 4]
        from lines in LineMutation.Gen.Array[0, 2]
        from bytes in Fuzzing.ByteMutation.Gen.Array[0, 2]
        from byteLevel in Gen.Int[0, 3]
        select new Mutated(file, tokens, lines, byteLevel == 0 ? bytes : []);

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

    private static int Check(byte[] bytes)
    {
        RuleSet rules;
        try
        {
            rules = RuleSet.Parse(Fuzzing.DecodeRuleFile(bytes), Source);
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

    /// <summary>A change at the JSON-token level: delete, retype, truncate, edit an expression, add a field, duplicate, move.</summary>
    private sealed record TokenMutation(int Kind, int Target, int Payload)
    {
        public static readonly Gen<TokenMutation> Gen =
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, 7], CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[0, int.MaxValue], (k, t, p) => new TokenMutation(k, t, p));

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
