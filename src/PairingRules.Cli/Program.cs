using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;

namespace PairingRules.Cli;

/// <summary>The <c>pairing-rules</c> tool: parses the command line, runs a command and turns failures into exit codes.</summary>
internal static class Program
{
    /// <summary>How long a command may take to stop after Ctrl+C or SIGTERM before the process ends anyway.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        // Ctrl+C (SIGINT) and SIGTERM cancel the running command, which stops a solve and writes nothing; a command
        // still running StopTimeout later (reading a large roster is not cancellable) ends with exit code 130. Either
        // way no output file is half-written: outputs are moved into place only when complete (AtomicFile).
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            if (!stop.IsCancellationRequested)
            {
                stop.Cancel();
                _ = Task.Delay(StopTimeout).ContinueWith(_ => Environment.Exit(130), TaskScheduler.Default);
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return Run(args, Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected, stop.Token);
    }

    /// <summary>Runs the tool in-process (the tests call this).</summary>
    /// <param name="args">The command line, without the tool name.</param>
    /// <param name="output">Where reports go (stdout).</param>
    /// <param name="error">Where errors and progress go (stderr).</param>
    /// <param name="showProgress">Whether to write progress messages to <paramref name="error"/>: only on a terminal.</param>
    /// <param name="cancellationToken">
    /// Stops a running command as Ctrl+C does (which the command line also wires to it): nothing is written then.
    /// </param>
    /// <returns>The exit code: <see cref="ExitCodes"/>.</returns>
    internal static int Run(string[] args, TextWriter output, TextWriter error, bool showProgress = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(output, error, showProgress);
        var root = Commands.Build(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"pairing-rules: {parseError.Message}");
            }

            error.WriteLine("Run 'pairing-rules --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            // ProcessTerminationTimeout = null: Main handles Ctrl+C and SIGTERM through cancellationToken.
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return parsed.InvokeAsync(configuration, cancellationToken).GetAwaiter().GetResult();
        }
        catch (InputException e)
        {
            console.Problems([e]);
            return ExitCodes.Usage;
        }
        catch (UsageException e)
        {
            error.WriteLine($"pairing-rules: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (RuleEvaluationException e)
        {
            error.WriteLine($"pairing-rules: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"pairing-rules: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("pairing-rules: cancelled; no output was written");
            return ExitCodes.Usage;
        }
#pragma warning disable CA1031 // The tool's last line of defence: no stack trace reaches the user.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"pairing-rules: internal error ({e.GetType().Name}): {e.Message}");
            return ExitCodes.Usage;
        }
    }
}

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Every household covered, every helper taking part and every quota met, <c>check</c> found nothing, or a command without a result succeeded.</summary>
    public const int Complete = 0;

    /// <summary>The pairing has gaps (uncovered households, helpers that take no part, or quota shortfall), or <c>check</c> found faults.</summary>
    public const int Gaps = 1;

    /// <summary>Invalid input or usage.</summary>
    public const int Usage = 2;
}

/// <summary>A mistake on the command line found after parsing (an unknown encoding, a bad number).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The tool's two output streams and whether progress is shown.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool showProgress)
{
    public TextWriter Out => output;

    public TextWriter Error => error;

    /// <summary>Writes a progress message to stderr, only on a terminal.</summary>
    public void Progress(string message)
    {
        if (showProgress)
        {
            error.WriteLine(message);
        }
    }

    /// <summary>Writes every warning to stderr, one a line, as <see cref="InputProblem.ToString"/> prints it (<c>warning:</c> included).</summary>
    public void Warnings(IReadOnlyList<InputProblem> warnings)
    {
        foreach (var warning in warnings)
        {
            error.WriteLine(warning.ToString());
        }
    }

    /// <summary>Writes every problem of the inputs, one a line, then one summary line.</summary>
    public void Problems(IReadOnlyList<InputException> failures, string? consequence = null)
    {
        foreach (var problem in failures.SelectMany(e => e.Problems))
        {
            error.WriteLine(problem.ToString());
        }

        var summary = string.Join("; ", failures.Select(e => e.Summary.TrimEnd(':')));
        error.WriteLine($"pairing-rules: {summary}{(consequence is null ? string.Empty : "; " + consequence)}.");
    }
}
