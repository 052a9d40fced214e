using System.Diagnostics;

namespace PairingRules.Results;

/// <summary>
/// The "nothing lost" check by identity, not only by count: every household of the roster appears exactly once in a
/// result (paired or uncovered) and every helper exactly once (in the helper loads or the unselected).
/// </summary>
internal static class ResultAccounting
{
    /// <summary>Every household appears once (paired or uncovered) and every helper once (loaded or unselected), by count; every solve runs it.</summary>
    /// <exception cref="InvalidOperationException">The counts differ.</exception>
    public static void CheckCounts(Roster roster, PairingResult result)
    {
        if (result.Pairings.Count + result.Uncovered.Count != roster.Households.Count ||
            result.Helpers.Count + result.Unselected.Count != roster.Helpers.Count)
        {
            throw new InvalidOperationException(
                $"Internal error: the result accounts for {result.Pairings.Count + result.Uncovered.Count} of {roster.Households.Count} households " +
                $"and {result.Helpers.Count + result.Unselected.Count} of {roster.Helpers.Count} helpers.");
        }
    }

    /// <summary>Runs <see cref="Check"/> in debug builds (the tests run those); release builds rely on <see cref="CheckCounts"/>.</summary>
    [Conditional("DEBUG")]
    public static void AssertInDebug(Roster roster, PairingResult result) => Check(roster, result);

    /// <summary>Throws when a household or helper is missing from the result, or appears twice, or is not in the roster.</summary>
    /// <exception cref="InvalidOperationException">The result does not account for the roster exactly.</exception>
    public static void Check(Roster roster, PairingResult result)
    {
        Once("household", roster.Households.Select(h => h.Id), result.Pairings.Select(p => p.HouseholdId).Concat(result.Uncovered.Select(u => u.HouseholdId)));
        Once("helper", roster.Helpers.Select(h => h.Id), result.Helpers.Select(h => h.HelperId).Concat(result.Unselected.Select(u => u.HelperId)));
    }

    private static void Once(string kind, IEnumerable<string> expected, IEnumerable<string> found)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in expected)
        {
            seen[id] = 0;
        }

        foreach (var id in found)
        {
            if (!seen.TryGetValue(id, out var count))
            {
                throw new InvalidOperationException($"Internal error: the result names {kind} '{id}', which is not in the roster.");
            }

            if (count > 0)
            {
                throw new InvalidOperationException($"Internal error: {kind} '{id}' appears twice in the result.");
            }

            seen[id] = 1;
        }

        if (seen.FirstOrDefault(p => p.Value == 0) is { Key: { } missing })
        {
            throw new InvalidOperationException($"Internal error: {kind} '{missing}' is missing from the result.");
        }
    }
}
