using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace PairingRules.Benchmarks;

/// <summary>
/// Start-up of the tool (issue 17): each operation starts a fresh `dotnet pairing-rules.dll` process, as a CI step does,
/// and waits for it to end. The baseline starts the same program to print its version only (the runtime's start and
/// nothing of ours), so the ratio column is what our code costs on top of starting .NET. The solve reads the
/// 16,800-household synthetic county from CSV and writes the JSON result, end to end.
/// </summary>
/// <remarks>The tool is the Release build of src/PairingRules.Cli beside this project (the project reference builds it,
/// without referencing its assembly); a process per operation, so allocations are not ours to measure here.</remarks>
public class StartupBenchmarks
{
    private string _tool = "";
    private string _directory = "";
    private string _rules = "";
    private string _households = "";
    private string _helpers = "";

    [GlobalSetup]
    public void Setup()
    {
        _tool = ToolPath();
        _directory = Path.Combine(Path.GetTempPath(), "pairing-rules-startup-" + Environment.ProcessId);
        (_households, _helpers) = Workloads.WriteCsv(Workloads.County(16_800), _directory);
        _rules = Path.Combine(_directory, "xing-county.json");
        File.WriteAllText(_rules, Workloads.XingRulesJson);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true)]
    public int StartOnly() => Run(0, "--version");

    [Benchmark]
    public int ValidateRules() => Run(0, "validate", _rules);

    [Benchmark]
    public int SolveCsvToJson() => Run(0, "solve", "--rules", _rules, "--households", _households, "--helpers", _helpers, "--out", Path.Combine(_directory, "result.json"));

    private int Run(int expected, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == expected
            ? process.ExitCode
            : throw new InvalidOperationException($"pairing-rules {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
    }

    /// <summary>src/PairingRules.Cli/bin/Release/net10.0/pairing-rules.dll of the repository this benchmark was built from.</summary>
    private static string ToolPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PairingRules.sln")))
            {
                var tool = Path.Combine(folder.FullName, "src", "PairingRules.Cli", "bin", "Release", "net10.0", "pairing-rules.dll");
                return File.Exists(tool)
                    ? tool
                    : throw new InvalidOperationException($"{tool} is missing: build the tool in Release (dotnet build src/PairingRules.Cli -c Release)");
            }
        }

        throw new InvalidOperationException($"no PairingRules.sln above {AppContext.BaseDirectory}");
    }
}
