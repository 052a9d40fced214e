using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PairingRules.Solving;

/// <summary>
/// A primal network simplex for min-cost flow with lexicographic cost vectors.
/// </summary>
/// <remarks>
/// <para>
/// Costs are vectors of 64-bit integers (as many as the constructor's levels) compared lexicographically, so each
/// objective level keeps its own exact integer scale instead of being folded into one giant weight. The simplex only
/// adds, subtracts and compares costs, which is valid in any ordered group, so the optimum is the lexicographic optimum.
/// </para>
/// <para>
/// Candidate-list pricing; strongly feasible spanning trees (the leaving arc is the last blocking arc of the cycle
/// from the join), which rules out cycling; the caller supplies the initial strongly feasible tree, so no
/// artificial arcs or big-M costs are needed. The tree keeps subtree sizes: the join of a cycle is found by
/// climbing from the smaller subtree, and after a pivot the potentials of whichever side of the tree is smaller
/// (the moved subtree or the rest) are shifted, since only differences of potentials matter. Every node but the
/// root must have its initial tree arc set with <see cref="SetTreeArc"/>, and the graph must admit no negative
/// cycle of unbounded capacity.
/// </para>
/// </remarks>
internal sealed class NetworkSimplex
{
    /// <summary>The capacity that stands for "no limit".</summary>
    public const long Infinite = long.MaxValue / 4;

    /// <summary>How far the root's potential may drift before every potential is shifted back.</summary>
    private const long DriftLimit = long.MaxValue / 16;

    private const sbyte Tree = 0;
    private const sbyte Lower = 1;
    private const sbyte Upper = -1;

    private readonly int _levels;
    private int _nodeCount;
    private int _root;

    private int[] _source = [];
    private int[] _target = [];
    private long[] _capacity = [];
    private long[] _flow = [];
    private int[] _costOf = [];
    private sbyte[] _state = [];
    private int _arcCount;

    // Distinct cost vectors: the table, and for each hash the last id with it, chained to earlier ids with the same hash.
    private long[] _costs;
    private int[] _sameHash = new int[16];
    private int _costCount;
    private readonly Dictionary<long, int> _lastWithHash = [];

    private long[] _supply = [];
    private long[] _pi = [];
    private int[] _parent = [];
    private int[] _pred = [];
    private bool[] _predUp = [];
    private int[] _size = [];
    private int[] _firstChild = [];
    private int[] _nextSibling = [];
    private int[] _previousSibling = [];
    private int[] _stack = [];
    private readonly long[] _sigma;

    private int[] _list = [];
    private int _listSize;
    private int _listed;
    private int _minor;
    private int _minorLimit;
    private int _next;

    /// <param name="levels">Objective levels of a cost vector.</param>
    public NetworkSimplex(int levels)
    {
        _levels = levels;
        _costs = new long[16 * levels];
        _sigma = new long[levels];
    }

    /// <summary>
    /// Starts a new problem with no arcs, reusing the arrays of the last one where they are large enough (the parts of
    /// one flow model are solved one after another in one instance).
    /// </summary>
    /// <param name="nodeCount">Nodes are numbered from 0.</param>
    /// <param name="root">The root of every spanning tree.</param>
    /// <param name="arcCapacity">The arcs expected; more may be added.</param>
    public void Reset(int nodeCount, int root, int arcCapacity)
    {
        _nodeCount = nodeCount;
        _root = root;
        _arcCount = 0;
        _costCount = 0;
        _lastWithHash.Clear();
        Pivots = PricedArcs = PotentialUpdates = 0;
        _listed = _minor = _next = 0;

        arcCapacity = Math.Max(16, arcCapacity);
        if (_source.Length < arcCapacity)
        {
            _source = new int[arcCapacity];
            _target = new int[arcCapacity];
            _capacity = new long[arcCapacity];
            _flow = new long[arcCapacity];
            _state = new sbyte[arcCapacity];
            _costOf = new int[arcCapacity];
        }

        if (_supply.Length < nodeCount)
        {
            _supply = new long[nodeCount];
            _pi = new long[nodeCount * _levels];
            _parent = new int[nodeCount];
            _pred = new int[nodeCount];
            _predUp = new bool[nodeCount];
            _size = new int[nodeCount];
            _firstChild = new int[nodeCount];
            _nextSibling = new int[nodeCount];
            _previousSibling = new int[nodeCount];
            _stack = new int[nodeCount];
        }

        Array.Clear(_supply, 0, nodeCount);
        Array.Clear(_size, 0, nodeCount);
        Array.Fill(_pred, -1, 0, nodeCount);
    }

    public int ArcCount => _arcCount;

    public int NodeCount => _nodeCount;

    public long Pivots { get; private set; }

    /// <summary>How many arcs pricing looked at.</summary>
    public long PricedArcs { get; private set; }

    /// <summary>How many node potentials the pivots shifted (work done outside pricing).</summary>
    public long PotentialUpdates { get; private set; }

    public void SetSupply(int node, long supply) => _supply[node] = supply;

    public int AddArc(int source, int target, long capacity, ReadOnlySpan<long> cost)
    {
        if (cost.Length != _levels)
        {
            throw new ArgumentException("The cost vector has the wrong number of levels.", nameof(cost));
        }

        if (_arcCount == _source.Length)
        {
            var size = _arcCount * 2;
            Array.Resize(ref _source, size);
            Array.Resize(ref _target, size);
            Array.Resize(ref _capacity, size);
            Array.Resize(ref _flow, size);
            Array.Resize(ref _state, size);
            Array.Resize(ref _costOf, size);
        }

        var arc = _arcCount++;
        _source[arc] = source;
        _target[arc] = target;
        _capacity[arc] = capacity;
        _flow[arc] = 0;
        _state[arc] = Lower;
        _costOf[arc] = Intern(cost);
        return arc;
    }

    /// <summary>
    /// The id of a cost vector in the table of distinct ones. A flow model has few distinct costs (most arcs cost
    /// nothing), so arcs keep an id: less memory per arc, and pricing reads a table that stays in cache.
    /// </summary>
    private int Intern(ReadOnlySpan<long> cost)
    {
        var hash = 17L;
        foreach (var c in cost)
        {
            hash = unchecked((hash * 1_000_003) + c);
        }

        ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_lastWithHash, hash, out var seen);
        for (var known = seen ? last : -1; known >= 0; known = _sameHash[known])
        {
            if (_costs.AsSpan(known * _levels, _levels).SequenceEqual(cost))
            {
                return known;
            }
        }

        var id = _costCount++;
        if (id * _levels >= _costs.Length)
        {
            Array.Resize(ref _costs, _costs.Length * 2);
            Array.Resize(ref _sameHash, _sameHash.Length * 2);
        }

        cost.CopyTo(_costs.AsSpan(id * _levels, _levels));
        _sameHash[id] = seen ? last : -1;
        last = id;
        return id;
    }

    /// <summary>Makes <paramref name="arc"/> the initial tree arc of <paramref name="node"/>, carrying <paramref name="flow"/>.</summary>
    public void SetTreeArc(int node, int arc, long flow)
    {
        _pred[node] = arc;
        _state[arc] = Tree;
        _flow[arc] = flow;
    }

    public long Flow(int arc) => _flow[arc];

    /// <summary>Runs the simplex to optimality.</summary>
    public void Solve(CancellationToken cancellationToken)
    {
        CheckMagnitudes();
        BuildInitialTree();
        // List sizes tried on the synthetic counties (16,800 to 1,680,000 households): a quarter of sqrt(arcs), and a
        // quarter of that many minor iterations, priced fewest arcs at the largest size and close to fewest at the smallest.
        _listSize = Math.Max(16, (int)Math.Sqrt(_arcCount) / 4);
        _minorLimit = Math.Max(4, _listSize / 4);
        _list = new int[_listSize];
        var reduced = new long[_levels];
        var best = new long[_levels];
        while (true)
        {
            if ((Pivots & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var entering = FindEntering(reduced, best);
            if (entering < 0)
            {
                return;
            }

            Pivot(entering);
            Pivots++;
        }
    }

    private void CheckMagnitudes()
    {
        // Potentials are sums of at most nodeCount arc costs, and reduced costs add three of those;
        // refuse inputs whose costs could overflow 64 bits instead of computing a wrong answer.
        var limit = long.MaxValue / 4 / Math.Max(1, _nodeCount + 2);
        foreach (var c in _costs.AsSpan(0, _costCount * _levels))
        {
            if (c > limit || c < -limit)
            {
                throw new OverflowException("The pairing problem is too large for 64-bit costs.");
            }
        }
    }

    private void BuildInitialTree()
    {
        Array.Fill(_firstChild, -1, 0, _nodeCount);
        Array.Fill(_nextSibling, -1, 0, _nodeCount);
        Array.Fill(_previousSibling, -1, 0, _nodeCount);
        _parent[_root] = -1;
        for (var node = 0; node < _nodeCount; node++)
        {
            if (node == _root)
            {
                continue;
            }

            var arc = _pred[node];
            if (arc < 0)
            {
                throw new InvalidOperationException($"Node {node} has no initial tree arc.");
            }

            var up = _source[arc] == node;
            _predUp[node] = up;
            _parent[node] = up ? _target[arc] : _source[arc];
            AddChild(_parent[node], node);
        }

        // Potentials from the root down, then subtree sizes from the leaves up (the initial tree is shallow, but be general).
        var order = new List<int>(_nodeCount) { _root };
        Array.Clear(_pi, _root * _levels, _levels);
        for (var i = 0; i < order.Count; i++)
        {
            for (var child = _firstChild[order[i]]; child >= 0; child = _nextSibling[child])
            {
                SetPotentialFromParent(child);
                order.Add(child);
            }
        }

        if (order.Count != _nodeCount)
        {
            throw new InvalidOperationException("The initial tree does not span every node.");
        }

        for (var i = order.Count - 1; i >= 0; i--)
        {
            var u = order[i];
            _size[u]++;
            if (u != _root)
            {
                _size[_parent[u]] += _size[u];
            }
        }
    }

    private void SetPotentialFromParent(int node)
    {
        var arc = _pred[node];
        var p = _parent[node] * _levels;
        var n = node * _levels;
        var c = _costOf[arc] * _levels;
        for (var k = 0; k < _levels; k++)
        {
            // Tree arcs have zero reduced cost: cost + pi[source] - pi[target] = 0.
            _pi[n + k] = _predUp[node] ? _pi[p + k] - _costs[c + k] : _pi[p + k] + _costs[c + k];
        }
    }

    /// <summary>
    /// Candidate-list pricing: a major scan, from where the last one stopped, collects up to
    /// <see cref="_listSize"/> improving arcs; minor iterations pivot on the best arc still improving in that list.
    /// Late in a solve, when improving arcs are rare, one scan of the arcs serves many pivots instead of one.
    /// </summary>
    private int FindEntering(long[] reduced, long[] best)
    {
        if (_listed > 0 && _minor < _minorLimit)
        {
            _minor++;
            var found = -1;
            var kept = 0;
            for (var i = 0; i < _listed; i++)
            {
                var arc = _list[i];
                if (!Improves(arc, reduced))
                {
                    continue;
                }

                _list[kept++] = arc;
                if (found < 0 || Compare(reduced, best) < 0)
                {
                    found = arc;
                    (reduced, best) = (best, reduced);
                }
            }

            PricedArcs += _listed;
            _listed = kept;
            if (found >= 0)
            {
                return found;
            }
        }

        // Major iteration: refill the list.
        _listed = 0;
        _minor = 0;
        var scanned = 0;
        var bestArc = -1;
        while (scanned < _arcCount && _listed < _listSize)
        {
            var arc = _next;
            _next = _next + 1 == _arcCount ? 0 : _next + 1;
            scanned++;
            if (Improves(arc, reduced))
            {
                _list[_listed++] = arc;
                if (bestArc < 0 || Compare(reduced, best) < 0)
                {
                    bestArc = arc;
                    (reduced, best) = (best, reduced);
                }
            }
        }

        PricedArcs += scanned;
        return bestArc;
    }

    /// <summary>Whether entering <paramref name="arc"/> improves the objective; if so, its violation goes to <paramref name="violation"/>.</summary>
    private bool Improves(int arc, long[] violation)
    {
        var state = _state[arc];
        if (state == Tree)
        {
            return false;
        }

        // violation = state * reduced cost; negative (lexicographically) means the arc improves the objective.
        // Most arcs are decided by their first non-zero level, so the rest is computed only for candidates. This is
        // the hottest loop of a solve: it reads the arrays without bounds checks (the offsets are the arc's own
        // nodes and cost id, each below its array's length / levels).
        ref var cost = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_costs), _costOf[arc] * _levels);
        ref var from = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_pi), _source[arc] * _levels);
        ref var to = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_pi), _target[arc] * _levels);
        var k = 0;
        long v = 0;
        for (; k < _levels; k++)
        {
            v = state * (Unsafe.Add(ref cost, k) + Unsafe.Add(ref from, k) - Unsafe.Add(ref to, k));
            if (v != 0)
            {
                break;
            }
        }

        if (v >= 0)
        {
            return false;
        }

        for (var z = 0; z < k; z++)
        {
            violation[z] = 0;
        }

        violation[k] = v;
        for (var r = k + 1; r < _levels; r++)
        {
            violation[r] = state * (Unsafe.Add(ref cost, r) + Unsafe.Add(ref from, r) - Unsafe.Add(ref to, r));
        }

        return true;
    }

    private int Compare(long[] a, long[] b)
    {
        for (var k = 0; k < _levels; k++)
        {
            if (a[k] != b[k])
            {
                return a[k] < b[k] ? -1 : 1;
            }
        }

        return 0;
    }

    private void Pivot(int entering)
    {
        int first, second;
        if (_state[entering] == Lower)
        {
            first = _source[entering];
            second = _target[entering];
        }
        else
        {
            first = _target[entering];
            second = _source[entering];
        }

        var join = Join(first, second);
        var delta = _capacity[entering];
        var leavingSide = 0;
        var uOut = -1;
        for (var u = first; u != join; u = _parent[u])
        {
            var arc = _pred[u];
            var d = _predUp[u] ? _flow[arc] : _capacity[arc] - _flow[arc];
            if (d < delta)
            {
                delta = d;
                uOut = u;
                leavingSide = 1;
            }
        }

        for (var u = second; u != join; u = _parent[u])
        {
            var arc = _pred[u];
            var d = _predUp[u] ? _capacity[arc] - _flow[arc] : _flow[arc];
            if (d <= delta)
            {
                delta = d;
                uOut = u;
                leavingSide = 2;
            }
        }

        if (delta >= Infinite)
        {
            throw new InvalidOperationException("The flow problem is unbounded.");
        }

        if (delta > 0)
        {
            _flow[entering] += _state[entering] * delta;
            for (var u = first; u != join; u = _parent[u])
            {
                _flow[_pred[u]] += _predUp[u] ? -delta : delta;
            }

            for (var u = second; u != join; u = _parent[u])
            {
                _flow[_pred[u]] += _predUp[u] ? delta : -delta;
            }
        }

        if (leavingSide == 0)
        {
            _state[entering] = (sbyte)-_state[entering];
            return;
        }

        var leaving = _pred[uOut];
        _state[leaving] = _flow[leaving] == 0 ? Lower : Upper;
        _state[entering] = Tree;
        var (uIn, vIn) = leavingSide == 1 ? (first, second) : (second, first);
        Reroot(uIn, vIn, uOut, entering, join);
    }

    /// <summary>The nearest common ancestor: a subtree is smaller than any subtree that contains it.</summary>
    private int Join(int u, int v)
    {
        while (u != v)
        {
            if (_size[u] < _size[v])
            {
                u = _parent[u];
            }
            else
            {
                v = _parent[v];
            }
        }

        return u;
    }

    /// <summary>Hangs the subtree of <paramref name="uOut"/> from <paramref name="vIn"/> by the entering arc, rooted at <paramref name="uIn"/>.</summary>
    private void Reroot(int uIn, int vIn, int uOut, int entering, int join)
    {
        // Sizes: the subtree leaves the path above uOut and joins the path above vIn (both below the join);
        // along the reversed stem uIn..uOut, each node's new subtree is the moved subtree minus the part below it.
        var moved = _size[uOut];
        for (var u = _parent[uOut]; u != join; u = _parent[u])
        {
            _size[u] -= moved;
        }

        for (var u = vIn; u != join; u = _parent[u])
        {
            _size[u] += moved;
        }

        var below = 0;
        for (var u = uIn; ; u = _parent[u])
        {
            var old = _size[u];
            _size[u] = moved - below;
            below = old;
            if (u == uOut)
            {
                break;
            }
        }

        var newParent = vIn;
        var newPred = entering;
        var newUp = _source[entering] == uIn;
        var w = uIn;
        while (true)
        {
            var oldParent = _parent[w];
            var oldPred = _pred[w];
            var oldUp = _predUp[w];
            RemoveChild(oldParent, w);
            _parent[w] = newParent;
            _pred[w] = newPred;
            _predUp[w] = newUp;
            AddChild(newParent, w);
            if (w == uOut)
            {
                break;
            }

            newParent = w;
            newPred = oldPred;
            newUp = !oldUp;
            w = oldParent;
        }

        // The moved subtree shifts its potentials by one constant against the rest: shift the smaller side.
        var sigma = _sigma;
        var p = vIn * _levels;
        var n = uIn * _levels;
        var c = _costOf[entering] * _levels;
        for (var k = 0; k < _levels; k++)
        {
            var updated = _predUp[uIn] ? _pi[p + k] - _costs[c + k] : _pi[p + k] + _costs[c + k];
            sigma[k] = updated - _pi[n + k];
        }

        if (2 * moved <= _nodeCount)
        {
            Shift(uIn, sigma, skip: -1);
        }
        else
        {
            for (var k = 0; k < _levels; k++)
            {
                sigma[k] = -sigma[k];
            }

            Shift(_root, sigma, skip: uIn);
            NormalizeRoot();
        }
    }

    /// <summary>Adds <paramref name="sigma"/> to the potentials of the subtree of <paramref name="top"/>, except the subtree of <paramref name="skip"/>.</summary>
    private void Shift(int top, long[] sigma, int skip)
    {
        var stack = _stack;
        var height = 0;
        stack[height++] = top;
        while (height > 0)
        {
            var u = stack[--height];
            var offset = u * _levels;
            for (var k = 0; k < _levels; k++)
            {
                _pi[offset + k] += sigma[k];
            }

            for (var child = _firstChild[u]; child >= 0; child = _nextSibling[child])
            {
                if (child != skip)
                {
                    stack[height++] = child;
                }
            }
        }

        PotentialUpdates += _size[top] - (skip >= 0 ? _size[skip] : 0);
    }

    /// <summary>
    /// Shifting the rest of the tree moves the root's potential away from zero; bring every potential back long before
    /// the drift could overflow (reduced costs depend only on differences, so this changes nothing else).
    /// </summary>
    private void NormalizeRoot()
    {
        var r = _root * _levels;
        var drift = false;
        for (var k = 0; k < _levels; k++)
        {
            drift |= Math.Abs(_pi[r + k]) > DriftLimit;
        }

        if (!drift)
        {
            return;
        }

        for (var k = 0; k < _levels; k++)
        {
            _sigma[k] = -_pi[r + k];
        }

        Shift(_root, _sigma, skip: -1);
    }

    private void AddChild(int parent, int child)
    {
        var head = _firstChild[parent];
        _nextSibling[child] = head;
        _previousSibling[child] = -1;
        if (head >= 0)
        {
            _previousSibling[head] = child;
        }

        _firstChild[parent] = child;
    }

    private void RemoveChild(int parent, int child)
    {
        var previous = _previousSibling[child];
        var next = _nextSibling[child];
        if (previous >= 0)
        {
            _nextSibling[previous] = next;
        }
        else
        {
            _firstChild[parent] = next;
        }

        if (next >= 0)
        {
            _previousSibling[next] = previous;
        }

        _nextSibling[child] = -1;
        _previousSibling[child] = -1;
    }
}
