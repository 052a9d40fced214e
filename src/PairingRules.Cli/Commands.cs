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

    /// <summary>The formats of <c>solve --out</c> and <c>demo --out</c>: those of <c>check</c>, the printable HTML report and the Excel workbook.</summary>
    private static readonly string[] SolveFormats = [.. Formats, "html", "xlsx"];

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "Pairs every registered poor household with one responsible person under a JSON rule set, and reports the gaps.\n" +
            "Exit codes: 0 every household covered, every helper taking part and every quota met (check: no finding); 1 gaps found (check: findings); 2 invalid input or usage, or a warning under --strict.");
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
        var lang = Languages.Option();
        var command = new Command("validate", "Check a rule file: print every problem (exit 2), or a summary of its groups (exit 0).") { rules, lang };
        command.SetAction(parse =>
        {
            var text = console.Text(parse.GetValue(lang));
            var path = parse.GetValue(rules)!;
            var ruleSet = RuleSet.Load(path);
            ConsoleReport.WriteRuleSet(console.Out, path, ruleSet, text);
            return ExitCodes.Complete;
        });
        return command;
    }

    private static Command Solve(CliConsole console)
    {
        var (rules, households, helpers, output, format, encoding) = InputOptions(
            "households.csv or households.xlsx (a sheet after #: county.xlsx#贫困户; default the first visible sheet): id,township,village,poor_village,deep_poverty[,name,members,income,helper].",
            "Write the full result to this file (written whole or not at all).",
            SolveFormats);
        var strict = StrictOption("solved");
        var lang = Languages.Option();
        var command = new Command("solve", "Pair the roster's households with its helpers, print a short report and write the full result.")
        {
            rules, households, helpers, output, format, encoding, strict, lang,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var text = console.Text(parse.GetValue(lang));
            var outPath = parse.GetValue(output);
            var target = outPath is null ? null : OutputTarget.Open(outPath, console.OpenStandardOutput);
            var resultFormat = Choices.Find(parse.GetValue(format), SolveFormats) ?? FormatOf(outPath);
            var rosterEncoding = EncodingOf(parse.GetValue(encoding));

            var (ruleSet, roster, _) = ReadInputs(console, text, parse.GetValue(rules)!, parse.GetValue(households)!, parse.GetValue(helpers)!, rosterEncoding, auditPath: null, "nothing was solved");
            if (ruleSet is null || roster is null)
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            return Task.FromResult(SolveAndReport(console, text, ruleSet, roster, target, resultFormat, Options(parse.GetValue(strict)), cancellationToken));
        });
        return command;
    }

    private static Command Check(CliConsole console)
    {
        var (rules, households, helpers, output, format, encoding) = InputOptions(
            "households.csv or households.xlsx (a sheet after #) with the pairing to audit in its `helper` column (the current responsible person's id).",
            "Write every finding to this file (written whole or not at all).",
            Formats);
        var audit = new Option<string?>("--audit") { Description = "A RulesEngine workflow file of checks (workflows `household` and `helper`). Default: the built-in rules/audit.json." };
        var strict = StrictOption("checked");
        var lang = Languages.Option();
        var command = new Command(
            "check",
            "Audit the existing pairing in the households' helper column against the rules, without changing it: print the findings (exit 0 when none, 1 when some).")
        {
            rules, households, helpers, audit, output, format, encoding, strict, lang,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = console.Text(parse.GetValue(lang));
            var outPath = parse.GetValue(output);
            var target = outPath is null ? null : OutputTarget.Open(outPath, console.OpenStandardOutput);
            var reportFormat = Choices.Find(parse.GetValue(format), Formats) ?? FormatOf(outPath);
            if (!Formats.Contains(reportFormat))
            {
                throw new UsageException($"check cannot write '{outPath}' as {reportFormat}: its findings are written as json, csv or md (--format); nothing was checked");
            }

            var auditPath = parse.GetValue(audit);
            var (ruleSet, roster, checks) = ReadInputs(console, text, parse.GetValue(rules)!, parse.GetValue(households)!, parse.GetValue(helpers)!, EncodingOf(parse.GetValue(encoding)), auditPath ?? string.Empty, "nothing was checked");
            if (ruleSet is null || roster is null || checks is null)
            {
                return ExitCodes.Usage;
            }

            console.Progress(text.ProgressAuditing(roster.Households.Count, roster.Helpers.Count));
            var options = Options(parse.GetValue(strict));
            AuditReport report;
            try
            {
                report = await ruleSet.CheckAsync(roster, checks, options, cancellationToken).ConfigureAwait(false);
            }
            catch (RosterException e) when (options.Strict)
            {
                console.Problems([e], StrictConsequence("checked"));
                return ExitCodes.Usage;
            }

            console.Warnings(report.Warnings);
            var auditName = auditPath ?? text.CheckBuiltIn("rules/audit.json");
            WriteOutput(
                target,
                reportFormat,
                writer => CheckReport.WriteCsv(report, writer),
                writer => CheckReport.WriteMarkdown(ruleSet, auditName, report, writer, text),
                stream => CheckReport.WriteJson(report, stream),
                cancellationToken);

            CheckReport.WriteConsole(ReportWriter(console, target), ruleSet, auditName, checks, report, outPath, text);
            return report.IsClean ? ExitCodes.Complete : ExitCodes.Gaps;
        });
        return command;
    }

    private static Command Generate(CliConsole console)
    {
        var (preset, seed, households, counties) = CountyOptions();
        var output = new Option<string>("--out", "-o") { Description = "The folder to write households.csv and helpers.csv to (created if missing).", Required = true };
        var lang = Languages.Option();
        var command = new Command("generate", "Write a synthetic county (households.csv and helpers.csv, UTF-8 with BOM).") { preset, seed, households, counties, output, lang };
        command.SetAction(parse =>
        {
            var text = console.Text(parse.GetValue(lang));
            var folder = parse.GetValue(output)!;
            if (File.Exists(folder))
            {
                throw new UsageException($"cannot write --out '{folder}': it is a file; give a folder; nothing was done");
            }

            var householdsPath = Path.Combine(folder, "households.csv");
            var helpersPath = Path.Combine(folder, "helpers.csv");
            var householdsTarget = OutputTarget.Open(householdsPath, console.OpenStandardOutput);
            var helpersTarget = OutputTarget.Open(helpersPath, console.OpenStandardOutput);
            var options = Presets.Options(Choices.Find(parse.GetValue(preset), Presets.Names)!, parse.GetValue(seed), parse.GetValue(households), parse.GetValue(counties));
            console.Progress(text.ProgressGenerating(options.Households));
            var roster = SyntheticCounty.Generate(options);
            householdsTarget.WriteText(Encoding.UTF8, writer => RosterCsv.WriteHouseholds(roster.Households, writer), CancellationToken.None);
            helpersTarget.WriteText(Encoding.UTF8, writer => RosterCsv.WriteHelpers(roster.Helpers, writer), CancellationToken.None);
            console.Out.WriteLine(text.GenerateWrote(
                roster.Households.Count, householdsPath, roster.Helpers.Count, helpersPath, Choices.Find(parse.GetValue(preset), Presets.Names)!, options.Seed, options.Counties));
            return ExitCodes.Complete;
        });
        return command;
    }

    private static Command Demo(CliConsole console)
    {
        var (preset, seed, households, counties) = CountyOptions();
        var strict = StrictOption("solved");
        var lang = Languages.Option();
        var (output, format) = OutputOptions("Write the full result to this file (written whole or not at all), as solve --out does.", SolveFormats);
        var command = new Command("demo", "Generate a synthetic county in memory, solve it with the shipped rules its preset is made for (rules/xing-county.json; rules/lingling-district.json for lingling-district) and print the report.")
        {
            preset, seed, households, counties, output, format, strict, lang,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var text = console.Text(parse.GetValue(lang));
            var outPath = parse.GetValue(output);
            var target = outPath is null ? null : OutputTarget.Open(outPath, console.OpenStandardOutput);
            var resultFormat = Choices.Find(parse.GetValue(format), SolveFormats) ?? FormatOf(outPath);
            var options = Presets.Options(Choices.Find(parse.GetValue(preset), Presets.Names)!, parse.GetValue(seed), parse.GetValue(households), parse.GetValue(counties));
            console.Progress(text.ProgressGeneratingDemo(options.Households));
            var roster = SyntheticCounty.Generate(options);
            return Task.FromResult(SolveAndReport(console, text, Presets.Rules(Choices.Find(parse.GetValue(preset), Presets.Names)!), roster, target, resultFormat, Options(parse.GetValue(strict)), cancellationToken));
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
        Choices.Restrict(preset, Presets.Names);
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
            Description = "The number of counties (1 to 1,000, at most --households): one roster of that many counties of Lüliang (吕梁市; of Yongzhou, 永州市, for lingling-district), the households split evenly, every row naming its county. Default 1 (no county column).",
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

    /// <summary>The <c>--strict</c> option of a command that reads a roster: warnings become errors.</summary>
    /// <param name="done">What the command does, as in "nothing was solved".</param>
    private static Option<bool> StrictOption(string done) => new("--strict")
    {
        Description = $"Treat warnings as errors: print each as an error and exit 2, and nothing is {done}. Default: warnings go to stderr, one a line, and the command goes on.",
    };

    private static PairingOptions Options(bool strict) => new() { Strict = strict };

    private static string StrictConsequence(string done) => $"nothing was {done} (--strict makes warnings errors)";

    /// <summary>The options `solve` and `check` share: the rules, the roster files, and where and how to write.</summary>
    private static (Option<string> Rules, Option<string> Households, Option<string> Helpers, Option<string?> Output, Option<string?> Format, Option<string?> Encoding)
        InputOptions(string householdsDescription, string outputDescription, string[] formats)
    {
        var rules = new Option<string>("--rules", "-r") { Description = "The JSON rule file.", Required = true };
        var households = new Option<string>("--households") { Description = householdsDescription, Required = true };
        var helpers = new Option<string>("--helpers") { Description = "helpers.csv or helpers.xlsx (a sheet after #: county.xlsx#帮扶责任人; default the first visible sheet): id,category,township,village[,tier,name,unit,poor_village].", Required = true };
        var (output, format) = OutputOptions(outputDescription, formats);
        var encoding = new Option<string?>("--encoding") { Description = "The encoding of CSV roster files, for example utf-8 or gb18030 (workbooks need none). Default: from the byte-order mark (UTF-8, UTF-16), else UTF-8 when the bytes are valid UTF-8, else GB18030." };
        return (rules, households, helpers, output, format, encoding);
    }

    /// <summary>The <c>--out</c> and <c>--format</c> options of a command that writes a result.</summary>
    private static (Option<string?> Output, Option<string?> Format) OutputOptions(string outputDescription, string[] formats)
    {
        var output = new Option<string?>("--out", "-o") { Description = outputDescription };
        var format = new Option<string?>("--format", "-f")
        {
            Description = $"The format of --out: {string.Join(", ", formats[..^1])} or {formats[^1]}. Default: from the extension of --out, else json.",
        };
        Choices.Restrict(format, formats);
        return (output, format);
    }

    /// <summary>Writes --out, when given, in its format: CSV (UTF-8 with BOM, none on standard output), Markdown (UTF-8),
    /// HTML (UTF-8; solve and demo), an Excel workbook (solve and demo) or JSON (see <see cref="OutputTarget"/> for how each kind of destination is written).</summary>
    private static void WriteOutput(
        OutputTarget? target, string format, Action<TextWriter> csv, Action<TextWriter> markdown, Action<Stream> json, CancellationToken cancellationToken, Action<TextWriter>? html = null, Action<Stream>? xlsx = null)
    {
        switch (target is null ? null : format)
        {
            case null:
                break;
            case "csv":
                target!.WriteText(target.IsStandardOutput ? new UTF8Encoding(false) : Encoding.UTF8, csv, cancellationToken);
                break;
            case "md":
                target!.WriteText(new UTF8Encoding(false), markdown, cancellationToken);
                break;
            case "html" when html is not null:
                target!.WriteText(new UTF8Encoding(false), html, cancellationToken);
                break;
            case "xlsx" when xlsx is not null:
                target!.WriteBytes(xlsx, cancellationToken);
                break;
            default:
                target!.WriteBytes(json, cancellationToken);
                break;
        }
    }

    /// <summary>Where the human report goes: standard output, or standard error when the result itself goes to standard output.</summary>
    private static TextWriter ReportWriter(CliConsole console, OutputTarget? target) => target is { IsStandardOutput: true } ? console.Error : console.Out;

    private static int SolveAndReport(
        CliConsole console, ReportText text, RuleSet ruleSet, Roster roster, OutputTarget? target, string format, PairingOptions options, CancellationToken cancellationToken)
    {
        console.Progress(text.ProgressSolving(roster.Households.Count, roster.Helpers.Count));
        var watch = Stopwatch.StartNew();
        PairingResult result;
        try
        {
            result = ruleSet.Solve(roster, options, cancellationToken);
        }
        catch (RosterException e) when (options.Strict)
        {
            console.Problems([e], StrictConsequence("solved"));
            return ExitCodes.Usage;
        }

        console.Progress(text.ProgressSolved(watch.Elapsed));
        console.Warnings(result.Warnings);
        WriteOutput(
            target,
            format,
            writer => ResultCsv.Write(roster, result, writer),
            writer => MarkdownReport.Write(ruleSet, result, writer, text),
            stream => ResultJson.Write(ruleSet, result, stream),
            cancellationToken,
            writer => HtmlReport.Write(ruleSet, result, writer, text),
            stream => ExcelReport.Write(ruleSet, roster, result, stream, text));

        ConsoleReport.Write(ReportWriter(console, target), ruleSet, result, target?.Given, text);
        return result.IsComplete ? ExitCodes.Complete : ExitCodes.Gaps;
    }

    /// <summary>
    /// Reads the rule file, the roster and (when <paramref name="auditPath"/> is not null; empty for the built-in checks)
    /// the audit file, and reports the problems of all of them at once. Returns nulls when any has problems.
    /// </summary>
    private static (RuleSet? Rules, Roster? Roster, AuditWorkflow? Audit) ReadInputs(
        CliConsole console, ReportText text, string rulesPath, string householdsPath, string helpersPath, Encoding? encoding, string? auditPath, string consequence)
    {
        var problems = new List<InputException>();
        console.Progress(text.ProgressReading(rulesPath));
        RuleSet? ruleSet = null;
        try
        {
            ruleSet = RuleSet.Load(rulesPath);
        }
        catch (RuleSetException e)
        {
            problems.Add(e);
        }

        console.Progress(text.ProgressReadingRoster(householdsPath, helpersPath));
        Roster? roster = null;
        try
        {
            roster = RosterPaths.Read(householdsPath, helpersPath, encoding);
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
        : RosterCsv.FindEncoding(name) ?? throw new UsageException($"unknown encoding '{name}'; use for example utf-8, gb18030, gbk or utf-16");

    private static string FormatOf(string? path) => Path.GetExtension(path ?? string.Empty).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".md" or ".markdown" => "md",
        ".html" or ".htm" => "html",
        ".xlsx" => "xlsx",
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
