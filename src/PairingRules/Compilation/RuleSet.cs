using System.Text;
using System.Text.RegularExpressions;
using PairingRules.Compilation;
using PairingRules.RuleModel;
using PairingRules.Solving;

namespace PairingRules;

/// <summary>
/// A compiled rule set: the groups of helpers, in priority order, with their expressions compiled to delegates.
/// Load and compile it once (<see cref="Load"/>, <see cref="Parse"/>, <see cref="LoadXingCounty"/>), then solve or
/// check as many rosters as needed. It is immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Compiling parses and checks every expression, which costs far more than evaluating it: keep the instance
/// (a field, a singleton in a DI container) rather than loading the file per request.</para>
/// <threadsafety>Immutable and thread-safe: one instance may solve and check many rosters at once from many threads;
/// nothing is cached or changed between calls, and the library holds no static mutable state.</threadsafety>
/// </remarks>
public sealed partial class RuleSet
{
    private const string EmbeddedXingCounty = "PairingRules.rules.xing-county.json";
    private const string EmbeddedSchema = "PairingRules.rules.pairing-rules.schema.json";

    private RuleSet(string name, string? title, string? source, string? description, IReadOnlyList<RuleGroup> groups)
    {
        Name = name;
        Title = title;
        Source = source;
        Description = description;
        Groups = groups;
    }

    /// <summary>The rule set's short name, for example <c>xing-county</c>.</summary>
    public string Name { get; }

    /// <summary>The title for people, or <see langword="null"/>.</summary>
    public string? Title { get; }

    /// <summary>Where the rules come from (a document or URL), or <see langword="null"/>.</summary>
    public string? Source { get; }

    /// <summary>A longer description, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>The groups in priority order: a helper belongs to the first group that selects it.</summary>
    public IReadOnlyList<RuleGroup> Groups { get; }

    /// <summary>The text of the JSON Schema for rule files, as shipped in <c>rules/schema/pairing-rules.schema.json</c>.</summary>
    public static string SchemaJson => EmbeddedFiles.Read(EmbeddedSchema);

    /// <summary>Loads and compiles a rule file.</summary>
    /// <param name="path">The path of the JSON rule file.</param>
    /// <returns>The compiled rule set.</returns>
    /// <exception cref="RuleSetException">The file is missing or has problems; every problem is listed.</exception>
    public static RuleSet Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new RuleSetException(path, [new InputProblem($"cannot read the rule file: {e.Message}", path)]);
        }

        return Parse(json, path);
    }

    /// <summary>Compiles a rule set from its JSON text.</summary>
    /// <param name="json">The JSON text of the rule file.</param>
    /// <param name="sourceName">The name used in problem locations (a file name); default <c>rules.json</c>.</param>
    /// <returns>The compiled rule set.</returns>
    /// <exception cref="RuleSetException">The rule set has problems; every problem is listed.</exception>
    public static RuleSet Parse(string json, string sourceName = "rules.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        var problems = new List<InputProblem>();
        var document = RuleSetReader.Read(json, sourceName, problems);
        var ruleSet = document is null ? null : Compile(document, sourceName, problems);
        if (problems.Count > 0 || ruleSet is null)
        {
            throw new RuleSetException(sourceName, problems);
        }

        return ruleSet;
    }

    /// <summary>Compiles the Xing County (兴县, 2017) rule set that ships inside the library.</summary>
    /// <returns>The compiled rule set, the same as <c>rules/xing-county.json</c>.</returns>
    public static RuleSet LoadXingCounty() => Parse(EmbeddedFiles.Read(EmbeddedXingCounty), "xing-county.json");

    /// <summary>The JSON text of the shipped Xing County rule set.</summary>
    public static string XingCountyJson => EmbeddedFiles.Read(EmbeddedXingCounty);

    /// <summary>The group a helper belongs to: the first whose <c>helpers</c> expression holds.</summary>
    /// <param name="helper">The helper.</param>
    /// <returns>The group, or <see langword="null"/> when no group selects the helper.</returns>
    /// <exception cref="RuleEvaluationException">An expression failed on this helper.</exception>
    public RuleGroup? GroupOf(Helper helper)
    {
        ArgumentNullException.ThrowIfNull(helper);
        for (var g = 0; g < Groups.Count; g++)
        {
            if (Groups[g].Selects(helper))
            {
                return Groups[g];
            }
        }

        return null;
    }

    /// <summary>
    /// The group a helper takes part in, or why it takes none: no group selects it, or its group pairs within a
    /// township or village the helper does not have.
    /// </summary>
    internal (RuleGroup? Group, string? Reason) Place(Helper helper)
    {
        var group = GroupOf(helper);
        return group switch
        {
            null => (null, "no group's `helpers` expression selects it"),
            { Scope: not PairingScope.County } when helper.Township is null =>
                (null, $"group `{group.Id}` pairs within a {group.Scope.Name()}, but the helper has no township"),
            { Scope: PairingScope.Village } when helper.Village is null =>
                (null, $"group `{group.Id}` pairs within a village, but the helper has no village"),
            _ => (group, null),
        };
    }

    /// <summary>Finds a group by id.</summary>
    /// <param name="id">The group id.</param>
    /// <returns>The group, or <see langword="null"/>.</returns>
    public RuleGroup? FindGroup(string id) => Groups.FirstOrDefault(g => g.Id == id);

    /// <summary>
    /// Pairs the roster's households with its helpers, optimally under the objectives in order: coverage,
    /// no helper without a household, least quota shortfall, the remainder to the backstop, balance.
    /// Households that already have a valid helper (<see cref="Household.CurrentHelper"/>) keep it.
    /// </summary>
    /// <param name="roster">The households and helpers.</param>
    /// <param name="cancellationToken">Stops a long solve; nothing is returned then.</param>
    /// <returns>The pairing with its gaps and the certificate that it is the best possible.</returns>
    /// <exception cref="RuleEvaluationException">An expression failed on a helper or household.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public PairingResult Solve(Roster roster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return PairingSolver.Solve(this, roster, cancellationToken);
    }

    /// <summary>
    /// Audits the existing pairing in <see cref="Household.CurrentHelper"/> against these rules without changing it:
    /// unknown helpers, helpers no group selects, pairings out of scope, households the group may not take, households
    /// beyond a cap, households with no helper, helpers with no household or under quota, and any check of the author's own.
    /// </summary>
    /// <param name="roster">The households (with their current helpers) and helpers.</param>
    /// <param name="audit">The checks to run; default the built-in <c>rules/audit.json</c> (<see cref="AuditWorkflow.LoadDefault"/>).</param>
    /// <param name="cancellationToken">Stops a long audit.</param>
    /// <returns>Every finding, each fault once.</returns>
    /// <remarks>Asynchronous only because RulesEngine runs workflows through asynchronous methods; the audit reads no
    /// files (the default checks are embedded in the library).</remarks>
    /// <exception cref="RuleEvaluationException">An expression of the rule set failed on a helper or household.</exception>
    public Task<AuditReport> CheckAsync(Roster roster, AuditWorkflow? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return Audit.PairingAuditor.CheckAsync(this, roster, audit ?? AuditWorkflow.LoadDefault(), cancellationToken);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Groups.Count} groups)";

    private static RuleSet? Compile(RuleSetDocument document, string sourceName, List<InputProblem> problems)
    {
        var compiler = new ExpressionCompiler(sourceName, problems);
        var groups = new List<RuleGroup>();
        var ids = new Dictionary<string, Location>(StringComparer.Ordinal);
        var backstops = new Dictionary<PairingScope, string>();

        void Problem(Location location, string message) =>
            problems.Add(new InputProblem(message, sourceName, location.Line > 0 ? location.Line : null, location.Column > 0 ? location.Column : null, location.Path));

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

            if (g.Backstop is { Value: true } backstop && scope is { } s && !backstops.TryAdd(s, id))
            {
                Problem(backstop.Location, $"group `{id}`: a second backstop with scope `{s.Name()}` (group `{backstops[s]}` already takes the remainder there); only one group per scope may be the backstop");
            }

            var selects = g.Helpers is { } helpers ? compiler.Compile<Helper>(helpers, "helper", id) : null;
            var accepts = g.Households is { } households
                ? compiler.Compile<Household>(households, "household", id)
                : static _ => true;

            if (selects is not null && accepts is not null && scope is not null && g.Id is not null)
            {
                groups.Add(new RuleGroup(
                    groups.Count,
                    id,
                    string.IsNullOrWhiteSpace(g.Label?.Value) ? id : g.Label.Value,
                    g.Description?.Value,
                    g.Helpers!.Value,
                    g.Households?.Value ?? "true",
                    scope.Value,
                    min,
                    g.Max?.Value,
                    g.Backstop?.Value ?? false,
                    selects,
                    accepts));
            }
        }

        return problems.Count == 0 && document.Name is not null
            ? new RuleSet(document.Name.Value, document.Title?.Value, document.Source?.Value, document.Description?.Value, groups)
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex GroupId();
}
