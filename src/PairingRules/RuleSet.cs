using PairingRules.Audit;
using PairingRules.Compilation;
using PairingRules.Evaluation;
using PairingRules.Explanation;
using PairingRules.Results;
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
/// <para>The facade over the library's stages (docs/architecture.md): reading the rule model and
/// compiling it (<see cref="Parse"/>), then, per roster, evaluating the rules on it, solving, explaining the gaps and
/// building the result (<see cref="Solve(Roster, PairingOptions?, CancellationToken)"/>), or auditing an existing pairing (<see cref="CheckAsync(Roster, AuditWorkflow?, PairingOptions?, CancellationToken)"/>).</para>
/// <threadsafety>Immutable and thread-safe: one instance may solve and check many rosters at once from many threads;
/// nothing is cached or changed between calls. The library keeps no mutable static state of its own and changes no
/// process-wide setting (it reads GB18030 without registering an encoding provider).</threadsafety>
/// </remarks>
public sealed partial class RuleSet
{
    private const string EmbeddedXingCounty = "PairingRules.rules.xing-county.json";
    private const string EmbeddedSchema = "PairingRules.rules.pairing-rules.schema.json";

    private RuleSet(CompiledRuleSet compiled) => Compiled = compiled;

    /// <summary>The rule set's short name, for example <c>xing-county</c>.</summary>
    public string Name => Compiled.Name;

    /// <summary>The title for people, or <see langword="null"/>.</summary>
    public string? Title => Compiled.Title;

    /// <summary>Where the rules come from (a document or URL), or <see langword="null"/>.</summary>
    public string? Source => Compiled.Source;

    /// <summary>A longer description, or <see langword="null"/>.</summary>
    public string? Description => Compiled.Description;

    /// <summary>The groups in priority order: a helper belongs to the first group that selects it.</summary>
    public IReadOnlyList<RuleGroup> Groups => Compiled.Groups;

    /// <summary>The compiled rules the stages read.</summary>
    internal CompiledRuleSet Compiled { get; }

    /// <summary>The text of the JSON Schema for rule files, as shipped in <c>rules/schema/pairing-rules.schema.json</c>.</summary>
    public static string SchemaJson => EmbeddedFiles.Read(EmbeddedSchema);

    /// <summary>Loads and compiles a rule file.</summary>
    /// <param name="path">The path of the JSON rule file.</param>
    /// <returns>The compiled rule set.</returns>
    /// <remarks>The file is read as UTF-8, with or without a byte-order mark, or as UTF-16 (little- or big-endian) with
    /// a byte-order mark. A file in any other encoding, such as GBK/GB18030 (what Notepad calls "ANSI" on a Chinese
    /// system), is refused with a problem at the first byte that is not UTF-8 that says how to save the file as UTF-8:
    /// its Chinese text is never read garbled.</remarks>
    /// <exception cref="RuleSetException">The file is missing, unreadable, not in an accepted encoding or has problems;
    /// every problem is listed.</exception>
    public static RuleSet Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var problems = new List<InputProblem>();
        var bytes = RuleFileText.ReadFile(path, "rule file", problems);
        return bytes is null ? throw new RuleSetException(path, problems) : ParseBytes(bytes, path);
    }

    /// <summary>Compiles a rule set from the bytes of a rule file, decoded as <see cref="Load"/> says (what
    /// <see cref="Load"/> runs once it has read the file).</summary>
    /// <exception cref="RuleSetException">The bytes are not in an accepted encoding or the rule set has problems.</exception>
    internal static RuleSet ParseBytes(byte[] bytes, string sourceName)
    {
        var problems = new List<InputProblem>();
        var json = RuleFileText.Decode(bytes, sourceName, "rule file", problems);
        return json is null ? throw new RuleSetException(sourceName, problems) : Parse(json, sourceName);
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
        var compiled = document is null ? null : RuleSetCompiler.Compile(document, sourceName, problems);
        if (problems.Count > 0 || compiled is null)
        {
            throw new RuleSetException(sourceName, problems);
        }

        return new RuleSet(compiled);
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
        return Compiled.GroupOf(helper);
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
    /// <param name="options">How warnings are treated; default <see langword="null"/>, the defaults of
    /// <see cref="PairingOptions"/> (warnings are reported in the result).</param>
    /// <param name="cancellationToken">Stops a long solve; nothing is returned then.</param>
    /// <returns>The pairing with its gaps, the certificate that it is the best possible, and the warnings
    /// (<see cref="PairingResult.Warnings"/>).</returns>
    /// <exception cref="RosterException"><see cref="PairingOptions.Strict"/> is set and there are warnings: every one is
    /// listed as an error; nothing was solved.</exception>
    /// <exception cref="RuleEvaluationException">An expression failed on a helper or household.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public PairingResult Solve(Roster roster, PairingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var placement = Placement.Of(Compiled, roster, cancellationToken);
        var warnings = Warnings(placement, options, cancellationToken);
        var current = CurrentPairings.Classify(placement);
        var problem = ProblemBuilder.Build(placement, current, cancellationToken);
        var solution = FlowModel.Solve(problem, cancellationToken);
        var assignment = Assignment.Of(problem, solution);
        ObjectiveValues? fresh = null;
        if (current.KeptCount > 0)
        {
            // What a solve that keeps nothing would reach: the price of keeping pairings (不脱贫不脱钩).
            var freshProblem = ProblemBuilder.Build(placement, current: null, cancellationToken);
            fresh = Objective.Of(freshProblem, Assignment.Of(freshProblem, FlowModel.Solve(freshProblem, cancellationToken)));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var explanation = Explainer.Explain(problem, solution, assignment);
        return ResultBuilder.Build(problem, assignment, explanation, fresh, warnings);
    }

    /// <summary>Pairs the roster with the default options: <see cref="Solve(Roster, PairingOptions?, CancellationToken)"/>.</summary>
    /// <param name="roster">The households and helpers.</param>
    /// <param name="cancellationToken">Stops a long solve; nothing is returned then.</param>
    /// <returns>The pairing with its gaps, the certificate that it is the best possible, and the warnings.</returns>
    /// <exception cref="RuleEvaluationException">An expression failed on a helper or household.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public PairingResult Solve(Roster roster, CancellationToken cancellationToken) => Solve(roster, options: null, cancellationToken);

    /// <summary>
    /// Audits the existing pairing in <see cref="Household.CurrentHelper"/> against these rules without changing it:
    /// unknown helpers, helpers no group selects, pairings out of scope, households the group may not take, households
    /// beyond a cap, households with no helper, helpers with no household or under quota, and any check of the author's own.
    /// </summary>
    /// <param name="roster">The households (with their current helpers) and helpers.</param>
    /// <param name="audit">The checks to run; default the built-in <c>rules/audit.json</c> (<see cref="AuditWorkflow.LoadDefault"/>).</param>
    /// <param name="options">How warnings are treated; default <see langword="null"/>, the defaults of
    /// <see cref="PairingOptions"/> (warnings are reported in the report).</param>
    /// <param name="cancellationToken">Stops a long audit.</param>
    /// <returns>Every finding, each fault once, and the warnings (<see cref="AuditReport.Warnings"/>).</returns>
    /// <remarks>Asynchronous only because RulesEngine runs workflows through asynchronous methods; the audit reads no
    /// files (the default checks are embedded in the library).</remarks>
    /// <exception cref="RosterException"><see cref="PairingOptions.Strict"/> is set and there are warnings: every one is
    /// listed as an error, thrown by this call (not by the task); nothing was checked.</exception>
    /// <exception cref="RuleEvaluationException">An expression of the rule set failed on a helper or household.</exception>
    public Task<AuditReport> CheckAsync(Roster roster, AuditWorkflow? audit = null, PairingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var placement = Placement.Of(Compiled, roster, cancellationToken);
        var warnings = Warnings(placement, options, cancellationToken);
        return PairingAuditor.CheckAsync(placement, CurrentPairings.Classify(placement), audit ?? AuditWorkflow.LoadDefault(), warnings, cancellationToken);
    }

    /// <summary>Audits the existing pairing with the default options: <see cref="CheckAsync(Roster, AuditWorkflow?, PairingOptions?, CancellationToken)"/>.</summary>
    /// <param name="roster">The households (with their current helpers) and helpers.</param>
    /// <param name="audit">The checks to run; <see langword="null"/> for the built-in <c>rules/audit.json</c>.</param>
    /// <param name="cancellationToken">Stops a long audit.</param>
    /// <returns>Every finding, each fault once, and the warnings.</returns>
    /// <exception cref="RuleEvaluationException">An expression of the rule set failed on a helper or household.</exception>
    public Task<AuditReport> CheckAsync(Roster roster, AuditWorkflow? audit, CancellationToken cancellationToken) =>
        CheckAsync(roster, audit, options: null, cancellationToken);

    /// <summary>The roster's warnings, then those of the rules on the roster; in strict mode, all of them thrown as errors.</summary>
    private static IReadOnlyList<InputProblem> Warnings(Placement placement, PairingOptions? options, CancellationToken cancellationToken)
    {
        IReadOnlyList<InputProblem> found = RuleDiagnostics.Find(placement, cancellationToken);
        var warnings = placement.Roster.Warnings.Count == 0 ? found : [.. placement.Roster.Warnings, .. found];
        if (options is { Strict: true } && warnings.Count > 0)
        {
            throw new RosterException([.. warnings.Select(w => w.AsError())]);
        }

        return warnings;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Groups.Count} groups)";

}
