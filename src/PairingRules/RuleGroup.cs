namespace PairingRules;

/// <summary>
/// One compiled group of a <see cref="RuleSet"/>: who belongs to it, which households its members may take,
/// within which scope, and how many.
/// </summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class RuleGroup
{
    private readonly Func<Helper, bool> _selects;
    private readonly Func<Household, bool> _accepts;

    internal RuleGroup(
        int index,
        string id,
        string label,
        string? description,
        string helpersExpression,
        string householdsExpression,
        PairingScope scope,
        int min,
        int? max,
        bool isBackstop,
        Func<Helper, bool> selects,
        Func<Household, bool> accepts)
    {
        Index = index;
        Id = id;
        Label = label;
        Description = description;
        HelpersExpression = helpersExpression;
        HouseholdsExpression = householdsExpression;
        Scope = scope;
        Min = min;
        Max = max;
        IsBackstop = isBackstop;
        _selects = selects;
        _accepts = accepts;
    }

    /// <summary>The group's position in the rule set (0 is the highest priority).</summary>
    public int Index { get; }

    /// <summary>The group's id, unique in its rule set.</summary>
    public string Id { get; }

    /// <summary>The label for people, for example 县级领导干部; the id when the file gives none.</summary>
    public string Label { get; }

    /// <summary>The description from the rule file, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>The expression over <c>helper</c> that selects the group's members.</summary>
    public string HelpersExpression { get; }

    /// <summary>The expression over <c>household</c> for the households the group may take; <c>true</c> by default.</summary>
    public string HouseholdsExpression { get; }

    /// <summary>The place (county, township or village) a member and a household must share.</summary>
    public PairingScope Scope { get; }

    /// <summary>The quota: the fewest households each member should take. Default 0.</summary>
    public int Min { get; }

    /// <summary>The cap: the most households a member may take, or <see langword="null"/> for no cap.</summary>
    public int? Max { get; }

    /// <summary>Whether the group takes the remainder (兜底): load above quota falls to it first.</summary>
    public bool IsBackstop { get; }

    /// <summary>Whether the group's <c>helpers</c> expression holds for <paramref name="helper"/>.</summary>
    /// <param name="helper">The helper.</param>
    /// <returns>The expression's value.</returns>
    /// <exception cref="RuleEvaluationException">The expression failed on this helper.</exception>
    public bool Selects(Helper helper)
    {
        ArgumentNullException.ThrowIfNull(helper);
        return Evaluate(_selects, helper, "helpers", helper.Id);
    }

    /// <summary>Whether the group's <c>households</c> expression holds for <paramref name="household"/> (scope aside).</summary>
    /// <param name="household">The household.</param>
    /// <returns>The expression's value.</returns>
    /// <exception cref="RuleEvaluationException">The expression failed on this household.</exception>
    public bool Accepts(Household household)
    {
        ArgumentNullException.ThrowIfNull(household);
        return Evaluate(_accepts, household, "households", household.Id);
    }

    /// <summary>Whether a helper of this group may take <paramref name="household"/>: same scope place and accepted.</summary>
    /// <param name="helper">A helper of this group.</param>
    /// <param name="household">The household.</param>
    /// <returns><see langword="true"/> if the pairing is allowed.</returns>
    public bool Allows(Helper helper, Household household)
    {
        ArgumentNullException.ThrowIfNull(helper);
        ArgumentNullException.ThrowIfNull(household);
        return InScope(helper, household) && Accepts(household);
    }

    /// <summary>
    /// Whether <paramref name="helper"/> and <paramref name="household"/> share this group's scope place: always the same
    /// county (<see cref="Helper.County"/>, ordinal; both <see langword="null"/> when the roster names no county), then
    /// for township scope the same township, for village scope the same township and village.
    /// </summary>
    /// <param name="helper">The helper.</param>
    /// <param name="household">The household.</param>
    /// <returns><see langword="true"/> when they share the place.</returns>
    public bool InScope(Helper helper, Household household) => helper.County == household.County && Scope switch
    {
        PairingScope.County => true,
        PairingScope.Township => helper.Township == household.Township,
        _ => helper.Township == household.Township && helper.Village == household.Village,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Label})";

    private bool Evaluate<T>(Func<T, bool> expression, T input, string field, string inputId)
    {
        try
        {
            return expression(input);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new RuleEvaluationException(Id, field, inputId, e);
        }
    }
}

/// <summary>Thrown when a compiled rule expression fails on one input (for example a division by zero).</summary>
public sealed class RuleEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="groupId">The group whose expression failed.</param>
    /// <param name="field">The field of the expression, <c>helpers</c> or <c>households</c>.</param>
    /// <param name="inputId">The id of the helper or household it failed on.</param>
    /// <param name="inner">The failure.</param>
    public RuleEvaluationException(string groupId, string field, string inputId, Exception inner)
        : base($"group `{groupId}`: the `{field}` expression failed on '{inputId}': {inner?.Message}", inner)
    {
        GroupId = groupId;
        Field = field;
        InputId = inputId;
    }

    /// <summary>The group whose expression failed.</summary>
    public string GroupId { get; }

    /// <summary>The field of the expression, <c>helpers</c> or <c>households</c>.</summary>
    public string Field { get; }

    /// <summary>The id of the helper or household the expression failed on.</summary>
    public string InputId { get; }
}
