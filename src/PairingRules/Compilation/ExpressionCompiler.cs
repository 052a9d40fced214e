using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using PairingRules.RuleModel;
using RulesEngine.ExpressionBuilders;

namespace PairingRules.Compilation;

/// <summary>
/// Compiles rule expressions once, with RulesEngine's <see cref="RuleExpressionParser"/>, into typed delegates,
/// after checking them against <see cref="ExpressionPolicy"/>. The caller says which input types expressions may read;
/// the parser and the allow-list are given the same list (<see cref="ExpressionSettings"/>).
/// </summary>
internal sealed partial class ExpressionCompiler
{
    private readonly RuleExpressionParser _parser;
    private readonly IReadOnlyCollection<Type> _inputTypes;
    private readonly string _source;
    private readonly List<InputProblem> _problems;

    /// <param name="source">The file name problems are located in.</param>
    /// <param name="problems">Where problems are added.</param>
    /// <param name="inputTypes">The types whose public properties expressions may read.</param>
    public ExpressionCompiler(string source, List<InputProblem> problems, IReadOnlyCollection<Type> inputTypes)
    {
        _source = source;
        _problems = problems;
        _inputTypes = inputTypes;
        _parser = new RuleExpressionParser(ExpressionSettings.Create(inputTypes));
    }

    /// <summary>Compiles <paramref name="text"/> over a variable called <paramref name="name"/>, or reports why not.</summary>
    /// <param name="text">The expression and where it stands.</param>
    /// <param name="name">The variable, <c>helper</c> or <c>household</c>.</param>
    /// <param name="groupId">The group, for messages.</param>
    /// <param name="inspect">Given the checked body and its parameter before it is compiled (to find what it reads,
    /// <see cref="ExpressionReads"/>); not called when the expression has problems.</param>
    public Func<T, bool>? Compile<T>(Located<string> text, string name, string groupId, Action<Expression, ParameterExpression>? inspect = null) =>
        CompileFor<T>(text, name, $"group `{groupId}`", inspect);

    /// <summary>
    /// Compiles <paramref name="text"/> over a variable called <paramref name="name"/>, or reports why not, each problem
    /// starting with <paramref name="owner"/> (<c>group `x`</c>, <c>restriction 2</c>).
    /// </summary>
    /// <param name="text">The expression and where it stands.</param>
    /// <param name="name">The variable, <c>helper</c> or <c>household</c>.</param>
    /// <param name="owner">What the expression belongs to, for messages.</param>
    /// <param name="inspect">As for <see cref="Compile{T}"/>.</param>
    public Func<T, bool>? CompileFor<T>(Located<string> text, string name, string owner, Action<Expression, ParameterExpression>? inspect = null)
    {
        var parameter = Expression.Parameter(typeof(T), name);
        var check = Check(text.Value, parameter);
        if (check.Refused.Count > 0)
        {
            Report(text, owner, $"not allowed in a rule expression: {string.Join("; ", check.Refused)}. " +
                "Expressions may read the input's members, compare, calculate and use pure string and math functions only");
            return null;
        }

        if (check.Body is null)
        {
            Report(text, owner, check.Error!);
            return null;
        }

        inspect?.Invoke(check.Body, parameter);
        return Expression.Lambda<Func<T, bool>>(check.Body, parameter).Compile();
    }

    /// <summary>
    /// Parses <paramref name="expression"/> with RulesEngine over <paramref name="parameter"/> and checks it against
    /// the limits and <see cref="ExpressionPolicy"/>: the body when it passes, else why not (refused constructs apart).
    /// </summary>
    /// <param name="expression">The expression text.</param>
    /// <param name="parameter">The one variable it may read.</param>
    /// <param name="mapCulture">
    /// Whether the body is compiled by us, so that culture-dependent string calls are rewritten to culture-independent
    /// ones (<see cref="InvariantStrings"/>); <see langword="false"/> where RulesEngine runs the text as written (audit
    /// files), which refuses them instead.
    /// </param>
    public (Expression? Body, string? Error, IReadOnlyList<string> Refused) Check(string expression, ParameterExpression parameter, bool mapCulture = true)
    {
        if (expression.Length > ExpressionPolicy.MaxLength)
        {
            return (null, $"the expression is {expression.Length} characters long; the limit is {ExpressionPolicy.MaxLength}", []);
        }

        var (nesting, at) = Nesting(expression);
        if (nesting > ExpressionPolicy.MaxNesting)
        {
            return (null, $"parentheses are nested {nesting} deep at character {at + 1}; the limit is {ExpressionPolicy.MaxNesting}", []);
        }

        Expression body;
        try
        {
            body = _parser.Parse(expression, [parameter], typeof(bool));
        }
        catch (ParseException e)
        {
            return (null, $"{Explain(e.Message, parameter.Type, parameter.Name!)} (at character {e.Position + 1})", []);
        }
        catch (FormatException e)
        {
            // System.Linq.Dynamic.Core converts a text constant compared with a member of another type (`DeepPoverty ==
            // "是"`) with a type converter, which throws instead of reporting a parse error.
            return (null, ExplainConversion(e.Message, expression, parameter.Name!), []);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException)
        {
            return (null, ConversionValue().IsMatch(e.Message)
                ? ExplainConversion(e.Message, expression, parameter.Name!)
                : Explain(e.Message, parameter.Type, parameter.Name!), []);
        }

        var refused = ExpressionPolicy.Check(body, parameter, _inputTypes, mapCulture);
        return refused.Count > 0 ? (null, null, refused) : (mapCulture ? InvariantStrings.Rewrite(body) : body, null, []);
    }

    /// <summary>Explains a text constant that cannot become the type of what it is compared with.</summary>
    private static string ExplainConversion(string message, string expression, string name)
    {
        var value = ConversionValue().Match(message) is { Success: true } m ? m.Groups[1].Value : null;
        var quoted = value is null ? "a text" : $"the text \"{value}\"";
        if (message.Contains("for Boolean", StringComparison.Ordinal))
        {
            var member = BooleanComparison().Match(expression) is { Success: true } b ? b.Groups[1].Value : $"{name}.Member";
            return $"{quoted} is compared with a true/false member; write the member itself (`{member}`) for true, or `!{member}` for false";
        }

        return $"{quoted} is compared with a member that is not text (a number or true/false): compare it with a value of that type, without quotes";
    }

    private static string Explain(string message, Type input, string name)
    {
        var missing = MissingMember().Match(message);
        if (missing.Success && missing.Groups[2].Value == input.Name)
        {
            var member = missing.Groups[1].Value;
            var members = ExpressionPolicy.ReadableMembers(input).ToArray();
            return $"there is no member `{member}` on {name}{Spelling.DidYouMean(member, members.Select(m => m.Replace("(name)", "", StringComparison.Ordinal)))} " +
                   $"(members of {name}: {string.Join(", ", members)})";
        }

        if (message.StartsWith("Expression of type 'Boolean' expected", StringComparison.Ordinal))
        {
            return $"the expression must be a condition that is true or false, for example `{name}.{(input == typeof(Helper) ? "Tier == 1" : "DeepPoverty")}`";
        }

        if (message.StartsWith("Expression is missing an 'as' clause", StringComparison.Ordinal))
        {
            return "creating objects (`new`) is not allowed in a rule expression";
        }

        var unknownIdentifier = UnknownIdentifier().Match(message);
        if (unknownIdentifier.Success)
        {
            return $"unknown name `{unknownIdentifier.Groups[1].Value}`: the expression can only use `{name}` (as in `{name}.{ExpressionPolicy.ReadableMembers(input).First()}`)";
        }

        return message.TrimEnd('.');
    }

    private static (int Depth, int At) Nesting(string expression)
    {
        int depth = 0, max = 0, at = 0;
        char? quote = null;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                if (++depth > max)
                {
                    max = depth;
                    at = i;
                }
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
        }

        return (max, at);
    }

    private void Report(Located<string> text, string owner, string message)
    {
        var location = text.Location;
        _problems.Add(new InputProblem(
            $"{owner}: {message}",
            _source,
            location.Line > 0 ? location.Line : null,
            location.Column > 0 ? location.Column : null,
            location.Path));
    }

    [GeneratedRegex("^(.*) is not a valid value for ")]
    private static partial Regex ConversionValue();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)\s*[!=]=\s*(?:""|')")]
    private static partial Regex BooleanComparison();

    [GeneratedRegex("No property or field '([^']*)' exists in type '([^']*)'")]
    private static partial Regex MissingMember();

    [GeneratedRegex("(?:Unknown identifier|Type) '([^']*)'(?: not found)?")]
    private static partial Regex UnknownIdentifier();
}
