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
        for (var i = 0; i < tokens.Count && tokens[i].Start <= (at ?? -1); i++)
        {
            if (Mistake(expression, tokens, i, at!.Value, message) is { } mistake)
            {
                return mistake;
            }
        }

        // A type's name where the variable belongs (`Helper.Category`, `Household` in a helper expression): the parser
        // reads it as a type and fails somewhere after it, often without saying where.
        for (var i = 0; i < tokens.Count && tokens[i].Start <= (at ?? int.MaxValue); i++)
        {
            if (tokens[i].Kind == TokenKind.Name && (i == 0 || tokens[i - 1].Text != ".") &&
                readable.Append(input).FirstOrDefault(t => t.Name == tokens[i].Text) is { } type)
            {
                var member = i + 2 < tokens.Count && tokens[i + 1].Text == "." ? tokens[i + 2].Text : null;
                return (type.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                    ? $"`{type.Name}` is the type, not the variable: write `{name}{(member is null ? string.Empty : "." + member)}`, in lower case"
                    : $"`{type.Name}` is a type, not a variable: the expression can only use `{name}`{OtherInput(input, type.Name.ToLowerInvariant())}", tokens[i].Start);
            }
        }

        if (ConversionValue().Match(message) is { Success: true } conversion)
        {
            return ExplainConversion(expression, tokens, conversion.Groups[1].Value, message);
        }

        if (OperandTypes().Match(message) is { Success: true } operands)
        {
            return ExplainOperands(expression, tokens, operands.Groups["op"].Value, TypeName(operands.Groups["a"].Value), TypeName(operands.Groups["b"].Value), at);
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
                "AndAlso" => "&&",
                "OrElse" => "||",
                var other => other,
            };
            return ExplainOperands(expression, tokens, op, TypeName(binary.Groups["a"].Value), TypeName(binary.Groups["b"].Value), at);
        }

        if (CompareNotFound().Match(message) is { Success: true } compare)
        {
            return ExplainOperands(expression, tokens, "<", TypeName(compare.Groups["a"].Value), TypeName(compare.Groups["b"].Value), at);
        }

        if (UnaryOperand().Match(message) is { Success: true } unary)
        {
            var needs = unary.Groups["op"].Value == "!" ? "true/false" : "a number";
            return ($"`{unary.Groups["op"].Value}` needs {needs}, not {Describe(TypeName(unary.Groups["a"].Value))}", at);
        }

        var missing = MissingMember().Match(message);
        if (missing.Success && missing.Groups[2].Value == input.Name)
        {
            return (ExplainMissingMember(tokens, expression, missing.Groups[1].Value, at, input, name), at);
        }

        if (missing.Success && readable.FirstOrDefault(t => t.Name == missing.Groups[2].Value) is { } owner)
        {
            // A member of what the variable leads to (`pairing.Helper.Categry` in an audit file).
            return (NoMember(missing.Groups[1].Value, owner, owner.Name), at);
        }

        if (missing.Success)
        {
            // A member of a value (`Length` of text is one, `Lengthx` is not).
            return ($"{Describe(TypeName(missing.Groups[2].Value))} has no member `{missing.Groups[1].Value}`", at);
        }

        if (NoApplicableMethod().Match(message) is { Success: true } method)
        {
            return ExplainArguments(tokens, method.Groups["method"].Value, at);
        }

        if (UnknownIdentifier().Match(message) is { Success: true } unknown)
        {
            var identifier = unknown.Groups[1].Value.TrimEnd('.');
            return ($"unknown name `{identifier}`: the expression can only use `{name}` (as in `{name}.{ExpressionPolicy.ReadableMembers(input).First()}`){OtherInput(input, identifier)}", at);
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

        if (message.StartsWith("Expression expected", StringComparison.Ordinal) && at is { } end && tokens.Count > 0)
        {
            return end >= expression.TrimEnd().Length
                ? ($"the expression ends after `{tokens[^1].Text}`: a value or a member must follow", end)
                : tokens.FirstOrDefault(t => t.Start == end) is { Text: not null } unexpected
                    ? ($"a value or a member is expected here, not `{unexpected.Text}`", end)
                    : (message.TrimEnd('.'), end);
        }

        if (InvalidInteger().Match(message) is { Success: true } integer)
        {
            return ($"`{integer.Groups[1].Value}` is too large for a whole number", at);
        }

        if (message.StartsWith("Coalesce used with type that cannot be null", StringComparison.Ordinal) ||
            message.StartsWith("Argument types do not match", StringComparison.Ordinal) && tokens.Any(t => t.Text == "??"))
        {
            var coalesce = tokens.FirstOrDefault(t => t.Text == "??");
            return (message.StartsWith("Coalesce", StringComparison.Ordinal)
                ? "`??` gives a value for null, but what stands before it is never null"
                : "the two sides of `??` are of different types", coalesce.Text is null ? at : coalesce.Start);
        }

        if (message == "Syntax error" && at is { } p && tokens.FirstOrDefault(t => t.Start == p) is { Text: not null } token)
        {
            return ($"syntax error at `{token.Text}`", at);
        }

        if (at is null && UnknownMember(tokens, input, name) is { } unread)
        {
            // System.Linq.Dynamic.Core fails on some unknown members with an internal argument error (`it.Tier` on a
            // household): name the member instead.
            return (ExplainMissingMember(tokens, expression, tokens[unread].Text, tokens[unread].Start, input, name), tokens[unread].Start);
        }

        if (at is null && message.Contains("(Parameter '", StringComparison.Ordinal))
        {
            // An argument check inside System.Linq.Dynamic.Core (`helper + ""`): its words mean nothing to an author.
            return ($"the expression could not be read (the parser failed: {message.TrimEnd('.')}); check that each operator has a value or a member of the right type on both sides", at);
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
                                       previous is { Kind: TokenKind.Number } whole && whole.Text.All(char.IsAsciiDigit) &&
                                       next is { Kind: TokenKind.Number, Text.Length: 3 } thousands && thousands.Text.All(char.IsAsciiDigit):
                return ($"`{whole.Text},{thousands.Text}`: write numbers without a thousands separator, `{whole.Text}{thousands.Text}`", whole.Start);
            default:
                return null;
        }
    }

    /// <summary>A text constant that cannot become the type of what it is compared with (<c>DeepPoverty == "是"</c>).</summary>
    private static (string, int?) ExplainConversion(string expression, IReadOnlyList<Token> tokens, string value, string message)
    {
        var literal = tokens.FirstOrDefault(t => t.Kind == TokenKind.Text && t.Inner == value);
        var at = literal.Text is null ? (int?)null : literal.Start;
        if (message.Contains("for Boolean", StringComparison.Ordinal))
        {
            return (BooleanHint($"the text \"{value}\"", MemberBefore(expression, at)), at);
        }

        return ($"the text \"{value}\" is compared with a member that is not text (a number or true/false): compare it with a value of that type, without quotes", at);
    }

    /// <summary>An operator applied to two operand types that it does not take.</summary>
    private static (string, int?) ExplainOperands(string expression, IReadOnlyList<Token> tokens, string op, string a, string b, int? at)
    {
        bool Either(Func<string, bool> test) => test(a) || test(b);
        static bool IsNumber(string t) => t.TrimEnd('?') is "Int32" or "Int64" or "Double" or "Decimal" or "Single";
        static bool IsBoolean(string t) => t.TrimEnd('?') == "Boolean";

        if (Either(t => t == "Char"))
        {
            var character = tokens.FirstOrDefault(t => t.Kind == TokenKind.SingleQuoted);
            var where = character.Text is null ? at : character.Start;
            if (Either(IsBoolean))
            {
                return (BooleanHint($"the character {character.Text ?? "in single quotes"}", MemberBefore(expression, where)), where);
            }

            return ($"{character.Text ?? "a character"} in single quotes is one character, not text: {StraightQuotes}: \\\"{character.Inner}\\\"", where);
        }

        // Without the parser's position, the operator written with a constant of one of the two types beside it.
        var located = at ?? tokens.Select((t, i) => (Token: t, Index: i))
            .Where(x => x.Token.Kind == TokenKind.Symbol && Spells(x.Token.Text, op) &&
                        (IsConstantOf(Neighbour(tokens, x.Index + 1), a, b) || IsConstantOf(Neighbour(tokens, x.Index - 1), a, b)))
            .Select(x => (int?)x.Token.Start)
            .FirstOrDefault();
        var number = tokens.FirstOrDefault(t => t.Kind == TokenKind.Number).Text;
        if (IsBoolean(a) && IsNumber(b) && Comparisons.Contains(op))
        {
            return (BooleanHint(number is null ? "a number" : $"the number {number}", MemberBefore(expression, located + 1)).Replace(" for true,", " for true (1),", StringComparison.Ordinal) + " (0)", located);
        }

        if (Either(t => t == "String") && Either(IsNumber) && number is not null && Comparisons.Contains(op))
        {
            return ($"text is compared with the number {number}: to compare text, write the number as text in straight double quotes, escaped as \\\" inside the JSON " +
                    $"string: \\\"{number}\\\" (`<` and `>` compare text character by character, so \"10\" comes before \"9\")", located);
        }

        return (op switch
        {
            "&&" or "||" => $"`{op}` joins conditions that are true or false, not {Describe(a)} and {Describe(b)}",
            "+" or "-" or "*" or "/" or "%" => $"`{op}` cannot calculate with {Describe(a)} and {Describe(b)}",
            _ => $"`{op}` cannot compare {Describe(a)} with {Describe(b)}",
        }, located);
    }

    /// <summary>A method called with arguments it does not take; a character in single quotes most often.</summary>
    private static (string, int?) ExplainArguments(IReadOnlyList<Token> tokens, string method, int? at)
    {
        var index = tokens.ToList().FindIndex(t => t.Kind == TokenKind.Name && t.Text == method && (at is null || t.Start >= at));
        var argument = index >= 0 && index + 2 < tokens.Count && tokens[index + 1].Text == "(" ? tokens[index + 2] : (Token?)null;
        if (argument is { Kind: TokenKind.SingleQuoted } character)
        {
            return ($"{character.Text} in single quotes is one character, not text: {StraightQuotes}: \\\"{character.Inner}\\\"", character.Start);
        }

        return (method is "Attribute" or "HasAttribute"
            ? $"`{method}` takes the name of a roster column as text: `{method}(\"cause\")`"
            : $"`{method}` cannot be called with these arguments", at);
    }

    private static Token? Neighbour(IReadOnlyList<Token> tokens, int i) => i >= 0 && i < tokens.Count ? tokens[i] : null;

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

    private static string BooleanHint(string what, string? member) => member is null
        ? $"{what} is compared with a condition that is true or false; write the condition itself for true, or `!(...)` around it for false"
        : $"{what} is compared with a true/false member; write the member itself (`{member}`) for true, or `!{member}` for false";

    /// <summary>The member compared with the constant at <paramref name="at"/> (<c>household.DeepPoverty</c> in
    /// <c>household.DeepPoverty == "是"</c>), or the first member compared with a constant.</summary>
    private static string? MemberBefore(string expression, int? at)
    {
        var matches = ComparedMember().Matches(at is { } p ? expression[..Math.Min(expression.Length, p)] : expression);
        return matches.Count == 0 ? null : at is null ? matches[0].Groups[1].Value : matches[^1].Groups[1].Value;
    }

    /// <summary>The first <c>variable.Member</c> (or <c>it.Member</c>) whose member the variable does not have.</summary>
    private static int? UnknownMember(IReadOnlyList<Token> tokens, Type input, string name)
    {
        var members = ExpressionPolicy.ReadableMembers(input).Select(m => m.Replace("(name)", "", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        for (var i = 2; i < tokens.Count; i++)
        {
            var variable = tokens[i - 2].Text == name || tokens[i - 2].Text == "it";
            if (tokens[i].Kind == TokenKind.Name && tokens[i - 1].Text == "." && variable && (i < 3 || tokens[i - 3].Text != ".") && !members.Contains(tokens[i].Text))
            {
                return i;
            }
        }

        return null;
    }

    private static string ExplainMissingMember(IReadOnlyList<Token> tokens, string expression, string member, int? at, Type input, string name)
    {
        var index = at is { } p ? tokens.ToList().FindIndex(t => t.Start == p) : -1;
        var previous = index > 0 ? tokens[index - 1] : (Token?)null;
        var bare = index >= 0 && previous?.Text != ".";
        if (bare && (member.Any(c => c > 127) || previous is { Kind: TokenKind.Symbol } op && Comparisons.Contains(op.Text) ||
                     previous?.Text is "(" or "," && tokens.Take(index).Any(t => t.Kind == TokenKind.Name && t.Text.Equals("in", StringComparison.OrdinalIgnoreCase))))
        {
            // A word where a value belongs: text without its quotes.
            var end = at!.Value;
            while (end < expression.Length && (char.IsLetterOrDigit(expression[end]) || expression[end] is '-' or '_' or '.'))
            {
                end++;
            }

            var word = expression[at.Value..end];
            return $"`{word}` is not a member of {name}: if it is text, {StraightQuotes}: \\\"{word}\\\"";
        }

        if (bare && OtherInput(input, member) is { Length: > 0 } other)
        {
            return $"unknown name `{member}`: the expression can only use `{name}` (as in `{name}.{ExpressionPolicy.ReadableMembers(input).First()}`){other}";
        }

        var column = input == typeof(Helper) || input == typeof(Household) ? $"; a roster column is read with `{name}.Attribute(\"{member}\")`" : string.Empty;
        var message = NoMember(member, input, name);
        return message.Contains("did you mean", StringComparison.Ordinal) ? message : message + column;
    }

    private static string NoMember(string member, Type type, string name)
    {
        var members = ExpressionPolicy.ReadableMembers(type).ToArray();
        return $"there is no member `{member}` on {name}{Spelling.DidYouMean(member, members.Select(m => m.Replace("(name)", "", StringComparison.Ordinal)))} " +
               $"(members of {name}: {string.Join(", ", members)})";
    }

    /// <summary>What to say when an expression names the other input: the variable of a helper expression is the
    /// helper alone, and the household's alone in a household expression.</summary>
    private static string OtherInput(Type input, string identifier) => (input == typeof(Helper), identifier) switch
    {
        (true, "household") => "; the households a group may take are chosen by its `households` expression",
        (false, "helper") when input == typeof(Household) =>
            "; a household expression cannot see the helper: `scope` (`township`, `village`) keeps each helper to households of their own place",
        _ => string.Empty,
    };

    private static string TypeName(string type)
    {
        var nullable = NullableType().Match(type);
        var core = nullable.Success ? nullable.Groups[1].Value : type;
        core = core.Contains('[', StringComparison.Ordinal) ? core : core[(core.LastIndexOf('.') + 1)..];
        return nullable.Success && !core.EndsWith('?') ? core + "?" : core;
    }

    private static string Describe(string type) => type.TrimEnd('?') switch
    {
        "String" => "text",
        "Boolean" => "true/false",
        "Int32" or "Int64" => type.EndsWith('?') ? "a whole number (or null)" : "a whole number",
        "Double" or "Decimal" or "Single" => "a number",
        "Char" => "a character",
        "Object" => "null",
        "Helper" => "a whole helper (read one of its members)",
        "Household" => "a whole household (read one of its members)",
        var other when other.StartsWith("IReadOnlyDictionary", StringComparison.Ordinal) => "the attributes (read one with `Attribute(\"name\")`)",
        var other => other,
    };

    [GeneratedRegex("^(.*) is not a valid value for ")]
    private static partial Regex ConversionValue();

    [GeneratedRegex(@"^Operator '(?<op>[^']*)' incompatible with operand types '(?<a>[^']*)' and '(?<b>[^']*)'")]
    private static partial Regex OperandTypes();

    [GeneratedRegex(@"^Operator '(?<op>[^']*)' incompatible with operand type '(?<a>[^']*)'")]
    private static partial Regex UnaryOperand();

    [GeneratedRegex(@"^The binary operator (?<op>\w+) is not defined for the types '(?<a>[^']*)' and '(?<b>[^']*)'")]
    private static partial Regex BinaryOperator();

    [GeneratedRegex(@"^Method 'Compare' not found on type '(?<a>[^']*)' or '(?<b>[^']*)'")]
    private static partial Regex CompareNotFound();

    [GeneratedRegex(@"^No applicable method '(?<method>[^']*)' exists in type")]
    private static partial Regex NoApplicableMethod();

    [GeneratedRegex(@"^Invalid integer literal '([^']*)'")]
    private static partial Regex InvalidInteger();

    [GeneratedRegex(@"^System\.Nullable`1\[(.*)\]$")]
    private static partial Regex NullableType();

    [GeneratedRegex(@"(?<![\w.])([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)\s*(?:[!=]=|=|<>|<=?|>=?|in\s*\()")]
    private static partial Regex ComparedMember();

    [GeneratedRegex("No property or field '([^']*)' exists in type '([^']*)'")]
    private static partial Regex MissingMember();

    [GeneratedRegex("(?:Unknown identifier|Type) '([^']*)'(?: not found)?")]
    private static partial Regex UnknownIdentifier();

    [GeneratedRegex(@"^the (?:method|member|culture-dependent method) [A-Za-z0-9_`]+\.([A-Za-z0-9_]+)")]
    private static partial Regex RefusedMember();
}
