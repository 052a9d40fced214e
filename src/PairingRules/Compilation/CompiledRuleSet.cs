namespace PairingRules.Compilation;

/// <summary>
/// A checked rule set with its expressions compiled: what the later stages (evaluation, solving, explanation, results)
/// read. <see cref="RuleSet"/> is the public facade over it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class CompiledRuleSet(
    string name, string? title, string? source, string? description, IReadOnlyList<RuleGroup> groups, IReadOnlyList<ExpressionReads> reads)
{
    public string Name { get; } = name;

    public string? Title { get; } = title;

    public string? Source { get; } = source;

    public string? Description { get; } = description;

    /// <summary>The groups in priority order; <see cref="RuleGroup.Index"/> is the position.</summary>
    public IReadOnlyList<RuleGroup> Groups { get; } = groups;

    /// <summary>What each expression reads of the roster's data, in group order (each group's <c>helpers</c>, then its
    /// <c>households</c> when it has one), with where it stands in the rule file.</summary>
    public IReadOnlyList<ExpressionReads> Reads { get; } = reads;

    /// <summary>The first group whose <c>helpers</c> expression selects <paramref name="helper"/>, or null.</summary>
    /// <exception cref="RuleEvaluationException">An expression failed on this helper.</exception>
    public RuleGroup? GroupOf(Helper helper)
    {
        foreach (var group in Groups)
        {
            if (group.Selects(helper))
            {
                return group;
            }
        }

        return null;
    }
}
