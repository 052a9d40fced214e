using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
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
                "Expressions may read the input's members, compare, calculate and use pure string and math functions only" +
                (check.At is { } at ? $" (at character {at + 1})" : string.Empty), check.At);
            return null;
        }

        if (check.Body is null)
        {
            Report(text, owner, check.Error!, check.At);
            return null;
        }

        inspect?.Invoke(check.Body, parameter);
        return Expression.Lambda<Func<T, bool>>(check.Body, parameter).Compile();
    }

    /// <summary>
    /// Parses <paramref name="expression"/> with RulesEngine over <paramref name="parameter"/> and checks it against
    /// the limits and <see cref="ExpressionPolicy"/>: the body when it passes, else why not (refused constructs apart),
    /// and where in the expression (from 0) the problem is, when that is known.
    /// </summary>
    /// <param name="expression">The expression text.</param>
    /// <param name="parameter">The one variable it may read.</param>
    /// <param name="mapCulture">
    /// Whether the body is compiled by us, so that culture-dependent string calls are rewritten to culture-independent
    /// ones (<see cref="InvariantStrings"/>); <see langword="false"/> where RulesEngine runs the text as written (audit
    /// files), which refuses them instead.
    /// </param>
    /// <remarks>The error message ends with <c>(at character N)</c> (from 1) when the position is known.</remarks>
    public (Expression? Body, string? Error, int? At, IReadOnlyList<string> Refused) Check(string expression, ParameterExpression parameter, bool mapCulture = true)
    {
        if (expression.Length > ExpressionPolicy.MaxLength)
        {
            return (null, $"the expression is {expression.Length} characters long; the limit is {ExpressionPolicy.MaxLength}", null, []);
        }

        var (nesting, at) = Nesting(expression);
        if (nesting > ExpressionPolicy.MaxNesting)
        {
            return (null, $"parentheses are nested {nesting} deep; the limit is {ExpressionPolicy.MaxNesting} (at character {at + 1})", at, []);
        }

        Expression body;
        try
        {
            body = _parser.Parse(expression, [parameter], typeof(bool));
        }
        catch (ParseException e)
        {
            return Failed(expression, e.Message, e.Position >= 0 && e.Position <= expression.Length ? e.Position : null, parameter);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException)
        {
            // System.Linq.Dynamic.Core converts a text constant compared with a member of another type (`DeepPoverty ==
            // "是"`) with a type converter, and lets System.Linq.Expressions refuse operand types (`Category == 'c'`): both
            // throw instead of reporting a parse error, without a position.
            return Failed(expression, e.Message, null, parameter);
        }

        var refused = ExpressionPolicy.Check(body, parameter, _inputTypes, mapCulture);
        return refused.Count > 0
            ? (null, null, ExpressionHints.LocateRefused(expression, refused), refused)
            : (mapCulture ? InvariantStrings.Rewrite(body) : body, null, null, []);
    }

    private (Expression? Body, string? Error, int? At, IReadOnlyList<string> Refused) Failed(string expression, string message, int? at, ParameterExpression parameter)
    {
        var (explained, where) = ExpressionHints.Explain(expression, message, at, parameter.Type, parameter.Name!, _inputTypes);
        return (null, where is { } p ? $"{explained} (at character {p + 1})" : explained, where, []);
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

    private void Report(Located<string> text, string owner, string message, int? at)
    {
        // The character the problem concerns, else the expression's first; the reader's position of the value when the
        // file did not say where its characters stood.
        var location = text.Location;
        var (line, column) = text.Positions?.At(at ?? 0) ?? (location.Line, location.Column);
        _problems.Add(new InputProblem(
            $"{owner}: {message}",
            _source,
            line > 0 ? line : null,
            column > 0 ? column : null,
            location.Path));
    }
}
