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
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class AuditFinding
{
    internal AuditFinding(string check, AuditSubject subject, string id, string message)
    {
        Check = check;
        Subject = subject;
        Id = id;
        Message = message;
    }

    /// <summary>The name of the check (the RulesEngine rule) that failed, for example <c>in-scope</c>.</summary>
    public string Check { get; }

    /// <summary>Household or helper.</summary>
    public AuditSubject Subject { get; }

    /// <summary>The household's or helper's id.</summary>
    public string Id { get; }

    /// <summary>What is wrong, from the check's <c>ErrorMessage</c>.</summary>
    public string Message { get; }
}

/// <summary>How many findings one check of the audit produced (<see cref="AuditReport.CountsByCheck"/>).</summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class AuditCheckCount
{
    internal AuditCheckCount(string check, int count)
    {
        Check = check;
        Count = count;
    }

    /// <summary>The name of the check.</summary>
    public string Check { get; }

    /// <summary>Its findings; zero when it found nothing.</summary>
    public int Count { get; }
}

/// <summary>The outcome of <see cref="RuleSet.CheckAsync(Roster, AuditWorkflow?, PairingOptions?, CancellationToken)"/>: every fault of an existing pairing, in roster order.</summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
public sealed class AuditReport
{
    internal AuditReport(IReadOnlyList<AuditFinding> findings, int households, int helpers, IReadOnlyList<string> checkNames, IReadOnlyList<InputProblem> warnings)
    {
        Warnings = warnings;
        Findings = findings;
        Households = households;
        Helpers = helpers;
        var names = checkNames.Distinct(StringComparer.Ordinal).ToList();
        var counts = new int[names.Count];
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            counts[index[finding.Check]]++;
        }

        CountsByCheck = names.Select((name, i) => new AuditCheckCount(name, counts[i])).ToArray();
    }

    /// <summary>Every finding: household checks in roster order, then helper checks in roster order.</summary>
    public IReadOnlyList<AuditFinding> Findings { get; }

    /// <summary>Households checked.</summary>
    public int Households { get; }

    /// <summary>Helpers checked.</summary>
    public int Helpers { get; }

    /// <summary>
    /// Likely mistakes in the rules or the roster that are not errors, each located, the same as a solve of the same
    /// roster reports in <see cref="PairingResult.Warnings"/>: the roster reader's, then those found by evaluating the
    /// rules on the roster. Empty when there are none; they do not count as findings.
    /// </summary>
    public IReadOnlyList<InputProblem> Warnings { get; }

    /// <summary>Whether nothing was found.</summary>
    public bool IsClean => Findings.Count == 0;

    /// <summary>
    /// The number of findings of every check of the audit (<see cref="AuditWorkflow.CheckNames"/>, each name once), in the
    /// audit file's order (household checks, then helper checks), zeros included.
    /// </summary>
    public IReadOnlyList<AuditCheckCount> CountsByCheck { get; }
}
