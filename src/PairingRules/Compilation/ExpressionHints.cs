using System.Text.RegularExpressions;

namespace PairingRules.Compilation;

/// <summary>
/// Why an expression does not compile, said for a rule author: the parser's message made readable, located at the
/// character it concerns, with a fix-it hint for the mistakes authors make most (Chinese quotes or single quotes
/// around text, full-width punctuation from a Chinese input method, <c>AND</c>/<c>OR</c>/<c>TRUE</c> in capitals,
/// <c>===</c>, unquoted text, a text compared with a number or a true/false member, the type <c>Helper</c> for the
/// variable <c>helper</c>, a roster column read as a member).
/// </summary>
/// <remarks>docs/rule-format.md lists the hints; each has a broken file under
/// tests/PairingRules.Tests/TestData/rules/invalid/semantic with its exact message.</remarks>
internal static partial class ExpressionHints
{
    /// <summary>How to write text in an expression that stands inside a JSON string, for the hints that need it.</summary>
    private const string StraightQuotes = "write text in straight double quotes, escaped as \\\" inside the JSON string";

    /// <summary>The comparison operators System.Linq.Dynamic.Core reads (<c>=</c> and <c>&lt;&gt;</c> mean <c>==</c> and <c>!=</c>).</summary>
    private static readonly string[] Comparisons = ["==", "=", "!=", "<>", "<", ">", "<=", ">="];

    /// <summary>
    /// Explains a failure of the parser (or of the expression tree it builds) on <paramref name="expression"/>.
    /// </summary>
    /// <param name="expression">The expression text.</param>
    /// <param name="message">The exception's message.</param>
    /// <param name="at">The parser's position (from 0), when it gave one.</param>
    /// <param name="input">The type of the one variable.</param>
    /// <param name="name">The name of the one variable (<c>helper</c>).</param>
    /// <param name="readable">The types whose members expressions may read (the variable's and those it leads to).</param>
    /// <returns>The message for the author and the position it concerns (from 0), when known.</returns>
    public static (string Message, int? At) Explain(string expression, string message, int? at, Type input, string name, IReadOnlyCollection<Type> readable)
    {
        var tokens = ExpressionTokens.Of(expression);
        if (at is { } position)
        {
            for (var i = 0; i < tokens.Count && tokens[i].Start <= position; i++)
            {
                if (Mistake(expression, tokens, i, position, message) is { } mistake)
                {
                    return mistake;
                }
            }
        }

        if (ConversionValue().Match(message) is { Success: true } conversion)
        {
            return ExplainConversion(expression, tokens, conversion.Groups[1].Value, message, name);
        }

        if (OperandTypes().Match(message) is { Success: true } operands)
        {
            return ExplainOperands(expression, tokens, operands.Groups["op"].Value, TypeName(operands.Groups["a"].Value), TypeName(operands.Groups["b"].Value), at, name);
        }

        if (BinaryOperator().Match(message) is { Success: true } binary)
        {
            var op = binary.Groups["op"].Value switch
            {
                "Equal" => "==",
                "NotEqual" => "!=",
                "GreaterThan" => ">",
                "GreaterThanOrEqual" => ">=",
                "LessThan" => "<",
                "LessThanOrEqual" => "<=",
                "Add" => "+",
                "Subtract" => "-",
                "Multiply" => "*",
                "Divide" => "/",
                "Modulo" => "%",
                var other => other,
            };
            return ExplainOperands(expression, tokens, op, TypeName(binary.Groups["a"].Value), TypeName(binary.Groups["b"].Value), at, name);
        }

        if (CompareNotFound().Match(message) is { Success: true } compare)
        {
            return ExplainOperands(expression, tokens, "<", TypeName(compare.Groups["a"].Value), TypeName(compare.Groups["b"].Value), at, name);
        }

        var missing = MissingMember().Match(message);
        if (missing.Success && missing.Groups[2].Value == input.Name)
        {
            return (ExplainMissingMember(tokens, expression, missing.Groups[1].Value, at, input, name, out var where), where ?? at);
        }

        if (missing.Success && readable.FirstOrDefault(t => t.Name == missing.Groups[2].Value) is { } owner)
        {
            // A member of what the variable leads to (`pairing.Helper.Categry` in an audit file).
            var members = ExpressionPolicy.ReadableMembers(owner).ToArray();
            return ($"there is no member `{missing.Groups[1].Value}` on {owner.Name}{Spelling.DidYouMean(missing.Groups[1].Value, members.Select(m => m.Replace("(name)", "", StringComparison.Ordinal)))} " +
                    $"(members of {owner.Name}: {string.Join(", ", members)})", at);
        }

        if (UnknownIdentifier().Match(message) is { Success: true } unknown)
        {
            var identifier = unknown.Groups[1].Value;
            var other = (input == typeof(Helper), identifier) switch
            {
                (true, "household") => "; the households a group may take are chosen by its `households` expression",
                (false, "helper") when input == typeof(Household) =>
                    "; a household expression cannot see the helper: `scope` (`township`, `village`) keeps each helper to households of their own place",
                _ => string.Empty,
            };
            return ($"unknown name `{identifier}`: the expression can only use `{name}` (as in `{name}.{ExpressionPolicy.ReadableMembers(input).First()}`){other}", at);
        }

        if (message.StartsWith("Expression of type 'Boolean' expected", StringComparison.Ordinal))
        {
            return ($"the expression must be a condition that is true or false, for example `{name}.{(input == typeof(Helper) ? "Tier == 1" : "DeepPoverty")}`", at);
        }

        if (message.StartsWith("Expression is missing an 'as' clause", StringComparison.Ordinal))
        {
            return ("creating objects (`new`) is not allowed in a rule expression", at);
        }

        if (message.StartsWith("Unterminated string literal", StringComparison.Ordinal) && tokens.LastOrDefault() is { Kind: TokenKind.Text or TokenKind.SingleQuoted } open)
        {
            return ($"the text {open.Text} has no closing quote: end it with {(open.Kind == TokenKind.Text ? "a straight double quote, escaped as \\\" inside the JSON string" : "a single quote")}", open.Start);
        }

        if (message.StartsWith("Expression expected", StringComparison.Ordinal) && at is { } end && end >= expression.TrimEnd().Length && tokens.Count > 0)
        {
            return ($"the expression ends after `{tokens[^1].Text}`: a value or a member must follow", end);
        }

        if (message == "Syntax error" && at is { } p && tokens.FirstOrDefault(t => t.Start == p) is { Text: not null } token)
        {
            return ($"syntax error at `{token.Text}`", at);
        }

        return (message.TrimEnd('.'), at);
    }

    /// <summary>Where the first refused construct of <paramref name="refused"/> (as <see cref="ExpressionPolicy"/>
    /// names them) is written in <paramref name="expression"/>, when it can be found.</summary>
    public static int? LocateRefused(string expression, IReadOnlyList<string> refused)
    {
        var tokens = ExpressionTokens.Of(expression);
        int? first = null;
        foreach (var construct in refused)
        {
            int? at = RefusedMember().Match(construct) is { Success: true } member && !member.Groups[1].Value.StartsWith("get_", StringComparison.Ordinal)
                ? tokens.Where((t, i) => t.Kind == TokenKind.Name && t.Text == member.Groups[1].Value && i > 0 && tokens[i - 1].Text == ".").Select(t => (int?)t.Start).FirstOrDefault()
                : construct switch
                {
                    "indexing" or "the method String.get_Chars" => tokens.Where(t => t.Text == "[").Select(t => (int?)t.Start).FirstOrDefault(),
                    "creating objects (`new`)" => tokens.Where(t => t.Text == "new").Select(t => (int?)t.Start).FirstOrDefault(),
                    _ => null,
                };
            if (at < (first ?? int.MaxValue))
            {
                first = at;
            }
        }

        return first;
    }

    /// <summary>A mistake that is never valid syntax, at token <paramref name="i"/>: its hint and position.</summary>
    private static (string, int?)? Mistake(string expression, IReadOnlyList<Token> tokens, int i, int errorAt, string message)
    {
        var token = tokens[i];
        var previous = i > 0 ? tokens[i - 1] : (Token?)null;
        var next = i + 1 < tokens.Count ? tokens[i + 1] : (Token?)null;
        switch (token.Kind)
        {
            case TokenKind.CurlyQuoted:
                return ($"text in Chinese quotes {token.Text}: {StraightQuotes}: \\\"{token.Inner}\\\"", token.Start);
            case TokenKind.SingleQuoted when token.Inner.Length != 1 && !(token.Inner.Length == 2 && token.Inner[0] == '\\'):
                return ($"text in single quotes {token.Text}: single quotes hold one character; {StraightQuotes}: \\\"{token.Inner}\\\"", token.Start);
            case TokenKind.FullWidth:
                return ($"the full-width `{token.Text}` (typed in Chinese input mode): write `{ExpressionTokens.HalfWidth(token.Text[0])}`", token.Start);
            case TokenKind.Name when previous?.Text != ".":
                var lower = token.Text.ToLowerInvariant();
                if (lower is "and" or "or" && token.Text != lower || token.Text is "且" or "并且" or "而且" or "或" or "或者")
                {
                    var op = lower == "and" || token.Text.Contains('且', StringComparison.Ordinal) ? "&&" : "||";
                    var alternative = lower is "and" or "or" ? $" (or `{lower}`, in lower case)" : string.Empty;
                    return ($"`{token.Text}` is not an operator: write `{op}`{alternative}", token.Start);
                }

                if (lower is "true" or "false" or "null" && token.Text != lower)
                {
                    return ($"`{token.Text}` is not a value: write `{lower}` in lower case", token.Start);
                }

                if (lower == "in" && next is { Text: "[" or "{" } bracket)
                {
                    var close = tokens.Skip(i + 2).FirstOrDefault(t => t.Text == (bracket.Text == "[" ? "]" : "}"));
                    var items = close.Text is null ? "\"a\", \"b\"" : expression[(bracket.Start + 1)..close.Start].Trim();
                    return ($"the list after `{token.Text}` is written in parentheses, not `{bracket.Text}`: `{token.Text} ({items})`", bracket.Start);
                }

                return null;
            case TokenKind.Symbol when token.Text is "===" or "!==":
                return ($"`{token.Text}` is not an operator: write `{token.Text[..2]}`", token.Start);
            case TokenKind.Symbol when token.Text == "," && token.Start == errorAt && message == "Syntax error" &&
                                       previous is { Kind: TokenKind.Number } whole && !whole.Text.Contains('.', StringComparison.Ordinal) &&
                                       next is { Kind: TokenKind.Number, Text.Length: 3 } thousands:
                return ($"`{whole.Text},{thousands.Text}`: write numbers without a thousands separator, `{whole.Text}{thousands.Text}`", whole.Start);
            default:
                return null;
        }
    }

    /// <summary>A text constant that cannot become the type of what it is compared with (<c>DeepPoverty == "是"</c>).</summary>
    private static (string, int?) ExplainConversion(string expression, IReadOnlyList<Token> tokens, string value, string message, string name)
    {
        var literal = tokens.FirstOrDefault(t => t.Kind == TokenKind.Text && t.Inner == value);
        var at = literal.Text is null ? (int?)null : literal.Start;
        if (message.Contains("for Boolean", StringComparison.Ordinal))
        {
            return (BooleanHint($"the text \"{value}\"", MemberBefore(expression, at) ?? $"{name}.Member"), at);
        }

        return ($"the text \"{value}\" is compared with a member that is not text (a number or true/false): compare it with a value of that type, without quotes", at);
    }

    /// <summary>An operator applied to two operand types that it does not take.</summary>
    private static (string, int?) ExplainOperands(string expression, IReadOnlyList<Token> tokens, string op, string a, string b, int? at, string name)
    {
        bool Either(Func<string, bool> test) => test(a) || test(b);
        static bool IsNumber(string t) => t is "Int32" or "Int32?" or "Int64" or "Int64?" or "Double" or "Double?" or "Decimal" or "Decimal?" or "Single" or "Single?";
        static bool IsBoolean(string t) => t is "Boolean" or "Boolean?";

        if (Either(t => t == "Char"))
        {
            var character = tokens.FirstOrDefault(t => t.Kind == TokenKind.SingleQuoted);
            var where = character.Text is null ? at : character.Start;
            if (Either(IsBoolean))
            {
                return (BooleanHint($"the character {character.Text ?? "'…'"}", MemberBefore(expression, where) ?? $"{name}.Member"), where);
            }

            return ($"{character.Text ?? "a character in single quotes"} in single quotes is one character, not text: {StraightQuotes}: \\\"{character.Inner}\\\"", where);
        }

        // Without the parser's position, the operator written with a constant of one of the two types beside it.
        var located = at ?? tokens.Select((t, i) => (Token: t, Index: i))
            .Where(x => x.Token.Kind == TokenKind.Symbol && Spells(x.Token.Text, op) &&
                        (IsConstantOf(Neighbour(tokens, x.Index + 1), a, b) || IsConstantOf(Neighbour(tokens, x.Index - 1), a, b)))
            .Select(x => (int?)x.Token.Start)
            .FirstOrDefault();
        var number = tokens.FirstOrDefault(t => t.Kind == TokenKind.Number).Text;
        if (IsBoolean(a) && IsNumber(b))
        {
            var member = MemberBefore(expression, located + 1) ?? $"{name}.Member";
            return ($"{(number is null ? "a number" : $"the number {number}")} is compared with a true/false member; write the member itself (`{member}`) for true (1), " +
                    $"or `!{member}` for false (0)", located);
        }

        if (Either(t => t == "String") && Either(IsNumber) && number is not null)
        {
            return ($"text is compared with the number {number}: to compare text, write the number as text in straight double quotes, escaped as \\\" inside the JSON " +
                    $"string: \\\"{number}\\\" (`<` and `>` compare text character by character, so \"10\" comes before \"9\")", located);
        }

        return ($"`{op}` cannot compare {Describe(a)} with {Describe(b)}", located);
    }

    /// <summary>Whether an operator token spells <paramref name="op"/> (<c>=</c> and <c>&lt;&gt;</c> are <c>==</c> and
    /// <c>!=</c>; a failed <c>Compare</c> comes from any ordering comparison).</summary>
    private static bool Spells(string token, string op) =>
        token == op || op == "==" && token == "=" || op == "!=" && token == "<>" || op == "<" && token is ">" or "<=" or ">=";

    /// <summary>Whether <paramref name="token"/> is a constant of type <paramref name="a"/> or <paramref name="b"/>.</summary>
    private static bool IsConstantOf(Token? token, string a, string b) => token is { } t && new[] { a, b }.Any(type => type.TrimEnd('?') switch
    {
        "Char" => t.Kind == TokenKind.SingleQuoted,
        "String" => t.Kind == TokenKind.Text,
        "Boolean" => t.Kind == TokenKind.Name && t.Text is "true" or "false",
        "Int32" or "Int64" or "Double" or "Decimal" or "Single" => t.Kind == TokenKind.Number,
        _ => false,
    });

    private static Token? Neighbour(IReadOnlyList<Token> tokens, int i) => i >= 0 && i < tokens.Count ? tokens[i] : null;

    private static string BooleanHint(string what, string member) =>
        $"{what} is compared with a true/false member; write the member itself (`{member}`) for true, or `!{member}` for false";

    /// <summary>The member compared with the constant at <paramref name="at"/> (<c>household.DeepPoverty</c> in
    /// <c>household.DeepPoverty == "是"</c>), or the first member compared with a constant.</summary>
    private static string? MemberBefore(string expression, int? at)
    {
        var before = at is { } p ? expression[..Math.Min(expression.Length, p)] : expression;
        var matches = ComparedMember().Matches(before);
        return matches.Count > 0 ? matches[^1].Groups[1].Value : ComparedMember().Match(expression) is { Success: true } m ? m.Groups[1].Value : null;
    }

    private static string ExplainMissingMember(IReadOnlyList<Token> tokens, string expression, string member, int? at, Type input, string name, out int? where)
    {
        where = null;
        var index = at is { } p ? tokens.ToList().FindIndex(t => t.Start == p) : -1;
        var previous = index > 0 ? tokens[index - 1] : (Token?)null;
        var bare = index >= 0 && previous?.Text != ".";
        var members = ExpressionPolicy.ReadableMembers(input).ToArray();
        if (bare && (member.Any(c => c > 127) || previous is { Kind: TokenKind.Symbol } op && Comparisons.Contains(op.Text) ||
                     previous?.Text is "(" or "," && tokens.Take(index).Any(t => t.Kind == TokenKind.Name && t.Text.Equals("in", StringComparison.OrdinalIgnoreCase))))
        {
            var end = at!.Value;
            while (end < expression.Length && !char.IsWhiteSpace(expression[end]) && expression[end] is not (')' or ',' or '&' or '|' or '=' or '!' or '<' or '>'))
            {
                end++;
            }

            var word = expression[at.Value..end];
            return $"`{word}` is not a member of {name}: if it is text, {StraightQuotes}: \\\"{word}\\\"";
        }

        if (!bare && index >= 2 && tokens[index - 2].Text == input.Name && members.Contains(member, StringComparer.Ordinal))
        {
            where = tokens[index - 2].Start;
            return $"`{input.Name}` is the type, not the variable: write `{name}.{member}`, in lower case";
        }

        var suggestion = Spelling.DidYouMean(member, members.Select(m => m.Replace("(name)", "", StringComparison.Ordinal)));
        var column = suggestion.Length == 0 && (input == typeof(Helper) || input == typeof(Household))
            ? $"; a roster column is read with `{name}.Attribute(\"{member}\")`"
            : string.Empty;
        return $"there is no member `{member}` on {name}{suggestion} (members of {name}: {string.Join(", ", members)}){column}";
    }

    private static string TypeName(string type)
    {
        var nullable = NullableType().Match(type);
        var core = nullable.Success ? nullable.Groups[1].Value : type;
        core = core.StartsWith("System.", StringComparison.Ordinal) ? core["System.".Length..] : core;
        return nullable.Success && !core.EndsWith('?') ? core + "?" : core;
    }

    private static string Describe(string type) => type.TrimEnd('?') switch
    {
        "String" => "text",
        "Boolean" => "true/false",
        "Int32" or "Int64" => type.EndsWith('?') ? "a whole number (or null)" : "a whole number",
        "Double" or "Decimal" or "Single" => "a number",
        "Char" => "a character",
        "Object" => "a value of unknown type",
        var other => other,
    };

    [GeneratedRegex("^(.*) is not a valid value for ")]
    private static partial Regex ConversionValue();

    [GeneratedRegex(@"^Operator '(?<op>[^']*)' incompatible with operand types '(?<a>[^']*)' and '(?<b>[^']*)'")]
    private static partial Regex OperandTypes();

    [GeneratedRegex(@"^The binary operator (?<op>\w+) is not defined for the types '(?<a>[^']*)' and '(?<b>[^']*)'")]
    private static partial Regex BinaryOperator();

    [GeneratedRegex(@"^Method 'Compare' not found on type '(?<a>[^']*)' or '(?<b>[^']*)'")]
    private static partial Regex CompareNotFound();

    [GeneratedRegex(@"^System\.Nullable`1\[(.*)\]$")]
    private static partial Regex NullableType();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)\s*(?:[!=]=|=|<>)")]
    private static partial Regex ComparedMember();

    [GeneratedRegex("No property or field '([^']*)' exists in type '([^']*)'")]
    private static partial Regex MissingMember();

    [GeneratedRegex("(?:Unknown identifier|Type) '([^']*)'(?: not found)?")]
    private static partial Regex UnknownIdentifier();

    [GeneratedRegex(@"^the (?:method|member|culture-dependent method) [A-Za-z0-9_`]+\.([A-Za-z0-9_]+)")]
    private static partial Regex RefusedMember();
}
