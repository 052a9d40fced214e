using System.Globalization;

namespace PairingRules.Synthetic;

/// <summary>
/// Generates a synthetic district shaped like Lingling District (零陵区), Yongzhou, Hunan, from 2021, for
/// <c>rules/lingling-district.json</c> (<see cref="SyntheticPractice.LinglingDistrict"/>).
/// </summary>
/// <remarks>
/// <para>From the seed (“驻”进群众心里 “帮”出幸福硕果, 永州日报, 2023): 62 village work teams (驻村工作队) with 186 members,
/// stationed in villages from May 2021; households monitored against relapse (监测对象), each with one responsible person
/// (一个问题、一套方案、一名责任人); 接履桥街道 and 菱角塘镇.</para>
/// <para>Assumed, per 8,000 households (the seed gives no household count): 16 townships named after Lingling's towns,
/// townships and subdistricts; 260 villages, 62 of them with a work team (their households are marked <c>poor_village</c>,
/// as a team goes to a formerly poor village) and weighted 1.3 in size; each team a first secretary (第一书记) and two
/// members (186 / 62 = 3); 6% of households monitored (column <c>监测对象</c>: 是 or 否; no household is marked
/// <c>deep_poverty</c>); 1,000 district cadres (区直单位干部) and 320 township cadres spread over the townships by
/// households.</para>
/// <para>Quotas come from the rule set (<see cref="SyntheticCountyOptions.Rules"/>, default the shipped
/// <c>lingling-district</c>), as for the Xing County generator: a probe helper of each kind made here goes
/// through <see cref="RuleSet.GroupOf"/>, its group's <c>min</c> is the kind's quota, and a kind no group selects is not
/// generated. Fitted so that those rules cover every household, give every helper a household and meet every quota at
/// any size from 500 households up: a work team gets only the members its village's households can give their quotas
/// to; each township gets no more township cadres than households; district cadres are at most what the households that
/// are not monitored can give their quota to (after the work teams' quotas and one household for each township cadre),
/// multiplied, like their number, by <see cref="SyntheticCountyOptions.HelperScale"/>, so that a scale above 1 asks for
/// more than the district has. <see cref="SyntheticCountyOptions.TownshipsWithoutCadres"/> leaves the first townships
/// without a township cadre, so that their monitored households outside the work-team villages have nobody the rules
/// allow; <see cref="SyntheticCountyOptions.Counties"/> generates the districts and counties of Yongzhou (永州市), each
/// named, with its number before every id.</para>
/// <para>Deterministic: the same options give the same roster, in the same order.</para>
/// </remarks>
internal static class LinglingDistrict
{
    /// <summary>The shipped rule set the district is made for.</summary>
    public const string RuleSetName = "lingling-district";

    /// <summary>The household attribute (roster column) that marks a household monitored against relapse.</summary>
    public const string MonitoredColumn = "监测对象";

    private const int BaseHouseholds = 8_000;
    private const int BaseVillages = 260;
    private const int BaseTeams = 62;
    private const int MembersPerTeam = 2;
    private const int BaseDistrictCadres = 1_000;
    private const int BaseTownshipCadres = 320;
    private const double MonitoredShare = 0.06;

    private static readonly string[] LinglingTownships =
    [
        "接履桥街道", "石山脚街道", "七里店街道", "徐家井街道", "朝阳街道", "南津渡街道", "水口山镇", "珠山镇",
        "黄田铺镇", "富家桥镇", "菱角塘镇", "邮亭圩镇", "石岩头镇", "梳子铺乡", "大庆坪乡", "凼底乡",
    ];

    /// <summary>The districts and counties of Yongzhou (永州市), which Lingling belongs to.</summary>
    private static readonly string[] YongzhouCounties =
    [
        "零陵区", "冷水滩区", "祁阳市", "东安县", "双牌县", "道县", "江永县", "宁远县", "蓝山县", "新田县", "江华瑶族自治县",
    ];

    /// <summary>Generates the district (or districts) for the quotas of <paramref name="rules"/>.</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="rules">The rule set whose quotas the helpers are fitted to.</param>
    /// <returns>The roster.</returns>
    public static Roster Generate(SyntheticCountyOptions options, RuleSet rules)
    {
        var quotas = Quotas.Of(rules);
        if (options.Counties == 1)
        {
            return GenerateDistrict(options, quotas);
        }

        return SyntheticCounty.SeveralCounties(options, YongzhouCounties, one => GenerateDistrict(one, quotas));
    }

    private static Roster GenerateDistrict(SyntheticCountyOptions options, Quotas quotas)
    {
        var random = new Random(options.Seed);
        var scale = (double)options.Households / BaseHouseholds;
        var townshipCount = Math.Max(1, (int)Math.Round(LinglingTownships.Length * scale));
        var villageCount = Math.Max(townshipCount, (int)Math.Round(BaseVillages * scale));
        var teamCount = Math.Min(villageCount, Math.Max(1, (int)Math.Round(BaseTeams * scale)));
        var townships = Enumerable.Range(0, townshipCount).Select(t => SyntheticCounty.Numbered(LinglingTownships, t)).ToArray();

        // Villages: spread over the townships in turn; those with a work team chosen at random; sizes weighted by kind.
        var team = new bool[villageCount];
        foreach (var v in Enumerable.Range(0, villageCount).OrderBy(_ => random.Next()).Take(teamCount))
        {
            team[v] = true;
        }

        var villages = new (string Township, string Name, double Weight)[villageCount];
        for (var v = 0; v < villageCount; v++)
        {
            var township = townships[v % townshipCount];
            var weight = (team[v] ? 1.3 : 1.0) * (0.6 + (0.8 * random.NextDouble()));
            villages[v] = (township, string.Create(CultureInfo.InvariantCulture, $"{township}{(v / townshipCount) + 1:D2}村"), weight);
        }

        var sizes = SyntheticCounty.Apportion(options.Households, villages.Select(v => v.Weight).ToArray());
        var households = new List<Household>(options.Households);
        for (var v = 0; v < villageCount; v++)
        {
            for (var k = 0; k < sizes[v]; k++)
            {
                var monitored = random.NextDouble() < MonitoredShare;
                households.Add(new Household(
                    string.Create(CultureInfo.InvariantCulture, $"H{households.Count + 1:D7}"),
                    villages[v].Township,
                    villages[v].Name,
                    poorVillage: team[v],
                    deepPoverty: false,
                    members: 1 + random.Next(6),
                    income: 5000 + random.Next(7000),
                    attributes: new Dictionary<string, string>(StringComparer.Ordinal) { [MonitoredColumn] = monitored ? "是" : "否" }));
            }
        }

        // Work teams: a first secretary and up to two members, as many as the village's households can give quotas to.
        var helpers = new List<Helper>();
        var teamDemand = 0L;
        var secretaries = 0;
        var members = 0;
        var teamMembers = new List<Helper>();
        for (var v = 0; v < villageCount; v++)
        {
            if (!team[v])
            {
                continue;
            }

            var (township, name, _) = villages[v];
            long left = sizes[v];
            if (quotas.FirstSecretary is { } secretaryQuota && left >= Quotas.Demand(secretaryQuota))
            {
                helpers.Add(Make.FirstSecretary(secretaries++, township, name));
                left -= Quotas.Demand(secretaryQuota);
                teamDemand += Quotas.Demand(secretaryQuota);
            }

            for (var k = 0; quotas.WorkTeamMember is { } memberQuota && k < MembersPerTeam && left >= Quotas.Demand(memberQuota); k++)
            {
                teamMembers.Add(Make.WorkTeamMember(members++, k, township, name));
                left -= Quotas.Demand(memberQuota);
                teamDemand += Quotas.Demand(memberQuota);
            }
        }

        helpers.AddRange(teamMembers);

        // Township cadres by households, at most one per household of the township, none in the townships without cadres.
        var perTownship = townships.Select(t => households.Count(h => h.Township == t)).ToArray();
        var townshipCadres = quotas.TownshipCadre is null
            ? new int[townshipCount]
            : SyntheticCounty.Apportion(Math.Max(1, Scaled(BaseTownshipCadres)), perTownship.Select(n => (double)n).ToArray());
        for (var t = 0; t < townshipCount; t++)
        {
            townshipCadres[t] = t < options.TownshipsWithoutCadres ? 0 : Math.Min(townshipCadres[t], perTownship[t]);
        }

        // District cadres: no monitored household, so at most what the other households can give their quota to.
        var districtCadres = 0;
        if (quotas.DistrictCadre is { } districtQuota)
        {
            var supply = households.Count(h => h.Attribute(MonitoredColumn) != "是") - teamDemand - townshipCadres.Sum();
            var budget = (long)Math.Floor(Math.Max(0, supply) * options.HelperScale);
            districtCadres = (int)Math.Min(Scaled(BaseDistrictCadres), budget / Quotas.Demand(districtQuota));
        }

        for (var i = 0; i < districtCadres; i++)
        {
            helpers.Add(Make.DistrictCadre(i));
        }

        var cadre = 0;
        for (var t = 0; t < townshipCount; t++)
        {
            for (var k = 0; k < townshipCadres[t]; k++)
            {
                helpers.Add(Make.TownshipCadre(cadre++, townships[t], k));
            }
        }

        if (options.PreviouslyPaired > 0)
        {
            households = PairPreviously(households, helpers, options.PreviouslyPaired, random);
        }

        return new Roster(households, helpers);

        int Scaled(int baseCount) => (int)Math.Round(baseCount * scale * options.HelperScale);
    }

    /// <summary>
    /// Gives a share of households a plausible previous helper: a cadre of their township, or a district cadre for a
    /// household that is not monitored.
    /// </summary>
    private static List<Household> PairPreviously(List<Household> households, List<Helper> helpers, double share, Random random)
    {
        var districtCadres = helpers.Where(h => h.Category == Make.DistrictCadreCategory).ToArray();
        var byTownship = helpers.Where(h => h.Category == Make.TownshipCadreCategory).GroupBy(h => h.Township!).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        return households.Select(h =>
        {
            if (random.NextDouble() >= share)
            {
                return h;
            }

            var local = byTownship.GetValueOrDefault(h.Township) ?? [];
            var pool = h.Attribute(MonitoredColumn) == "是" || random.NextDouble() < 0.3 ? local : districtCadres;
            return pool.Length == 0 ? h : new Household(h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, h.County, h.Members, h.Income, pool[random.Next(pool.Length)].Id, h.Attributes);
        }).ToList();
    }

    /// <summary>
    /// The quota the rule set gives each kind of helper made here, found with a probe helper made as the generator makes
    /// that kind; null when no group selects the kind.
    /// </summary>
    private sealed record Quotas(int? FirstSecretary, int? WorkTeamMember, int? DistrictCadre, int? TownshipCadre)
    {
        /// <exception cref="RuleEvaluationException">A `helpers` expression fails on a probe helper.</exception>
        public static Quotas Of(RuleSet rules)
        {
            int? Quota(Helper probe) => rules.GroupOf(probe)?.Min;
            const string Township = "乡镇";
            const string Village = "村";
            return new Quotas(
                Quota(Make.FirstSecretary(0, Township, Village)),
                Quota(Make.WorkTeamMember(0, 0, Township, Village)),
                Quota(Make.DistrictCadre(0)),
                Quota(Make.TownshipCadre(0, Township, 0)));
        }

        /// <summary>The households one helper takes at least, for fitting: its quota, and 1 where it is 0 (nobody idle).</summary>
        public static int Demand(int quota) => Math.Max(1, quota);
    }

    /// <summary>How the generator makes each kind of helper (the probes are made the same way).</summary>
    private static class Make
    {
        public const string DistrictCadreCategory = "district-cadre";
        public const string TownshipCadreCategory = "township-cadre";

        /// <summary>The first secretary of a work-team village (marked poor, as its households are), the <paramref name="i"/>-th of the district.</summary>
        public static Helper FirstSecretary(int i, string township, string village) =>
            new(Id("FS", i), "first-secretary", $"{village}第一书记", township: township, village: village, unit: Office(i), poorVillage: true);

        /// <summary>Member <paramref name="k"/> (0-based) of a village's work team, the <paramref name="i"/>-th of the district.</summary>
        public static Helper WorkTeamMember(int i, int k, string township, string village) =>
            new(Id("WT", i), "work-team-member", $"{village}工作队员{k + 1}", township: township, village: village, unit: Office(i + 7), poorVillage: true);

        public static Helper DistrictCadre(int i) => new(Id("DC", i), DistrictCadreCategory, $"区直干部{i + 1}", unit: Office(i));

        /// <summary>Cadre <paramref name="k"/> (0-based) of a township, the <paramref name="i"/>-th of the district.</summary>
        public static Helper TownshipCadre(int i, string township, int k) =>
            new(Id("TC", i), TownshipCadreCategory, $"{township}干部{k + 1}", township: township, unit: township);

        private static string Office(int i) => string.Create(CultureInfo.InvariantCulture, $"区直单位{(i % 60) + 1:D2}");

        private static string Id(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i + 1:D5}");
    }
}
