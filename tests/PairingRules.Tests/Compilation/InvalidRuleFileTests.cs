using FluentAssertions;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>
/// Every file under TestData/rules/invalid fails to load with exactly the problems in its <c>.expected.txt</c>
/// (one problem a line, as <see cref="InputProblem.ToString"/> prints it, with the file name as the source).
/// Set PAIRING_RULES_UPDATE_EXPECTED=1 to rewrite the expected files after reviewing a change of wording.
/// </summary>
public sealed class InvalidRuleFileTests
{
    public static TheoryData<string> InvalidFiles()
    {
        var data = new TheoryData<string>();
        foreach (var kind in new[] { "shape", "semantic" })
        {
            foreach (var file in Directory.GetFiles(TestPaths.Data("rules", "invalid", kind), "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(kind + "/" + Path.GetFileNameWithoutExtension(file));
            }
        }

        return data;
    }

    [Fact]
    public void InvalidFolder_HasAtLeastTwentyCases() => ((IEnumerable<object[]>)InvalidFiles()).Count().Should().BeGreaterThanOrEqualTo(20);

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Load_InvalidFile_FailsWithExpectedProblems(string name)
    {
        var path = TestPaths.Data("rules", "invalid", name + ".json");
        var json = File.ReadAllText(path);

        var act = () => RuleSet.Parse(json, Path.GetFileName(path));

        var problems = act.Should().Throw<RuleSetException>().Which.Problems.Select(p => p.ToString()).ToArray();
        problems.Should().NotBeEmpty();
        var expectedPath = Path.ChangeExtension(path, ".expected.txt");
        if (Environment.GetEnvironmentVariable("PAIRING_RULES_UPDATE_EXPECTED") == "1")
        {
            File.WriteAllLines(TestPaths.SourceData("rules", "invalid", name + ".expected.txt"), problems);
            return;
        }

        File.Exists(expectedPath).Should().BeTrue($"{name} needs an expected-problems file");
        problems.Should().Equal(File.ReadAllLines(expectedPath), $"the problems of {name} are part of the contract");
    }

    [Fact]
    public void Load_MisspeltMin_SaysUnknownFieldWithLineAndSuggestion()
    {
        var json = File.ReadAllText(TestPaths.Data("rules", "invalid", "shape", "unknown-field-minn.json"));

        var problem = FluentActions.Invoking(() => RuleSet.Parse(json, "county.json")).Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Subject;

        problem.Path.Should().Be("groups[1]");
        problem.Line.Should().Be(19);
        problem.Message.Should().StartWith("unknown field `minn` in a group, did you mean `min`?");
    }

    [Fact]
    public void Load_MisspeltMember_ListsTheMembersOfHelper()
    {
        var json = File.ReadAllText(TestPaths.Data("rules", "invalid", "semantic", "unknown-member-categry.json"));

        var problem = FluentActions.Invoking(() => RuleSet.Parse(json, "county.json")).Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Subject;

        problem.Message.Should().Be(
            "group `section-cadres`: there is no member `Categry` on helper, did you mean `Category`? " +
            "(members of helper: Id, Name, Category, Tier, County, Township, Village, Unit, PoorVillage, Attributes, Attribute(name), HasAttribute(name)) (at character 8)");
    }

    [Fact]
    public void RuleSetException_Message_IsOneSummaryLineThenEachProblem()
    {
        var json = File.ReadAllText(TestPaths.Data("rules", "invalid", "semantic", "several-problems.json"));

        var exception = FluentActions.Invoking(() => RuleSet.Parse(json, "county.json")).Should().Throw<RuleSetException>().Which;

        var lines = exception.Message.Split('\n');
        lines[0].Should().Be("Rule set 'county.json' has 3 problems:");
        lines.Skip(1).Should().Equal(exception.Problems.Select(p => "  " + p));
    }

    [Fact]
    public void Load_MissingFile_IsARuleSetExceptionNamingThePath()
    {
        var act = () => RuleSet.Load("/no/such/rules.json");

        act.Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().StartWith("cannot read the rule file:");
    }
}
