using PairingRules.Evaluation;

namespace PairingRules.Audit;

/// <summary>Builds the facts of an existing pairing and runs the audit workflow over them.</summary>
internal static class PairingAuditor
{
    /// <summary>
    /// Audits the current pairings as <paramref name="current"/> classifies them: the same classification a solve keeps
    /// pairings by, so a pairing <c>check</c> accepts is one <c>solve</c> keeps. Valid pairings count toward the
    /// helper's load; those beyond the cap (in roster order) do not.
    /// </summary>
    public static async Task<AuditReport> CheckAsync(Placement placement, CurrentPairings current, AuditWorkflow audit, IReadOnlyList<InputProblem> warnings, CancellationToken cancellationToken)
    {
        var roster = placement.Roster;
        var helpers = roster.Helpers;
        var facts = new HouseholdAuditFacts[roster.Households.Count];
        for (var h = 0; h < roster.Households.Count; h++)
        {
            var index = current.HelperOf[h];
            var status = current[h];
            facts[h] = new HouseholdAuditFacts(
                roster.Households[h],
                index >= 0 ? helpers[index] : null,
                index >= 0 ? placement.GroupOf(index) : null,
                inScope: status is CurrentPairing.Valid or CurrentPairing.OverCap or CurrentPairing.NotAccepted,
                accepted: status is CurrentPairing.Valid or CurrentPairing.OverCap,
                withinCap: status is CurrentPairing.Valid,
                index >= 0 ? current.Named[index] : 0);
        }

        var findings = new List<AuditFinding>();
        for (var h = 0; h < facts.Length; h++)
        {
            if ((h & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            foreach (var (check, message) in await audit.RunAsync(AuditWorkflow.HouseholdWorkflow, "pairing", facts[h]).ConfigureAwait(false))
            {
                findings.Add(new AuditFinding(check, AuditSubject.Household, roster.Households[h].Id, message));
            }
        }

        for (var i = 0; i < helpers.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var helperFacts = new HelperAuditFacts(helpers[i], placement.GroupOf(i), current.KeptLoad[i]);
            foreach (var (check, message) in await audit.RunAsync(AuditWorkflow.HelperWorkflow, "helper", helperFacts).ConfigureAwait(false))
            {
                findings.Add(new AuditFinding(check, AuditSubject.Helper, helpers[i].Id, message));
            }
        }

        return new AuditReport(findings, roster.Households.Count, helpers.Count, audit.CheckNames, warnings);
    }
}
