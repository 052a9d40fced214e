using System.Text.RegularExpressions;
using PairingRules.RuleModel;

namespace PairingRules.Compilation;

/// <summary>
/// Turns the rule model (what an author wrote, with locations) into a <see cref="CompiledRuleSet"/>: checks ids, scopes,
/// quotas, caps and backstops, and compiles every expression to a delegate. Every problem is reported, located.
/// </summary>
internal static partial class RuleSetCompiler
{
    /// <summary>Compiles <paramref name="document"/>, adding every problem to <paramref name="problems"/>; notes what each
    /// expression reads of the roster's data (<see cref="ExpressionReads"/>) for the warnings of a solve.</summary>
    /// <returns>The compiled rules, or <see langword="null"/> when there were problems.</returns>
    public static CompiledRuleSet? Compile(RuleSetDocument document, string sourceName, List<InputProblem> problems)
    {
        var compiler = new ExpressionCompiler(sourceName, problems, ExpressionSettings.RuleInputs);
        var groups = new List<RuleGroup>();
        var ids = new Dictionary<string, Location>(StringComparer.Ordinal);
        var backstops = new Dictionary<PairingScope, string>();
        var reads = new List<ExpressionReads>();

        void Problem(Location location, string message) =>
            problems.Add(new InputProblem(message, sourceName, location.Line > 0 ? location.Line : null, location.Column > 0 ? location.Column : null, location.Path));

        var restrictions = CompileRestrictions(document, compiler, sourceName, reads, Problem);
        var defaultCapUsed = false;

        foreach (var g in document.Groups)
        {
            var id = g.Id?.Value ?? $"#{groups.Count + 1}";
            if (g.Id is { } located)
            {
                if (!GroupId().IsMatch(located.Value))
                {
                    Problem(located.Location, $"group id `{located.Value}` may use only letters, digits, `-`, `_` and `.`, and must start with a letter or digit");
                }
                else if (!ids.TryAdd(located.Value, located.Location))
                {
                    Problem(located.Location, $"duplicate group id `{located.Value}` (first used at line {ids[located.Value].Line}): group ids must be unique");
                }
            }

            PairingScope? scope = null;
            if (g.Scope is { } scopeText)
            {
                scope = scopeText.Value switch
                {
                    "county" => PairingScope.County,
                    "township" => PairingScope.Township,
                    "village" => PairingScope.Village,
                    _ => null,
                };
                if (scope is null)
                {
                    Problem(scopeText.Location, $"group `{id}`: unknown scope `{scopeText.Value}`{Spelling.DidYouMean(scopeText.Value, ["county", "township", "village"])} (scope is `county`, `township` or `village`)");
                }
            }

            var min = g.Min?.Value ?? 0;
            if (g is { Max: { } max, Min: { } } && max.Value < min)
            {
                Problem(max.Location, $"group `{id}`: `max` ({max.Value}) is below `min` ({min}): a member cannot take fewer than the quota and at most fewer");
            }

            var defaultCap = DefaultCapOf(g, document);
            defaultCapUsed |= defaultCap is not null;
            if (defaultCap is not null && g.Min is { } quota && defaultCap.Value < min)
            {
                Problem(quota.Location, $"group `{id}`: `min` ({min}) is above `defaults.max` ({defaultCap.Value}, line {defaultCap.Location.Line}), the cap of every group without its own `max`: give the group its own `max`, or lower `min`");
            }

            if (g.Backstop is { Value: true } backstop && scope is { } s && !backstops.TryAdd(s, id))
            {
                Problem(backstop.Location, $"group `{id}`: a second backstop with scope `{s.Name()}` (group `{backstops[s]}` already takes the remainder there); only one group per scope may be the backstop");
            }

            var index = groups.Count;
            var selects = g.Helpers is { } helpers
                ? compiler.Compile<Helper>(helpers, "helper", id, (body, parameter) => reads.Add(ExpressionReads.Of<Helper>(body, parameter, helpers, sourceName, index, id, "helpers")))
                : null;
            var accepts = g.Households is { } households
                ? compiler.Compile<Household>(households, "household", id, (body, parameter) => reads.Add(ExpressionReads.Of<Household>(body, parameter, households, sourceName, index, id, "households")))
                : static _ => true;

            if (selects is not null && accepts is not null && scope is not null && g.Id is not null)
            {
                var (householdsText, restricted) = Restrict(id, g.Households?.Value, accepts, restrictions);
                groups.Add(new RuleGroup(
                    index,
                    id,
                    string.IsNullOrWhiteSpace(g.Label?.Value) ? id : g.Label.Value,
                    g.Description?.Value,
                    g.Helpers!.Value,
                    householdsText,
                    scope.Value,
                    min,
                    g.Max?.Value ?? defaultCap?.Value,
                    g.Backstop?.Value ?? false,
                    selects,
                    restricted));
            }
        }

        if (document.DefaultMax is { } unused && !defaultCapUsed && document.Groups.Count > 0)
        {
            Problem(unused.Location, "`defaults.max` applies to no group: every group sets its own `max` or is a backstop, and a default cap never applies to a backstop; remove it");
        }

        return problems.Count == 0 && document.Name is not null
            ? new CompiledRuleSet(document.Name.Value, document.Title?.Value, document.Source?.Value, document.Description?.Value, groups, reads)
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex GroupId();
}
