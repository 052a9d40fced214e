using System.Linq.Expressions;
using System.Reflection;
using PairingRules.RuleModel;

namespace PairingRules.Compilation;

/// <summary>
/// What one compiled rule expression reads of the roster's data, found once when it is compiled: the attribute names it
/// reads (<c>household.Attribute("监测户")</c>, <c>HasAttribute(...)</c>) and the text constants it compares members with
/// (<c>helper.Category == "科级干部"</c>, <c>!=</c>, <c>Equals</c>, <c>x in ("a", "b")</c>), with where the expression
/// stands in the rule file. Evaluation checks them against a roster (<c>RuleDiagnostics</c>) without running the
/// expression.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class ExpressionReads
{
    private readonly string _source;
    private readonly Location _location;
    private readonly string _owner;

    private ExpressionReads(
        string source, Location location, string owner, int groupIndex, string groupId, string field, string variable, Type input,
        IReadOnlyList<AttributeRead> attributes, IReadOnlyList<TextComparison> comparisons)
    {
        _source = source;
        _location = location;
        _owner = owner;
        GroupIndex = groupIndex;
        GroupId = groupId;
        Field = field;
        Variable = variable;
        Input = input;
        Attributes = attributes;
        Comparisons = comparisons;
    }

    /// <summary>The index of the group the expression belongs to; -1 for a restriction's, which belongs to no group.</summary>
    public int GroupIndex { get; }

    /// <summary>The id of that group; empty for a restriction's.</summary>
    public string GroupId { get; }

    /// <summary>The field of the expression: <c>helpers</c> or <c>households</c>.</summary>
    public string Field { get; }

    /// <summary>The expression's variable: <c>helper</c> or <c>household</c>.</summary>
    public string Variable { get; }

    /// <summary>The input type: <see cref="Helper"/> or <see cref="Household"/>.</summary>
    public Type Input { get; }

    /// <summary>The attribute names read with a constant name, each once, in the order they appear.</summary>
    public IReadOnlyList<AttributeRead> Attributes { get; }

    /// <summary>The text constants compared with a text member, each (member, value, negation) once, in the order they appear.</summary>
    public IReadOnlyList<TextComparison> Comparisons { get; }

    /// <summary>Finds what <paramref name="body"/>, compiled from <paramref name="text"/> over <paramref name="parameter"/>, reads.</summary>
    public static ExpressionReads Of<T>(Expression body, ParameterExpression parameter, Located<string> text, string source, int groupIndex, string groupId, string field) =>
        Create<T>(body, parameter, text, source, $"group `{groupId}`", groupIndex, groupId, field);

    /// <summary>
    /// Finds what a restriction's <c>households</c> expression reads; its warnings start with <paramref name="owner"/>
    /// (<c>restriction 1</c>) and it belongs to no group.
    /// </summary>
    public static ExpressionReads OfRestriction(Expression body, ParameterExpression parameter, Located<string> text, string source, string owner) =>
        Create<Household>(body, parameter, text, source, owner, -1, string.Empty, "households");

    private static ExpressionReads Create<T>(Expression body, ParameterExpression parameter, Located<string> text, string source, string owner, int groupIndex, string groupId, string field)
    {
        var reader = new Reader<T>(parameter, text.Value);
        reader.Visit(body);
        return new ExpressionReads(
            source, text.Location, owner, groupIndex, groupId, field, parameter.Name!, typeof(T),
            reader.Attributes.DistinctBy(a => a.Name, StringComparer.Ordinal).ToArray(),
            reader.Comparisons.DistinctBy(c => (c.Member, c.Value, c.Negated)).ToArray());
    }

    /// <summary>A warning located at the expression: file, line, column and JSON path, and the character inside the
    /// expression when known.</summary>
    public InputProblem Warning(string message, int? at = null) => new(
        $"{_owner}: {message}{(at is { } a ? $" (at character {a + 1})" : string.Empty)}",
        _source,
        _location.Line > 0 ? _location.Line : null,
        _location.Column > 0 ? _location.Column : null,
        _location.Path,
        ProblemSeverity.Warning);

    /// <summary>The visitor: collects reads without changing the expression.</summary>
    private sealed class Reader<T>(ParameterExpression parameter, string text) : ExpressionVisitor
    {
        public List<AttributeRead> Attributes { get; } = [];

        public List<TextComparison> Comparisons { get; } = [];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var method = node.Method;
            if (node.Object == parameter && method.Name is nameof(Helper.Attribute) or nameof(Helper.HasAttribute) &&
                node.Arguments is [ConstantExpression { Value: string name }])
            {
                Attributes.Add(new AttributeRead(name, method.Name, At(name)));
            }
            else if (method.DeclaringType == typeof(string) && method.Name is nameof(string.Equals) or "op_Equality" or "op_Inequality")
            {
                var operands = (node.Object is null ? node.Arguments : node.Arguments.Prepend(node.Object)).Where(o => o.Type == typeof(string)).ToArray();
                if (operands is [var left, var right])
                {
                    Compare(left, right, negated: method.Name == "op_Inequality");
                }
            }
            else if (method.DeclaringType == typeof(Enumerable) && method.Name == nameof(Enumerable.Contains) &&
                     node.Arguments is [NewArrayExpression list, var item] && MemberOf(item) is { } member)
            {
                foreach (var element in list.Expressions)
                {
                    if (element is ConstantExpression { Value: string value })
                    {
                        Add(member, value, negated: false);
                    }
                }
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual)
            {
                Compare(node.Left, node.Right, node.NodeType == ExpressionType.NotEqual);
            }

            return base.VisitBinary(node);
        }

        private void Compare(Expression left, Expression right, bool negated)
        {
            if (MemberOf(left) is { } member && Constant(right) is { } value)
            {
                Add(member, value, negated);
            }
            else if (MemberOf(right) is { } other && Constant(left) is { } text)
            {
                Add(other, text, negated);
            }
        }

        private void Add(TextMember member, string value, bool negated)
        {
            // An empty or blank constant tests for a missing value, which no roster row "has" as a value.
            if (!string.IsNullOrWhiteSpace(value))
            {
                Comparisons.Add(new TextComparison(member, value, negated, At(value)));
            }
        }

        /// <summary>A text member read straight from the input: a string property, or <c>Attribute("name")</c>.</summary>
        private TextMember? MemberOf(Expression expression)
        {
            expression = Unconvert(expression);
            if (expression is MemberExpression { Member: PropertyInfo { PropertyType: var type, GetMethod: { } getter } property } access &&
                access.Expression == parameter && type == typeof(string))
            {
                var read = getter.CreateDelegate<Func<T, string?>>();
                return new TextMember(typeof(T), parameter.Name!, property.Name, null, row => read((T)row));
            }

            return expression is MethodCallExpression { Method.Name: nameof(Helper.Attribute), Arguments: [ConstantExpression { Value: string name }] } call &&
                   call.Object == parameter
                ? new TextMember(typeof(T), parameter.Name!, nameof(Helper.Attribute), name, null)
                : null;
        }

        private static string? Constant(Expression expression) => Unconvert(expression) is ConstantExpression { Value: string value } ? value : null;

        private static Expression Unconvert(Expression expression)
        {
            while (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert)
            {
                expression = convert.Operand;
            }

            return expression;
        }

        /// <summary>The 0-based character of the quoted constant in the expression text, when it is written there as is.</summary>
        private int? At(string value)
        {
            foreach (var quote in "\"'")
            {
                var at = text.IndexOf(quote + value + quote, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return at;
                }
            }

            return null;
        }
    }
}

/// <summary>An attribute an expression reads by a constant name: <c>household.Attribute("监测户")</c>.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Call"><c>Attribute</c> or <c>HasAttribute</c>.</param>
/// <param name="At">The 0-based character of the name in the expression text, when known.</param>
internal sealed record AttributeRead(string Name, string Call, int? At);

/// <summary>A text constant compared with a member: <c>helper.Category == "科级干部"</c>.</summary>
/// <param name="Member">The member.</param>
/// <param name="Value">The constant.</param>
/// <param name="Negated">Whether the comparison is <c>!=</c> (true when the values differ).</param>
/// <param name="At">The 0-based character of the constant in the expression text, when known.</param>
internal sealed record TextComparison(TextMember Member, string Value, bool Negated, int? At);

/// <summary>
/// A text member of an input that an expression compares: a string property (<c>helper.Category</c>) or an attribute
/// (<c>household.Attribute("监测户")</c>). Two are equal when they read the same thing of the same input.
/// </summary>
/// <param name="Input">The input type.</param>
/// <param name="Variable">The expression's variable, <c>helper</c> or <c>household</c>.</param>
/// <param name="Property">The property's name, or <c>Attribute</c>.</param>
/// <param name="Attribute">The attribute's name for <c>Attribute("name")</c>, else <see langword="null"/>.</param>
/// <param name="Read">Reads the property of a row; <see langword="null"/> for an attribute.</param>
internal sealed record TextMember(Type Input, string Variable, string Property, string? Attribute, Func<object, string?>? Read)
{
    /// <summary>How an expression writes it: <c>helper.Category</c>, <c>household.Attribute("监测户")</c>.</summary>
    public override string ToString() => Attribute is null ? $"{Variable}.{Property}" : $"{Variable}.{Property}(\"{Attribute}\")";

    public bool Equals(TextMember? other) =>
        other is not null && Input == other.Input && Property == other.Property && Attribute == other.Attribute;

    public override int GetHashCode() => HashCode.Combine(Input, Property, Attribute);
}
