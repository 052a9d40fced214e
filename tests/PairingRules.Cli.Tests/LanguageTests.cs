using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>
/// How the report language is chosen: <c>--lang</c> on every command, else <c>PAIRING_RULES_LANG</c>, else English;
/// never the machine's culture (<see cref="CultureTests"/>).
/// </summary>
public sealed class LanguageTests
{
    private static readonly Dictionary<string, string> Chinese = new() { ["PAIRING_RULES_LANG"] = "zh" };

    [Fact]
    public void Demo_WithoutLangOrEnvironment_IsEnglish()
    {
        Cli.Run("demo", "--households", "2000").Out.Should().StartWith("Rule set   xing-county (10 groups)\nHouseholds 2,000: 2,000 covered, 0 uncovered\n");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("ZH")]
    [InlineData(" zh ")]
    public void Demo_LangZh_IsChineseIgnoringCase(string lang)
    {
        Cli.Run("demo", "--households", "2000", "--lang", lang).Out.Should().StartWith("规则集：xing-county（10个组）\n贫困户：2,000户，已落实帮扶责任人2,000户，未落实0户\n");
    }

    [Fact]
    public void Demo_EnvironmentZh_IsChinese_AndLangEnOverridesIt()
    {
        Cli.RunWith(Chinese, "demo", "--households", "2000").Out.Should().EndWith("结果：全部落实（退出码 0）。\n");
        Cli.RunWith(Chinese, "demo", "--households", "2000", "--lang", "en").Out.Should().EndWith("Result: complete (exit code 0).\n");
        Cli.RunWith(new Dictionary<string, string> { ["PAIRING_RULES_LANG"] = "" }, "demo", "--households", "2000").Out.Should().EndWith("Result: complete (exit code 0).\n", "an empty variable is unset");
    }

    [Fact]
    public void EnvironmentNamingNoLanguage_ExitsTwoWithOneLine()
    {
        var run = Cli.RunWith(new Dictionary<string, string> { ["PAIRING_RULES_LANG"] = "zh-CN" }, "demo", "--households", "2000");

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Be("pairing-rules: PAIRING_RULES_LANG 'zh-CN' is not one of en, zh\n");
    }

    [Fact]
    public void LangNamingNoLanguage_ExitsTwoWithTheChoices()
    {
        var run = Cli.Run("demo", "--lang", "fr");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be("pairing-rules: --lang 'fr' is not one of en, zh\nRun 'pairing-rules --help' for usage.\n");
    }

    [Fact]
    public void EveryCommand_TakesLangZh()
    {
        using var temp = new TempFolder();
        var county = Path.Combine(temp.Path, "county");
        var check = Cli.TestData("check", "planted-faults");

        var validate = Cli.Run("validate", Cli.RulesPath, "--lang", "zh");
        var generate = Cli.Run("generate", "--households", "500", "--out", county, "--lang", "zh");
        var solve = Cli.Run("solve", "--rules", Cli.RulesPath, "--households", Path.Combine(county, "households.csv"), "--helpers", Path.Combine(county, "helpers.csv"), "--lang", "zh");
        var audit = Cli.Run("check", "--rules", Cli.RulesPath, "--households", Path.Combine(check, "households.csv"), "--helpers", Path.Combine(check, "helpers.csv"), "--lang", "zh");
        var demo = Cli.Run("demo", "--households", "500", "--lang", "zh");

        validate.Out.Should().StartWith($"{Cli.RulesPath}：规则集 `xing-county` 有效，共10个组，按优先顺序：\n  兴县帮扶责任人结对规则 (Xing County, Shanxi, 2017)\n   1. 县级领导干部（county-leaders）：范围为县，不少于10户\n      帮扶责任人条件：helper.Category == \"county-leader\"\n      贫困户条件：household.DeepPoverty\n");
        validate.Out.Should().Contain("   9. 村“两委”干部（village-committee）：范围为村，恰好1户\n").And.Contain("  10. 乡镇干部（township-cadres）：范围为乡镇，不少于0户，兜底\n");
        generate.Out.Should().Be($"已将500户写入{Path.Combine(county, "households.csv")}，146名帮扶责任人写入{Path.Combine(county, "helpers.csv")}（预设xing-county，随机种子2017）。\n");
        solve.Out.Should().StartWith("规则集：xing-county（10个组）\n贫困户：500户，").And.EndWith("\n结果：全部落实（退出码 0）。\n");
        audit.Out.Should().StartWith("规则集：xing-county（10个组）\n检查项：9项，来自rules/audit.json（内置）\n检查范围：18户，6名帮扶责任人\n发现问题：5项\n\n各检查项发现的问题：\n")
            .And.EndWith("\n结果：发现5项问题（退出码 1）。\n");
        demo.Out.Should().EndWith("\n结果：全部落实（退出码 0）。\n");
        new[] { validate, generate, solve, demo }.Select(r => r.ExitCode).Should().Equal(0, 0, 0, 0);
        audit.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Progress_IsInTheReportLanguage()
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };

        var code = Program.Run(["demo", "--households", "2000", "--lang", "zh"], output, error, showProgress: true, environment: _ => null);

        code.Should().Be(0);
        error.ToString().Should().StartWith("正在生成模拟县（2,000户）…\n正在为2,000户和").And.Contain("名帮扶责任人结对 …\n用时");
    }
}
