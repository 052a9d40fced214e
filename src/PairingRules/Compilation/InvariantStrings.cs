using System.Linq.Expressions;
using System.Reflection;

namespace PairingRules.Compilation;

/// <summary>
/// Makes the string functions of a rule expression independent of the machine's culture: <c>ToUpper()</c> and
/// <c>ToLower()</c> become <c>ToUpperInvariant()</c> and <c>ToLowerInvariant()</c>, and <c>StartsWith</c>,
/// <c>EndsWith</c>, <c>IndexOf</c>, <c>Compare</c> and <c>CompareTo</c> on strings compare ordinally. .NET runs those
/// in the current culture, so that under <c>tr-TR</c> <c>"i".ToUpper()</c> is <c>"İ"</c>; a rule set must pair the
/// same way on every machine.
/// </summary>
internal sealed class InvariantStrings : ExpressionVisitor
{
    private static readonly Type S = typeof(string);
    private static readonly ConstantExpression Ordinal = Expression.Constant(StringComparison.Ordinal);

    private InvariantStrings()
    {
    }

    /// <summary>Rewrites every culture-dependent string call of <paramref name="body"/> that <see cref="CanMap"/> accepts.</summary>
    public static Expression Rewrite(Expression body) => new InvariantStrings().Visit(body);

    /// <summary>Whether <paramref name="method"/> is a string method whose result depends on the current culture.</summary>
    public static bool IsCultureSensitive(MethodInfo method)
    {
        if (method.DeclaringType != S)
        {
            return false;
        }

        var parameters = method.GetParameters();
        if (parameters.Any(p => p.ParameterType == typeof(StringComparison)))
        {
            return false;
        }

        return method.Name switch
        {
            "ToUpper" or "ToLower" or "Compare" or "CompareTo" => true,
            "StartsWith" or "EndsWith" or "IndexOf" or "LastIndexOf" => parameters.Length > 0 && parameters[0].ParameterType == S,
            _ => false,
        };
    }

    /// <summary>Whether <see cref="Rewrite"/> has a culture-independent equivalent for <paramref name="method"/>.</summary>
    public static bool CanMap(MethodInfo method) => Map(method) is not null;

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        return IsCultureSensitive(visited.Method) && Map(visited.Method) is { } map ? map(visited) : visited;
    }

    private static Func<MethodCallExpression, Expression>? Map(MethodInfo method)
    {
        var types = method.GetParameters().Select(p => p.ParameterType).ToArray();
        return (method.Name, types.Length) switch
        {
            ("ToUpper", 0) => call => Expression.Call(call.Object, S.GetMethod(nameof(string.ToUpperInvariant), Type.EmptyTypes)!),
            ("ToLower", 0) => call => Expression.Call(call.Object, S.GetMethod(nameof(string.ToLowerInvariant), Type.EmptyTypes)!),
            ("StartsWith" or "EndsWith" or "IndexOf", _) when types.All(t => t == S || t == typeof(int)) && types[0] == S =>
                call => Expression.Call(call.Object, S.GetMethod(method.Name, [.. types, typeof(StringComparison)])!, [.. call.Arguments, Ordinal]),
            ("CompareTo", 1) when types[0] == S =>
                call => Expression.Call(S.GetMethod(nameof(string.CompareOrdinal), [S, S])!, call.Object!, call.Arguments[0]),
            ("Compare", 2) when types.All(t => t == S) =>
                call => Expression.Call(S.GetMethod(nameof(string.CompareOrdinal), [S, S])!, call.Arguments),
            ("Compare", 3) when types is [_, _, _] && types[0] == S && types[1] == S && types[2] == typeof(bool) =>
                call => Expression.Call(
                    S.GetMethod(nameof(string.Compare), [S, S, typeof(StringComparison)])!,
                    call.Arguments[0],
                    call.Arguments[1],
                    Expression.Condition(call.Arguments[2], Expression.Constant(StringComparison.OrdinalIgnoreCase), Ordinal)),
            _ => null,
        };
    }
}
