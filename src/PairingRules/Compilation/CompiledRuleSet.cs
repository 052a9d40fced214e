namespace PairingRules.Compilation;

/// <summary>
/// A checked rule set with its expressions compiled: what the later stages (evaluation, solving, explanation, results)
/// read. <see cref="RuleSet"/> is the public facade over it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class CompiledRuleSet(string name, string? title, string? source, string? description, IReadOnlyList<RuleGroup> groups)
{
    public string Name { get; } = name;

    public string? Title { get; } = title;

    public string? Source { get; } = source;

    public string? Description { get; } = description;

    /// <summary>The groups in priority order; <see cref="RuleGroup.Index"/> is the position.</summary>
    public IReadOnlyList<RuleGroup> Groups { get; } = groups;

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
