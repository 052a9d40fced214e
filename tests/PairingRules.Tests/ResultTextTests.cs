using FluentAssertions;
using Mono.Cecil;
using PairingRules.Cli.Tests.Reports;
using Xunit;

namespace PairingRules.Tests;

/// <summary>
/// The sentences of results in English and Chinese (<see cref="ResultText"/>), whole, for every reason, remedy,
/// certificate and unselected reason the library produces; the English ones are the result's own texts. And the texts
/// themselves (<c>src/PairingRules/ResultText.resx</c> and its zh-Hans file): every key in both languages, placeholders
/// as the comments name them, every key read.
/// </summary>
public sealed class ResultTextTests
{
    private static readonly RuleSet Rules = RuleSet.Parse(
        """
        {
          "name": "labelled",
          "groups": [
            { "id": "leaders", "label": "县级领导干部", "helpers": "helper.Category == \"county-leader\"", "households": "household.DeepPoverty", "scope": "county", "min": 2 },
            { "id": "committee", "label": "村两委干部", "helpers": "helper.Category == \"village-committee\"", "households": "household.PoorVillage", "scope": "village", "min": 1, "max": 1 },
            { "id": "cadres", "label": "乡镇干部", "helpers": "helper.Category == \"township-cadre\"", "households": "household.Members < 9", "scope": "township", "backstop": true },
            { "id": "plain", "helpers": "helper.Category == \"plain\"", "households": "household.Members > 100", "scope": "county" }
          ]
        }
        """,
        "labelled.json");

    private static readonly ResultText English = new(Rules.Groups);
    private static readonly ResultText Chinese = new(Rules.Groups, ReportLanguage.Chinese);

    [Fact]
    public void AllHelpersFull_CappedGroup_RaiseTheMax()
    {
        // Nine members: not for the township cadres, so only the committee member may take them.
        var result = Solve([H("H1", members: 9), H("H2", members: 9), H("H3", members: 9)], [P("C1", "village-committee", "A", "A1")]);

        var household = result.Uncovered[0];
        household.Reason.Should().Be(UncoveredReason.AllHelpersFull);
        household.MaxIncrease.Should().Be(2);
        Sentences(English.Remedy, household, household.Remedy).Should().Equal(
            "raise `max` of `committee` by 2 or add helpers of those groups in its scope",
            "将村两委干部（committee）的包扶上限（max）提高2户，或在该户所在范围内增加这些组的帮扶责任人");
        var certificate = result.Certificates.Should().ContainSingle().Which;
        certificate.Should().BeEquivalentTo(new { Kind = CertificateKind.Coverage, Reason = UncoveredReason.AllHelpersFull, Households = 3L, Helpers = 1L, Capacity = 1L, Gap = 2L });
        certificate.Villages.Should().Equal(new Place(null, "A", "A1"));
        Sentences(English.Statement, certificate, certificate.Statement).Should().Equal(
            "A: 3 households may go only to 1 helper of `committee`, whose caps allow 1 more, and all are full; 2 stay uncovered in any pairing.",
            "A：3户只能由村两委干部（committee）的1名帮扶责任人包扶，其包扶上限共可再接1户，现已全部满额；任何结对方案都有2户无人包扶。");
        Reasons(UncoveredReason.AllHelpersFull).Should().Equal("every helper who may take it is full", "可包扶的人都已满额");
    }

    [Fact]
    public void AllHelpersFull_NoCappedGroup_AddAHelper()
    {
        // Uncapped helpers are never full in a solve; the sentence is still defined for the facts.
        var place = new Place(null, "A", "A1");

        English.Remedy(UncoveredReason.AllHelpersFull, ["leaders", "plain"], null, place).Should().Be("add a helper who may take it (groups `leaders`, `plain`)");
        Chinese.Remedy(UncoveredReason.AllHelpersFull, ["leaders", "plain"], null, place).Should().Be("增加一名可以包扶该户的帮扶责任人（县级领导干部（leaders）、plain）");
    }

    [Fact]
    public void NoBackstopInTownship_AddABackstopHelperThere()
    {
        var result = Solve([H("H1"), H("H2", "B", "B1"), H("H3", "B", "B1")], [P("T1", "township-cadre", "A")]);

        var household = result.Uncovered[0];
        household.Reason.Should().Be(UncoveredReason.NoBackstopInTownship);
        Sentences(English.Remedy, household, household.Remedy).Should().Equal("add a helper of group `cadres` (乡镇干部) in township B", "在B增加一名乡镇干部（cadres）");
        var certificate = result.Certificates.Should().ContainSingle().Which;
        certificate.Should().BeEquivalentTo(new { Reason = UncoveredReason.NoBackstopInTownship, Households = 2L, Helpers = 0L, Capacity = 0L, Gap = 2L });
        Sentences(English.Statement, certificate, certificate.Statement).Should().Equal(
            "B: 2 households, the township has no helper of the backstop group and no other helper may take them.",
            "B：2户，该乡镇没有兜底组的帮扶责任人，其他人也不能包扶这些户。");
        Reasons(UncoveredReason.NoBackstopInTownship).Should().Equal("no backstop helper in its township", "本乡镇没有兜底的帮扶责任人");
    }

    [Fact]
    public void NoGroupAccepts_WidenTheRules()
    {
        var result = Solve([H("H1", members: 9, poor: false)], [P("T1", "township-cadre", "A")]);

        var household = result.Uncovered.Should().ContainSingle().Which;
        household.Reason.Should().Be(UncoveredReason.NoGroupAccepts);
        household.RemedyGroupIds.Should().BeEmpty();
        Sentences(English.Remedy, household, household.Remedy).Should().Equal(
            "no group's `households` expression accepts it: widen a group's `households` or add a group to the rules",
            "没有哪个组的 households 条件接受该户：放宽某个组的 households 条件，或在规则中增加一个组");
        var certificate = result.Certificates.First(c => c.Kind == CertificateKind.Coverage);
        Sentences(English.Statement, certificate, certificate.Statement).Should().Equal("A: 1 household, no group's rules accept them.", "A：1户，没有哪个组的规则接受这些户。");
        Reasons(UncoveredReason.NoGroupAccepts).Should().Equal("no group accepts it", "没有哪个组可以包扶");
    }

    [Fact]
    public void NoHelperInScope_AddAHelperInItsScope()
    {
        var result = Solve([H("H1"), H("H2", village: "A2", members: 9)], [P("C1", "village-committee", "A", "A1")]);

        var household = result.Uncovered.Should().ContainSingle().Which;
        household.Reason.Should().Be(UncoveredReason.NoHelperInScope);
        Sentences(English.Remedy, household, household.Remedy).Should().Equal("add a helper of group `committee` (村两委干部) in its village", "在该户所在村增加一名村两委干部（committee）");
        var certificate = result.Certificates.Should().ContainSingle().Which;
        Sentences(English.Statement, certificate, certificate.Statement).Should().Equal(
            "A: 1 household, no helper who may take them works in their township or village.", "A：1户，可以包扶这些户的人都不在其乡镇或村。");
        certificate.Villages.Should().Equal(new Place(null, "A", "A2"));
        Reasons(UncoveredReason.NoHelperInScope).Should().Equal("no helper in its township or village", "本乡镇或本村没有可包扶的人");
    }

    [Fact]
    public void Quota_SeveralHelpers_WithThousandsSeparatorsAndPlaces()
    {
        var rules = RuleSet.Parse("""{ "name": "big", "groups": [ { "id": "leaders", "label": "县级领导干部", "helpers": "true", "scope": "county", "min": 1000 } ] }""");

        var result = rules.Solve(new Roster([H("H1"), H("H2", "B", "B1")], [P("L1", "county-leader"), P("L2", "county-leader")]));

        var certificate = result.Certificates.Should().ContainSingle().Which;
        certificate.Should().BeEquivalentTo(new { Kind = CertificateKind.Quota, Reason = (UncoveredReason?)null, Households = 2L, Helpers = 2L, Capacity = 2000L, Gap = 1998L });
        certificate.Statement.Should().Be(
            "2 helpers of `leaders` need 2,000 households to meet their quotas (at least one each); only 2 households may go to any of them (in A, B), so 1,998 short in any pairing that covers as many households.");
        new ResultText(rules.Groups, ReportLanguage.Chinese).Statement(certificate).Should().Be(
            "县级领导干部（leaders）的2名帮扶责任人完成包扶任务（每人至少1户）共需2,000户，能分给他们的只有2户（在A、B）；在覆盖户数同样多的任何结对方案中，缺口都是1,998户。");
    }

    [Fact]
    public void Quota_OneHelperWithNoHouseholdItMayTake_NamesNoPlace()
    {
        var result = Solve([H("H1")], [P("L1", "county-leader"), P("T1", "township-cadre", "A")]);

        var certificate = result.Certificates.Should().ContainSingle().Which;
        certificate.Places.Should().BeEmpty();
        certificate.Villages.Should().BeEmpty();
        Sentences(English.Statement, certificate, certificate.Statement).Should().Equal(
            "1 helper of `leaders` needs 2 households to meet their quotas (at least one each); only 0 households may go to any of them, so 2 short in any pairing that covers as many households.",
            "县级领导干部（leaders）的1名帮扶责任人完成包扶任务（每人至少1户）共需2户，能分给他们的只有0户；在覆盖户数同样多的任何结对方案中，缺口都是2户。");
    }

    [Fact]
    public void Unselected_EveryReason()
    {
        var result = Solve([H("H1")], [P("T1", "township-cadre", "A"), P("S1", "first-secretary", "A", "A1"), P("T2", "township-cadre"), P("C1", "village-committee", "A")]);

        result.Unselected.Select(u => (u.HelperId, u.Helper.Category, u.Reason)).Should().Equal(
            ("S1", "first-secretary", UnselectedReason.NoGroupSelects), ("T2", "township-cadre", UnselectedReason.NoTownship), ("C1", "village-committee", UnselectedReason.NoVillage));
        result.Unselected.Select(English.Reason).Should().Equal(
            "no group's `helpers` expression selects it",
            "group `cadres` pairs within a township, but the helper has no township",
            "group `committee` pairs within a village, but the helper has no village");
        result.Unselected.Select(Chinese.Reason).Should().Equal(
            "没有哪个组的 helpers 条件选中此人",
            "乡镇干部（cadres）在乡镇内结对，但此人没有所属乡镇",
            "村两委干部（committee）在村内结对，但此人没有所属村");
    }

    [Fact]
    public void Scopes_InBothLanguages()
    {
        Enum.GetValues<PairingScope>().Select(English.Scope).Should().Equal("county", "township", "village");
        Enum.GetValues<PairingScope>().Select(Chinese.Scope).Should().Equal("县", "乡镇", "村");
        Chinese.Language.Should().Be(ReportLanguage.Chinese);
    }

    [Fact]
    public void Misuse_IsAnArgumentException()
    {
        var result = Solve([H("H1"), H("H2", "B", "B1")], [P("T1", "township-cadre", "A")]);
        var otherRules = new ResultText([], ReportLanguage.Chinese);

        FluentActions.Invoking(() => otherRules.Remedy(result.Uncovered[0])).Should().Throw<ArgumentException>()
            .WithMessage("The group `cadres` is not one of the groups this text was made with (those of the rule set that produced the result).");
        FluentActions.Invoking(() => new ResultText(Rules.Groups, (ReportLanguage)7)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => English.Statement(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => English.Reason((UncoveredReason)9)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void EveryKey_HasATextInBothLanguages()
    {
        var english = ResultText.Texts(ReportLanguage.English).All.Keys.Order(StringComparer.Ordinal).ToList();

        english.Should().HaveCountGreaterThan(20);
        ResultText.Texts(ReportLanguage.Chinese).All.Keys.Order(StringComparer.Ordinal).Should().Equal(english, "zh-Hans/PairingRules.resources.dll has every key and no other");
        ResourceTexts.PlaceholderProblems(
            Path.Combine(ReadmeExampleTests.RepositoryRoot(), "src", "PairingRules", "ResultText.resx"),
            ResultText.Texts(ReportLanguage.English).All,
            ResultText.Texts(ReportLanguage.Chinese).All).Should().BeEmpty();
    }

    [Fact]
    public void EveryKey_IsReadByResultText_AndEveryPublicMethodIsCalled()
    {
        using var library = AssemblyDefinition.ReadAssembly(typeof(ResultText).Assembly.Location);

        var (unreadKeys, _) = ResourceTexts.Unused(library, "PairingRules.ResultText", ResultText.Texts(ReportLanguage.English).All.Keys);

        unreadKeys.Should().BeEmpty("every key of ResultText.resx is read by ResultText");
    }

    private static PairingResult Solve(Household[] households, Helper[] helpers) => Rules.Solve(new Roster(households, helpers));

    private static Household H(string id, string township = "A", string village = "A1", int members = 2, bool poor = true) =>
        new(id, township, village, poorVillage: poor, deepPoverty: false, members: members);

    private static Helper P(string id, string category, string? township = null, string? village = null) =>
        new(id, category, township: township, village: village);

    /// <summary>The English and the Chinese sentence of <paramref name="fact"/>; the English one must be the result's own.</summary>
    private static string[] Sentences<T>(Func<T, string> english, T fact, string resultsOwn)
    {
        english(fact).Should().Be(resultsOwn, "the result's own text is the English sentence");
        var chinese = (Func<T, string>)Delegate.CreateDelegate(typeof(Func<T, string>), Chinese, english.Method);
        return [english(fact), chinese(fact)];
    }

    private static string[] Reasons(UncoveredReason reason) => [English.Reason(reason), Chinese.Reason(reason)];
}
