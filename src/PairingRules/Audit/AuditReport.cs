namespace PairingRules.Audit;

/// <summary>Whether a finding is about a household or a helper.</summary>
public enum AuditSubject
{
    /// <summary>A household and its current pairing.</summary>
    Household = 0,

    /// <summary>A helper and its load.</summary>
    Helper = 1,
}

/// <summary>One fault an audit found.</summary>
/// <param name="Check">The name of the check (the RulesEngine rule) that failed, for example <c>in-scope</c>.</param>
/// <param name="Subject">Household or helper.</param>
/// <param name="Id">The household's or helper's id.</param>
/// <param name="Message">What is wrong, from the check's <c>ErrorMessage</c>.</param>
public sealed record AuditFinding(string Check, AuditSubject Subject, string Id, string Message);

/// <summary>The outcome of <see cref="RuleSet.CheckAsync"/>: every fault of an existing pairing, in roster order.</summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class AuditReport
{
    internal AuditReport(IReadOnlyList<AuditFinding> findings, int households, int helpers)
    {
        Findings = findings;
        Households = households;
        Helpers = helpers;
    }

    /// <summary>Every finding: household checks in roster order, then helper checks in roster order.</summary>
    public IReadOnlyList<AuditFinding> Findings { get; }

    /// <summary>Households checked.</summary>
    public int Households { get; }

    /// <summary>Helpers checked.</summary>
    public int Helpers { get; }

    /// <summary>Whether nothing was found.</summary>
    public bool IsClean => Findings.Count == 0;

    /// <summary>The number of findings of each check, by check name (ordinal order).</summary>
    public IReadOnlyList<(string Check, int Count)> CountsByCheck =>
        Findings.GroupBy(f => f.Check).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToArray();
}
