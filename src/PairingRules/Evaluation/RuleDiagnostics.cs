using System.Globalization;
using PairingRules.Compilation;

namespace PairingRules.Evaluation;

/// <summary>
/// Likely mistakes in how the rules meet a roster that are not errors, each a located warning: an attribute a rule reads
/// that no row has, a text constant compared with a member that no row has, a group that selects no helper, and helpers
/// that no group selects (per category). Found once per solve or check from what each expression reads
/// (<see cref="ExpressionReads"/>, found when the rules were compiled) and the placement: one pass over the attribute
/// names and compared member values of the roster, and no expression run per household.
/// </summary>
internal static class RuleDiagnostics
{
    /// <summary>The most names or values a warning lists; the rest are counted.</summary>
    private const int ListedValues = 20;

    /// <summary>Every warning, in the order of the rule file (group by group, each group's <c>helpers</c> before its
    /// <c>households</c>, in the order the expression reads), then the helpers no group selects, by category in roster order.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static IReadOnlyList<InputProblem> Find(Placement placement, CancellationToken cancellationToken)
    {
        var rules = placement.Rules;
        var roster = placement.Roster;
        var helperFacts = RowFacts.Of(roster.Helpers, static h => h.Attributes, rules.Reads, cancellationToken);
        var householdFacts = RowFacts.Of(roster.Households, static h => h.Attributes, rules.Reads, cancellationToken);
        var members = new int[rules.Groups.Count];
        for (var i = 0; i < roster.Helpers.Count; i++)
        {
            if (GroupOf(placement, i) is var g and >= 0)
            {
                members[g]++;
            }
        }

        var warnings = new List<InputProblem>();
        foreach (var reads in rules.Reads)
        {
            var facts = reads.Input == typeof(Helper) ? helperFacts : householdFacts;
            if (facts.Rows > 0)
            {
                Attributes(reads, facts, warnings);
                Comparisons(reads, facts, warnings);
            }

            if (reads.Field == "helpers" && roster.Helpers.Count > 0 && members[reads.GroupIndex] == 0)
            {
                warnings.Add(reads.Warning(EmptyGroup(placement, reads.GroupIndex)));
            }
        }

        Unselected(placement, warnings);
        return warnings;
    }

    /// <summary>The group a helper takes part in, or the group that selects it but whose scope needs a place it lacks; else -1.</summary>
    private static int GroupOf(Placement placement, int helper) =>
        placement.GroupOfHelper[helper] >= 0 ? placement.GroupOfHelper[helper] : placement.UnselectedGroup[helper];

    private static void Attributes(ExpressionReads reads, RowFacts facts, List<InputProblem> warnings)
    {
        var input = reads.Variable;
        foreach (var read in reads.Attributes)
        {
            if (facts.AttributeNames.Contains(read.Name))
            {
                continue;
            }

            var names = facts.AttributeNames.Ordered;
            var known = names.Count == 0
                ? $"the roster's {input}s have no attributes"
                : $"attributes of the roster's {input}s: {List(names)}";
            var result = read.Call == nameof(Helper.HasAttribute) ? "false" : "\"\"";
            warnings.Add(reads.Warning(OneLine(
                $"no {input} of the roster has the attribute `{read.Name}`{DidYouMean(read.Name, names)} ({known}); " +
                $"`{input}.{read.Call}(\"{read.Name}\")` is {result} for every {input}"),
                read.At));
        }
    }

    private static void Comparisons(ExpressionReads reads, RowFacts facts, List<InputProblem> warnings)
    {
        var input = reads.Variable;
        foreach (var comparison in reads.Comparisons)
        {
            var member = comparison.Member;
            if (member.Attribute is { } attribute && !facts.AttributeNames.Contains(attribute))
            {
                continue; // the missing attribute is warned about already
            }

            var values = facts.Values[member];
            if (values.Contains(comparison.Value))
            {
                continue;
            }

            var known = values.Ordered.Count == 0
                ? $"no {input} has a value of {member}"
                : $"values of {member}: {List(values.Ordered)}";
            warnings.Add(reads.Warning(OneLine(
                $"no {input} of the roster has `{member}` equal to \"{comparison.Value}\"{DidYouMean(comparison.Value, values.Ordered)} ({known}); " +
                $"the comparison is {(comparison.Negated ? "always" : "never")} true"),
                comparison.At));
        }
    }

    /// <summary>Why group <paramref name="group"/> has no member: its expression holds for no helper, or only for helpers of earlier groups.</summary>
    private static string EmptyGroup(Placement placement, int group)
    {
        var helpers = placement.Roster.Helpers;
        var earlier = new int[group];
        var shadowed = 0;
        for (var i = 0; i < helpers.Count; i++)
        {
            // Only helpers of earlier groups were not asked: every later group's expression was false for the others.
            if (GroupOf(placement, i) is var g && g >= 0 && g < group && Holds(placement.Rules.Groups[group], helpers[i]))
            {
                earlier[g]++;
                shadowed++;
            }
        }

        if (shadowed == 0)
        {
            return helpers.Count == 1
                ? "selects no helper of the roster: its `helpers` expression does not hold for the roster's one helper, so the group takes no household"
                : Invariant($"selects no helper of the roster: its `helpers` expression holds for none of the roster's {helpers.Count:N0} helpers, so the group takes no household");
        }

        var groups = string.Join(", ", earlier.Select((count, g) => (count, g)).Where(p => p.count > 0)
            .Select(p => Invariant($"`{placement.Rules.Groups[p.g].Id}` {p.count:N0}")));
        return Invariant($"selects no helper of the roster: the {shadowed:N0} helper{S(shadowed)} its `helpers` expression holds for {(shadowed == 1 ? "belongs" : "belong")} to earlier groups ({groups}), as a helper belongs to the first group that selects it; the group takes no household");
    }

    /// <summary>Whether the group's expression holds for a helper it was not asked about; a failure counts as no.</summary>
    private static bool Holds(RuleGroup group, Helper helper)
    {
        try
        {
            return group.Selects(helper);
        }
        catch (RuleEvaluationException)
        {
            return false;
        }
    }

    /// <summary>Helpers no group selects, once per category: every helper of an unknown category, or some of a known one.</summary>
    private static void Unselected(Placement placement, List<InputProblem> warnings)
    {
        var helpers = placement.Roster.Helpers;
        var categories = new Dictionary<string, (int Helpers, int Unselected, int First)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < helpers.Count; i++)
        {
            var category = helpers[i].Category;
            if (!categories.TryGetValue(category, out var tally))
            {
                tally = (0, 0, -1);
                order.Add(category);
            }

            var unselected = placement.UnselectedReason[i] == UnselectedReason.NoGroupSelects;
            categories[category] = (tally.Helpers + 1, tally.Unselected + (unselected ? 1 : 0), tally.First < 0 && unselected ? i : tally.First);
        }

        // The categories the rules name: text constants compared with helper.Category, and the groups that compare them.
        var named = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var namedOrder = new List<string>();
        foreach (var reads in placement.Rules.Reads.Where(r => r.Input == typeof(Helper)))
        {
            foreach (var comparison in reads.Comparisons.Where(c => c.Member is { Property: nameof(Helper.Category), Attribute: null }))
            {
                if (!named.TryGetValue(comparison.Value, out var groups))
                {
                    named[comparison.Value] = groups = [];
                    namedOrder.Add(comparison.Value);
                }

                if (!groups.Contains(reads.GroupId))
                {
                    groups.Add(reads.GroupId);
                }
            }
        }

        foreach (var category in order)
        {
            var (count, unselected, first) = categories[category];
            if (unselected == 0)
            {
                continue;
            }

            var first1 = unselected == 1 ? string.Empty : "the first ";
            var firstHelper = Invariant($"'{helpers[first].Id}', position {first + 1:N0}");
            var they = unselected == 1 ? "is selected by no group, so it takes" : "are selected by no group, so they take";
            if (unselected < count)
            {
                warnings.Add(Warning(Invariant($"{unselected:N0} of the {count:N0} helpers of category `{category}` ({first1}{firstHelper}) {they} no household")));
                continue;
            }

            var why = named.TryGetValue(category, out var groups)
                ? $"the groups that name the category ({string.Join(", ", groups.Select(g => $"`{g}`"))}) {(count == 1 ? "do not select it" : "select none of them")}"
                : $"no group names the category{DidYouMean(category, namedOrder)} ({(namedOrder.Count == 0 ? "the rules name no category" : "categories the rules name: " + List(namedOrder))})";
            var all = count == 1 ? "the helper" : Invariant($"all {count:N0} helpers");
            warnings.Add(Warning($"{all} of category `{category}` ({first1}{firstHelper}) {they} no household: {why}"));
        }
    }

    private static InputProblem Warning(string message) => new(OneLine(message), path: "helpers", severity: ProblemSeverity.Warning);

    /// <summary>The message on one line: a line break in a value of the roster or a constant of the rules is written
    /// <c>\n</c> (or <c>\r</c>), so that every warning stays one line on stderr.</summary>
    private static string OneLine(string message) =>
        message.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>", did you mean `x`?" for a close spelling, or for a name that contains the other or is contained in it
    /// (<c>监测户</c> and <c>是否监测户</c>); else nothing.</summary>
    private static string DidYouMean(string word, IReadOnlyList<string> candidates)
    {
        // One character differs from any other by one edit: no suggestion for single characters such as 是 and 否.
        var best = word.Length >= 2 && Spelling.Closest(word, candidates) is { Length: >= 2 } close ? close : null;
        if (best is null)
        {
            var difference = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (Math.Min(word.Length, candidate.Length) >= 2 && Math.Abs(word.Length - candidate.Length) < difference &&
                    (candidate.Contains(word, StringComparison.OrdinalIgnoreCase) || word.Contains(candidate, StringComparison.OrdinalIgnoreCase)))
                {
                    best = candidate;
                    difference = Math.Abs(word.Length - candidate.Length);
                }
            }
        }

        return best is null ? string.Empty : $", did you mean `{best}`?";
    }

    private static string List(IReadOnlyList<string> items) => items.Count <= ListedValues
        ? string.Join(", ", items)
        : Invariant($"{string.Join(", ", items.Take(ListedValues))} and {items.Count - ListedValues:N0} more");

    private static string S(int count) => count == 1 ? string.Empty : "s";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Distinct strings in order of first appearance.</summary>
    private sealed class OrderedSet
    {
        private readonly HashSet<string> _set = new(StringComparer.Ordinal);
        private readonly List<string> _ordered = [];

        public IReadOnlyList<string> Ordered => _ordered;

        public bool Contains(string value) => _set.Contains(value);

        public void Add(string value)
        {
            if (_set.Add(value))
            {
                _ordered.Add(value);
            }
        }
    }

    /// <summary>What the rules read of one kind of row: the attribute names the rows have and the values of the compared
    /// members, each collected only when some expression over that kind of row needs it.</summary>
    private sealed class RowFacts
    {
        private RowFacts(int rows) => Rows = rows;

        public int Rows { get; }

        public OrderedSet AttributeNames { get; } = new();

        public Dictionary<TextMember, OrderedSet> Values { get; } = [];

        public static RowFacts Of<T>(IReadOnlyList<T> rows, Func<T, IReadOnlyDictionary<string, string>> attributesOf, IReadOnlyList<ExpressionReads> reads, CancellationToken cancellationToken)
            where T : class
        {
            var facts = new RowFacts(rows.Count);
            var mine = reads.Where(r => r.Input == typeof(T)).ToArray();
            var members = mine.SelectMany(r => r.Comparisons).Select(c => c.Member).Distinct().ToArray();
            foreach (var member in members)
            {
                facts.Values[member] = new OrderedSet();
            }

            var needNames = mine.Any(r => r.Attributes.Count > 0) || members.Any(m => m.Attribute is not null);
            if (!needNames && members.Length == 0)
            {
                return facts;
            }

            var values = members.Select(m => facts.Values[m]).ToArray();
            for (var i = 0; i < rows.Count; i++)
            {
                if ((i & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var row = rows[i];
                var attributes = attributesOf(row);
                if (needNames)
                {
                    foreach (var name in attributes.Keys)
                    {
                        facts.AttributeNames.Add(name);
                    }
                }

                for (var m = 0; m < members.Length; m++)
                {
                    var value = members[m].Read is { } read ? read(row)
                        : attributes.TryGetValue(members[m].Attribute!, out var attribute) ? attribute
                        : null;
                    if (value is not null)
                    {
                        values[m].Add(value);
                    }
                }
            }

            return facts;
        }
    }
}
