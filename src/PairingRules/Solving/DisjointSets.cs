namespace PairingRules.Solving;

/// <summary>
/// Disjoint sets over the numbers 0 to n-1 (union-find with path halving): the one structure that both the flow model
/// (independent parts) and the explanation (sets of classes a certificate covers) use to merge what is linked.
/// </summary>
/// <remarks>The root of a set is always its smallest member, so the sets and their order do not depend on the order of
/// the unions.</remarks>
internal sealed class DisjointSets
{
    private readonly int[] _parent;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    /// <summary>The smallest member of <paramref name="x"/>'s set.</summary>
    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            x = _parent[x] = _parent[_parent[x]];
        }

        return x;
    }

    /// <summary>Merges the sets of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public void Union(int a, int b)
    {
        var (x, y) = (Find(a), Find(b));
        if (x != y)
        {
            _parent[Math.Max(x, y)] = Math.Min(x, y);
        }
    }
}
