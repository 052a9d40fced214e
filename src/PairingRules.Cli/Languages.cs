using System.CommandLine;

namespace PairingRules.Cli;

/// <summary>
/// The language of the reports: <c>--lang en|zh</c> on every command, else the environment variable
/// <c>PAIRING_RULES_LANG</c>, else English. Never the machine's culture, so the same command prints the same bytes on
/// every machine.
/// </summary>
internal static class Languages
{
    /// <summary>The environment variable that sets the language when <c>--lang</c> is not given.</summary>
    public const string EnvironmentVariable = "PAIRING_RULES_LANG";

    /// <summary>The names <c>--lang</c> and <see cref="EnvironmentVariable"/> take (ignoring case).</summary>
    public static readonly string[] Names = ["en", "zh"];

    /// <summary>The <c>--lang</c> option of a command.</summary>
    public static Option<string?> Option()
    {
        var option = new Option<string?>("--lang")
        {
            Description = $"The language of the reports people read (console, Markdown): en (English) or zh (简体中文). Default: the environment variable {EnvironmentVariable}, else en. JSON and CSV results and error messages are the same in every language.",
        };
        Choices.Restrict(option, Names);
        return option;
    }

    /// <summary>The language of <paramref name="option"/>'s value, else of <see cref="EnvironmentVariable"/>, else English.</summary>
    /// <exception cref="UsageException">The environment variable names no language.</exception>
    public static ReportLanguage Resolve(string? option, Func<string, string?> environment)
    {
        var name = option ?? environment(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(name))
        {
            return ReportLanguage.English;
        }

        return Choices.Find(name, Names) switch
        {
            "zh" => ReportLanguage.Chinese,
            "en" => ReportLanguage.English,
            _ => throw new UsageException($"{EnvironmentVariable} '{name}' is not one of {string.Join(", ", Names)}{Spelling.DidYouMean(name.Trim(), Names)}"),
        };
    }
}
