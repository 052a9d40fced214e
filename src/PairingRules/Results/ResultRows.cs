using System.Collections;

namespace PairingRules;

/// <summary>
/// The pairings of a result, kept as indexes into the roster: a <see cref="Pairing"/> is made when it is read, so a
/// result holds 9 bytes per pairing instead of a 32-byte row that refers to three strings.
/// </summary>
/// <remarks>Immutable: the roster and the arrays never change after the result is built.</remarks>
internal sealed class PairingRows(Roster roster, RuleSet rules, int[] groupOfHelper, int[] household, int[] helper, byte[] status)
    : IReadOnlyList<Pairing>
{
    public int Count => household.Length;

    public Pairing this[int index]
    {
        get
        {
            var h = helper[index];
            return new Pairing(roster.Households[household[index]].Id, roster.Helpers[h].Id, rules.Groups[groupOfHelper[h]].Id, (PairingStatus)status[index]);
        }
    }

    /// <summary>The status of pairing <paramref name="index"/>, without making the row.</summary>
    public PairingStatus StatusAt(int index) => (PairingStatus)status[index];

    public IEnumerator<Pairing> GetEnumerator()
    {
        for (var i = 0; i < household.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The loads of the helpers that take part, kept as indexes into the roster: a <see cref="HelperLoad"/> is made when it
/// is read.
/// </summary>
/// <remarks>Immutable: the roster and the arrays never change after the result is built.</remarks>
internal sealed class HelperLoadRows(Roster roster, RuleSet rules, int[] groupOfHelper, int[] helper, int[] loads)
    : IReadOnlyList<HelperLoad>
{
    public int Count => helper.Length;

    public HelperLoad this[int index]
    {
        get
        {
            var i = helper[index];
            var group = rules.Groups[groupOfHelper[i]];
            return new HelperLoad(roster.Helpers[i].Id, group.Id, group.Min, loads[i], group.Max);
        }
    }

    /// <summary>How many of these helpers have no household, and their total shortfall, without making the rows.</summary>
    public (int Idle, long Shortfall) IdleAndShortfall()
    {
        var idle = 0;
        var shortfall = 0L;
        foreach (var i in helper)
        {
            idle += loads[i] == 0 ? 1 : 0;
            shortfall += Math.Max(0, rules.Groups[groupOfHelper[i]].Min - loads[i]);
        }

        return (idle, shortfall);
    }

    public IEnumerator<HelperLoad> GetEnumerator()
    {
        for (var i = 0; i < helper.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
