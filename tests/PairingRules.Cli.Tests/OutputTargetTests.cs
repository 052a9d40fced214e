using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>
/// <c>--out</c> never harms a file it was not asked to write: a regular file is replaced whole or not at all (a write
/// that fails or is cancelled leaves it as it was and no temporary file behind); a device, a named pipe and a symbolic
/// link are written in place (the link's target gets the result); <c>-</c> is standard output; an unwritable output is
/// refused before any work, naming the path the user gave.
/// </summary>
public sealed class OutputTargetTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriteBytes_FailingHalfway_LeavesThePreviousFileAndNoTemporary(bool previousExists)
    {
        using var temp = new TempFolder();
        var path = temp.File("result.json");
        if (previousExists)
        {
            File.WriteAllText(path, "previous, complete");
        }

        var act = () => Open(path).WriteBytes(
            stream =>
            {
                stream.Write(Encoding.UTF8.GetBytes(new string('x', 100_000)));
                throw new IOException("disk full");
            },
            CancellationToken.None);

        act.Should().Throw<UsageException>().WithMessage($"cannot write --out '{path}': disk full; nothing was done");
        AssertUntouched(temp, path, previousExists);
    }

    [Fact]
    public void WriteText_CancelledAfterTheLastByte_DoesNotMoveIntoPlace()
    {
        using var temp = new TempFolder();
        var path = temp.File("result.csv");
        File.WriteAllText(path, "previous, complete");
        using var cancellation = new CancellationTokenSource();

        var act = () => Open(path).WriteText(
            Encoding.UTF8,
            writer =>
            {
                writer.Write("household,helper,group\n");
                cancellation.Cancel();
            },
            cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
        AssertUntouched(temp, path, previousExists: true);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("md")]
    public void Solve_Cancelled_Exits130AndWritesNoOutput(string format)
    {
        using var temp = Generated(out var households, out var helpers);
        var path = temp.File($"result.{format}");

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(
            ["solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", path],
            output,
            error,
            cancellationToken: new CancellationToken(canceled: true));

        code.Should().Be(130);
        error.ToString().Should().Contain("pairing-rules: cancelled; no output was written");
        AssertUntouched(temp, path, previousExists: false);
    }

    [LinuxFact]
    public void Solve_OutToCharacterDevice_WritesInPlaceAndLeavesTheDevice()
    {
        using var temp = Generated(out var households, out var helpers);

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", "/dev/null");

        run.ExitCode.Should().Be(0, run.Error);
        FileTypes.Of("/dev/null").Should().Be(FileType.CharacterDevice);
        Directory.GetFiles("/dev", ".null.*.tmp").Should().BeEmpty();
    }

    [LinuxFact]
    public void Solve_OutToNamedPipe_WritesThroughThePipeAndLeavesIt()
    {
        using var temp = Generated(out var households, out var helpers);
        var pipe = temp.File("result.pipe");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
            mkfifo.ExitCode.Should().Be(0);
        }

        var reader = Task.Run(() => File.ReadAllText(pipe));
        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", pipe);

        run.ExitCode.Should().Be(0, run.Error);
        reader.Wait(TimeSpan.FromMinutes(1)).Should().BeTrue("the reader gets the whole result and the end of the file");
        JsonDocument.Parse(reader.Result).RootElement.GetProperty("summary").GetProperty("households").GetInt32().Should().Be(2000);
        FileTypes.Of(pipe).Should().Be(FileType.Fifo);
    }

    [Fact]
    public void Solve_OutToSymbolicLink_WritesTheTargetAndKeepsTheLink()
    {
        using var temp = Generated(out var households, out var helpers);
        var target = temp.File("real-result.json");
        File.WriteAllText(target, "previous");
        var link = temp.File("result.json");
        File.CreateSymbolicLink(link, target);

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", link);

        run.ExitCode.Should().Be(0, run.Error);
        new FileInfo(link).LinkTarget.Should().Be(target, "the link is still a link to the same file");
        JsonDocument.Parse(File.ReadAllText(target)).RootElement.GetProperty("summary").GetProperty("households").GetInt32().Should().Be(2000);
        Directory.GetFiles(temp.Path, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public void Solve_OutDash_WritesJsonToStandardOutputAndTheReportToStandardError()
    {
        using var temp = Generated(out var households, out var helpers);

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", "-");

        run.ExitCode.Should().Be(0, run.Error);
        var json = JsonDocument.Parse(run.Out).RootElement;
        json.GetProperty("summary").GetProperty("ruleSet").GetString().Should().Be("xing-county");
        json.GetProperty("pairings").GetArrayLength().Should().Be(2000);
        run.Error.Should().Contain("Households 2,000: 2,000 covered, 0 uncovered").And.Contain("Full result written to standard output");
        File.Exists("-").Should().BeFalse("no file named - is written");
    }

    [Fact]
    public void Solve_OutUnderAFile_IsRefusedBeforeSolvingWithTheGivenPath()
    {
        using var temp = Generated(out var households, out var helpers);
        var given = Path.Combine(households, "result.json");

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", given);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be($"pairing-rules: cannot write --out '{given}': '{households}' is a file, not a folder; nothing was done\n");
        run.Out.Should().BeEmpty("nothing was read or solved");
    }

    [Fact]
    public void Solve_OutIsAFolder_IsRefusedBeforeSolving()
    {
        using var temp = Generated(out var households, out var helpers);

        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", households, "--helpers", helpers, "--out", temp.Path);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be($"pairing-rules: cannot write --out '{temp.Path}': it is a folder; give a file name; nothing was done\n");
        run.Out.Should().BeEmpty();
    }

    [LinuxFact]
    public void FileTypes_NameWhatTheKernelSays()
    {
        using var temp = new TempFolder();
        var file = temp.File("a.txt");
        File.WriteAllText(file, "a");
        var link = temp.File("link");
        File.CreateSymbolicLink(link, file);

        FileTypes.Of(file).Should().Be(FileType.Regular);
        FileTypes.Of(link).Should().Be(FileType.SymbolicLink);
        FileTypes.Of(temp.Path).Should().Be(FileType.Directory);
        FileTypes.Of(temp.File("missing")).Should().Be(FileType.Missing);
        FileTypes.Of("/dev/null").Should().Be(FileType.CharacterDevice);
    }

    private static OutputTarget Open(string path) => OutputTarget.Open(path, () => throw new InvalidOperationException("not standard output"));

    private static TempFolder Generated(out string households, out string helpers)
    {
        var temp = new TempFolder();
        Cli.Run("generate", "--out", temp.Path, "--households", "2000").ExitCode.Should().Be(0);
        households = temp.File("households.csv");
        helpers = temp.File("helpers.csv");
        return temp;
    }

    private static void AssertUntouched(TempFolder temp, string path, bool previousExists)
    {
        if (previousExists)
        {
            File.ReadAllText(path).Should().Be("previous, complete");
        }
        else
        {
            File.Exists(path).Should().BeFalse();
        }

        Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("the temporary file is deleted");
    }
}

/// <summary>A fact about Linux file types (devices, named pipes): skipped, and said so, on other systems; CI runs Linux.</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux file types (character devices, named pipes)";
        }
    }
}
