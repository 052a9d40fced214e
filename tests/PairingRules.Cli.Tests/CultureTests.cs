using System.Globalization;
using System.Text;
using FluentAssertions;
using Xunit;

namespace PairingRules.Cli.Tests;

/// <summary>
/// The tool reads and writes the same bytes whatever the machine's culture: rules with culture-dependent string
/// functions and decimal numbers, rosters with decimals and booleans, and every output (stdout, stderr, JSON, CSV,
/// Markdown, help and parse errors) in both report languages (<c>--lang en</c>, <c>--lang zh</c>) under the invariant
/// culture, zh-CN and tr-TR: the machine's culture never chooses the language.
/// </summary>
public sealed class CultureTests
{
    private const string Rules = """
        {
          "name": "culture",
          "groups": [
            { "id": "upper-i", "helpers": "helper.Category == \"county-leader\"", "households": "household.Attribute(\"city\").ToUpper() == \"ISTANBUL\" && household.Income < 2300.5", "scope": "county", "min": 1, "max": 2 },
            { "id": "lower-i", "helpers": "helper.Category == \"section-cadre\" && helper.Name.ToLower().StartsWith(\"i\")", "households": "household.Attribute(\"city\").IndexOf(\"IZ\") == 0 || string.Compare(household.Attribute(\"city\"), \"izmir\", true) == 0", "scope": "county", "min": 1 },
            { "id": "cadres", "helpers": "helper.Category == \"township-cadre\"", "scope": "township", "backstop": true, "min": 1 }
          ]
        }
        """;

    private const string Households = """
        id,township,village,poor_village,deep_poverty,members,income,helper,city
        H1,T,V1,TRUE,是,3,2300.25,,istanbul
        H2,T,V1,True,否,2,2300.75,,istanbul
        H3,T,V2,false,yes,1,1000.5,,IZMIR
        H4,T,V2,False,NO,4,0.5,,Izmir
        H5,T,V2,0,1,2,12345.678,,ankara
        H6,U,V3,1,0,2,2300.5,X9,istanbul
        """;

    private const string Helpers = """
        id,category,township,village,tier,name
        L1,county-leader,,,,Ilhan
        S1,section-cadre,,,,IRMAK
        S2,section-cadre,,,,ilkay
        C1,township-cadre,T,,,Cadre
        """;

    [Fact]
    public void EveryCommand_UnderInvariantChineseAndTurkishCultures_WritesTheSameBytes()
    {
        var runs = new[] { "", "zh-CN", "tr-TR" }.Select(culture => (Culture: culture, Output: RunEverything(culture))).ToList();

        var invariant = runs[0].Output;
        invariant.Should().Contain("\"household\": \"H1\",\n      \"helper\": \"L1\",\n      \"group\": \"upper-i\"", "ToUpper() is invariant: \"istanbul\" is ISTANBUL");
        invariant.Should().Contain("\"household\": \"H3\",\n      \"helper\": \"S1\"", "ToLower() is invariant: IRMAK starts with i");
        invariant.Should().Contain("12345.678").And.NotContain("12345,678");
        invariant.Should().Contain("$ demo --households 3000 --lang zh\nexit 0\n规则集：xing-county（10个组）\n贫困户：3,000户，", "--lang zh prints Chinese, numbers as in English");
        invariant.Should().Contain("$ demo --households 3000 --lang en\nexit 0\nRule set   xing-county (10 groups)\nHouseholds 3,000: ");
        invariant.Should().Contain("\nUsage:\n  ").And.Contain(" [command] [options]\n\nOptions:\n", "help is English whatever the UI culture");
        invariant.Should().Contain("pairing-rules: Cannot parse argument 'abc' for option '--seed' as expected type 'System.Int32'.\n");
        foreach (var (culture, output) in runs.Skip(1))
        {
            output.Should().Be(invariant, $"the culture {culture} changes nothing");
        }
    }

    private static string RunEverything(string culture)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("rules.json"), Rules, new UTF8Encoding(false));
        File.WriteAllText(temp.File("households.csv"), Households, new UTF8Encoding(false));
        File.WriteAllText(temp.File("helpers.csv"), Helpers, new UTF8Encoding(false));
        var input = new[] { "--rules", temp.File("rules.json"), "--households", temp.File("households.csv"), "--helpers", temp.File("helpers.csv") };

        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
            var all = new StringBuilder();
            void Run(params string[] args)
            {
                var run = Cli.Run(args);
                all.Append($"$ {string.Join(' ', args).Replace(temp.Path, "TEMP", StringComparison.Ordinal)}\nexit {run.ExitCode}\n{run.Out}{run.Error}".Replace(temp.Path, "TEMP", StringComparison.Ordinal));
            }

            foreach (var lang in new[] { "en", "zh" })
            {
                Run(["validate", temp.File("rules.json"), "--lang", lang]);
                foreach (var format in new[] { "json", "csv", "md" })
                {
                    Run(["solve", .. input, "--out", temp.File($"result.{lang}.{format}"), "--lang", lang]);
                    Run(["check", .. input, "--out", temp.File($"check.{lang}.{format}"), "--lang", lang]);
                }

                Run(["solve", .. input, "--out", temp.File($"result.{lang}.html"), "--lang", lang]);
                Run(["solve", .. input, "--out", temp.File($"result.{lang}.xlsx"), "--lang", lang]);

                Run(["demo", "--households", "3000", "--lang", lang]);
                Run(["demo", "--households", "3000", "--preset", "quotas-above-supply", "--lang", lang]);
                Run(["generate", "--households", "100", "--out", temp.File($"county.{lang}"), "--lang", lang]);
            }

            // Help and parse errors come from System.CommandLine, which would translate them by the UI culture.
            Run(["--help"]);
            Run(["solve", "--help"]);
            Run(["demo", "--seed", "abc"]);
            Run(["solve", "--rules"]);
            foreach (var file in Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                all.Append($"--- {Path.GetRelativePath(temp.Path, file)}\n").Append(Convert.ToHexString(File.ReadAllBytes(file)).Length).Append('\n')
                    .Append(file.EndsWith(".xlsx", StringComparison.Ordinal) ? Convert.ToHexString(File.ReadAllBytes(file)) : File.ReadAllText(file));
            }

            return all.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
