using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>
/// Every folder in TestData/bad-rosters holds a households.csv and helpers.csv with one kind of mistake (the folder's
/// name) and expected.txt, the whole stderr of <c>solve</c> on them (file names relative to the folder).
/// </summary>
public sealed class BadRosterTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Cli.TestData("bad-rosters")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Fact]
    public void Folder_HoldsAtLeastEightCases() => Cases().Count.Should().BeGreaterThanOrEqualTo(8);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Solve_BadRoster_ExitsTwoWithEveryProblemLocated(string name)
    {
        var folder = Cli.TestData("bad-rosters", name);
        var expected = File.ReadAllText(Path.Combine(folder, "expected.txt")).ReplaceLineEndings("\n");

        var run = Cli.Run("solve", "--rules", Cli.RulesPath,
            "--households", Path.Combine(folder, "households.csv"),
            "--helpers", Path.Combine(folder, "helpers.csv"));

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty("nothing is solved on a roster with errors");
        run.Error.Replace(folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Should().Be(expected);
    }
}
