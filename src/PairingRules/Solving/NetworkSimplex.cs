using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PairingRules.Solving;

/// <summary>
/// A primal network simplex for min-cost flow with lexicographic cost vectors.
/// </summary>
/// <remarks>
/// <para>
/// <b>Problem.</b> A directed graph with nodes 0..n-1 and arcs a = (source, target), each with a capacity
/// u(a) &gt;= 0 and a cost vector c(a) of <c>levels</c> 64-bit integers; each node has a supply b(v) (negative for a
/// demand), the supplies summing to zero. Find an integer flow x with 0 &lt;= x(a) &lt;= u(a) on every arc and
/// out(v) - in(v) = b(v) at every node that minimizes the cost vector sum over arcs of c(a)·x(a), compared
/// lexicographically. Each objective level keeps its own exact integer scale instead of being folded into one giant
/// weight; the simplex only adds, subtracts and compares costs, which is valid in any ordered abelian group, so the
/// optimum it reaches is the lexicographic optimum.
/// </para>
/// <para>
/// <b>Invariants.</b> The basis is a spanning tree rooted at the root node; every arc outside it is at a bound,
/// <see cref="ArcState.Lower"/> (flow 0) or <see cref="ArcState.Upper"/> (flow = capacity), and the flow is feasible
/// after every pivot. Node potentials π (one vector per node) make the reduced cost
/// c(a) + π(source) - π(target) zero on every tree arc, the sign convention of LEMON. The tree is strongly feasible:
/// a positive amount of flow can be sent from every node to the root along its tree path. The tree is kept as parent,
/// tree arc and direction per node, child lists, and subtree sizes.
/// </para>
/// <para>
/// <b>Start.</b> The caller supplies the initial strongly feasible tree and its flow (<see cref="SetTreeArc"/> for
/// every node but the root; arcs outside the tree start at flow 0), so no artificial arcs or big-M costs are added
/// here: a model such as <see cref="FlowModel"/> gives each household class an expensive "uncovered" arc to the root
/// that carries its supply, and the other nodes a tree arc that carries nothing. Because the start is feasible and
/// every pivot keeps the flow feasible, <see cref="Solve"/> never ends infeasible; an initial flow that does not match
/// the supplies (or supplies that do not sum to zero) is refused before the first pivot.
/// </para>
/// <para>
/// <b>Pivot rule.</b> Candidate-list pricing (Mulvey's rule, LEMON's <c>CANDIDATE_LIST</c>): a major iteration scans
/// the arcs cyclically from where the last one stopped and lists up to sqrt(arcs) / 4 arcs that violate optimality
/// (<see cref="ListLengthDivisor"/>, <see cref="MinListLength"/>); minor iterations, up to a quarter of the list
/// length of them (<see cref="MinorLimitDivisor"/>, <see cref="MinMinorLimit"/>), then each pivot on the most
/// violating arc still in the list, ties going to the arc listed first. The leaving arc is the last blocking arc of the cycle, traversed in the direction of the
/// entering arc's flow starting at the join (the nearest common ancestor of its ends): with a strongly feasible
/// tree this keeps the tree strongly feasible and rules out cycling (Cunningham 1976). The join is found by climbing
/// from the smaller subtree; after a pivot the potentials of whichever side of the tree is smaller (the moved
/// subtree or the rest) are shifted, since only differences of potentials matter.
/// </para>
/// <para>
/// <b>At the end.</b> No arc at its lower bound has a (lexicographically) negative reduced cost and no arc at its upper
/// bound a positive one: the flow is optimal and π is an optimal dual solution (<see cref="Potential"/>), defined up to
/// one common shift.
/// </para>
/// <para>
/// <b>Complexity.</b> A pivot costs the length of its cycle plus the smaller side of the tree for the potentials, and
/// pricing scans at most all m arcs per major iteration; memory is O(n·levels + m), arcs keeping an id into a table
/// of distinct cost vectors. The number of pivots is finite but only pseudo-polynomially bounded in the worst case
/// (Ahuja, Magnanti and Orlin, §11.5); in practice it grows about linearly with the nodes (see SolverWorkTests).
/// Refused: costs large enough that potentials could overflow 64 bits (<see cref="OverflowException"/>), and a
/// negative cycle of unbounded capacity (<see cref="InvalidOperationException"/>). The graph must admit no such cycle.
/// </para>
/// <para>
/// <b>References.</b> M. D. Grigoriadis, "An efficient implementation of the network simplex method", Mathematical
/// Programming Study 26 (1986) 83-111; R. K. Ahuja, T. L. Magnanti, J. B. Orlin, <i>Network Flows</i> (1993),
/// chapter 11; W. H. Cunningham, "A network simplex method", Mathematical Programming 11 (1976) 105-116 (strongly
/// feasible trees); LEMON's <c>lemon/network_simplex.h</c> (P. Kovács), whose pivot steps (find join, find leaving
/// arc, change flow, update tree, update potentials) this follows, and <c>test/min_cost_flow_test.cc</c>, which
/// NetworkSimplexTests follows.
/// </para>
/// <para>
/// Not thread-safe: one instance solves one problem at a time, and may be reused for the next (<see cref="Reset"/>).
/// </para>
/// </remarks>
internal sealed class NetworkSimplex
{
    /// <summary>The capacity that stands for "no limit", and the largest capacity an arc may have.</summary>
    public const long Infinite = long.MaxValue / 4;

    /// <summary>
    /// How far a potential of the root may drift from zero before every potential is shifted back: far below
    /// <see cref="long.MaxValue"/>, so that a potential plus a reduced cost's other terms cannot overflow in between.
    /// </summary>
    private const long DriftLimit = long.MaxValue / 16;

    /// <summary>
    /// The candidate list holds sqrt(arcs) / 4 arcs (LEMON's <c>LIST_LENGTH_FACTOR</c> is the same 0.25). Tried on the
    /// synthetic counties (16,800 to 1,680,000 households), it priced fewest arcs at the largest size and close to
    /// fewest at the smallest.
    /// </summary>
    private const int ListLengthDivisor = 4;

    /// <summary>The shortest candidate list, for small graphs (LEMON's <c>MIN_LIST_LENGTH</c> is 10).</summary>
    private const int MinListLength = 16;

    /// <summary>
    /// Minor iterations between two major ones: a quarter of the list length (LEMON's <c>MINOR_LIMIT_FACTOR</c> is
    /// 0.1), chosen with <see cref="ListLengthDivisor"/> on the same counties.
    /// </summary>
    private const int MinorLimitDivisor = 4;

    /// <summary>The fewest minor iterations between two major ones (LEMON's <c>MIN_MINOR_LIMIT</c> is 3).</summary>
    private const int MinMinorLimit = 4;

    /// <summary>The shortest arc arrays <see cref="Reset"/> allocates; they double when full.</summary>
    private const int MinArcArrayLength = 16;

    /// <summary>Distinct cost vectors the table holds at first; it doubles when full.</summary>
    private const int InitialCostTableLength = 16;

    /// <summary>Pivots between two looks at the cancellation token (a power of two).</summary>
    private const int CancellationCheckInterval = 1024;

    /// <summary>
    /// Where an arc is in the basis. The value is the sign of the change of the arc's flow when it enters the tree:
    /// +1 at the lower bound (the flow can only grow), -1 at the upper bound (it can only shrink). Pricing relies on
    /// it: <c>(long)state * reducedCost</c> is negative exactly for an arc whose entering lowers the objective, and
    /// negating the value moves an arc from one bound to the other. One byte per arc.
    /// </summary>
    private enum ArcState : sbyte
    {
        /// <summary>At its upper bound: the flow equals the capacity.</summary>
        Upper = -1,

        /// <summary>In the spanning tree: any flow within the bounds.</summary>
        Tree = 0,

        /// <summary>At its lower bound: no flow.</summary>
        Lower = 1,
    }

    /// <summary>Where a pivot's leaving arc lies on the cycle that the entering arc closes.</summary>
    private enum LeavingSide : byte
    {
        /// <summary>The entering arc itself blocks first: it moves to its other bound and the tree does not change.</summary>
        EnteringArc,

        /// <summary>On the tree path from the join to <c>first</c>, the end the entering arc's flow leaves from.</summary>
        FirstPath,

        /// <summary>On the tree path from <c>second</c>, the end the entering arc's flow goes to, up to the join.</summary>
        SecondPath,
    }

    private readonly int _levels;
    private int _nodeCount;
    private int _root;

    // Arcs: ends, capacity, flow, the id of the cost vector, the state.
    private int[] _source = [];
    private int[] _target = [];
    private long[] _capacity = [];
    private long[] _flow = [];
    private int[] _costOf = [];
    private ArcState[] _state = [];
    private int _arcCount;

    // Distinct cost vectors: the table, and for each hash the last id with it, chained to earlier ids with the same hash.
    private long[] _costs;
    private int[] _sameHash = new int[InitialCostTableLength];
    private int _costCount;
    private readonly Dictionary<long, int> _lastWithHash = [];

    // Nodes: supply, potential vector (levels per node), and the tree: parent, tree arc (pred), whether the tree arc
    // points up (from the node to its parent), subtree size, and the child lists.
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

    // Candidate-list pricing: the list, its length and how much of it is filled, minor iterations since the last major
    // one and their limit, and the arc the next major scan starts at.
    private int[] _list = [];
    private int _listSize;
    private int _listed;
    private int _minor;
    private int _minorLimit;
    private int _next;

    /// <param name="levels">Objective levels of a cost vector, most important first.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levels"/> is below 1.</exception>
    public NetworkSimplex(int levels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        _levels = levels;
        _costs = new long[InitialCostTableLength * levels];
        _sigma = new long[levels];
    }

    /// <summary>
    /// Starts a new problem with no arcs and zero supplies, reusing the arrays of the last one where they are large
    /// enough (the parts of one flow model are solved one after another in one instance).
    /// </summary>
    /// <param name="nodeCount">Nodes are numbered from 0; at least the root.</param>
    /// <param name="root">The root of every spanning tree.</param>
    /// <param name="arcCapacity">The arcs expected; more may be added.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public void Reset(int nodeCount, int root, int arcCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(root, nodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(arcCapacity);
        _nodeCount = nodeCount;
        _root = root;
        _arcCount = 0;
        _costCount = 0;
        _lastWithHash.Clear();
        Pivots = PricedArcs = PotentialUpdates = 0;
        _listed = _minor = _next = 0;

        arcCapacity = Math.Max(MinArcArrayLength, arcCapacity);
        if (_source.Length < arcCapacity)
        {
            _source = new int[arcCapacity];
            _target = new int[arcCapacity];
            _capacity = new long[arcCapacity];
            _flow = new long[arcCapacity];
            _state = new ArcState[arcCapacity];
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

        // Everything else a node has is written before it is read: the tree by BuildInitialTree, from _pred.
        Array.Clear(_supply, 0, nodeCount);
        Array.Fill(_pred, -1, 0, nodeCount);
    }

    /// <summary>Objective levels of a cost vector.</summary>
    public int Levels => _levels;

    public int ArcCount => _arcCount;

    public int NodeCount => _nodeCount;

    /// <summary>The root of the spanning trees.</summary>
    public int Root => _root;

    /// <summary>Pivots since <see cref="Reset"/>, the degenerate ones and those that only move an arc between its bounds included.</summary>
    public long Pivots { get; private set; }

    /// <summary>How many arcs pricing looked at.</summary>
    public long PricedArcs { get; private set; }

    /// <summary>How many node potentials the pivots shifted (work done outside pricing).</summary>
    public long PotentialUpdates { get; private set; }

    /// <summary>Sets the supply of <paramref name="node"/> (negative for a demand; 0 after <see cref="Reset"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is not a node.</exception>
    public void SetSupply(int node, long supply)
    {
        CheckNode(node);
        _supply[node] = supply;
    }

    /// <summary>Adds an arc at its lower bound (flow 0) and returns its number, the arcs added before it.</summary>
    /// <param name="source">The node the flow leaves.</param>
    /// <param name="target">The node the flow enters.</param>
    /// <param name="capacity">0 to <see cref="Infinite"/>.</param>
    /// <param name="cost">The cost of one unit of flow, one value per level; copied.</param>
    /// <exception cref="ArgumentOutOfRangeException">A node or the capacity is out of range.</exception>
    /// <exception cref="ArgumentException">The cost vector has the wrong number of levels.</exception>
    public int AddArc(int source, int target, long capacity, ReadOnlySpan<long> cost)
    {
        CheckNode(source);
        CheckNode(target);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, Infinite);
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
        _state[arc] = ArcState.Lower;
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

    /// <summary>
    /// Makes <paramref name="arc"/> the initial tree arc of <paramref name="node"/>, carrying <paramref name="flow"/>;
    /// its other end becomes the node's parent. Every node but the root needs one, and together they must form a
    /// strongly feasible spanning tree whose flows meet the supplies (checked by <see cref="Solve"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The node, the arc or the flow is out of range.</exception>
    /// <exception cref="ArgumentException">
    /// The node is the root or already has a tree arc, the arc does not touch it or is a loop, or the arc leaves no room
    /// to send more flow from the node toward its parent (the tree would not be strongly feasible).
    /// </exception>
    public void SetTreeArc(int node, int arc, long flow)
    {
        CheckNode(node);
        ArgumentOutOfRangeException.ThrowIfNegative(arc);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(arc, _arcCount);
        ArgumentOutOfRangeException.ThrowIfNegative(flow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(flow, _capacity[arc]);
        if (node == _root)
        {
            throw new ArgumentException($"Node {node} is the root, which has no tree arc.", nameof(node));
        }

        if (_pred[node] >= 0)
        {
            throw new ArgumentException($"Node {node} already has tree arc {_pred[node]}.", nameof(node));
        }

        var up = _source[arc] == node;
        if ((!up && _target[arc] != node) || _source[arc] == _target[arc])
        {
            throw new ArgumentException($"Arc {arc} ({_source[arc]} -> {_target[arc]}) does not join node {node} to another node.", nameof(arc));
        }

        if (up ? flow == _capacity[arc] : flow == 0)
        {
            throw new ArgumentException(
                $"Tree arc {arc} ({_source[arc]} -> {_target[arc]}) with flow {flow} of {_capacity[arc]} cannot carry more flow from node {node} toward the root: the tree would not be strongly feasible.",
                nameof(flow));
        }

        _pred[node] = arc;
        _state[arc] = ArcState.Tree;
        _flow[arc] = flow;
    }

    /// <summary>The flow on <paramref name="arc"/>: the optimum after <see cref="Solve"/>.</summary>
    public long Flow(int arc) => _flow[arc];

    /// <summary>The node <paramref name="arc"/> leaves.</summary>
    internal int Source(int arc) => _source[arc];

    /// <summary>The node <paramref name="arc"/> enters.</summary>
    internal int Target(int arc) => _target[arc];

    /// <summary>The capacity of <paramref name="arc"/>.</summary>
    internal long Capacity(int arc) => _capacity[arc];

    /// <summary>The cost vector of <paramref name="arc"/> (a view of the shared table: valid until the next arc is added).</summary>
    internal ReadOnlySpan<long> Cost(int arc) => _costs.AsSpan(_costOf[arc] * _levels, _levels);

    /// <summary>The supply of <paramref name="node"/>.</summary>
    internal long Supply(int node) => _supply[node];

    /// <summary>
    /// The potential vector of <paramref name="node"/> (a view, valid until the next pivot): after <see cref="Solve"/>,
    /// an optimal dual solution, reduced costs being c(a) + π(source) - π(target).
    /// </summary>
    internal ReadOnlySpan<long> Potential(int node) => _pi.AsSpan(node * _levels, _levels);

    /// <summary>
    /// Runs the simplex to optimality, from the initial tree or, if called again, from the last optimal tree.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The input is inconsistent (supplies that do not sum to zero, tree flows that do not meet them, a node without a
    /// tree arc, tree arcs that do not span the nodes), or the problem is unbounded (a negative cycle of unbounded capacity).
    /// </exception>
    /// <exception cref="OverflowException">Costs so large that potentials could overflow 64 bits.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void Solve(CancellationToken cancellationToken)
    {
        CheckMagnitudes();
        CheckFlowMeetsSupplies();
        BuildInitialTree();
        _listSize = Math.Max(MinListLength, (int)Math.Sqrt(_arcCount) / ListLengthDivisor);
        _minorLimit = Math.Max(MinMinorLimit, _listSize / MinorLimitDivisor);
        if (_list.Length < _listSize)
        {
            _list = new int[_listSize];
        }

        var reduced = new long[_levels];
        var best = new long[_levels];
        while (true)
        {
            if ((Pivots & (CancellationCheckInterval - 1)) == 0)
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

    private void CheckNode(int node)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(node, _nodeCount);
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

    /// <summary>
    /// Refuses a start that is not a feasible flow: the simplex keeps the flow it is given feasible, so an inconsistent
    /// one would end in a wrong answer rather than in an error. Sums are exact (128 bits).
    /// </summary>
    private void CheckFlowMeetsSupplies()
    {
        Int128 total = 0;
        for (var node = 0; node < _nodeCount; node++)
        {
            total += _supply[node];
        }

        if (total != 0)
        {
            throw new InvalidOperationException($"The supplies sum to {total}, not to zero: no flow can meet them.");
        }

        var outflow = new Int128[_nodeCount];
        for (var arc = 0; arc < _arcCount; arc++)
        {
            outflow[_source[arc]] += _flow[arc];
            outflow[_target[arc]] -= _flow[arc];
        }

        for (var node = 0; node < _nodeCount; node++)
        {
            if (outflow[node] != _supply[node])
            {
                throw new InvalidOperationException(
                    $"Node {node} has supply {_supply[node]}, but the initial flow sends {outflow[node]} out of it.");
            }
        }
    }

    private void BuildInitialTree()
    {
        Array.Fill(_firstChild, -1, 0, _nodeCount);
        Array.Fill(_nextSibling, -1, 0, _nodeCount);
        Array.Fill(_previousSibling, -1, 0, _nodeCount);
        Array.Clear(_size, 0, _nodeCount);
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
    /// Ties go to the arc met first.
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
        if (state == ArcState.Tree)
        {
            return false;
        }

        // violation = state * reduced cost (the sign trick of ArcState); negative (lexicographically) means the arc
        // improves the objective. Most arcs are decided by their first non-zero level, so the rest is computed only
        // for candidates. This is the hottest loop of a solve: it reads the arrays without bounds checks (the offsets
        // are the arc's own nodes and cost id, each below its array's length / levels).
        var sign = (long)state;
        ref var cost = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_costs), _costOf[arc] * _levels);
        ref var from = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_pi), _source[arc] * _levels);
        ref var to = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_pi), _target[arc] * _levels);
        var k = 0;
        long v = 0;
        for (; k < _levels; k++)
        {
            v = sign * (Unsafe.Add(ref cost, k) + Unsafe.Add(ref from, k) - Unsafe.Add(ref to, k));
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
            violation[r] = sign * (Unsafe.Add(ref cost, r) + Unsafe.Add(ref from, r) - Unsafe.Add(ref to, r));
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

    /// <summary>
    /// Sends as much flow as the cycle of <paramref name="entering"/> allows, and swaps the entering arc for the
    /// leaving one in the tree (LEMON's findJoinNode, findLeavingArc, changeFlow, updateTreeStructure and updatePotential).
    /// </summary>
    private void Pivot(int entering)
    {
        // The entering arc's flow goes from first to second, then up the tree from second to the join and down to first.
        int first, second;
        if (_state[entering] == ArcState.Lower)
        {
            first = _source[entering];
            second = _target[entering];
        }
        else
        {
            first = _target[entering];
            second = _source[entering];
        }

        // The leaving arc is the last blocking arc from the join in the cycle's direction: down the first path (so the
        // blocking arc nearest first wins, with <), then the entering arc, then up the second path (nearest the join, <=).
        var join = Join(first, second);
        var delta = _capacity[entering];
        var side = LeavingSide.EnteringArc;
        var uOut = -1;
        for (var u = first; u != join; u = _parent[u])
        {
            var arc = _pred[u];
            var d = _predUp[u] ? _flow[arc] : _capacity[arc] - _flow[arc];
            if (d < delta)
            {
                delta = d;
                uOut = u;
                side = LeavingSide.FirstPath;
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
                side = LeavingSide.SecondPath;
            }
        }

        if (delta >= Infinite)
        {
            throw new InvalidOperationException("The flow problem is unbounded.");
        }

        if (delta > 0)
        {
            _flow[entering] += (long)_state[entering] * delta;
            for (var u = first; u != join; u = _parent[u])
            {
                _flow[_pred[u]] += _predUp[u] ? -delta : delta;
            }

            for (var u = second; u != join; u = _parent[u])
            {
                _flow[_pred[u]] += _predUp[u] ? delta : -delta;
            }
        }

        if (side == LeavingSide.EnteringArc)
        {
            // From one bound to the other (the sign trick of ArcState).
            _state[entering] = (ArcState)(-(sbyte)_state[entering]);
            return;
        }

        var leaving = _pred[uOut];
        _state[leaving] = _flow[leaving] == 0 ? ArcState.Lower : ArcState.Upper;
        _state[entering] = ArcState.Tree;
        var (uIn, vIn) = side == LeavingSide.FirstPath ? (first, second) : (second, first);
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
