using System.Diagnostics;
using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests.Reports;

/// <summary>
/// The HTML report in a real browser: headless Chromium (<c>/usr/bin/chromium</c>, or <c>$CHROMIUM</c>) renders it to a
/// screenshot and dumps its DOM, and logs no console message. Skipped, with the reason, when Chromium is missing,
/// unless PAIRING_RULES_REQUIRE_BROWSER=1 (as in CI), which makes a missing browser a failure.
/// </summary>
public sealed class BrowserTests
{
    [BrowserFact]
    public void Chromium_RendersTheReportWithItsTablesAndChartsAndNoConsoleMessage()
    {
        using var temp = new TempFolder();
        var report = temp.File("report.html");
        File.WriteAllText(report, HtmlReportTests.GapsReport("zh"));

        var screenshot = Chromium.Run(temp, report, $"--screenshot={temp.File("report.png")}", "--window-size=1000,3000");
        var dom = Chromium.Run(temp, report, "--dump-dom");

        Chromium.ConsoleMessages(screenshot.Error).Should().BeEmpty();
        Chromium.ConsoleMessages(dom.Error).Should().BeEmpty();
        var png = File.ReadAllBytes(temp.File("report.png"));
        png.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "the screenshot is a PNG");
        png.Length.Should().BeGreaterThan(20_000, "a page of tables and charts is not a blank image");
        dom.Out.Should().Contain("<svg viewBox=\"0 0 760 140\"", "the DOM holds the charts as SVG elements");
        CountOf(dom.Out, "<svg ").Should().Be(3);
        CountOf(dom.Out, "<table").Should().Be(12, "summary, groups, townships, uncovered, backstop, below quota, idle, unselected, and the villages of each of 4 townships");
        dom.Out.Should().Contain("<td>XH09</td><td>周玉梅</td>");
    }

    [BrowserFact]
    public void ConsoleCheck_FindsTheMessagesOfAPageWithErrors()
    {
        // The check must be able to fail: a page whose script logs an error and throws.
        using var temp = new TempFolder();
        var page = temp.File("bad.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><p>x</p><script>console.error('boom'); undefinedFunction();</script></body></html>");

        var run = Chromium.Run(temp, page, "--dump-dom");

        Chromium.ConsoleMessages(run.Error).Should().HaveCount(2).And.Satisfy(
            m => m.Contains("\"boom\", source: file://", StringComparison.Ordinal),
            m => m.Contains("\"Uncaught ReferenceError: undefinedFunction is not defined\"", StringComparison.Ordinal));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}

/// <summary>A fact that needs Chromium: skipped when it is missing, unless PAIRING_RULES_REQUIRE_BROWSER=1.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
        {
            Skip = $"Chromium not found at {Chromium.DefaultPath} or $CHROMIUM; install it (apt-get install chromium) or set PAIRING_RULES_REQUIRE_BROWSER=1 to make this a failure";
        }
    }
}

/// <summary>Runs headless Chromium on a local file, with no network of its own and a new profile each run.</summary>
internal static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Chromium's executable: $CHROMIUM, else /usr/bin/chromium, or null when neither exists.</summary>
    public static string? Path => Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } given && File.Exists(given) ? given
        : File.Exists(DefaultPath) ? DefaultPath
        : null;

    /// <summary>Whether a missing browser fails the browser tests (PAIRING_RULES_REQUIRE_BROWSER=1).</summary>
    public static bool Required => Environment.GetEnvironmentVariable("PAIRING_RULES_REQUIRE_BROWSER") == "1";

    /// <summary>Renders <paramref name="page"/> with <paramref name="arguments"/>, and returns what Chromium wrote.</summary>
    public static CliRun Run(TempFolder temp, string page, params string[] arguments)
    {
        var executable = Path ?? throw new InvalidOperationException($"PAIRING_RULES_REQUIRE_BROWSER=1 but Chromium is not at {DefaultPath} nor at $CHROMIUM ('{Environment.GetEnvironmentVariable("CHROMIUM")}')");
        var profile = temp.File($"profile-{System.IO.Path.GetRandomFileName()}");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
            .. arguments, new Uri(page).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} did not finish in {Timeout.TotalSeconds} s; stderr:\n{error.Result}");
        }

        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"Chromium rendered the page; stderr:\n{error.Result}");
        return new CliRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The lines of Chromium's log that are messages of the page's console (errors, warnings, logs).</summary>
    public static List<string> ConsoleMessages(string log) =>
        log.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
}
