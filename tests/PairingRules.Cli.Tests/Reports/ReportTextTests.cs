using FluentAssertions;
using Mono.Cecil;
using PairingRules.Cli.Reports;
using Xunit;

namespace PairingRules.Cli.Tests.Reports;

/// <summary>
/// The texts of the tool's reports (<c>src/PairingRules.Cli/Reports/ReportText.resx</c> and its zh-Hans file): every key
/// has a text in both languages, each language uses only the placeholders the neutral file's comment names, and every
/// key is used (read by a method of <see cref="ReportText"/> that the tool calls).
/// </summary>
public sealed class ReportTextTests
{
    private static readonly string Resx = Path.Combine(Cli.RepositoryRoot(), "src", "PairingRules.Cli", "Reports", "ReportText.resx");

    [Fact]
    public void EveryKey_HasATextInBothLanguages()
    {
        var english = ReportText.All(ReportLanguage.English).Keys.Order(StringComparer.Ordinal).ToList();
        var chinese = ReportText.All(ReportLanguage.Chinese).Keys.Order(StringComparer.Ordinal).ToList();

        english.Should().HaveCountGreaterThan(100);
        chinese.Should().Equal(english, "the satellite assembly zh-Hans/pairing-rules.resources.dll has every key of the neutral texts, and no other");
    }

    [Fact]
    public void EveryText_UsesOnlyThePlaceholdersItsCommentNames()
    {
        ResourceTexts.PlaceholderProblems(Resx, ReportText.All(ReportLanguage.English), ReportText.All(ReportLanguage.Chinese))
            .Should().BeEmpty();
    }

    [Fact]
    public void EveryKey_IsReadByAMethodTheToolCalls()
    {
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(ReportText).Assembly.Location);
        var (unreadKeys, uncalledMethods) = ResourceTexts.Unused(assembly, "PairingRules.Cli.Reports.ReportText", ReportText.All(ReportLanguage.English).Keys);

        unreadKeys.Should().BeEmpty("every key of ReportText.resx is read by a method of ReportText");
        uncalledMethods.Should().BeEmpty("every public method of ReportText is called by the tool");
    }

    [Fact]
    public void UnusedKeyCheck_FindsAnUnreadKeyAndAnUncalledMethod()
    {
        // The check must be able to fail: a key no method reads, and a method nothing calls.
        using var tool = AssemblyDefinition.ReadAssembly(typeof(ReportText).Assembly.Location);
        using var tests = AssemblyDefinition.ReadAssembly(typeof(TextsWithAnUncalledMethod).Assembly.Location);

        ResourceTexts.Unused(tool, "PairingRules.Cli.Reports.ReportText", ["Console.NoSuchText"]).UnreadKeys.Should().Equal("Console.NoSuchText");
        var (unreadKeys, uncalledMethods) = ResourceTexts.Unused(tests, typeof(TextsWithAnUncalledMethod).FullName!, ["Called.One", "Called.Other", "Orphan"]);
        unreadKeys.Should().BeEmpty("a plural key is read as its stem");
        uncalledMethods.Should().Equal("Orphan");
        new TextsWithAnUncalledMethod().Called().Should().Be("Called");
    }
}

/// <summary>A text class with one method that nothing calls, for the check above.</summary>
internal sealed class TextsWithAnUncalledMethod
{
    public string Called() => "Called";

    public string Orphan() => "Orphan";
}
