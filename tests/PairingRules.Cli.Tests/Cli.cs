namespace PairingRules.Cli.Tests;

/// <summary>Runs the tool in-process with captured stdout and stderr.</summary>
internal static class Cli
{
    public static string RulesPath => Path.Combine(AppContext.BaseDirectory, "rules", "xing-county.json");

    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    /// <summary>The repository's root folder (the one with PairingRules.sln), for the docs and for updating expected files.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PairingRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("PairingRules.sln not found above the test folder.");
    }

    /// <summary>The source folder of this project's test data, where PAIRING_RULES_UPDATE_EXPECTED=1 rewrites expected files.</summary>
    public static string SourceTestData(params string[] parts) => Path.Combine([RepositoryRoot(), "tests", "PairingRules.Cli.Tests", "TestData", .. parts]);

    /// <summary>Whether tests rewrite their expected files (after a reviewed change of wording) instead of comparing.</summary>
    public static bool UpdateExpected => Environment.GetEnvironmentVariable("PAIRING_RULES_UPDATE_EXPECTED") == "1";

    /// <summary>Runs the tool with an empty environment (so that a PAIRING_RULES_LANG of the machine changes nothing).</summary>
    public static CliRun Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs the tool with <paramref name="environment"/> as its environment variables.</summary>
    public static CliRun RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, output, error, environment: name => environment.GetValueOrDefault(name));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>What one run of the tool did.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>A temporary folder, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pairing-rules-tests", System.IO.Path.GetRandomFileName());

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
