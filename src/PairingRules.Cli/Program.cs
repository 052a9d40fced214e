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
        // still running StopTimeout later (reading a large roster is not cancellable) ends anyway. Either way the exit
        // code is 130 and no output file is half-written: outputs are moved into place only when complete (OutputTarget).
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            if (!stop.IsCancellationRequested)
            {
                stop.Cancel();
                _ = Task.Delay(StopTimeout).ContinueWith(_ => Environment.Exit(ExitCodes.Cancelled), TaskScheduler.Default);
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return Run(args, Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected, stop.Token, Console.OpenStandardOutput);
    }

    /// <summary>Runs the tool in-process (the tests call this).</summary>
    /// <param name="args">The command line, without the tool name.</param>
    /// <param name="output">Where reports go (stdout).</param>
    /// <param name="error">Where errors and progress go (stderr).</param>
    /// <param name="showProgress">Whether to write progress messages to <paramref name="error"/>: only on a terminal.</param>
    /// <param name="cancellationToken">
    /// Stops a running command as Ctrl+C does (which the command line also wires to it): nothing is written then.
    /// </param>
    /// <param name="openStandardOutput">Opens the process's standard output for <c>--out -</c>; default: UTF-8 text
    /// written to <paramref name="output"/>.</param>
    /// <returns>The exit code: <see cref="ExitCodes"/>.</returns>
    internal static int Run(
        string[] args, TextWriter output, TextWriter error, bool showProgress = false, CancellationToken cancellationToken = default, Func<Stream>? openStandardOutput = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(output, error, showProgress, openStandardOutput);
        var root = Commands.Build(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var commands = root.Subcommands.Select(c => c.Name).ToArray();
            if (args is [var first, ..] && !first.StartsWith('-') && !commands.Contains(first, StringComparer.Ordinal))
            {
                // One line for a mistyped command instead of the parser's line per argument it could not place.
                error.WriteLine($"{ToolVersion.Name}: unknown command '{first}'{Spelling.DidYouMean(first, commands)} (commands: {string.Join(", ", commands)})");
                error.WriteLine($"Run '{ToolVersion.Name} --help' for usage.");
                return ExitCodes.Usage;
            }

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
            return ExitCodes.Cancelled;
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

    /// <summary>Stopped by Ctrl+C (SIGINT) or SIGTERM: nothing was written (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}

/// <summary>A write-only stream that decodes UTF-8 bytes into a <see cref="TextWriter"/> (standard output in process).</summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
        var written = _decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars, 0, written);
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>A mistake on the command line found after parsing (an unknown encoding, a bad number).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The tool's two output streams and whether progress is shown.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool showProgress, Func<Stream>? openStandardOutput = null)
{
    public TextWriter Out => output;

    /// <summary>
    /// Opens standard output for bytes (<c>--out -</c>): the process's own stream, or, in process (the tests), a stream
    /// that writes UTF-8 text to <see cref="Out"/>. Whatever <see cref="Out"/> holds is flushed first.
    /// </summary>
    public Stream OpenStandardOutput()
    {
        output.Flush();
        return openStandardOutput?.Invoke() ?? new TextWriterStream(output);
    }

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
