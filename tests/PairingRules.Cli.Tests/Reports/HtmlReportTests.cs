using System.Text;
using System.Xml;
using FluentAssertions;
using PairingRules.Cli.Reports;
using Xunit;

namespace PairingRules.Cli.Tests.Reports;

/// <summary>
/// The HTML report (<c>solve --out report.html</c>): golden files in both languages (the default demo county and the
/// county with gaps, as the Markdown goldens), self-contained and well-formed, roster text escaped, and the charts drawn
/// from the data. <see cref="BrowserTests"/> renders it in Chromium.
/// </summary>
public sealed class HtmlReportTests
{
    public static TheoryData<string> Languages() => new() { "en", "zh" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Solve_DefaultCounty_WritesTheGoldenHtmlReport(string lang)
    {
        var html = DemoReport(lang);

        GoldenReportTests.Golden(html, "demo", $"report.{lang}.html");
        Problems(html).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Solve_CountyWithGaps_WritesTheGoldenHtmlReport(string lang)
    {
        using var temp = new TempFolder();
        var report = temp.File("report.html");

        var run = GoldenReportTests.SolveCountyWithGaps(lang, report);

        run.ExitCode.Should().Be(1, "the county has gaps");
        run.Out.Should().Contain(lang == "en" ? $"Full result written to {report}" : $"完整结果已写入{report}");
        var html = File.ReadAllText(report);
        GoldenReportTests.Golden(html, "county-with-gaps", $"report.{lang}.html");
        Problems(html).Should().BeEmpty();
    }

    [Fact]
    public void Report_CountyWithGaps_HoldsTheTablesAndTheThreeCharts()
    {
        var html = GapsReport("zh");

        html.Should().StartWith("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\" />\n");
        html.Should().Contain("<title>帮扶责任人结对报告：两县帮扶责任人结对规则（测试）</title>");
        html.Should().Contain("<tr><th>未落实</th><td class=\"n\">4</td></tr>");
        html.Should().Contain("<tr><td>XH09</td><td>周玉梅</td><td>兴县</td><td>魏家滩镇</td><td>魏家滩村</td>");
        html.Should().Contain("<figcaption>各乡镇贫困户落实情况</figcaption>")
            .And.Contain("<figcaption>各组帮扶责任人包扶户数与包扶任务</figcaption>")
            .And.Contain("<figcaption>缺口在哪里：各乡镇未落实户数和包扶任务缺口</figcaption>");
        html.Should().Contain("<text x=\"180\" y=\"105\" text-anchor=\"end\">兴县/魏家滩镇</text>", "the township with the uncovered households is a row of the coverage chart");
        html.Should().Contain("<text x=\"538\" y=\"105\">3 / 7</text>", "3 of its 7 households are covered");
        html.Should().Contain(">2名：平均1.5户（1至2户），任务3.0户</text>", "the section cadres: 2 helpers with 1 and 2 households, quota 3");
        html.Should().Contain(">兴县/县直</text>", "the quota shortfall of county-level helpers counts at the county's level");
        CountOf(html, "<svg ").Should().Be(3);
        CountOf(html, "<h2 class=\"section\">").Should().Be(4, "charts, groups, certificates and villages each start a printed page");
    }

    [Fact]
    public void Report_DefaultCounty_SaysThereIsNoGapInsteadOfAnEmptyChart()
    {
        var html = DemoReport("en");

        html.Should().Contain("<figcaption>Where the gaps are: uncovered households and quota shortfall per township</figcaption>\n<p>No gaps: every household is covered and every quota met.</p>\n</figure>");
        CountOf(html, "<svg ").Should().Be(2);
    }

    [Fact]
    public void Report_RosterTextWithMarkup_IsEscaped()
    {
        using var temp = new TempFolder();
        string Input(string name) => Cli.TestData("golden", "county-with-gaps", name);
        var households = File.ReadAllText(Input("households.csv")).Replace(",周玉梅", ",\"<b>周&amp;\"\"玉梅'</b>\"", StringComparison.Ordinal);
        households.Should().Contain("<b>", "the roster must hold the name to escape");
        File.WriteAllText(temp.File("households.csv"), households, new UTF8Encoding(false));
        var helpers = File.ReadAllText(Input("helpers.csv")).Replace(",县扶贫办", ",<script>alert(1)</script>", StringComparison.Ordinal);
        helpers.Should().Contain("<script>");
        File.WriteAllText(temp.File("helpers.csv"), helpers, new UTF8Encoding(false));

        var run = Cli.Run("solve", "--rules", Input("rules.json"), "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", temp.File("report.html"));

        run.ExitCode.Should().Be(1, run.Error);
        var html = File.ReadAllText(temp.File("report.html"));
        html.Should().Contain("<td>XH09</td><td>&lt;b&gt;周&amp;amp;&quot;玉梅&#39;&lt;/b&gt;</td>");
        html.Should().Contain("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
        Problems(html).Should().BeEmpty();
    }

    [Fact]
    public void Solve_FormatHtml_WritesHtmlWhateverTheExtension()
    {
        using var temp = new TempFolder();
        var report = temp.File("report.txt");

        var run = Cli.Run("solve", "--rules", Cli.TestData("golden", "county-with-gaps", "rules.json"), "--households", Cli.TestData("golden", "county-with-gaps", "households.csv"),
            "--helpers", Cli.TestData("golden", "county-with-gaps", "helpers.csv"), "--out", report, "--format", "HTML");

        run.ExitCode.Should().Be(1, run.Error);
        File.ReadAllText(report).Should().Be(GapsReport("en"));
    }

    [Fact]
    public void Check_HtmlOut_IsAUsageErrorAndWritesNothing()
    {
        using var temp = new TempFolder();
        var report = temp.File("findings.html");
        string Input(string name) => Cli.TestData("golden", "county-with-gaps", name);

        var run = Cli.Run("check", "--rules", Input("rules.json"), "--households", Input("households.csv"), "--helpers", Input("helpers.csv"), "--out", report);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be($"pairing-rules: check cannot write '{report}' as html: its findings are written as json, csv or md (--format); nothing was checked\n");
        File.Exists(report).Should().BeFalse();
    }

    [Fact]
    public void SelfContainedCheck_FindsEveryExternalReferenceAndBadNesting()
    {
        // The check must be able to fail.
        Problems("<html><body><p>ok</p></body></html>").Should().BeEmpty();
        Problems("<html><body><img src=\"https://example.org/a.png\" /></body></html>").Should().Equal(
            "refers to something outside the file: https:", "refers to something outside the file: //", "refers to something outside the file:  src=");
        Problems("<html><head><script>1</script></head><body></body></html>").Should().Equal("refers to something outside the file: <script");
        Problems("<html><style>@import 'a.css'; p { background: url(a.png) }</style></html>").Should().Equal(
            "refers to something outside the file: @import", "refers to something outside the file: url(");
        Problems("<html><a href=\"//cdn/x\">x</a></html>").Should().Equal("refers to something outside the file: //");
        Problems("<html><body><p>open</body></html>").Should().ContainSingle().Which.Should().StartWith("not well-formed: The 'p' start tag on line 1 position 14 does not match the end tag of 'body'.");
        Problems("<html><body>a & b</body></html>").Should().ContainSingle().Which.Should().StartWith("not well-formed: An error occurred while parsing EntityName.");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(12, 5)]
    [InlineData(16_800, 5_000)]
    [InlineData(5_000, 1_000)]
    public void AxisStep_IsRoundAndGivesAtMostSixTicks(long max, long step)
    {
        HtmlCharts.Step(max).Should().Be(step);
    }

    /// <summary>What keeps <paramref name="html"/> from being one self-contained, well-formed file: a reference to
    /// anything outside it, or markup that does not parse as XML.</summary>
    internal static List<string> Problems(string html)
    {
        var problems = new[] { "http:", "https:", "//", "<script", "@import", "url(", "<link", "<iframe", "<object", "<embed", " src=" }
            .Where(bad => html.Contains(bad, StringComparison.OrdinalIgnoreCase))
            .Select(bad => $"refers to something outside the file: {bad}")
            .ToList();
        try
        {
            using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            problems.Add($"not well-formed: {e.Message}");
        }

        return problems;
    }

    internal static string DemoReport(string lang)
    {
        using var temp = new TempFolder();
        Cli.Run("generate", "--out", temp.Path).ExitCode.Should().Be(0);
        var report = temp.File("report.html");
        var run = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv"), "--out", report, "--lang", lang);
        run.ExitCode.Should().Be(0, run.Error);
        return File.ReadAllText(report);
    }

    internal static string GapsReport(string lang)
    {
        using var temp = new TempFolder();
        var report = temp.File("report.html");
        GoldenReportTests.SolveCountyWithGaps(lang, report).ExitCode.Should().Be(1);
        return File.ReadAllText(report);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
