using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using PairingRules.Audit;
using PairingRules.Cli.Reports;
using PairingRules.Csv;
using PairingRules.Synthetic;

namespace PairingRules.Cli;

/// <summary>The commands of the tool and what each does.</summary>
internal static class Commands
{
    private static readonly string[] Formats = ["json", "csv", "md"];

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "Pairs every registered poor household with one responsible person under a JSON rule set, and reports the gaps.\n" +
            "Exit codes: 0 every household covered and every quota met (check: no finding); 1 gaps found (check: findings); 2 invalid input or usage.");
        root.Subcommands.Add(Validate(console));
        root.Subcommands.Add(Solve(console));
        root.Subcommands.Add(Check(console));
        root.Subcommands.Add(Generate(console));
        root.Subcommands.Add(Demo(console));
        return root;
    }

    private static Command Validate(CliConsole console)
    {
        var rules = new Argument<string>("RULES") { Description = "The JSON rule file to check." };
        var command = new Command("validate", "Check a rule file: print every problem (exit 2), or a summary of its groups (exit 0).") { rules };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(rules)!;
            var ruleSet = RuleSet.Load(path);
            ConsoleReport.WriteRuleSet(console.Out, path, ruleSet);
            return ExitCodes.Complete;
        });
        return command;
    }

    private static Command Solve(CliConsole console)
    {
        var (rules, households, helpers, output, format, encoding) = InputOptions(
            "households.csv: id,township,village,poor_village,deep_poverty[,name,members,income,helper].",
            "Write the full result to this file (written whole or not at all).");
        var command = new Command("solve", "Pair the roster's households with its helpers, print a short report and write the full result.")
        {
            rules, households, helpers, output, format, encoding,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var outPath = parse.GetValue(output);
            var resultFormat = parse.GetValue(format) ?? FormatOf(outPath);
            var rosterEncoding = EncodingOf(parse.GetValue(encoding));

            var (ruleSet, roster, _) = ReadInputs(console, parse.GetValue(rules)!, parse.GetValue(households)!, parse.GetValue(helpers)!, rosterEncoding, auditPath: null, "nothing was solved");
            if (ruleSet is null || roster is null)
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            return Task.FromResult(SolveAndReport(console, ruleSet, roster, outPath, resultFormat, cancellationToken));
        });
        return command;
    }

    private static Command Check(CliConsole console)
    {
        var (rules, households, helpers, output, format, encoding) = InputOptions(
            "households.csv with the pairing to audit in its `helper` column (the current responsible person's id).",
            "Write every finding to this file (written whole or not at all).");
        var audit = new Option<string?>("--audit") { Description = "A RulesEngine workflow file of checks (workflows `household` and `helper`). Default: the built-in rules/audit.json." };
        var command = new Command(
            "check",
            "Audit the existing pairing in the households' helper column against the rules, without changing it: print the findings (exit 0 when none, 1 when some).")
        {
            rules, households, helpers, audit, output, format, encoding,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outPath = parse.GetValue(output);
            var reportFormat = parse.GetValue(format) ?? FormatOf(outPath);
            var auditPath = parse.GetValue(audit);
            var (ruleSet, roster, checks) = ReadInputs(console, parse.GetValue(rules)!, parse.GetValue(households)!, parse.GetValue(helpers)!, EncodingOf(parse.GetValue(encoding)), auditPath ?? string.Empty, "nothing was checked");
            if (ruleSet is null || roster is null || checks is null)
            {
                return ExitCodes.Usage;
            }

            console.Progress(string.Create(CultureInfo.InvariantCulture, $"Auditing {roster.Households.Count:N0} households and {roster.Helpers.Count:N0} helpers …"));
            var report = await ruleSet.CheckAsync(roster, checks, cancellationToken).ConfigureAwait(false);
            var auditName = auditPath ?? "rules/audit.json (built-in)";
            WriteOutput(
                outPath,
                reportFormat,
                writer => CheckReport.WriteCsv(report, writer),
                writer => CheckReport.WriteMarkdown(ruleSet, auditName, report, writer),
                stream => CheckReport.WriteJson(report, stream),
                cancellationToken);

            CheckReport.WriteConsole(console.Out, ruleSet, auditName, checks, report, outPath);
            return report.IsClean ? ExitCodes.Complete : ExitCodes.Gaps;
        });
        return command;
    }

    private static Command Generate(CliConsole console)
    {
        var (preset, seed, households, counties) = CountyOptions();
        var output = new Option<string>("--out", "-o") { Description = "The folder to write households.csv and helpers.csv to (created if missing).", Required = true };
        var command = new Command("generate", "Write a synthetic county (households.csv and helpers.csv, UTF-8 with BOM).") { preset, seed, households, counties, output };
        command.SetAction(parse =>
        {
            var options = Presets.Options(parse.GetValue(preset)!, parse.GetValue(seed), parse.GetValue(households), parse.GetValue(counties));
            console.Progress($"Generating {options.Households.ToString("N0", CultureInfo.InvariantCulture)} households …");
            var roster = SyntheticCounty.Generate(options);
            var folder = parse.GetValue(output)!;
            var householdsPath = Path.Combine(folder, "households.csv");
            var helpersPath = Path.Combine(folder, "helpers.csv");
            Directory.CreateDirectory(folder);
            AtomicFile.WriteText(householdsPath, Encoding.UTF8, writer => RosterCsv.WriteHouseholds(roster.Households, writer));
            AtomicFile.WriteText(helpersPath, Encoding.UTF8, writer => RosterCsv.WriteHelpers(roster.Helpers, writer));
            console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {roster.Households.Count:N0} households to {householdsPath} and {roster.Helpers.Count:N0} helpers to {helpersPath} (preset {parse.GetValue(preset)}, seed {options.Seed}{(options.Counties > 1 ? $", {options.Counties:N0} counties" : string.Empty)})."));
            return ExitCodes.Complete;
        });
        return command;
    }

    private static Command Demo(CliConsole console)
    {
        var (preset, seed, households, counties) = CountyOptions();
        var command = new Command("demo", "Generate a synthetic county in memory, solve it with the shipped rules its preset is made for (rules/xing-county.json; rules/lingling-district.json for lingling-district) and print the report.") { preset, seed, households, counties };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = Presets.Options(parse.GetValue(preset)!, parse.GetValue(seed), parse.GetValue(households), parse.GetValue(counties));
            console.Progress($"Generating the synthetic county ({options.Households.ToString("N0", CultureInfo.InvariantCulture)} households) …");
            var roster = SyntheticCounty.Generate(options);
            return Task.FromResult(SolveAndReport(console, Presets.Rules(parse.GetValue(preset)!), roster, outPath: null, format: "json", cancellationToken));
        });
        return command;
    }

    private static (Option<string> Preset, Option<int> Seed, Option<int?> Households, Option<int> Counties) CountyOptions()
    {
        var preset = new Option<string>("--preset")
        {
            Description = "xing-county (every household covered); township-without-cadres (the first township has no township cadre: still covered under the Xing rules, where county cadres take any household, and the report names the township and who covers it); quotas-above-supply (quota shortfall); lingling-district (Lingling District from 2021, for rules/lingling-district.json: village work teams, district and township cadres, a 监测对象 column; 8,000 households by default; every household covered).",
            DefaultValueFactory = _ => Presets.XingCounty,
        };
        preset.AcceptOnlyFromAmong(Presets.Names);
        var seed = new Option<int>("--seed") { Description = "The random seed; the same seed gives the same county.", DefaultValueFactory = _ => 2017 };
        var households = new Option<int?>("--households") { Description = "The number of households (1 to 5,000,000). Default 16,800 (lingling-district: 8,000)." };
        households.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 5_000_000)
            {
                result.AddError("--households must be between 1 and 5,000,000");
            }
        });
        var counties = new Option<int>("--counties")
        {
            Description = "The number of counties (1 to 1,000, at most --households): one roster of that many counties of Lüliang (吕梁市), the households split evenly, every row naming its county. Default 1 (no county column).",
            DefaultValueFactory = _ => 1,
        };
        counties.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1_000)
            {
                result.AddError("--counties must be between 1 and 1,000");
            }
        });
        return (preset, seed, households, counties);
    }

    /// <summary>The options `solve` and `check` share: the rules, the roster files, and where and how to write.</summary>
    private static (Option<string> Rules, Option<string> Households, Option<string> Helpers, Option<string?> Output, Option<string?> Format, Option<string?> Encoding)
        InputOptions(string householdsDescription, string outputDescription)
    {
        var rules = new Option<string>("--rules", "-r") { Description = "The JSON rule file.", Required = true };
        var households = new Option<string>("--households") { Description = householdsDescription, Required = true };
        var helpers = new Option<string>("--helpers") { Description = "helpers.csv: id,category,township,village,tier[,name,unit,poor_village].", Required = true };
        var output = new Option<string?>("--out", "-o") { Description = outputDescription };
        var format = new Option<string?>("--format", "-f") { Description = "The format of --out: json, csv or md. Default: from the extension of --out, else json." };
        format.AcceptOnlyFromAmong(Formats);
        var encoding = new Option<string?>("--encoding") { Description = "The encoding of the roster files, for example utf-8 or gb18030. Default: from the byte-order mark (UTF-8, UTF-16), else UTF-8 when the bytes are valid UTF-8, else GB18030." };
        return (rules, households, helpers, output, format, encoding);
    }

    /// <summary>Writes --out, when given, in its format: CSV (UTF-8 with BOM), Markdown (UTF-8) or JSON; whole or not at all.</summary>
    private static void WriteOutput(string? outPath, string format, Action<TextWriter> csv, Action<TextWriter> markdown, Action<Stream> json, CancellationToken cancellationToken)
    {
        switch (outPath is null ? null : format)
        {
            case null:
                break;
            case "csv":
                AtomicFile.WriteText(outPath!, Encoding.UTF8, csv, cancellationToken);
                break;
            case "md":
                AtomicFile.WriteText(outPath!, new UTF8Encoding(false), markdown, cancellationToken);
                break;
            default:
                AtomicFile.WriteBytes(outPath!, json, cancellationToken);
                break;
        }
    }

    private static int SolveAndReport(CliConsole console, RuleSet ruleSet, Roster roster, string? outPath, string format, CancellationToken cancellationToken)
    {
        console.Progress(string.Create(CultureInfo.InvariantCulture, $"Solving {roster.Households.Count:N0} households with {roster.Helpers.Count:N0} helpers …"));
        var watch = Stopwatch.StartNew();
        var result = ruleSet.Solve(roster, cancellationToken);
        console.Progress(string.Create(CultureInfo.InvariantCulture, $"Solved in {watch.Elapsed.TotalSeconds:0.0} s."));
        WriteOutput(
            outPath,
            format,
            writer => ResultCsv.Write(roster, result, writer),
            writer => MarkdownReport.Write(ruleSet, result, writer),
            stream => ResultJson.Write(ruleSet, result, stream),
            cancellationToken);

        ConsoleReport.Write(console.Out, ruleSet, result, outPath);
        return result.IsComplete ? ExitCodes.Complete : ExitCodes.Gaps;
    }

    /// <summary>
    /// Reads the rule file, the roster and (when <paramref name="auditPath"/> is not null; empty for the built-in checks)
    /// the audit file, and reports the problems of all of them at once. Returns nulls when any has problems.
    /// </summary>
    private static (RuleSet? Rules, Roster? Roster, AuditWorkflow? Audit) ReadInputs(
        CliConsole console, string rulesPath, string householdsPath, string helpersPath, Encoding? encoding, string? auditPath, string consequence)
    {
        var problems = new List<InputException>();
        console.Progress($"Reading {rulesPath} …");
        RuleSet? ruleSet = null;
        try
        {
            ruleSet = RuleSet.Load(rulesPath);
        }
        catch (RuleSetException e)
        {
            problems.Add(e);
        }

        console.Progress($"Reading {householdsPath} and {helpersPath} …");
        Roster? roster = null;
        try
        {
            roster = RosterCsv.Read(householdsPath, helpersPath, encoding);
        }
        catch (RosterException e)
        {
            problems.Add(e);
        }

        AuditWorkflow? audit = null;
        if (auditPath is not null)
        {
            try
            {
                audit = auditPath.Length == 0 ? AuditWorkflow.LoadDefault() : AuditWorkflow.Load(auditPath);
            }
            catch (AuditWorkflowException e)
            {
                problems.Add(e);
            }
        }

        if (problems.Count > 0)
        {
            console.Problems(problems, consequence);
            return (null, null, null);
        }

        return (ruleSet, roster, audit);
    }

    private static Encoding? EncodingOf(string? name) => name is null
        ? null
        : RosterCsv.FindEncoding(name) ?? throw new UsageException($"unknown encoding '{name}'; use utf-8 or gb18030");

    private static string FormatOf(string? path) => Path.GetExtension(path ?? string.Empty).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".md" or ".markdown" => "md",
        _ => "json",
    };
}

/// <summary>The synthetic-county presets of <c>generate</c> and <c>demo</c>.</summary>
internal static class Presets
{
    public const string XingCounty = "xing-county";
    public const string TownshipWithoutCadres = "township-without-cadres";
    public const string QuotasAboveSupply = "quotas-above-supply";
    public const string LinglingDistrict = "lingling-district";

    public static readonly string[] Names = [XingCounty, TownshipWithoutCadres, QuotasAboveSupply, LinglingDistrict];

    public static SyntheticCountyOptions Options(string preset, int seed, int? households, int counties = 1)
    {
        var basis = preset == LinglingDistrict ? SyntheticCountyOptions.LinglingDistrict : SyntheticCountyOptions.XingCounty;
        var options = basis with { Seed = seed, Households = households ?? basis.Households, Counties = counties };
        if (options.Counties > options.Households)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--counties ({options.Counties:N0}) must not exceed the households ({options.Households:N0}): every county needs a household"));
        }

        return preset switch
        {
            TownshipWithoutCadres => options with { TownshipsWithoutCadres = 1 },
            QuotasAboveSupply => options with { HelperScale = 1.25 },
            _ => options,
        };
    }

    /// <summary>The shipped rule set a preset's county is made for, which <c>demo</c> solves it with.</summary>
    public static RuleSet Rules(string preset) => RuleSet.LoadShipped(preset == LinglingDistrict ? LinglingDistrict : XingCounty);
}
