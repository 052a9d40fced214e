using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using PairingRules.RuleModel;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace PairingRules.Compilation;

/// <summary>
/// Compiles rule expressions once, with RulesEngine's <see cref="RuleExpressionParser"/>, into typed delegates,
/// after checking them against <see cref="ExpressionPolicy"/>.
/// </summary>
internal sealed partial class ExpressionCompiler
{
    private readonly RuleExpressionParser _parser = new(new ReSettings
    {
        AutoRegisterInputType = false,
        IsExpressionCaseSensitive = true,
        CustomTypes = [typeof(Helper), typeof(Household)],
    });

    private readonly string _source;
    private readonly List<InputProblem> _problems;

    public ExpressionCompiler(string source, List<InputProblem> problems)
    {
        _source = source;
        _problems = problems;
    }

    /// <summary>Compiles <paramref name="text"/> over a variable called <paramref name="name"/>, or reports why not.</summary>
    public Func<T, bool>? Compile<T>(Located<string> text, string name, string groupId)
    {
        var expression = text.Value;
        if (expression.Length > ExpressionPolicy.MaxLength)
        {
            Report(text, groupId, $"the expression is {expression.Length} characters long; the limit is {ExpressionPolicy.MaxLength}");
            return null;
        }

        var (nesting, at) = Nesting(expression);
        if (nesting > ExpressionPolicy.MaxNesting)
        {
            Report(text, groupId, $"parentheses are nested {nesting} deep at character {at + 1}; the limit is {ExpressionPolicy.MaxNesting}");
            return null;
        }

        var parameter = Expression.Parameter(typeof(T), name);
        Expression body;
        try
        {
            body = _parser.Parse(expression, [parameter], typeof(bool));
        }
        catch (ParseException e)
        {
            Report(text, groupId, $"{Explain(e.Message, typeof(T), name)} (at character {e.Position + 1})");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException)
        {
            Report(text, groupId, Explain(e.Message, typeof(T), name));
            return null;
        }

        var refused = ExpressionPolicy.Check(body, parameter);
        if (refused.Count > 0)
        {
            Report(text, groupId, $"not allowed in a rule expression: {string.Join("; ", refused)}. " +
                "Expressions may read the input's members, compare, calculate and use pure string and math functions only");
            return null;
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter).Compile();
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

    private void Report(Located<string> text, string groupId, string message)
    {
        var location = text.Location;
        _problems.Add(new InputProblem(
            $"group `{groupId}`: {message}",
            _source,
            location.Line > 0 ? location.Line : null,
            location.Column > 0 ? location.Column : null,
            location.Path));
    }

    [GeneratedRegex("No property or field '([^']*)' exists in type '([^']*)'")]
    private static partial Regex MissingMember();

    [GeneratedRegex("(?:Unknown identifier|Type) '([^']*)'(?: not found)?")]
    private static partial Regex UnknownIdentifier();
}
