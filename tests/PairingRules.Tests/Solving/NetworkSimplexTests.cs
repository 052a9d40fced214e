using System.Text;
using CsCheck;
using FluentAssertions;
using PairingRules.Solving;
using Xunit;

namespace PairingRules.Tests.Solving;

/// <summary>
/// The min-cost flow solver on its own, as LEMON tests its own (<c>test/min_cost_flow_test.cc</c>): after every solve,
/// <see cref="CheckOptimality"/> checks that the flow is feasible, that the potentials satisfy complementary slackness
/// with the vector reduced costs, and that the dual objective equals the primal one, level by level. Hand-written
/// graphs with known optima, degenerate and empty graphs, reuse of one instance, refused input, and random small
/// graphs against an exhaustive search.
/// </summary>
public sealed class NetworkSimplexTests
{
    private const long Infinite = NetworkSimplex.Infinite;

    [Fact]
    public void Solve_TransportationProblem_FindsTheKnownOptimum()
    {
        // Suppliers A (3) and B (4), customers X (2), Y (3) and Z (2), unit costs at level 1:
        //        X  Y  Z
        //   A    4  6  9
        //   B    5  3  8
        // Optimum 34: A->X 2, A->Z 1, B->Y 3, B->Z 1. With dual prices u(A) = 0, u(B) = 1, v = (4, 4, 9) the unused
        // arcs A->Y and B->X have reduced cost 2 > 0, so the optimum is unique.
        var (network, arcs) = Transportation();

        var solved = Solve(network);

        solved.Objective.Should().Equal(0, 34);
        arcs.Select(solved.Simplex.Flow).Should().Equal(2, 0, 1, 0, 3, 1);
    }

    [Fact]
    public void Solve_PathCheaperAtALowerLevelButDearerAtAHigherOne_FollowsTheLexicographicOrder()
    {
        // s (supply 4) to the root t by three routes and an uncovered arc:
        //   via a: [0, 0, 10], capacity 1 -- the dearest at the last level, yet the best: it is 0 at the first two;
        //   via b: [0, 1, -4], capacity 2 -- the cheapest at the last level, second at the middle one;
        //   direct: [1, 0, 0], unbounded -- nothing at the last two levels, but dearest at the first.
        const int s = 0, a = 1, b = 2, t = 3;
        var network = new Network(levels: 3, nodes: 4, root: t);
        network.Supply[s] = 4;
        network.Supply[t] = -4;
        var sa = network.AddArc(s, a, 1, 0, 0, 5);
        var at = network.AddArc(a, t, Infinite, 0, 0, 5);
        var sb = network.AddArc(s, b, 2, 0, 1, 0);
        var bt = network.AddArc(b, t, Infinite, 0, 0, -4);
        var st = network.AddArc(s, t, Infinite, 1, 0, 0);
        var uncovered = network.AddArc(s, t, Infinite, 10, 0, 0);
        network.SetTreeArc(s, uncovered, 4);
        network.SetTreeArc(a, at, 0);
        network.SetTreeArc(b, bt, 0);

        var solved = Solve(network);

        solved.Objective.Should().Equal(1, 2, 2);
        new[] { sa, at, sb, bt, st, uncovered }.Select(solved.Simplex.Flow).Should().Equal(1, 1, 2, 2, 1, 0);
    }

    [Fact]
    public void Solve_RoutesWithEqualCostVectors_TakesThemInTheOrderTheyWereAdded()
    {
        // Three parallel routes of one cost and capacity 1 for a supply of 2: pricing breaks ties toward the arc met
        // first, so the first two routes carry the flow, in a fresh instance and in a reused one alike.
        var network = new Network(levels: 2, nodes: 2, root: 1);
        network.Supply[0] = 2;
        network.Supply[1] = -2;
        var uncovered = network.AddArc(0, 1, Infinite, 1, 0);
        var routes = Enumerable.Range(0, 3).Select(_ => network.AddArc(0, 1, 1, 0, 3)).ToArray();
        network.SetTreeArc(0, uncovered, 2);

        var fresh = Solve(network);
        var reused = Solve(network, Solve(Transportation().Network).Simplex);

        fresh.Objective.Should().Equal(0, 6);
        routes.Select(fresh.Simplex.Flow).Should().Equal(1, 1, 0);
        fresh.Simplex.Flow(uncovered).Should().Be(0);
        reused.Flows.Should().Equal(fresh.Flows);
        reused.Simplex.Pivots.Should().Be(fresh.Simplex.Pivots);
    }

    [Fact]
    public void Solve_ZeroSuppliesZeroCapacitiesAndEqualCosts_CirculatesAroundTheNegativeCycleOnly()
    {
        // No supplies: every tree arc starts empty, so the first pivots are degenerate. The cycle 0 -> 1 -> 2 -> 0 costs
        // -1 an arc at level 1 and carries its capacity 2; the arc 1 -> 3 would pay -5 at level 0 but has no capacity;
        // the zero-cost arcs between 0 and 3 form cycles of cost zero, which nothing needs to use.
        var network = new Network(levels: 2, nodes: 5, root: 4);
        network.AddArtificialTree(1, 0);
        var cycle = new[] { network.AddArc(0, 1, 2, 0, -1), network.AddArc(1, 2, 2, 0, -1), network.AddArc(2, 0, 2, 0, -1) };
        var empty = network.AddArc(1, 3, 0, -5, 0);
        var free = new[] { network.AddArc(0, 3, 3, 0, 0), network.AddArc(3, 0, 3, 0, 0), network.AddArc(0, 3, 3, 0, 0) };

        var solved = Solve(network);

        solved.Objective.Should().Equal(0, -6);
        cycle.Select(solved.Simplex.Flow).Should().Equal(2, 2, 2);
        solved.Simplex.Flow(empty).Should().Be(0);
        free.Select(solved.Simplex.Flow).Should().OnlyContain(flow => flow == 0, "a zero-cost cycle does not improve, so no pivot sends flow around it");
    }

    [Fact]
    public void Solve_ManyArcsOfOneCostAndNoSupply_PivotsOnlyDegeneratelyAndEndsAtZeroFlow()
    {
        // Every supply is zero, the empty tree arcs to the root cost [1, 0] and all thirty other arcs [0, 1]: an arc into
        // the root improves on a tree arc but nothing can flow, so every pivot is degenerate, which is where a simplex
        // without strongly feasible trees can cycle.
        var network = new Network(levels: 2, nodes: 6, root: 0);
        network.AddArtificialTree(1, 0);
        for (var u = 0; u < 6; u++)
        {
            for (var v = 0; v < 6; v++)
            {
                if (u != v)
                {
                    network.AddArc(u, v, 1 + ((u + v) % 3), 0, 1);
                }
            }
        }

        var solved = Solve(network);

        solved.Objective.Should().Equal(0, 0);
        solved.Flows.Should().OnlyContain(flow => flow == 0);
        solved.Simplex.Pivots.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Solve_CheapArcsTooSmallForTheSupply_SendsTheRestByTheUncoveredArcs()
    {
        // As FlowModel builds it: household classes h1 (5) and h2 (3) reach helper classes c1 (room 4) and c2 (room 1,
        // reachable from h2 only) and drain to the sink, the root; an uncovered arc per household class carries what no
        // helper takes. Level 0 counts the uncovered, level 1 rewards covering, level 2 prefers h1 at c1.
        const int h1 = 0, h2 = 1, c1 = 2, c2 = 3, sink = 4;
        var network = new Network(levels: 3, nodes: 5, root: sink);
        network.Supply[h1] = 5;
        network.Supply[h2] = 3;
        network.Supply[sink] = -8;
        var uncovered1 = network.AddArc(h1, sink, Infinite, 1, 0, 0);
        var uncovered2 = network.AddArc(h2, sink, Infinite, 1, 0, 0);
        var segment1 = network.AddArc(c1, sink, 4, 0, -1, 0);
        var segment2 = network.AddArc(c2, sink, 1, 0, -1, 0);
        var h1c1 = network.AddArc(h1, c1, Infinite, 0, 0, 0);
        var h2c1 = network.AddArc(h2, c1, Infinite, 0, 0, 1);
        var h2c2 = network.AddArc(h2, c2, Infinite, 0, 0, 0);
        network.SetTreeArc(h1, uncovered1, 5);
        network.SetTreeArc(h2, uncovered2, 3);
        network.SetTreeArc(c1, segment1, 0);
        network.SetTreeArc(c2, segment2, 0);

        var solved = Solve(network);

        solved.Objective.Should().Equal(3, -5, 0);
        new[] { uncovered1, uncovered2, segment1, segment2, h1c1, h2c1, h2c2 }.Select(solved.Simplex.Flow)
            .Should().Equal(1, 2, 4, 1, 4, 0, 1);
    }

    [Fact]
    public void Solve_OnlyTheRoot_DoesNothing()
    {
        var network = new Network(levels: 2, nodes: 1, root: 0);

        var solved = Solve(network);

        solved.Objective.Should().Equal(0, 0);
        solved.Simplex.ArcCount.Should().Be(0);
        solved.Simplex.Pivots.Should().Be(0);
        solved.Simplex.Potential(0).ToArray().Should().Equal(0, 0);
    }

    [Fact]
    public void Solve_LargeThenSmallThenLargeInOneInstance_GivesTheFlowsOfFreshInstances()
    {
        var large = RandomTransportation(seed: 13, suppliers: 40, customers: 50, arcsPerSupplier: 30);
        var small = RandomTransportation(seed: 2, suppliers: 3, customers: 4, arcsPerSupplier: 3);
        var freshLarge = Solve(large);
        var freshSmall = Solve(small);
        var simplex = new NetworkSimplex(3);

        var first = Solve(large, simplex);
        var second = Solve(small, simplex);
        var third = Solve(large, simplex);

        freshLarge.Simplex.Pivots.Should().BeGreaterThan(100, "the large instance is a real workout");
        first.Flows.Should().Equal(freshLarge.Flows);
        second.Flows.Should().Equal(freshSmall.Flows);
        second.Objective.Should().Equal(freshSmall.Objective);
        third.Flows.Should().Equal(freshLarge.Flows);
        third.Objective.Should().Equal(freshLarge.Objective);
        third.Simplex.Pivots.Should().Be(freshLarge.Simplex.Pivots);
    }

    [Fact]
    public void Solve_AgainWithoutReset_StartsFromTheOptimumAndDoesNoPivot()
    {
        var network = RandomTransportation(seed: 5, suppliers: 8, customers: 10, arcsPerSupplier: 6);
        var solved = Solve(network);
        var pivots = solved.Simplex.Pivots;

        solved.Simplex.Solve(CancellationToken.None);

        CheckOptimality(solved.Simplex, network).Should().Equal(solved.Objective);
        Flows(solved.Simplex).Should().Equal(solved.Flows);
        solved.Simplex.Pivots.Should().Be(pivots);
    }

    [Fact]
    public void Solve_SuppliesThatDoNotSumToZero_IsRefused()
    {
        var network = new Network(levels: 1, nodes: 2, root: 1);
        network.Supply[0] = 3;
        network.Supply[1] = -2;
        network.SetTreeArc(0, network.AddArc(0, 1, Infinite, 1), 3);
        var simplex = network.Load(new NetworkSimplex(1));

        var solve = () => simplex.Solve(CancellationToken.None);

        solve.Should().Throw<InvalidOperationException>().WithMessage("The supplies sum to 1, not to zero: no flow can meet them.");
    }

    [Fact]
    public void Solve_InitialFlowThatMissesTheSupplies_IsRefused()
    {
        var network = new Network(levels: 1, nodes: 2, root: 1);
        network.Supply[0] = 3;
        network.Supply[1] = -3;
        network.SetTreeArc(0, network.AddArc(0, 1, Infinite, 1), 2);
        var simplex = network.Load(new NetworkSimplex(1));

        var solve = () => simplex.Solve(CancellationToken.None);

        solve.Should().Throw<InvalidOperationException>().WithMessage("Node 0 has supply 3, but the initial flow sends 2 out of it.");
    }

    [Fact]
    public void Solve_NodeWithoutTreeArc_IsRefused()
    {
        var network = new Network(levels: 1, nodes: 3, root: 2);
        network.SetTreeArc(0, network.AddArc(0, 2, Infinite, 1), 0);
        network.AddArc(1, 2, Infinite, 1);
        var simplex = network.Load(new NetworkSimplex(1));

        var solve = () => simplex.Solve(CancellationToken.None);

        solve.Should().Throw<InvalidOperationException>().WithMessage("Node 1 has no initial tree arc.");
    }

    [Fact]
    public void Solve_TreeArcsThatCloseACycle_IsRefused()
    {
        var network = new Network(levels: 1, nodes: 3, root: 2);
        network.SetTreeArc(0, network.AddArc(0, 1, Infinite, 1), 0);
        network.SetTreeArc(1, network.AddArc(1, 0, Infinite, 1), 0);
        var simplex = network.Load(new NetworkSimplex(1));

        var solve = () => simplex.Solve(CancellationToken.None);

        solve.Should().Throw<InvalidOperationException>().WithMessage("The initial tree does not span every node.");
    }

    [Fact]
    public void Solve_NegativeCycleOfUnboundedCapacity_IsRefusedAsUnbounded()
    {
        var network = new Network(levels: 1, nodes: 2, root: 1);
        network.SetTreeArc(0, network.AddArc(0, 1, Infinite, 5), 0);
        network.AddArc(0, 1, Infinite, -1);
        network.AddArc(1, 0, Infinite, 0);
        var simplex = network.Load(new NetworkSimplex(1));

        var solve = () => simplex.Solve(CancellationToken.None);

        solve.Should().Throw<InvalidOperationException>().WithMessage("The flow problem is unbounded.");
    }

    [Fact]
    public void Solve_CostsThatCouldOverflowThePotentials_IsRefused()
    {
        var network = new Network(levels: 1, nodes: 2, root: 1);
        network.SetTreeArc(0, network.AddArc(0, 1, Infinite, long.MaxValue / 8), 0);
        var simplex = network.Load(new NetworkSimplex(1));

        var solve = () => simplex.Solve(CancellationToken.None);

        solve.Should().Throw<OverflowException>().WithMessage("The pairing problem is too large for 64-bit costs.");
    }

    [Fact]
    public void Solve_CancelledToken_Throws()
    {
        var simplex = Transportation().Network.Load(new NetworkSimplex(2));

        var solve = () => simplex.Solve(new CancellationToken(canceled: true));

        solve.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void SetTreeArc_ArcThatCannotCarryMoreTowardTheRoot_IsRefused()
    {
        var simplex = new NetworkSimplex(1);
        simplex.Reset(nodeCount: 2, root: 1, arcCapacity: 2);
        var down = simplex.AddArc(1, 0, Infinite, [1]);
        var full = simplex.AddArc(0, 1, 4, [1]);

        var emptyDown = () => simplex.SetTreeArc(0, down, 0);
        var fullUp = () => simplex.SetTreeArc(0, full, 4);

        emptyDown.Should().Throw<ArgumentException>().WithMessage(
            "Tree arc 0 (1 -> 0) with flow 0 of 2305843009213693951 cannot carry more flow from node 0 toward the root: the tree would not be strongly feasible. (Parameter 'flow')");
        fullUp.Should().Throw<ArgumentException>().WithMessage(
            "Tree arc 1 (0 -> 1) with flow 4 of 4 cannot carry more flow from node 0 toward the root: the tree would not be strongly feasible. (Parameter 'flow')");
    }

    [Fact]
    public void SetTreeArc_MisusedArcs_AreRefusedAtOnce()
    {
        var simplex = new NetworkSimplex(1);
        simplex.Reset(nodeCount: 3, root: 2, arcCapacity: 3);
        var elsewhere = simplex.AddArc(1, 2, Infinite, [1]);
        var loop = simplex.AddArc(0, 0, Infinite, [1]);
        var good = simplex.AddArc(0, 2, Infinite, [1]);
        simplex.SetTreeArc(0, good, 0);

        FluentActions.Invoking(() => simplex.SetTreeArc(0, elsewhere, 0)).Should().Throw<ArgumentException>()
            .WithMessage("Node 0 already has tree arc 2. (Parameter 'node')");
        FluentActions.Invoking(() => simplex.SetTreeArc(1, loop, 0)).Should().Throw<ArgumentException>()
            .WithMessage("Arc 1 (0 -> 0) does not join node 1 to another node. (Parameter 'arc')");
        FluentActions.Invoking(() => simplex.SetTreeArc(2, elsewhere, 0)).Should().Throw<ArgumentException>()
            .WithMessage("Node 2 is the root, which has no tree arc. (Parameter 'node')");
        FluentActions.Invoking(() => simplex.SetTreeArc(1, elsewhere, -1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => simplex.SetTreeArc(1, 3, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void AddArc_OutOfRange_IsRefusedAtOnce()
    {
        var simplex = new NetworkSimplex(2);
        simplex.Reset(nodeCount: 2, root: 1, arcCapacity: 0);

        FluentActions.Invoking(() => simplex.AddArc(0, 1, 1, [1])).Should().Throw<ArgumentException>()
            .WithMessage("The cost vector has the wrong number of levels. (Parameter 'cost')");
        FluentActions.Invoking(() => simplex.AddArc(0, 2, 1, [1, 0])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => simplex.AddArc(0, 1, -1, [1, 0])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => simplex.AddArc(0, 1, Infinite + 1, [1, 0])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => simplex.SetSupply(2, 1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => simplex.Reset(nodeCount: 2, root: 2, arcCapacity: 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Solve_RandomSmallGraph_IsOptimalAgainstExhaustiveSearch()
    {
        // One reused instance per thread and level count, so that every case also checks reuse after a different graph.
        using var reused = new ThreadLocal<NetworkSimplex[]>(() => [.. Enumerable.Range(0, 4).Select(levels => new NetworkSimplex(Math.Max(1, levels)))]);
        SmallNetworks.Sample(network =>
        {
            var solved = Solve(network);
            solved.Objective.Should().Equal(ExhaustiveOptimum(network));

            var again = Solve(network, reused.Value![network.Levels]);
            again.Flows.Should().Equal(solved.Flows, "a reused instance solves as a fresh one does");
            again.Simplex.Pivots.Should().Be(solved.Simplex.Pivots);
        }, iter: 500, print: network => network.ToString());
    }

    /// <summary>
    /// Checks the solve of <paramref name="network"/> held in <paramref name="simplex"/>, using the simplex only for its
    /// flows and potentials (and for its copy of the input, checked against the network): the flow is feasible, the
    /// potentials satisfy complementary slackness, and the dual objective equals the primal one at every level, which by
    /// weak duality proves the flow optimal. Returns the primal objective.
    /// </summary>
    /// <remarks>
    /// The dual objective: for any flow x meeting the supplies b, and reduced costs rc(a) = c(a) + π(source) - π(target),
    /// sum c(a)x(a) = sum rc(a)x(a) - sum b(v)π(v), level by level. Complementary slackness makes rc(a)x(a) equal to
    /// u(a)rc(a) on arcs of lexicographically negative reduced cost (saturated) and zero elsewhere, hence
    /// dual = -sum b(v)π(v) + sum over arcs with rc(a) &lt; 0 of u(a)rc(a), the form of LEMON's <c>checkDualCost</c>; and
    /// every feasible flow costs at least that, since (u(a) - x(a))·(-rc(a)) &gt;= 0 and x(a)·rc(a) &gt;= 0 on the rest.
    /// </remarks>
    private static long[] CheckOptimality(NetworkSimplex simplex, Network network)
    {
        var levels = network.Levels;
        var problems = new List<string>();

        // The simplex holds the network it was given.
        simplex.Levels.Should().Be(levels);
        simplex.NodeCount.Should().Be(network.Nodes);
        simplex.ArcCount.Should().Be(network.Arcs.Count);
        simplex.Root.Should().Be(network.Root);
        for (var a = 0; a < network.Arcs.Count; a++)
        {
            var arc = network.Arcs[a];
            if ((simplex.Source(a), simplex.Target(a), simplex.Capacity(a)) != (arc.Source, arc.Target, arc.Capacity) || !simplex.Cost(a).SequenceEqual(arc.Cost))
            {
                problems.Add($"arc {a} is held as {simplex.Source(a)} -> {simplex.Target(a)}, capacity {simplex.Capacity(a)}, cost [{string.Join(", ", simplex.Cost(a).ToArray())}]");
            }
        }

        for (var v = 0; v < network.Nodes; v++)
        {
            if (simplex.Supply(v) != network.Supply[v])
            {
                problems.Add($"node {v} is held with supply {simplex.Supply(v)}");
            }
        }

        // Primal feasibility: bounds and conservation.
        var outflow = new long[network.Nodes];
        var primal = new long[levels];
        for (var a = 0; a < network.Arcs.Count; a++)
        {
            var arc = network.Arcs[a];
            var flow = simplex.Flow(a);
            if (flow < 0 || flow > arc.Capacity)
            {
                problems.Add($"arc {a} carries {flow}, outside 0..{arc.Capacity}");
            }

            outflow[arc.Source] = checked(outflow[arc.Source] + flow);
            outflow[arc.Target] = checked(outflow[arc.Target] - flow);
            for (var k = 0; k < levels; k++)
            {
                primal[k] = checked(primal[k] + (arc.Cost[k] * flow));
            }
        }

        for (var v = 0; v < network.Nodes; v++)
        {
            if (outflow[v] != network.Supply[v])
            {
                problems.Add($"node {v} sends out {outflow[v]}, not its supply {network.Supply[v]}");
            }
        }

        problems.Should().BeEmpty("the flow must be feasible");

        // Complementary slackness with the vector reduced costs, compared lexicographically.
        var pi = Enumerable.Range(0, network.Nodes).Select(v => simplex.Potential(v).ToArray()).ToArray();
        var dual = new long[levels];
        for (var v = 0; v < network.Nodes; v++)
        {
            for (var k = 0; k < levels; k++)
            {
                dual[k] = checked(dual[k] - (network.Supply[v] * pi[v][k]));
            }
        }

        for (var a = 0; a < network.Arcs.Count; a++)
        {
            var arc = network.Arcs[a];
            var reduced = new long[levels];
            for (var k = 0; k < levels; k++)
            {
                reduced[k] = checked(arc.Cost[k] + pi[arc.Source][k] - pi[arc.Target][k]);
            }

            var sign = Math.Sign(reduced.FirstOrDefault(r => r != 0));
            var flow = simplex.Flow(a);
            if (!(sign == 0 || (sign > 0 && flow == 0) || (sign < 0 && flow == arc.Capacity)))
            {
                problems.Add($"arc {a} carries {flow} of {arc.Capacity} at reduced cost [{string.Join(", ", reduced)}]");
            }
            else if (sign < 0)
            {
                for (var k = 0; k < levels; k++)
                {
                    dual[k] = checked(dual[k] + (arc.Capacity * reduced[k]));
                }
            }
        }

        problems.Should().BeEmpty("the potentials must prove the flow optimal");
        dual.Should().Equal(primal, "the dual objective equals the primal one at an optimum");
        return primal;
    }

    /// <summary>A solve: the instance, its objective and its flows, checked by <see cref="CheckOptimality"/>.</summary>
    private sealed record Solved(NetworkSimplex Simplex, long[] Objective, long[] Flows);

    private static Solved Solve(Network network, NetworkSimplex? reused = null)
    {
        var simplex = network.Load(reused ?? new NetworkSimplex(network.Levels));
        simplex.Solve(CancellationToken.None);
        return new Solved(simplex, CheckOptimality(simplex, network), Flows(simplex));
    }

    private static long[] Flows(NetworkSimplex simplex) => [.. Enumerable.Range(0, simplex.ArcCount).Select(simplex.Flow)];

    /// <summary>The transportation problem of <see cref="Solve_TransportationProblem_FindsTheKnownOptimum"/> and its six arcs A->X .. B->Z.</summary>
    private static (Network Network, int[] Arcs) Transportation()
    {
        const int root = 5;
        var network = new Network(levels: 2, nodes: 6, root: root);
        long[] supply = [3, 4, -2, -3, -2];
        supply.CopyTo(network.Supply, 0);
        network.AddArtificialTree(1, 0);
        long[,] cost = { { 4, 6, 9 }, { 5, 3, 8 } };
        var arcs = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                arcs.Add(network.AddArc(i, 2 + j, Infinite, 0, cost[i, j]));
            }
        }

        return (network, [.. arcs]);
    }

    /// <summary>A seeded random transportation problem with three levels, bounded arcs and uncovered arcs to the root.</summary>
    private static Network RandomTransportation(int seed, int suppliers, int customers, int arcsPerSupplier)
    {
        var random = new Random(seed);
        var root = suppliers + customers;
        var network = new Network(levels: 3, nodes: root + 1, root: root);
        for (var i = 0; i < suppliers; i++)
        {
            network.Supply[i] = random.Next(0, 20);
        }

        for (var j = 0; j < customers; j++)
        {
            network.Supply[suppliers + j] = -random.Next(0, 15);
        }

        network.Supply[root] = -network.Supply.Sum();
        network.AddArtificialTree(1, 0, 0);
        for (var i = 0; i < suppliers; i++)
        {
            for (var n = 0; n < arcsPerSupplier; n++)
            {
                var capacity = random.Next(3) == 0 ? Infinite : random.Next(0, 10);
                network.AddArc(i, suppliers + random.Next(customers), capacity, 0, random.Next(-2, 3), random.Next(0, 100));
            }
        }

        return network;
    }

    /// <summary>
    /// Random small networks: 2 to 6 nodes with small supplies, 0 to 10 arcs of capacity 0 to 2 (loops and parallel arcs
    /// included) and costs -3 to 3 at 2 or 3 levels, and for every node but the root an uncovered arc to or from the
    /// root that carries its supply at a cost of 1000 at level 0, more than any difference the other arcs can make.
    /// </summary>
    private static readonly Gen<Network> SmallNetworks =
        from levels in Gen.Int[2, 3]
        from nodes in Gen.Int[2, 6]
        from root in Gen.Int[0, nodes - 1]
        from supplies in Gen.Long[-3, 3].Array[nodes]
        from arcs in Gen.Select(Gen.Int[0, nodes - 1], Gen.Int[0, nodes - 1], Gen.Long[0, 2], Gen.Long[-3, 3].Array[levels]).Array[0, 10]
        select SmallNetwork(levels, nodes, root, supplies, arcs);

    private static Network SmallNetwork(int levels, int nodes, int root, long[] supplies, (int, int, long, long[])[] arcs)
    {
        var network = new Network(levels, nodes, root);
        supplies.CopyTo(network.Supply, 0);
        network.Supply[root] = 0;
        network.Supply[root] = -network.Supply.Sum();
        var uncovered = new long[levels];
        uncovered[0] = 1000;
        network.AddArtificialTree(uncovered);
        foreach (var (source, target, capacity, cost) in arcs)
        {
            network.AddArc(source, target, capacity, cost);
        }

        return network;
    }

    /// <summary>
    /// The lexicographic optimum of a network built by <see cref="SmallNetwork"/>, by trying every flow on the bounded
    /// arcs: each node's uncovered arc, its only unbounded one, then carries whatever the node must still send or
    /// receive, if its direction allows.
    /// </summary>
    private static long[] ExhaustiveOptimum(Network network)
    {
        var levels = network.Levels;
        var uncoveredOf = new int[network.Nodes];
        var bounded = new List<int>();
        for (var a = 0; a < network.Arcs.Count; a++)
        {
            if (network.Arcs[a].Capacity == Infinite)
            {
                var arc = network.Arcs[a];
                uncoveredOf[arc.Source == network.Root ? arc.Target : arc.Source] = a;
            }
            else
            {
                bounded.Add(a);
            }
        }

        long[]? best = null;
        var outflow = new long[network.Nodes];
        var cost = new long[levels];

        void Try(int i)
        {
            if (i == bounded.Count)
            {
                var total = (long[])cost.Clone();
                for (var v = 0; v < network.Nodes; v++)
                {
                    if (v == network.Root)
                    {
                        continue;
                    }

                    var arc = network.Arcs[uncoveredOf[v]];
                    var flow = arc.Source == v ? network.Supply[v] - outflow[v] : outflow[v] - network.Supply[v];
                    if (flow < 0)
                    {
                        return;
                    }

                    for (var k = 0; k < levels; k++)
                    {
                        total[k] += arc.Cost[k] * flow;
                    }
                }

                if (best is null || Compare(total, best) < 0)
                {
                    best = total;
                }

                return;
            }

            var bound = network.Arcs[bounded[i]];
            for (var flow = 0L; flow <= bound.Capacity; flow++)
            {
                outflow[bound.Source] += flow;
                outflow[bound.Target] -= flow;
                for (var k = 0; k < levels; k++)
                {
                    cost[k] += bound.Cost[k] * flow;
                }

                Try(i + 1);
                outflow[bound.Source] -= flow;
                outflow[bound.Target] += flow;
                for (var k = 0; k < levels; k++)
                {
                    cost[k] -= bound.Cost[k] * flow;
                }
            }
        }

        Try(0);
        return best ?? throw new InvalidOperationException("The uncovered arcs make every network feasible.");
    }

    private static int Compare(long[] a, long[] b)
    {
        for (var k = 0; k < a.Length; k++)
        {
            if (a[k] != b[k])
            {
                return a[k].CompareTo(b[k]);
            }
        }

        return 0;
    }

    /// <summary>
    /// A min-cost flow problem as the tests write it, independent of the simplex: supplies, arcs, and the initial tree
    /// arcs with their flows. <see cref="Load"/> puts it into a simplex, fresh or reused.
    /// </summary>
    private sealed class Network(int levels, int nodes, int root)
    {
        public int Levels { get; } = levels;

        public int Nodes { get; } = nodes;

        public int Root { get; } = root;

        public long[] Supply { get; } = new long[nodes];

        public List<(int Source, int Target, long Capacity, long[] Cost)> Arcs { get; } = [];

        public List<(int Node, int Arc, long Flow)> TreeArcs { get; } = [];

        public int AddArc(int source, int target, long capacity, params long[] cost)
        {
            Arcs.Add((source, target, capacity, cost));
            return Arcs.Count - 1;
        }

        public void SetTreeArc(int node, int arc, long flow) => TreeArcs.Add((node, arc, flow));

        /// <summary>
        /// Gives every node but the root an unbounded arc of <paramref name="cost"/> that carries its supply, as
        /// FlowModel's uncovered arcs do: to the root from a node that supplies (or supplies nothing), from the root to a
        /// node that demands, so that the tree is strongly feasible. Set the supplies first.
        /// </summary>
        public void AddArtificialTree(params long[] cost)
        {
            for (var v = 0; v < Nodes; v++)
            {
                if (v != Root)
                {
                    var arc = Supply[v] >= 0 ? AddArc(v, Root, Infinite, cost) : AddArc(Root, v, Infinite, cost);
                    SetTreeArc(v, arc, Math.Abs(Supply[v]));
                }
            }
        }

        public NetworkSimplex Load(NetworkSimplex simplex)
        {
            simplex.Reset(Nodes, Root, Arcs.Count);
            for (var v = 0; v < Nodes; v++)
            {
                simplex.SetSupply(v, Supply[v]);
            }

            foreach (var (source, target, capacity, cost) in Arcs)
            {
                simplex.AddArc(source, target, capacity, cost);
            }

            foreach (var (node, arc, flow) in TreeArcs)
            {
                simplex.SetTreeArc(node, arc, flow);
            }

            return simplex;
        }

        public override string ToString()
        {
            var text = new StringBuilder($"levels {Levels}, root {Root}, supplies [{string.Join(", ", Supply)}], arcs");
            foreach (var (source, target, capacity, cost) in Arcs)
            {
                text.Append($" {source}->{target} cap {(capacity == Infinite ? "inf" : capacity)} cost [{string.Join(", ", cost)}];");
            }

            return text.ToString();
        }
    }
}
