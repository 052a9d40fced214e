namespace PairingRules.Solving;

/// <summary>The solved class-level flow: how many households of each household class go to each helper class.</summary>
internal sealed class FlowSolution
{
    private readonly List<(int HouseholdClass, int HelperClass, long Amount)> _added;
    private (int HelperClass, long Amount)[] _flows = [];
    private int[] _start = [];

    public FlowSolution(int householdClasses)
    {
        Uncovered = new long[householdClasses];
        _added = new(2 * householdClasses); // most household classes go to one or two helper classes
    }

    /// <summary>Every flow, grouped by household class.</summary>
    public ReadOnlySpan<(int HelperClass, long Amount)> All => _flows;

    /// <summary>The helper classes that take households of <paramref name="householdClass"/>, in helper-class order.</summary>
    public ReadOnlySpan<(int HelperClass, long Amount)> Of(int householdClass) =>
        _flows.AsSpan(_start[householdClass], _start[householdClass + 1] - _start[householdClass]);

    /// <summary>Adds <paramref name="amount"/> households of a household class to a helper class.</summary>
    public void Add(int householdClass, int helperClass, long amount) => _added.Add((householdClass, helperClass, amount));

    /// <summary>Groups what was added by household class (one array for all), each in helper-class order with repeats merged.</summary>
    public void Seal()
    {
        _start = new int[Uncovered.Length + 1];
        foreach (var (h, _, _) in _added)
        {
            _start[h + 1]++;
        }

        for (var h = 0; h < Uncovered.Length; h++)
        {
            _start[h + 1] += _start[h];
        }

        var flows = new (int HelperClass, long Amount)[_added.Count];
        var next = _start.AsSpan(0, Uncovered.Length).ToArray();
        foreach (var (h, c, amount) in _added)
        {
            flows[next[h]++] = (c, amount);
        }

        // Sort each household class's few flows by helper class and merge repeats, compacting as we go.
        var write = 0;
        for (var h = 0; h < Uncovered.Length; h++)
        {
            var begin = write;
            var segment = flows.AsSpan(_start[h], _start[h + 1] - _start[h]);
            segment.Sort((x, y) => x.HelperClass.CompareTo(y.HelperClass));
            foreach (var flow in segment)
            {
                if (write > begin && flows[write - 1].HelperClass == flow.HelperClass)
                {
                    flows[write - 1].Amount += flow.Amount;
                }
                else
                {
                    flows[write++] = flow;
                }
            }

            _start[h] = begin;
        }

        _start[Uncovered.Length] = write;
        _flows = flows[..write];
        _added.Clear();
    }

    /// <summary>For each household class, how many of its households stay uncovered.</summary>
    public long[] Uncovered { get; }

    /// <summary>The work done, summed over the independent parts.</summary>
    public FlowStatistics Statistics { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Adds the work of one solved part.</summary>
    public void Record(NetworkSimplex simplex, int rounds) => Statistics = new FlowStatistics(
        Statistics.Nodes + simplex.NodeCount,
        Statistics.Arcs + simplex.ArcCount,
        Statistics.Pivots + simplex.Pivots,
        Math.Max(Statistics.Rounds, rounds),
        Statistics.PricedArcs + simplex.PricedArcs,
        Statistics.PotentialUpdates + simplex.PotentialUpdates,
        Statistics.Parts + 1);
}

/// <summary>
/// The size of the compressed flow problem and the work done, summed over its independent parts (each part has its own
/// sink node); <paramref name="Rounds"/> is the most any part needed.
/// </summary>
internal sealed record FlowStatistics(int Nodes, int Arcs, long Pivots, int Rounds, long PricedArcs, long PotentialUpdates, int Parts);

/// <summary>The household and helper classes of one independent part of the flow, in index order.</summary>
internal sealed record Component(int[] HouseholdClasses, int[] HelperClasses);

/// <summary>
/// Builds and solves the min-cost flow of a <see cref="PairingProblem"/>.
/// </summary>
/// <remarks>
/// Each independent part of the problem (see <c>Components</c>) is one graph, solved in turn in one reused
/// <see cref="NetworkSimplex"/>. Nodes: household classes (supply = their size), helper classes, hubs, and one sink.
/// Household classes reach a helper class directly or, where several helper classes share a scope place and a
/// household filter, through one hub node, so arcs grow with classes and not with their product. Each helper class
/// drains to the sink through convex piecewise segments whose cost vectors encode the objective levels; an uncovered
/// arc per household class carries what no helper takes. Load above quota is priced per layer (the k-th household
/// above quota of each member costs k at the balance level); classes start with a few layers and a cheaper-than-true
/// tail, and gain layers until no tail carries more than one layer's worth, at which point the relaxation is exact.
/// </remarks>
internal static class FlowModel
{
    private const int InitialLayers = 2;

    public static FlowSolution Solve(PairingProblem problem, CancellationToken cancellationToken)
    {
        var classes = problem.HelperClasses;
        var rank = Objective.Ranks(problem.Rules.Groups);
        var reach = new long[classes.Count];
        foreach (var helperClass in classes)
        {
            reach[helperClass.Index] = problem.Reachable[helperClass.Index].Sum(h => (long)problem.HouseholdClasses[h].Members.Count);
        }

        var layers = new long[classes.Count];
        foreach (var c in classes)
        {
            layers[c.Index] = c.Group.IsBackstop ? FullLayers(c, reach[c.Index]) : Math.Min(InitialLayers, FullLayers(c, reach[c.Index]));
        }

        var solution = new FlowSolution(problem.HouseholdClasses.Count);
        var work = new Workspace(problem);
        foreach (var component in Components(problem, reach))
        {
            if (component.HelperClasses.Length == 0)
            {
                // Households no helper may take: nothing to solve.
                foreach (var h in component.HouseholdClasses)
                {
                    solution.Uncovered[h] = problem.HouseholdClasses[h].Members.Count;
                }

                continue;
            }

            for (var round = 1; ; round++)
            {
                var graph = new Graph(problem, component, work, rank, layers, reach);
                graph.Simplex.Solve(cancellationToken);
                var grown = false;
                foreach (var (helperClass, tailArc, jmax) in graph.Tails)
                {
                    var n = classes[helperClass].Members.Count;
                    var tailFlow = graph.Simplex.Flow(tailArc);
                    if (tailFlow > n)
                    {
                        // The tail priced these households below their true cost: give the class the layers it used, and more.
                        var baseLoad = Math.Max(classes[helperClass].Preload, classes[helperClass].Group.Min);
                        layers[helperClass] = Math.Min(FullLayers(classes[helperClass], reach[helperClass]), (jmax - baseLoad) + ((tailFlow + n - 1) / n) * 2);
                        grown = true;
                    }
                }

                if (!grown)
                {
                    graph.Extract(solution, round);
                    break;
                }
            }
        }

        solution.Seal();
        return solution;
    }

    /// <summary>
    /// The independent parts of the flow: household and helper classes linked by eligibility, each part in order of its
    /// first household class, classes in index order. Costs and capacities belong to single classes, so the optimum
    /// of the whole is the optimum of each part (for example the counties of a roster of several counties).
    /// </summary>
    private static List<Component> Components(PairingProblem problem, long[] reach)
    {
        var householdCount = problem.HouseholdClasses.Count;
        var sets = new DisjointSets(householdCount + problem.HelperClasses.Count);
        foreach (var c in problem.HelperClasses)
        {
            if (!HasNode(c, reach))
            {
                continue;
            }

            foreach (var h in problem.Reachable[c.Index])
            {
                sets.Union(householdCount + c.Index, h);
            }
        }

        // Every root is a household class (the smallest index of its part), as each helper class with a node reaches one.
        var componentOf = new int[householdCount];
        var households = new List<List<int>>();
        var helpers = new List<List<int>>();
        for (var h = 0; h < householdCount; h++)
        {
            var root = sets.Find(h);
            if (root == h)
            {
                componentOf[h] = households.Count;
                households.Add([]);
                helpers.Add([]);
            }

            households[componentOf[root]].Add(h);
        }

        foreach (var c in problem.HelperClasses)
        {
            if (HasNode(c, reach))
            {
                helpers[componentOf[sets.Find(householdCount + c.Index)]].Add(c.Index);
            }
        }

        return households.Select((h, i) => new Component([.. h], [.. helpers[i]])).ToList();
    }

    /// <summary>Whether a helper class takes part in the flow: it has room and households to reach.</summary>
    private static bool HasNode(HelperClass c, long[] reach) => c.Room is not 0 && reach[c.Index] > 0;

    /// <summary>Layers above quota that let the class take every household it can reach.</summary>
    private static long FullLayers(HelperClass c, long reach) =>
        Math.Max(0, MaxUsefulLoad(c, reach) - Math.Max(c.Preload, c.Group.Min));

    /// <summary>The most a member can usefully carry: its kept households plus an even share of all it can reach.</summary>
    private static long MaxUsefulLoad(HelperClass c, long reach) =>
        c.Preload + ((reach + c.Members.Count - 1) / c.Members.Count);

    /// <summary>
    /// What the parts of one flow model share, as they are solved one after another: the simplex, the node of each
    /// class in the current part, and the lists the current part's graph fills (each graph clears them).
    /// </summary>
    private sealed class Workspace(PairingProblem problem)
    {
        public NetworkSimplex Simplex { get; } = new(Objective.Levels);

        public int[] HouseholdNode { get; } = new int[problem.HouseholdClasses.Count];

        public int[] HelperNode { get; } = new int[problem.HelperClasses.Count];

        /// <summary>
        /// Hubs by (scope, scope place, household filter): helper classes that may take the same households. A hub of
        /// one class gets no node of its own.
        /// </summary>
        public Dictionary<(PairingScope, int, int), int> HubOf { get; } = [];

        /// <summary>Each hub's helper classes, in class order.</summary>
        public List<List<int>> HubMembers { get; } = [];

        public List<(int HouseholdClass, int HelperClass, int Arc)> Direct { get; } = [];

        /// <summary>Each hub's arcs: from household classes (a range of <see cref="HubIn"/>) and to helper classes (of <see cref="HubOut"/>).</summary>
        public List<(int InStart, int InEnd, int OutStart, int OutEnd)> Hubs { get; } = [];

        public List<(int HouseholdClass, int Arc)> HubIn { get; } = [];

        public List<(int HelperClass, int Arc)> HubOut { get; } = [];

        /// <summary>The tail arcs: helper class, arc, and the last load (households per member) priced exactly.</summary>
        public List<(int HelperClass, int Arc, long Jmax)> Tails { get; } = [];

        public List<int> UncoveredArc { get; } = [];

        public void Clear()
        {
            HubOf.Clear();
            foreach (var members in HubMembers)
            {
                members.Clear();
            }

            Direct.Clear();
            Hubs.Clear();
            HubIn.Clear();
            HubOut.Clear();
            Tails.Clear();
            UncoveredArc.Clear();
        }
    }

    private sealed class Graph
    {
        private readonly Workspace _work;
        private readonly int _sink;
        private readonly int[] _householdClasses;

        public Graph(PairingProblem problem, Component component, Workspace work, int[] rank, long[] layers, long[] reach)
        {
            _work = work;
            work.Clear();
            _householdClasses = component.HouseholdClasses;

            // Nodes: the part's household classes (node k is its k-th), its helper classes, hubs, and the sink.
            var node = 0;
            var supply = 0L;
            foreach (var h in component.HouseholdClasses)
            {
                work.HouseholdNode[h] = node++;
                supply += problem.HouseholdClasses[h].Members.Count;
            }

            foreach (var c in component.HelperClasses)
            {
                work.HelperNode[c] = node++;
            }

            // Hubs: helper classes that share a scope place and a household filter (hubs in order of their first class).
            var hubCount = 0;
            foreach (var c in component.HelperClasses)
            {
                var helperClass = problem.HelperClasses[c];
                var key = (helperClass.Group.Scope, helperClass.ScopePlace, problem.FilterOfGroup[helperClass.Group.Index]);
                if (!work.HubOf.TryGetValue(key, out var u))
                {
                    work.HubOf.Add(key, u = hubCount++);
                    if (u == work.HubMembers.Count)
                    {
                        work.HubMembers.Add([]);
                    }
                }

                work.HubMembers[u].Add(c);
            }

            var hubNode = new int[hubCount];
            for (var u = 0; u < hubCount; u++)
            {
                hubNode[u] = work.HubMembers[u].Count > 1 ? node++ : -1;
            }

            _sink = node++;

            // Arcs: one uncovered arc per household class; per helper class at most three segments up to its quota, one
            // per layer above it and a tail; and the eligibility arcs.
            var arcs = (long)component.HouseholdClasses.Length;
            foreach (var c in component.HelperClasses)
            {
                arcs += 4 + layers[c];
            }

            for (var u = 0; u < hubCount; u++)
            {
                arcs += problem.Reachable[work.HubMembers[u][0]].Count + (hubNode[u] < 0 ? 0 : work.HubMembers[u].Count);
            }

            Simplex = work.Simplex;
            Simplex.Reset(node, _sink, (int)Math.Min(arcs, int.MaxValue / 2));
            Span<long> cost = stackalloc long[Objective.Levels];

            // Household classes: supply, and the uncovered arc that starts as their tree arc.
            Objective.UncoveredCost(cost);
            foreach (var h in component.HouseholdClasses)
            {
                var k = work.HouseholdNode[h];
                var size = problem.HouseholdClasses[h].Members.Count;
                Simplex.SetSupply(k, size);
                var arc = Simplex.AddArc(k, _sink, NetworkSimplex.Infinite, cost);
                Simplex.SetTreeArc(k, arc, size);
                work.UncoveredArc.Add(arc);
            }

            Simplex.SetSupply(_sink, -supply);

            // Helper classes: convex segments to the sink; the first is their tree arc.
            foreach (var c in component.HelperClasses)
            {
                var helperClass = problem.HelperClasses[c];
                AddSegments(helperClass, work.HelperNode[c], rank[helperClass.Group.Index], layers[c], reach[c]);
            }

            // Eligibility arcs, through a hub where several classes share them.
            cost.Clear();
            for (var u = 0; u < hubCount; u++)
            {
                var members = work.HubMembers[u];
                var sources = problem.Reachable[members[0]];
                if (hubNode[u] < 0)
                {
                    foreach (var h in sources)
                    {
                        work.Direct.Add((h, members[0], Simplex.AddArc(work.HouseholdNode[h], work.HelperNode[members[0]], NetworkSimplex.Infinite, cost)));
                    }

                    continue;
                }

                var (inStart, outStart) = (work.HubIn.Count, work.HubOut.Count);
                foreach (var c in members)
                {
                    var arc = Simplex.AddArc(hubNode[u], work.HelperNode[c], NetworkSimplex.Infinite, cost);
                    if (work.HubOut.Count == outStart)
                    {
                        Simplex.SetTreeArc(hubNode[u], arc, 0);
                    }

                    work.HubOut.Add((c, arc));
                }

                foreach (var h in sources)
                {
                    work.HubIn.Add((h, Simplex.AddArc(work.HouseholdNode[h], hubNode[u], NetworkSimplex.Infinite, cost)));
                }

                work.Hubs.Add((inStart, work.HubIn.Count, outStart, work.HubOut.Count));
            }
        }

        public NetworkSimplex Simplex { get; }

        /// <summary>The tail arcs: helper class, arc, and the last load (households per member) priced exactly.</summary>
        public List<(int HelperClass, int Arc, long Jmax)> Tails => _work.Tails;

        private void AddSegments(HelperClass c, int classNode, int rank, long layers, long reach)
        {
            var n = c.Members.Count;
            var quota = c.Group.Min;
            var baseLoad = Math.Max(c.Preload, quota);
            var jmax = baseLoad + layers;
            if (c.Group.Max is { } max)
            {
                jmax = Math.Min(jmax, max);
            }

            // One segment per run of equal household costs, its end in closed form: the work follows the segments, never the
            // size of the quota or cap.
            Span<long> cost = stackalloc long[Objective.Levels];
            var first = true;
            var j = (long)c.Preload + 1;
            while (j <= jmax)
            {
                Objective.HouseholdCost(quota, rank, j, cost);
                var run = Math.Min(Objective.LastOfRun(quota, j), jmax) - j + 1;
                var arc = Simplex.AddArc(classNode, _sink, run * n, cost);
                if (first)
                {
                    Simplex.SetTreeArc(classNode, arc, 0);
                    first = false;
                }

                j += run;
            }

            var full = MaxUsefulLoad(c, reach);
            var room = c.Group.Max is { } cap ? Math.Min(cap, full) : full;
            if (jmax < room)
            {
                // Households beyond jmax cost at least the next one's cost: a relaxation, exact while the tail holds <= n.
                Objective.HouseholdCost(quota, rank, jmax + 1, cost);
                var arc = Simplex.AddArc(classNode, _sink, (room - jmax) * n, cost);
                if (first)
                {
                    Simplex.SetTreeArc(classNode, arc, 0);
                }

                Tails.Add((c.Index, arc, jmax));
            }
            else if (first)
            {
                throw new InvalidOperationException($"Internal error: helper class {c.Index} has room but no segment.");
            }
        }

        /// <summary>Adds this part's flows to <paramref name="solution"/>.</summary>
        public void Extract(FlowSolution solution, int rounds)
        {
            foreach (var (h, c, arc) in _work.Direct)
            {
                var flow = Simplex.Flow(arc);
                if (flow > 0)
                {
                    solution.Add(h, c, flow);
                }
            }

            // Split each hub's flow between its sources and its classes in a fixed order (any split is valid:
            // every source of a hub may go to every class of it).
            var into = _work.HubIn;
            var outOf = _work.HubOut;
            foreach (var (inStart, inEnd, outStart, outEnd) in _work.Hubs)
            {
                var (a, b) = (inStart, outStart);
                var (left, room) = (0L, 0L);
                while (true)
                {
                    for (; left == 0 && a < inEnd; a += left == 0 ? 1 : 0)
                    {
                        left = Simplex.Flow(into[a].Arc);
                    }

                    for (; room == 0 && b < outEnd; b += room == 0 ? 1 : 0)
                    {
                        room = Simplex.Flow(outOf[b].Arc);
                    }

                    if (left == 0 || room == 0)
                    {
                        break;
                    }

                    var amount = Math.Min(left, room);
                    solution.Add(into[a].HouseholdClass, outOf[b].HelperClass, amount);
                    left -= amount;
                    room -= amount;
                    a += left == 0 ? 1 : 0;
                    b += room == 0 ? 1 : 0;
                }
            }

            for (var k = 0; k < _householdClasses.Length; k++)
            {
                solution.Uncovered[_householdClasses[k]] = Simplex.Flow(_work.UncoveredArc[k]);
            }

            solution.Record(Simplex, rounds);
        }
    }
}
