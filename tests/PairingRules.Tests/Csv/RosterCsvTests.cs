using System.Text;
using FluentAssertions;
using PairingRules.Csv;
using Xunit;

namespace PairingRules.Tests.Csv;

public sealed class RosterCsvTests
{
    private const string Helpers = "id,category,township,village,tier\nT1,township-cadre,东乡,,\n";

    [Fact]
    public void Read_Utf8WithBomAndExtraColumns_KeepsAttributesAndDefaults()
    {
        var roster = Read("\uFEFFid,township,village,poor_village,deep_poverty,name,cause\nH1,东乡,东村,TRUE,0,张三,illness\n", Helpers);

        var household = roster.Households.Single();
        household.Should().BeEquivalentTo(new { Id = "H1", Township = "东乡", Village = "东村", PoorVillage = true, DeepPoverty = false, Members = 1, Income = 0m, CurrentHelper = (string?)null });
        household.Attribute("cause").Should().Be("illness");
        household.Attribute("name").Should().Be("张三");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("YES", true)]
    [InlineData("no", false)]
    [InlineData("是", true)]
    [InlineData("否", false)]
    public void Read_Booleans_AcceptEveryDocumentedSpelling(string text, bool expected)
    {
        var roster = Read($"id,township,village,poor_village,deep_poverty\nH1,东乡,东村,{text},{text}\n", Helpers);

        roster.Households[0].PoorVillage.Should().Be(expected);
        roster.Households[0].DeepPoverty.Should().Be(expected);
    }

    [Fact]
    public void Read_CommitteeMember_TakesTownshipAndPoorVillageFromItsVillage()
    {
        var roster = Read(
            "id,township,village,poor_village,deep_poverty,members,income,helper\nH1,东乡,东村,true,false,3,2300.5,V1\n",
            "id,category,township,village,tier,unit\nV1,village-committee,,东村,,村委\nE1,企业,,,一类,\n");

        var member = roster.FindHelper("V1")!;
        member.Township.Should().Be("东乡");
        member.PoorVillage.Should().BeTrue();
        member.Unit.Should().Be("村委");
        roster.FindHelper("E1")!.Should().BeEquivalentTo(new { Category = "enterprise", Tier = 1 });
        roster.Households[0].Should().BeEquivalentTo(new { Members = 3, Income = 2300.5m, CurrentHelper = "V1" });
    }

    [Fact]
    public void Read_Gb18030ChineseHeaders_IsDetected()
    {
        var gb = RosterCsv.GB18030;
        var households = gb.GetBytes("户编号,乡镇,村,是否贫困村,是否深度贫困户,人均纯收入\r\nH1,东乡,东村,是,否,3100\r\n");
        var helpers = gb.GetBytes("编号,类别,乡镇,村,企业类别\r\nT1,乡镇干部,东乡,,\r\n");

        RosterCsv.DetectEncoding(households).CodePage.Should().Be(gb.CodePage);
        var roster = RosterCsv.Read(new MemoryStream(households), "households.csv", new MemoryStream(helpers), "helpers.csv");

        roster.Households[0].Should().BeEquivalentTo(new { Township = "东乡", PoorVillage = true, Income = 3100m });
        roster.Helpers[0].Category.Should().Be("township-cadre");
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61 }, 65001)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xD6, 0xD0 }, 65001)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00 }, 1200)]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x61 }, 1201)]
    [InlineData(new byte[] { 0x61, 0x00, 0x62, 0x00 }, 65001)]
    [InlineData(new byte[] { 0xE4, 0xB8, 0xAD }, 65001)]
    [InlineData(new byte[] { 0xD6, 0xD0, 0xCE, 0xC4 }, 54936)]
    [InlineData(new byte[] { }, 65001)]
    public void DetectEncoding_ByteOrderMarkThenValidUtf8ThenGb18030(byte[] bytes, int codePage)
    {
        RosterCsv.DetectEncoding(bytes).CodePage.Should().Be(codePage);
    }

    [Theory]
    [InlineData("utf-8", 65001)]
    [InlineData(" gb18030 ", 54936)]
    [InlineData("GBK", 936)]
    [InlineData("gb2312", 936)]
    [InlineData("utf-16", 1200)]
    public void FindEncoding_CodePageAndBuiltInNames_AreFound(string name, int codePage)
    {
        RosterCsv.FindEncoding(name)!.CodePage.Should().Be(codePage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("klingon")]
    public void FindEncoding_UnknownName_IsNull(string name)
    {
        RosterCsv.FindEncoding(name).Should().BeNull();
    }

    [Fact]
    public void Read_QuotedFieldWithCommaAndLineBreak_ReportsTheLineTheRecordStartsOn()
    {
        var act = () => Read("id,township,village,poor_village,deep_poverty,note\nH1,东乡,东村,true,false,\"a, b\nc\"\nH2,东乡,东村,maybe,false,x\n", Helpers);

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString())
            .Should().Equal("households.csv:4:4: poor_village: 'maybe' is not a yes/no value; use true/false, 1/0, yes/no or 是/否");
    }

    [Fact]
    public void Read_VillagePoorFlagDisagrees_IsReported()
    {
        var act = () => Read("id,township,village,poor_village,deep_poverty\nH1,东乡,东村,true,false\nH2,东乡,东村,false,false\n", Helpers);

        act.Should().Throw<RosterException>().Which.Problems.Select(p => p.ToString())
            .Should().Equal("households.csv:3:4: poor_village: village '东村' has poor_village true on line 2; every household of a village must agree");
    }

    [Fact]
    public void WriteThenRead_RoundTripsEveryField()
    {
        var roster = PairingRules.Synthetic.SyntheticCounty.Generate(new PairingRules.Synthetic.SyntheticCountyOptions { Households = 500, PreviouslyPaired = 0.5 });
        var households = new StringWriter();
        var helpers = new StringWriter();
        RosterCsv.WriteHouseholds(roster.Households, households);
        RosterCsv.WriteHelpers(roster.Helpers, helpers);

        var back = Read(households.ToString(), helpers.ToString());

        back.Households.Should().BeEquivalentTo(roster.Households, o => o.WithStrictOrdering());
        back.Helpers.Should().BeEquivalentTo(roster.Helpers, o => o.WithStrictOrdering());
    }

    private static Roster Read(string households, string helpers) =>
        RosterCsv.Read(
            new MemoryStream(Encoding.UTF8.GetBytes(households)), "households.csv",
            new MemoryStream(Encoding.UTF8.GetBytes(helpers)), "helpers.csv");
}
