using System.Linq.Expressions;
using System.Reflection;

namespace PairingRules.Compilation;

/// <summary>
/// The allow-list that every rule expression is checked against after parsing and before it is compiled:
/// only reads of the input's properties, arithmetic, comparisons, logic and a few pure string and math
/// functions. Anything else (reflection, object creation, methods with side effects, other types) is refused.
/// </summary>
internal sealed class ExpressionPolicy : ExpressionVisitor
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>The deepest nesting of parentheses accepted.</summary>
    public const int MaxNesting = 32;

    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(bool), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(float), typeof(short), typeof(byte),
        typeof(uint), typeof(ulong), typeof(ushort), typeof(sbyte), typeof(char), typeof(string),
    ];

    private static readonly HashSet<string> StringMethods =
    [
        "Contains", "StartsWith", "EndsWith", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Trim",
        "TrimStart", "TrimEnd", "Equals", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Compare", "CompareTo", "Concat", "IndexOf",
        "op_Equality", "op_Inequality",
    ];

    private static readonly HashSet<string> MathMethods = ["Abs", "Min", "Max", "Round", "Floor", "Ceiling", "Sign"];

    private static readonly HashSet<string> InputMethods = ["Attribute", "HasAttribute"];

    /// <summary>The parameter types a string method may take: no <c>object</c>, culture or format provider.</summary>
    private static readonly HashSet<Type> StringParameterTypes = [typeof(string), typeof(char), typeof(int), typeof(bool), typeof(char[])];

    private readonly ParameterExpression _parameter;
    private readonly IReadOnlyCollection<Type> _inputTypes;
    private readonly bool _mapCulture;
    private readonly List<string> _violations = [];

    private ExpressionPolicy(ParameterExpression parameter, IReadOnlyCollection<Type> inputTypes, bool mapCulture)
    {
        _parameter = parameter;
        _inputTypes = inputTypes;
        _mapCulture = mapCulture;
    }

    /// <summary>Returns every construct in <paramref name="body"/> that the policy refuses.</summary>
    /// <param name="body">The parsed expression.</param>
    /// <param name="parameter">The one variable it may read.</param>
    /// <param name="inputTypes">The types whose public properties the expression may read (the caller's inputs, the same
    /// list the parser was given by <see cref="ExpressionSettings"/>).</param>
    /// <param name="mapCulture">
    /// Whether culture-dependent string calls that <see cref="InvariantStrings"/> maps are accepted (the caller compiles
    /// the rewritten tree); when <see langword="false"/> (the expression runs as written) they are refused.
    /// </param>
    public static IReadOnlyList<string> Check(Expression body, ParameterExpression parameter, IReadOnlyCollection<Type> inputTypes, bool mapCulture)
    {
        var policy = new ExpressionPolicy(parameter, inputTypes, mapCulture);
        policy.Visit(body);
        return policy._violations.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The members of an input type that expressions may read, for error messages.</summary>
    public static IEnumerable<string> ReadableMembers(Type inputType) =>
        inputType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)
            .Concat(InputMethods.Select(m => m + "(name)"));

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }

        switch (node.NodeType)
        {
            case ExpressionType.Constant:
                var constant = (ConstantExpression)node;
                if (constant.Value is not null && !IsAllowedValueType(constant.Type))
                {
                    Refuse($"a constant of type {constant.Type.Name}");
                }

                return node;
            case ExpressionType.Parameter:
                if (node != _parameter)
                {
                    Refuse($"the variable `{((ParameterExpression)node).Name}`");
                }

                return node;
            case ExpressionType.MemberAccess:
            case ExpressionType.Call:
            case ExpressionType.Conditional:
            case ExpressionType.Not:
            case ExpressionType.Negate:
            case ExpressionType.UnaryPlus:
            case ExpressionType.Convert:
            case ExpressionType.Add:
            case ExpressionType.Subtract:
            case ExpressionType.Multiply:
            case ExpressionType.Divide:
            case ExpressionType.Modulo:
            case ExpressionType.AndAlso:
            case ExpressionType.OrElse:
            case ExpressionType.And:
            case ExpressionType.Or:
            case ExpressionType.ExclusiveOr:
            case ExpressionType.Equal:
            case ExpressionType.NotEqual:
            case ExpressionType.LessThan:
            case ExpressionType.LessThanOrEqual:
            case ExpressionType.GreaterThan:
            case ExpressionType.GreaterThanOrEqual:
            case ExpressionType.Coalesce:
            case ExpressionType.NewArrayInit:
                return base.Visit(node);
            default:
                Refuse(Describe(node.NodeType));
                return node;
        }
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var member = node.Member;
        var declaring = member.DeclaringType;
        var allowed =
            declaring is not null && _inputTypes.Contains(declaring) && member is PropertyInfo ||
            declaring == typeof(string) && member.Name == "Length" ||
            declaring is { IsGenericType: true } && declaring.GetGenericTypeDefinition() == typeof(Nullable<>) && member.Name is "HasValue" or "Value" ||
            declaring == typeof(string) && member.Name == "Empty";
        var visited = base.VisitMember(node);
        if (!allowed)
        {
            Refuse($"the member {declaring?.Name}.{member.Name}");
        }

        return visited;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var declaring = method.DeclaringType;
        var allowed =
            declaring == typeof(string) && StringMethods.Contains(method.Name) ||
            declaring == typeof(Math) && MathMethods.Contains(method.Name) ||
            (declaring == typeof(Helper) || declaring == typeof(Household)) && InputMethods.Contains(method.Name) ||
            declaring == typeof(Enumerable) && method.Name == "Contains" && node.Arguments[0] is NewArrayExpression ||
            declaring is not null && ValueTypes.Contains(declaring) && method.IsSpecialName && method.Name.StartsWith("op_", StringComparison.Ordinal) ||
            declaring == typeof(decimal) && method.Name is "op_Implicit" or "op_Explicit" or "Compare";
        var visited = base.VisitMethodCall(node);
        if (!allowed)
        {
            Refuse($"the method {declaring?.Name}.{method.Name}");
        }
        else if (declaring == typeof(string) && method.GetParameters().Any(p => !StringParameterTypes.Contains(p.ParameterType)))
        {
            Refuse($"the method String.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})");
        }
        else if (InvariantStrings.IsCultureSensitive(method) && !(_mapCulture && InvariantStrings.CanMap(method)))
        {
            Refuse($"the culture-dependent method String.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))}); " +
                   "use ToUpperInvariant(), ToLowerInvariant(), == or Contains");
        }

        return visited;
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.NodeType == ExpressionType.Convert && !IsAllowedValueType(node.Type) && node.Type != typeof(object))
        {
            Refuse($"a conversion to {node.Type.Name}");
            return node;
        }

        return base.VisitUnary(node);
    }

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        // `x in ("a", "b")` parses to new[] { "a", "b" }.Contains(x); only short lists of constants are allowed.
        if (node.Expressions.Count > 200 || node.Expressions.Any(e => e.NodeType != ExpressionType.Constant))
        {
            Refuse("an array other than a short list of constants in `in (...)`");
            return node;
        }

        return base.VisitNewArray(node);
    }

    private static bool IsAllowedValueType(Type type) =>
        ValueTypes.Contains(Nullable.GetUnderlyingType(type) ?? type);

    private static string Describe(ExpressionType type) => type switch
    {
        ExpressionType.New or ExpressionType.MemberInit or ExpressionType.ListInit => "creating objects (`new`)",
        ExpressionType.NewArrayBounds => "creating arrays",
        ExpressionType.Lambda or ExpressionType.Invoke => "lambdas and delegate calls",
        ExpressionType.TypeIs or ExpressionType.TypeAs or ExpressionType.TypeEqual => "type tests (`is`, `as`)",
        ExpressionType.Assign or ExpressionType.AddAssign or ExpressionType.SubtractAssign => "assignment",
        ExpressionType.Index or ExpressionType.ArrayIndex => "indexing",
        _ => $"the construct {type}",
    };

    private void Refuse(string construct) => _violations.Add(construct);
}
