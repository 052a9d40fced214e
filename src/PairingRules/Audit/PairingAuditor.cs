namespace PairingRules.Audit;

/// <summary>Builds the facts of an existing pairing and runs the audit workflow over them.</summary>
internal static class PairingAuditor
{
    public static async Task<AuditReport> CheckAsync(RuleSet rules, Roster roster, AuditWorkflow audit, CancellationToken cancellationToken)
    {
        var helpers = roster.Helpers;
        var groups = new RuleGroup?[helpers.Count];
        for (var i = 0; i < helpers.Count; i++)
        {
            groups[i] = rules.Place(helpers[i]).Group;
        }

        // Valid pairings count toward the helper's load; those beyond the cap (in roster order) do not.
        var load = new int[helpers.Count];
        var facts = new HouseholdAuditFacts[roster.Households.Count];
        var named = new int[helpers.Count];
        foreach (var household in roster.Households)
        {
            if (household.CurrentHelper is { } id && roster.HelperIndexOf(id) is var i and >= 0)
            {
                named[i]++;
            }
        }

        for (var h = 0; h < roster.Households.Count; h++)
        {
            var household = roster.Households[h];
            var index = household.CurrentHelper is { } id ? roster.HelperIndexOf(id) : -1;
            var helper = index >= 0 ? helpers[index] : null;
            var group = index >= 0 ? groups[index] : null;
            var inScope = helper is not null && group is not null && group.InScope(helper, household);
            var accepted = inScope && group!.Accepts(household);
            var withinCap = accepted && (group!.Max is not { } max || load[index] < max);
            if (withinCap)
            {
                load[index]++;
            }

            facts[h] = new HouseholdAuditFacts(household, helper, group, inScope, accepted, withinCap, index >= 0 ? named[index] : 0);
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
            foreach (var (check, message) in await audit.RunAsync(AuditWorkflow.HelperWorkflow, "helper", new HelperAuditFacts(helpers[i], groups[i], load[i])).ConfigureAwait(false))
            {
                findings.Add(new AuditFinding(check, AuditSubject.Helper, helpers[i].Id, message));
            }
        }

        return new AuditReport(findings, roster.Households.Count, helpers.Count);
    }
}
