using System.Text;
using FluentAssertions;
using PairingRules.Csv;
using Xunit;

namespace PairingRules.Tests.Csv;

/// <summary>The optional <c>county</c> column of both roster files.</summary>
public sealed class RosterCsvCountyTests
{
    private const string Rule = "either every household and helper names a county or none does";

    [Fact]
    public void Read_CountyColumn_IsReadForHouseholdsAndHelpers()
    {
        var roster = Read(
            "id,county,township,village,poor_village,deep_poverty\nH1,兴县,东乡,东村,true,false\n",
            "id,category,township,village,tier,县\nT1,township-cadre,东乡,,,兴县\n");

        roster.Households.Single().County.Should().Be("兴县");
        roster.Helpers.Single().County.Should().Be("兴县");
        roster.Households.Single().HasAttribute("county").Should().BeFalse();
    }

    [Fact]
    public void Read_SameVillageNameInTwoCounties_IsFineAndCommitteeMembersTakeTheirOwnCountysVillage()
    {
        var roster = Read(
            "id,county,township,village,poor_village,deep_poverty\nH1,兴县,东乡,东村,true,false\nH2,临县,西乡,东村,false,false\n",
            "id,county,category,township,village,tier\nV1,兴县,village-committee,,东村,\nV2,临县,village-committee,,东村,\n");

        roster.FindHelper("V1")!.Should().BeEquivalentTo(new { County = "兴县", Township = "东乡", PoorVillage = true });
        roster.FindHelper("V2")!.Should().BeEquivalentTo(new { County = "临县", Township = "西乡", PoorVillage = false });
    }

    [Fact]
    public void Read_VillageNameInTwoTownshipsOfOneCounty_IsTwoVillages()
    {
        var roster = Read(
            "id,county,township,village,poor_village,deep_poverty\nH1,兴县,东乡,东村,true,false\nH2,兴县,西乡,东村,false,false\n",
            "id,county,category,township,village,tier\nV1,兴县,village-committee,西乡,东村,\n");

        roster.Places.Villages.Should().Equal(("兴县", "东乡", "东村"), ("兴县", "西乡", "东村"));
        roster.FindHelper("V1")!.PoorVillage.Should().BeFalse("the helper's village is 西乡's 东村, which is not poor");
    }

    [Fact]
    public void Read_HelperNamingAVillageOfTwoTownshipsWithoutItsTownship_IsReportedAtItsVillageCell()
    {
        var act = () => Read(
            "id,county,township,village,poor_village,deep_poverty\nH1,兴县,东乡,东村,true,false\nH2,兴县,西乡,东村,true,false\nH3,临县,北乡,东村,true,false\n",
            "id,county,category,township,village,tier\nV1,兴县,village-committee,,东村,\nV2,临县,village-committee,,东村,\n");

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "helpers.csv:2:5: village: village '东村' is in townships '东乡' and '西乡' among the households; give the helper's township to say which");
    }

    [Fact]
    public void Read_HouseholdWithoutCountyAmongHouseholdsWithOne_IsReportedAtItsCountyCell()
    {
        var act = () => Read(
            "id,county,township,village,poor_village,deep_poverty\nH1,兴县,东乡,东村,true,false\nH2,,东乡,东村,true,false\n",
            "id,county,category,township,village,tier\nT1,兴县,township-cadre,东乡,,\n");

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            $"households.csv:3:2: county: county is empty, but line 2 names one; {Rule}");
    }

    [Fact]
    public void Read_HelperWithCountyWhereHouseholdsNameNone_IsReportedAtItsCountyCell()
    {
        var act = () => Read(
            "id,township,village,poor_village,deep_poverty\nH1,东乡,东村,true,false\n",
            "id,category,township,village,tier,county\nT1,township-cadre,东乡,,,\nT2,township-cadre,东乡,,,兴县\n");

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            $"helpers.csv:3:6: county: county '兴县' is named, but households.csv line 2 names none; {Rule}");
    }

    [Fact]
    public void Read_HelpersFileWithoutCountyColumnWhereHouseholdsNameCounties_IsReportedOnceAtTheHeader()
    {
        var act = () => Read(
            "id,county,township,village,poor_village,deep_poverty\nH1,兴县,东乡,东村,true,false\n",
            "id,category,township,village,tier\nT1,township-cadre,东乡,,\nT2,township-cadre,东乡,,\n");

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            $"helpers.csv:1: missing column `county`: households.csv line 2 names a county; {Rule}");
    }

    [Fact]
    public void WriteThenRead_WithCounties_RoundTripsTheCountyColumn()
    {
        var roster = new Roster(
            [new Household("H1", "东乡", "东村", true, false, county: "兴县"), new Household("H2", "东乡", "东村", false, true, county: "临县")],
            [new Helper("T1", "township-cadre", township: "东乡", county: "兴县"), new Helper("L1", "county-leader", county: "临县")]);

        var (households, helpers) = Write(roster);

        households.Should().StartWith("id,county,township,village,");
        helpers.Should().StartWith("id,county,category,");
        var back = Read(households, helpers);
        back.Households.Should().BeEquivalentTo(roster.Households, o => o.WithStrictOrdering());
        back.Helpers.Should().BeEquivalentTo(roster.Helpers, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Write_WithoutCounties_HasNoCountyColumn()
    {
        var roster = new Roster([new Household("H1", "东乡", "东村", true, false)], [new Helper("T1", "township-cadre", township: "东乡")]);

        var (households, helpers) = Write(roster);

        households.Should().Be("id,township,village,poor_village,deep_poverty,members,income,helper\nH1,东乡,东村,true,false,1,0,\n");
        helpers.Should().Be("id,category,township,village,tier,name,unit,poor_village\nT1,township-cadre,东乡,,,T1,,false\n");
    }

    private static (string Households, string Helpers) Write(Roster roster)
    {
        var households = new StringWriter();
        var helpers = new StringWriter();
        RosterCsv.WriteHouseholds(roster.Households, households);
        RosterCsv.WriteHelpers(roster.Helpers, helpers);
        return (households.ToString(), helpers.ToString());
    }

    private static Roster Read(string households, string helpers) =>
        RosterCsv.Read(
            new MemoryStream(Encoding.UTF8.GetBytes(households)), "households.csv",
            new MemoryStream(Encoding.UTF8.GetBytes(helpers)), "helpers.csv");
}
