namespace PairingRules;

/// <summary>
/// How <see cref="RuleSet.Solve(Roster, PairingOptions?, CancellationToken)"/> and
/// <see cref="RuleSet.CheckAsync(Roster, Audit.AuditWorkflow?, PairingOptions?, CancellationToken)"/> treat what they
/// find besides the pairing. Without options (<see langword="null"/>), they use the defaults.
/// </summary>
/// <remarks><threadsafety>Immutable once made; safe to share between threads and calls.</threadsafety></remarks>
public sealed class PairingOptions
{
    /// <summary>
    /// Whether warnings are errors: the roster reader's warnings and the likely mistakes found by evaluating the rules on
    /// the roster (an attribute no row has, a compared text no row has, a group that selects no helper, helpers no group
    /// selects), which are otherwise reported in <see cref="PairingResult.Warnings"/> and
    /// <see cref="Audit.AuditReport.Warnings"/>. When <see langword="true"/> and there is any, the call throws a
    /// <see cref="RosterException"/> listing every warning as an error, before anything is solved or checked.
    /// </summary>
    /// <value>Default <see langword="false"/>: warnings are reported and the work goes on.</value>
    public bool Strict { get; init; }
}
