using System.Globalization;

namespace PairingRules.Audit;

/// <summary>Thrown when an audit workflow file (<see cref="AuditWorkflow"/>) cannot be loaded.</summary>
public sealed class AuditWorkflowException : InputException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file or source name of the audit workflow.</param>
    /// <param name="problems">Every problem found.</param>
    public AuditWorkflowException(string source, IReadOnlyList<InputProblem> problems)
        : base(string.Create(CultureInfo.InvariantCulture, $"Audit file '{source}' has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:"), problems)
    {
    }
}
