using System.Linq.Expressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PairingRules.Compilation;
using PairingRules.RuleModel;
using RulesEngine.Models;

namespace PairingRules.Audit;

/// <summary>
/// The checks that <see cref="RuleSet.CheckAsync(Roster, AuditWorkflow?, PairingOptions?, CancellationToken)"/> runs on an existing pairing, as a RulesEngine workflow file:
/// a JSON array of RulesEngine workflows named <c>household</c> (input <c>pairing</c>, a <see cref="HouseholdAuditFacts"/>)
/// and <c>helper</c> (input <c>helper</c>, a <see cref="HelperAuditFacts"/>). The built-in checks are in
/// <c>rules/audit.json</c>; authors add their own rules in RulesEngine's standard format.
/// </summary>
/// <remarks>
/// Each rule needs <c>RuleName</c>, <c>Expression</c> and <c>ErrorMessage</c> (which may quote facts as
/// <c>$(pairing.Household.Id)</c>). Expressions obey the same allow-list as rule sets; actions, local and global
/// parameters and nested rules are refused because they would run expressions the allow-list has not seen.
/// <threadsafety>Immutable and thread-safe once loaded.</threadsafety>
/// </remarks>
public sealed class AuditWorkflow
{
    /// <summary>The workflow of per-household checks.</summary>
    public const string HouseholdWorkflow = "household";

    /// <summary>The workflow of per-helper checks.</summary>
    public const string HelperWorkflow = "helper";

    private const string EmbeddedAudit = "PairingRules.rules.audit.json";

    private static readonly string[] RuleFields = ["RuleName", "Expression", "ErrorMessage", "SuccessEvent", "RuleExpressionType", "Enabled", "Properties"];

    private readonly RulesEngine.RulesEngine _engine;

    private AuditWorkflow(Workflow[] workflows)
    {
        Workflows = workflows;
        _engine = new RulesEngine.RulesEngine(workflows, ExpressionSettings.Create(Inputs));
        CheckNames = workflows.SelectMany(w => w.Rules.Select(r => r.RuleName)).ToArray();
    }

    /// <summary>The names of every check, household checks first.</summary>
    public IReadOnlyList<string> CheckNames { get; }

    internal IReadOnlyList<Workflow> Workflows { get; }

    /// <summary>Loads the built-in checks (<c>rules/audit.json</c>, embedded in the library).</summary>
    /// <returns>The compiled checks.</returns>
    public static AuditWorkflow LoadDefault() => Parse(EmbeddedFiles.Read(EmbeddedAudit), "audit.json");

    /// <summary>The JSON text of the built-in checks, to copy and extend.</summary>
    public static string DefaultJson => EmbeddedFiles.Read(EmbeddedAudit);

    /// <summary>Loads an audit workflow file.</summary>
    /// <param name="path">The path of the JSON file.</param>
    /// <returns>The compiled checks.</returns>
    /// <remarks>The file is read as rule files are (<see cref="RuleSet.Load"/>): UTF-8 with or without a byte-order mark,
    /// or UTF-16 with one; any other encoding is a problem that says how to save the file as UTF-8.</remarks>
    /// <exception cref="AuditWorkflowException">The file is missing, unreadable, not in an accepted encoding or has
    /// problems; every problem is listed.</exception>
    public static AuditWorkflow Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var problems = new List<InputProblem>();
        var bytes = RuleFileText.ReadFile(path, "audit file", problems);
        var json = bytes is null ? null : RuleFileText.Decode(bytes, path, "audit file", problems);
        return json is null ? throw new AuditWorkflowException(path, problems) : Parse(json, path);
    }

    /// <summary>Compiles audit checks from JSON text.</summary>
    /// <param name="json">A JSON array of RulesEngine workflows.</param>
    /// <param name="sourceName">The name used in problem locations; default <c>audit.json</c>.</param>
    /// <returns>The compiled checks.</returns>
    /// <exception cref="AuditWorkflowException">The checks have problems; every problem is listed.</exception>
    public static AuditWorkflow Parse(string json, string sourceName = "audit.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<InputProblem>();
        JToken root;
        try
        {
            root = JToken.Parse(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonReaderException e)
        {
            throw new AuditWorkflowException(sourceName, [new InputProblem("not valid JSON: " + e.Message, sourceName, e.LineNumber, e.LinePosition)]);
        }

        void Problem(JToken token, string message)
        {
            var info = (IJsonLineInfo)token;
            problems.Add(new InputProblem(message, sourceName, info.HasLineInfo() ? info.LineNumber : null, info.HasLineInfo() ? info.LinePosition : null, string.IsNullOrEmpty(token.Path) ? "(root)" : token.Path));
        }

        if (root is not JArray array)
        {
            Problem(root, "an audit file is a JSON array of RulesEngine workflows named `household` and `helper`");
            throw new AuditWorkflowException(sourceName, problems);
        }

        var compiler = new ExpressionCompiler(sourceName, problems, Inputs);
        var source = new JsonSource(json);
        var workflows = new List<Workflow>();
        foreach (var item in array)
        {
            if (item is not JObject workflowObject || workflowObject["WorkflowName"]?.Type != JTokenType.String)
            {
                Problem(item, "a workflow is an object with `WorkflowName` (`household` or `helper`) and `Rules`");
                continue;
            }

            var name = (string)workflowObject["WorkflowName"]!;
            var input = name switch
            {
                HouseholdWorkflow => (Name: "pairing", Type: typeof(HouseholdAuditFacts)),
                HelperWorkflow => (Name: "helper", Type: typeof(HelperAuditFacts)),
                _ => default,
            };
            if (input.Type is null)
            {
                Problem(workflowObject["WorkflowName"]!, $"unknown workflow `{name}`: the audit runs `household` (input `pairing`) and `helper` (input `helper`)");
                continue;
            }

            foreach (var property in workflowObject.Properties().Where(p => p.Name is not ("WorkflowName" or "Rules")))
            {
                Problem(property, $"`{property.Name}` is not supported in an audit workflow (only `WorkflowName` and `Rules`)");
            }

            // RulesEngine refuses a workflow without rules with its own exception; a missing, empty or mistyped `Rules`
            // is the author's to fix, so it is a located problem, never silently a workflow that checks nothing.
            var rulesToken = workflowObject["Rules"];
            if (rulesToken is not JArray { Count: > 0 })
            {
                Problem(rulesToken ?? workflowObject, rulesToken is JArray
                    ? $"workflow `{name}` has no rules; to check nothing there, leave the workflow out"
                    : $"workflow `{name}` needs `Rules`, an array of rules with `RuleName`, `Expression` and `ErrorMessage`");
            }

            var rules = new List<Rule>();
            foreach (var ruleToken in rulesToken as JArray ?? [])
            {
                if (ruleToken is not JObject ruleObject)
                {
                    Problem(ruleToken, "a rule is an object with `RuleName`, `Expression` and `ErrorMessage`");
                    continue;
                }

                foreach (var property in ruleObject.Properties().Where(p => !RuleFields.Contains(p.Name)))
                {
                    Problem(property, $"`{property.Name}` is not supported in an audit rule (supported: {string.Join(", ", RuleFields)}); actions, parameters and nested rules would run unchecked expressions");
                }

                var ruleName = ruleObject["RuleName"]?.Type == JTokenType.String ? (string)ruleObject["RuleName"]! : null;
                var expression = ruleObject["Expression"]?.Type == JTokenType.String ? (string)ruleObject["Expression"]! : null;
                if (string.IsNullOrWhiteSpace(ruleName) || expression is null || ruleObject["ErrorMessage"]?.Type != JTokenType.String)
                {
                    Problem(ruleObject, "a rule needs the strings `RuleName`, `Expression` and `ErrorMessage`");
                    continue;
                }

                if (rules.Any(r => r.RuleName == ruleName))
                {
                    Problem(ruleObject["RuleName"]!, $"duplicate rule name `{ruleName}` in workflow `{name}`");
                }

                var check = compiler.Check(expression, Expression.Parameter(input.Type, input.Name), mapCulture: false);
                if (check.Body is null)
                {
                    var why = check.Refused.Count > 0
                        ? $"not allowed in a rule expression: {string.Join("; ", check.Refused)}{(check.At is { } p ? $" (at character {p + 1})" : string.Empty)}"
                        : check.Error;
                    var token = ruleObject["Expression"]!;
                    var (line, column) = source.PositionsOf(token, expression)?.At(check.At ?? 0) ?? (((IJsonLineInfo)token).LineNumber, ((IJsonLineInfo)token).LinePosition);
                    problems.Add(new InputProblem($"rule `{ruleName}`: {why}", sourceName, line, column, token.Path));
                    continue;
                }

                rules.Add(new Rule
                {
                    RuleName = ruleName,
                    Expression = expression,
                    ErrorMessage = (string)ruleObject["ErrorMessage"]!,
                    SuccessEvent = (string?)ruleObject["SuccessEvent"],
                    RuleExpressionType = RuleExpressionType.LambdaExpression,
                    Enabled = ruleObject["Enabled"]?.Type != JTokenType.Boolean || (bool)ruleObject["Enabled"]!,
                });
            }

            if (workflows.Any(w => w.WorkflowName == name))
            {
                Problem(workflowObject["WorkflowName"]!, $"workflow `{name}` appears twice");
            }

            workflows.Add(new Workflow { WorkflowName = name, Rules = rules });
        }

        if (problems.Count > 0)
        {
            throw new AuditWorkflowException(sourceName, problems);
        }

        return new AuditWorkflow(workflows.ToArray());
    }

    internal async Task<IReadOnlyList<(string Check, string Message)>> RunAsync(string workflow, string inputName, object facts)
    {
        if (Workflows.All(w => w.WorkflowName != workflow))
        {
            return [];
        }

        var results = await _engine.ExecuteAllRulesAsync(workflow, new RuleParameter(inputName, facts)).ConfigureAwait(false);
        var failures = new List<(string, string)>();
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                continue;
            }

            // RulesEngine puts the ErrorMessage, with its $(...) placeholders filled in, into ExceptionMessage; when the
            // expression itself threw, that message says so instead.
            failures.Add((result.Rule.RuleName, string.IsNullOrEmpty(result.ExceptionMessage) ? result.Rule.ErrorMessage : result.ExceptionMessage));
        }

        return failures;
    }

    /// <summary>The types audit expressions may read: the facts and what they hold.</summary>
    private static readonly IReadOnlyCollection<Type> Inputs = [typeof(Helper), typeof(Household), typeof(HouseholdAuditFacts), typeof(HelperAuditFacts)];
}
