using System.Text;
using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>
/// Every output file is written to a temporary file and moved into place: a write that fails or is cancelled leaves the
/// destination as it was (absent, or the previous complete file) and no temporary file behind.
/// </summary>
public sealed class AtomicOutputTests
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

        var act = () => AtomicFile.WriteBytes(path, stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes(new string('x', 100_000)));
            throw new IOException("disk full");
        });

        act.Should().Throw<IOException>();
        AssertUntouched(temp, path, previousExists);
    }

    [Fact]
    public void WriteText_CancelledAfterTheLastByte_DoesNotMoveIntoPlace()
    {
        using var temp = new TempFolder();
        var path = temp.File("result.csv");
        File.WriteAllText(path, "previous, complete");
        using var cancellation = new CancellationTokenSource();

        var act = () => AtomicFile.WriteText(path, Encoding.UTF8, writer =>
        {
            writer.Write("household,helper,group\n");
            cancellation.Cancel();
        }, cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
        AssertUntouched(temp, path, previousExists: true);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("md")]
    public void Solve_Cancelled_ExitsTwoAndWritesNoOutput(string format)
    {
        using var temp = new TempFolder();
        Cli.Run("generate", "--out", temp.Path, "--households", "2000").ExitCode.Should().Be(0);
        var path = temp.File($"result.{format}");

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(
            ["solve", "--rules", Cli.RulesPath, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", path],
            output,
            error,
            cancellationToken: new CancellationToken(canceled: true));

        code.Should().Be(2);
        error.ToString().Should().Contain("pairing-rules: cancelled; no output was written");
        AssertUntouched(temp, path, previousExists: false);
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
