using System.Text;
using FluentAssertions;
using PairingRules.Csv;
using Xunit;

namespace PairingRules.Tests.Csv;

/// <summary>
/// Roster files carry no county's vocabulary: any category, any tier from 1, no place required by category; the rules of
/// a roster are the ones <c>new Roster</c> applies (RosterRulesTests), located in the file; a header close to an
/// accepted one is a warning.
/// </summary>
public sealed class RosterCsvRulesTests
{
    private const string Households = "id,township,village,poor_village,deep_poverty\nH1,东乡,东村,true,false\nH2,东乡,西村,false,false\n";

    [Fact]
    public void Read_AnyCategoryAndTier_AreKeptAndTheXingAliasesMap()
    {
        var roster = Read(
            Households,
            "id,category,township,village,tier\n" +
            "F1,第一书记,东乡,东村,\nP1, poverty-office ,,,\nE5,enterprise,,,5\nE6,企业,,,六类企业\nE7,企业,,,7类\nE12,企业,,,十二类\nS1,section-cadre,,,2\nL1,县级领导,,,\nL2,County_Leader,,,\nV1,村“两委”干部,东乡,东村,\nW1,Work_Team,,,\n");

        roster.Helpers.Select(h => (h.Id, h.Category, h.Tier)).Should().Equal(
            ("F1", "第一书记", null),
            ("P1", "poverty-office", null),
            ("E5", "enterprise", 5),
            ("E6", "enterprise", 6),
            ("E7", "enterprise", 7),
            ("E12", "enterprise", 12),
            ("S1", "section-cadre", 2),
            ("L1", "county-leader", null),
            ("L2", "county-leader", null),
            ("V1", "village-committee", null),
            ("W1", "Work_Team", null));
    }

    [Theory]
    [InlineData("一类", 1)]
    [InlineData("四类企业", 4)]
    [InlineData("十类", 10)]
    [InlineData("二十类", 20)]
    [InlineData("九十九类企业", 99)]
    [InlineData("5", 5)]
    [InlineData("2147483647", int.MaxValue)]
    public void ParseTier_WholeNumbersAndChineseClasses_AreTiers(string text, int tier) => RosterColumns.ParseTier(text).Should().Be(tier);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+2")]
    [InlineData("1.5")]
    [InlineData("类")]
    [InlineData("零类")]
    [InlineData("百类")]
    [InlineData("十十类")]
    [InlineData("一二类")]
    [InlineData("大型")]
    [InlineData("2147483648")]
    public void ParseTier_Others_AreNotTiers(string text) => RosterColumns.ParseTier(text).Should().BeNull();

    [Fact]
    public void Read_HelpersFileWithoutTierColumn_ReadsEveryTierAsNone()
    {
        var roster = Read(Households, "id,category,township,village\nT1,township-cadre,东乡,\n");

        roster.Helpers.Single().Tier.Should().BeNull();
    }

    [Fact]
    public void Read_CommitteeMemberWithoutVillageAndCadreWithoutTownship_AreRead()
    {
        var roster = Read(Households, "id,category,township,village,tier\nV1,village-committee,东乡,,\nT1,township-cadre,,,\n");

        roster.Helpers.Select(h => (h.Id, h.Township, h.Village)).Should().Equal(("V1", "东乡", null), ("T1", null, null));
    }

    [Fact]
    public void Read_HelperWithoutPoorVillage_TakesItAndItsTownshipFromItsVillageAsNewRosterDoes()
    {
        const string helpers = "id,category,township,village,tier,poor_village\nV1,village-committee,,东村,,\nV2,village-committee,东乡,西村,,\nV3,village-committee,,北村,,\n";

        var read = Read(Households, helpers);
        var made = new Roster(
            [new Household("H1", "东乡", "东村", true, false), new Household("H2", "东乡", "西村", false, false)],
            [new Helper("V1", "village-committee", village: "东村"), new Helper("V2", "village-committee", township: "东乡", village: "西村"), new Helper("V3", "village-committee", village: "北村")]);

        read.Helpers.Select(h => (h.Id, h.Township, h.PoorVillage)).Should().Equal(("V1", "东乡", true), ("V2", "东乡", false), ("V3", (string?)null, false));
        read.Helpers.Should().BeEquivalentTo(made.Helpers, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Read_VillageNameInTwoTownships_IsTwoVillages()
    {
        var roster = Read(
            "id,township,village,poor_village,deep_poverty\nH1,东乡,东村,true,false\nH2,西乡,东村,false,false\n",
            "id,category,township,village,tier\nV1,village-committee,西乡,东村,\n");

        roster.Places.Villages.Should().HaveCount(2);
        roster.Helpers.Single().PoorVillage.Should().BeFalse();
    }

    [Fact]
    public void Read_ProblemsOfTheRosterRules_AreLocatedAtTheirCellsInLineOrder()
    {
        var act = () => Read(
            "id,township,village,poor_village,deep_poverty\nH1,东乡,东村,true,false\nH2,西乡,东村,true,false\nH3,东乡,东村,false,false\nH1,北乡,北村,maybe,false\n",
            "id,category,township,village,tier,是否贫困村\nV1,village-committee,,东村,,\nV2,village-committee,东乡,东村,,否\n");

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "households.csv:4:4: poor_village: village '东村' has poor_village true on line 2; every household of a village must agree",
            "households.csv:5:1: id: duplicate household id 'H1' (first on line 2)",
            "households.csv:5:4: poor_village: 'maybe' is not a yes/no value; use true/false, 1/0, yes/no or 是/否",
            "helpers.csv:2:4: village: village '东村' is in townships '东乡' and '西乡' among the households; give the helper's township to say which",
            "helpers.csv:3:6: 是否贫困村: poor_village false contradicts the households of village '东村' in township '东乡', which have poor_village true on households.csv line 2; leave it empty to take theirs");
    }

    [Theory]
    [InlineData("家庭人口", "`家庭人口` is read as an attribute, not as column `members`; did you mean `家庭人口数`? (accepted headers: members, 家庭人口数, 人口数)")]
    [InlineData("人口", "`人口` is read as an attribute, not as column `members`; did you mean `人口数`? (accepted headers: members, 家庭人口数, 人口数)")]
    [InlineData("incom", "`incom` is read as an attribute, not as column `income`; did you mean `income`? (accepted headers: income, 人均纯收入, 人均收入)")]
    [InlineData("Helpr", "`Helpr` is read as an attribute, not as column `helper`; did you mean `helper`? (accepted headers: helper, 帮扶责任人, 帮扶责任人编号)")]
    [InlineData("县名", "`县名` is read as an attribute, not as column `county`; did you mean `县`? (accepted headers: county, 县, 县区, 县(市、区), 县（市、区）)")]
    public void Read_HeaderCloseToAnAcceptedOne_IsReadAsAnAttributeWithALocatedWarning(string header, string message)
    {
        var roster = Read($"id,township,village,poor_village,deep_poverty,{header}\nH1,东乡,东村,true,false,3\n", "id,category,township,village,tier\nT1,township-cadre,东乡,,\n");

        roster.Warnings.Select(w => w.ToString()).Should().Equal($"households.csv:1:6: warning: {header}: {message}");
        roster.Warnings.Single().Severity.Should().Be(ProblemSeverity.Warning);
        roster.Households.Single().Attribute(header).Should().Be("3", "the value is kept, as an attribute, not dropped");
    }

    [Fact]
    public void Read_HelpersHeaderCloseToAnOptionalColumn_Warns()
    {
        var roster = Read(Households, "id,category,township,village,tier,poor_vilage\nV1,village-committee,东乡,东村,,true\n");

        roster.Warnings.Select(w => w.ToString()).Should().Equal(
            "helpers.csv:1:6: warning: poor_vilage: `poor_vilage` is read as an attribute, not as column `poor_village`; did you mean `poor_village`? (accepted headers: poor_village, 是否贫困村)");
        roster.Helpers.Single().Attribute("poor_vilage").Should().Be("true");
    }

    [Fact]
    public void Read_RequiredColumnMisspelt_IsAnErrorThatNamesTheLikelyHeader()
    {
        var act = () => Read("id,township,village,poor_vilage,deep_poverty\nH1,东乡,东村,true,false\n", "id,category,township,village,tier\nT1,township-cadre,东乡,,\n");

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "households.csv:1: missing required column `poor_village` (accepted headers: poor_village, 是否贫困村); column 4 `poor_vilage` looks like a misspelling of it");
    }

    [Fact]
    public void Read_ExactAliasesAndUnrelatedHeaders_GiveNoWarning()
    {
        var roster = Read(
            "户编号,乡镇,行政村,是否贫困村,是否深度贫困户,户主姓名,家庭人口数,监测户,致贫原因,性别,备注,cause\nH1,东乡,东村,是,否,张三,3,是,因病,男,,illness\n",
            "编号,类别,乡(镇),村,企业类别,名称,工作单位,监测责任,第一书记\nT1,乡镇干部,东乡,,,王五,东乡政府,,否\n");

        roster.Warnings.Should().BeEmpty();
        roster.Households.Single().Attribute("致贫原因").Should().Be("因病");
    }

    [Fact]
    public void Solve_RosterWithAWarning_ReportsItInTheResult()
    {
        var roster = Read("id,township,village,poor_village,deep_poverty,家庭人口\nH1,东乡,东村,true,false,3\n", "id,category,township,village,tier\nT1,township-cadre,东乡,,\n");

        var result = RuleSet.LoadXingCounty().Solve(roster);

        result.Warnings.Take(roster.Warnings.Count).Should().Equal(roster.Warnings, "the roster's warnings come first, before those of the rules");
    }

    private static Roster Read(string households, string helpers) =>
        RosterCsv.Read(
            new MemoryStream(Encoding.UTF8.GetBytes(households)), "households.csv",
            new MemoryStream(Encoding.UTF8.GetBytes(helpers)), "helpers.csv");
}
