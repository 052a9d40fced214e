using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>The reports the README and docs/cli.md show are the tool's own, quoted verbatim from the golden files that
/// <see cref="Reports.GoldenReportTests"/> holds the tool to.</summary>
public sealed class ReadmeReportTests
{
    [Theory]
    [InlineData("README.md", "county-with-gaps", "console.zh.txt")]
    [InlineData("README.md", "demo", "console.en.txt")]
    [InlineData("docs/cli.md", "demo", "console.en.txt")]
    [InlineData("docs/cli.md", "demo", "console.zh.txt")]
    public void Page_QuotesTheGoldenReportVerbatim(string page, string folder, string report)
    {
        var text = File.ReadAllText(Path.Combine(Cli.RepositoryRoot(), page)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var golden = File.ReadAllText(Cli.TestData("golden", folder, report));

        text.Should().Contain($"```text\n{golden}```\n", $"{page} shows the report of golden/{folder}/{report} as the tool prints it");
    }
}
