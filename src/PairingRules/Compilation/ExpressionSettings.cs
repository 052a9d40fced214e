using RulesEngine.Models;

namespace PairingRules.Compilation;

/// <summary>
/// The one place that configures RulesEngine for our expressions: the parser that compiles rule-set expressions
/// (<see cref="ExpressionCompiler"/>) and the engine that runs audit workflows are built from the same settings, so the
/// allow-list (<see cref="ExpressionPolicy"/>) checks exactly what runs.
/// </summary>
internal static class ExpressionSettings
{
    /// <summary>The inputs of rule-set expressions: <c>helper</c> and <c>household</c>.</summary>
    public static readonly IReadOnlyCollection<Type> RuleInputs = [typeof(Helper), typeof(Household)];

    /// <summary>Settings whose only known types are <paramref name="inputTypes"/>; nothing is registered automatically,
    /// names are case-sensitive, and actions, scoped parameters and automatic execution are off.</summary>
    /// <param name="inputTypes">The types expressions may read.</param>
    public static ReSettings Create(IReadOnlyCollection<Type> inputTypes) => new()
    {
        AutoRegisterInputType = false,
        IsExpressionCaseSensitive = true,
        CustomTypes = [.. inputTypes],
        EnableFormattedErrorMessage = true,
        EnableScopedParams = false,
        AutoExecuteActions = false,
        EnableExceptionAsErrorMessage = true,
    };
}
