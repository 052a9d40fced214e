using System.Globalization;
using PairingRules.RuleModel;

namespace PairingRules.Compilation;

/// <summary>
/// The rules every group shares, compiled into each group: <c>defaults.max</c> becomes the cap of every group that sets
/// none of its own (backstops apart), and each restriction becomes part of the household filter of every group it does
/// not list. Later stages see only the groups' combined caps and filters.
/// </summary>
internal static partial class RuleSetCompiler
{
    /// <summary>The cap <c>defaults.max</c> gives a group: none for a group with its own <c>max</c> or a backstop.</summary>
    private static Located<int>? DefaultCapOf(GroupDocument group, RuleSetDocument document) =>
        group.Max is null && group.Backstop is not { Value: true } ? document.DefaultMax : null;

    /// <summary>
    /// Compiles the restrictions: each expression (noting what it reads in <paramref name="reads"/>), and each listed group
    /// id checked against the groups of the file (unknown, listed twice, or every group listed). Returns the restrictions
    /// that compiled.
    /// </summary>
    private static List<Restriction> CompileRestrictions(RuleSetDocument document, ExpressionCompiler compiler, string sourceName, List<ExpressionReads> reads, Action<Location, string> problem)
    {
        var groupIds = document.Groups.Where(g => g.Id is not null).Select(g => g.Id!.Value).Distinct(StringComparer.Ordinal).ToList();
        var restrictions = new List<Restriction>();
        for (var i = 0; i < document.Restrictions.Count; i++)
        {
            var r = document.Restrictions[i];
            var owner = string.Create(CultureInfo.InvariantCulture, $"restriction {i + 1}");
            var applies = r.Households is { } households
                ? compiler.CompileFor<Household>(households, "household", owner, (body, parameter) => reads.Add(ExpressionReads.OfRestriction(body, parameter, households, sourceName, owner)))
                : null;
            var listed = new HashSet<string>(StringComparer.Ordinal);
            var complete = r.Groups is not null;
            foreach (var id in r.Groups ?? [])
            {
                if (!groupIds.Contains(id.Value, StringComparer.Ordinal))
                {
                    problem(id.Location, $"{owner}: there is no group `{id.Value}`{Spelling.DidYouMean(id.Value, groupIds)} (groups: {string.Join(", ", groupIds)})");
                    complete = false;
                }
                else if (!listed.Add(id.Value))
                {
                    problem(id.Location, $"{owner}: group `{id.Value}` is listed twice");
                    complete = false;
                }
            }

            if (complete && groupIds.Count > 0 && groupIds.All(listed.Contains))
            {
                problem(r.GroupsLocation ?? r.Location, $"{owner}: it lists every group, so it restricts nothing; list only the groups that may take these households");
                complete = false;
            }

            if (applies is not null && complete)
            {
                restrictions.Add(new Restriction(r.Households!.Value, applies, listed));
            }
        }

        return restrictions;
    }

    /// <summary>
    /// A group's household filter with the restrictions applied: its own expression and, for every restriction that does
    /// not list the group, not that restriction's households. The text says the same, for example
    /// <c>(household.DeepPoverty) &amp;&amp; !(household.Attribute("监测对象") == "是")</c>; with no restriction to apply,
    /// the group's own text (<c>true</c> when it has none) and delegate.
    /// </summary>
    private static (string Text, Func<Household, bool> Accepts) Restrict(string groupId, string? ownText, Func<Household, bool> own, List<Restriction> restrictions)
    {
        var excluded = restrictions.Where(r => !r.GroupIds.Contains(groupId)).ToArray();
        if (excluded.Length == 0)
        {
            return (ownText ?? "true", own);
        }

        var parts = excluded.Select(r => $"!({r.Text})");
        var text = string.Join(" && ", ownText is null ? parts : parts.Prepend($"({ownText})"));
        var applies = excluded.Select(r => r.Applies).ToArray();
        return (text, household =>
        {
            if (!own(household))
            {
                return false;
            }

            foreach (var restricted in applies)
            {
                if (restricted(household))
                {
                    return false;
                }
            }

            return true;
        });
    }

    /// <summary>A compiled restriction: the households it is about and the groups that alone may take them.</summary>
    private sealed record Restriction(string Text, Func<Household, bool> Applies, HashSet<string> GroupIds);
}
