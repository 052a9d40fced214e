using System.Globalization;
using System.Text;
using FluentAssertions;
using Newtonsoft.Json;
using PairingRules.Csv;
using PairingRules.Synthetic;
using PairingRules.Tests.Solving;
using Xunit;

namespace PairingRules.Tests.Csv;

/// <summary>
/// The same county built as C# objects and read from roster files is the same roster and gives the same result, byte
/// for byte: one derivation and one set of checks serve both (docs/roster-format.md, "Rules of a roster"). Both are
/// written the way a person would: helpers without a poor-village status, committee members without their township,
/// categories and tiers in Chinese in the files.
/// </summary>
public sealed class ObjectsAndFilesAgreeTests
{
    private static readonly JsonSerializerSettings Settings = new() { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture };

    [Fact]
    public void SyntheticXingCounty_AsObjectsAndAsFiles_GivesTheSameResultAsGenerated()
    {
        var generated = SyntheticCounty.Generate();
        var rules = RuleSet.LoadXingCounty();
        var asTyped = generated.Helpers.Select(h => h.Category == "village-committee"
            ? new Helper(h.Id, h.Category, h.Name, h.Tier, h.County, township: null, h.Village, h.Unit, poorVillage: null, h.Attributes)
            : h).ToArray();

        var objects = new Roster(generated.Households, asTyped);
        var files = Read(Households(generated.Households), HelpersAsTyped(generated.Helpers));

        Snapshot(objects).Should().Be(Snapshot(generated));
        Snapshot(files).Should().Be(Snapshot(generated));
        var expected = ResultSnapshot.Of(rules.Solve(generated));
        ResultSnapshot.Of(rules.Solve(objects)).Should().Be(expected);
        ResultSnapshot.Of(rules.Solve(files)).Should().Be(expected);
    }

    [Fact]
    public void CountyWithNewCategories_AsObjectsAndAsFiles_GivesTheSameResult()
    {
        var rules = RuleSet.Load(TestPaths.Data("county-with-new-categories", "rules.json"));
        var files = RosterCsv.Read(TestPaths.Data("county-with-new-categories", "households.csv"), TestPaths.Data("county-with-new-categories", "helpers.csv"));
        var objects = CountyWithNewCategories();

        Snapshot(files).Should().Be(Snapshot(objects));
        var result = rules.Solve(objects);
        ResultSnapshot.Of(rules.Solve(files)).Should().Be(ResultSnapshot.Of(result));

        // What the files and the objects left to the roster: F2's township, the committee members' poor-village status.
        objects.Helpers.Select(h => (h.Id, h.Category, h.Tier, h.Township, h.PoorVillage)).Should().Equal(
            ("P1", "poverty-office", null, null, false),
            ("F1", "first-secretary", null, "东乡", true),
            ("F2", "first-secretary", null, "西乡", true),
            ("L1", "county-leader", null, null, false),
            ("E1", "enterprise", 5, null, false),
            ("E2", "enterprise", 6, null, false),
            ("V1", "village-committee", null, "东乡", true),
            ("V2", "village-committee", null, "西乡", false),
            ("T1", "township-cadre", null, "东乡", false),
            ("T2", "township-cadre", null, "西乡", false));
        result.IsComplete.Should().BeTrue();
        result.Groups.Select(g => (g.GroupId, g.Households)).Should().Equal(
            ("poverty-office", 1), ("first-secretaries", 4), ("county-leaders", 1), ("enterprise-tier-5", 3), ("enterprise-tier-6", 2),
            ("poor-village-committee", 1), ("village-committee", 1), ("township-cadres", 3));
    }

    /// <summary>The county of TestData/county-with-new-categories, written in C# as its files are.</summary>
    private static Roster CountyWithNewCategories()
    {
        Household H(string id, string township, string village, bool poor, bool deep, int members, string monitored, string cause) =>
            new(id, township, village, poor, deep, members: members, attributes: new Dictionary<string, string> { ["监测户"] = monitored, ["致贫原因"] = cause });
        Helper P(string id, string category, string name, string post = "", string? township = null, string? village = null, int? tier = null) =>
            new(id, category, name, tier, township: township, village: village, attributes: new Dictionary<string, string> { ["职务"] = post });

        return new Roster(
            [
                H("H01", "东乡", "东村", true, true, 4, "是", "因病"),
                H("H02", "东乡", "东村", true, false, 3, "否", "因学"),
                H("H03", "东乡", "东村", true, false, 2, "否", "因残"),
                H("H04", "东乡", "东村", true, true, 5, "否", "因病"),
                H("H05", "东乡", "南村", false, false, 1, "否", "缺劳力"),
                H("H06", "东乡", "南村", false, false, 2, "是", "因病"),
                H("H07", "东乡", "南村", false, false, 3, "否", "缺资金"),
                H("H08", "东乡", "南村", false, false, 6, "否", "缺技术"),
                H("H09", "西乡", "东村", false, false, 2, "否", "因灾"),
                H("H10", "西乡", "东村", false, false, 4, "否", "缺资金"),
                H("H11", "西乡", "东村", false, false, 3, "是", "因病"),
                H("H12", "西乡", "东村", false, false, 2, "否", "缺技术"),
                H("H13", "西乡", "西村", true, true, 1, "否", "因残"),
                H("H14", "西乡", "西村", true, false, 3, "否", "缺劳力"),
                H("H15", "西乡", "西村", true, false, 2, "否", "因病"),
                H("H16", "西乡", "西村", true, false, 4, "否", "因学"),
            ],
            [
                P("P1", "poverty-office", "扶贫办甲", "监测"),
                P("F1", "first-secretary", "第一书记甲", "驻村", "东乡", "东村"),
                P("F2", "first-secretary", "第一书记乙", "驻村", village: "西村"),
                P("L1", "county-leader", "县领导甲"),
                P("E1", "enterprise", "企业甲", tier: 5),
                P("E2", "enterprise", "企业乙", tier: 6),
                P("V1", "village-committee", "两委甲", "村主任", "东乡", "东村"),
                P("V2", "village-committee", "两委乙", "支书", "西乡", "东村"),
                P("T1", "township-cadre", "东乡干部", township: "东乡"),
                P("T2", "township-cadre", "西乡干部", township: "西乡"),
            ]);
    }

    /// <summary>Every value of the roster's households and helpers, as text.</summary>
    private static string Snapshot(Roster roster) => JsonConvert.SerializeObject(new { roster.Households, roster.Helpers, roster.Warnings }, Settings);

    private static string Households(IEnumerable<Household> households)
    {
        var writer = new StringWriter();
        RosterCsv.WriteHouseholds(households, writer);
        return writer.ToString();
    }

    /// <summary>
    /// helpers.csv as a county office would type it: Chinese headers and categories, tiers as 一类 …, no poor-village
    /// column, and no township for committee members (the roster takes both from their village).
    /// </summary>
    private static string HelpersAsTyped(IEnumerable<Helper> helpers)
    {
        var chinese = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["county-leader"] = "县级领导干部",
            ["section-cadre"] = "科级干部",
            ["ordinary-staff"] = "一般干部",
            ["village-committee"] = "村“两委”干部",
            ["township-cadre"] = "乡镇干部",
            ["enterprise"] = "企业",
        };
        var text = new StringBuilder("编号,类别,乡(镇),行政村,企业类别,姓名,工作单位\n");
        foreach (var h in helpers)
        {
            var township = h.Category == "village-committee" ? string.Empty : h.Township;
            var tier = h.Tier is { } t ? "一二三四"[t - 1] + "类" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{h.Id},{chinese[h.Category]},{township},{h.Village},{tier},{h.Name},{h.Unit}\n");
        }

        return text.ToString();
    }

    private static Roster Read(string households, string helpers) =>
        RosterCsv.Read(
            new MemoryStream(Encoding.UTF8.GetBytes(households)), "households.csv",
            new MemoryStream(Encoding.UTF8.GetBytes(helpers)), "helpers.csv");
}
