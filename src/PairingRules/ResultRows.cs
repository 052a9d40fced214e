using System.Collections;

namespace PairingRules;

/// <summary>
/// The pairings of a result, kept as indexes into the roster: a <see cref="Pairing"/> is made when it is read, so a
/// result holds 9 bytes per pairing instead of a 32-byte row that refers to three strings.
/// </summary>
/// <remarks>Immutable: the roster and the arrays never change after the result is built.</remarks>
internal sealed class PairingRows(Roster roster, IReadOnlyList<RuleGroup> groups, int[] groupOfHelper, int[] household, int[] helper, byte[] status)
    : IReadOnlyList<Pairing>
{
    public int Count => household.Length;

    public Pairing this[int index]
    {
        get
        {
            var h = helper[index];
            return new Pairing(roster.Households[household[index]].Id, roster.Helpers[h].Id, groups[groupOfHelper[h]].Id, (PairingStatus)status[index]);
        }
    }

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
internal sealed class HelperLoadRows(Roster roster, IReadOnlyList<RuleGroup> groups, int[] groupOfHelper, int[] helper, int[] loads)
    : IReadOnlyList<HelperLoad>
{
    public int Count => helper.Length;

    public HelperLoad this[int index]
    {
        get
        {
            var i = helper[index];
            var group = groups[groupOfHelper[i]];
            var person = roster.Helpers[i];
            return new HelperLoad(person, group.Id, group.Min, loads[i], group.Max);
        }
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
