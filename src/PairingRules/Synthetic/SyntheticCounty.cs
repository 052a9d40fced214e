using System.Globalization;

namespace PairingRules.Synthetic;

/// <summary>
/// Generates a synthetic county shaped like Xing County (兴县), Shanxi, in 2017, for demos, tests and benchmarks.
/// </summary>
/// <remarks>
/// <para>From the seed (兴县“五支力量”发力, 2017): 16,800 poor households; 5,000+ cadres and enterprise managers;
/// 307 first secretaries, one per poor village.</para>
/// <para>Assumed, per 16,800 households: 17 townships (Xing County's 17 乡镇 of 2017, by name); 376 villages of which
/// 307 poor; 88% of poor households live in poor villages (about 48 per poor village, 29 per non-poor village);
/// 10% deep-poverty households; 35 county leaders, 450 section cadres, 1,150 ordinary staff; 6 committee members
/// (两委) per village; 60 enterprises (2 / 6 / 15 / 37 in tiers 1 to 4); 1,054 township cadres spread over the
/// townships by households. With these figures the Xing rules cover every household, every helper gets at least
/// one household and every quota is met (quotas need 15,623 households; 1,177 remain for 1,054 township cadres).</para>
/// <para>Other sizes scale every figure, then fit the helpers to the households generated (see <c>HelperMix</c>):
/// county leaders to the deep-poverty households, enterprises to what non-poor villages' committee members leave,
/// and ordinary staff (then section cadres) so that all quotas fit. So the default mix is complete under the Xing
/// rules at any size from 500 to 200,000 households, and small counties may have no enterprise of tier 1 or 2. None
/// of these limits binds at 16,800 households: the default county is exactly as described above.</para>
/// <para>The quotas are read from the rule set (<see cref="SyntheticCountyOptions.Rules"/>, default the shipped Xing
/// rules): each kind of helper above takes the <c>min</c> of the group that selects a helper of that kind, and a kind
/// no group selects is not generated. A rule set with other quotas (a <c>min</c> edited in the JSON) gets a county
/// fitted to them the same way.</para>
/// <para>Several counties (<see cref="SyntheticCountyOptions.Counties"/>, a prefecture such as 吕梁市): each is generated
/// as above from its share of the households, with its own seed, and every household and helper names its county.</para>
/// <para>Deterministic: the same options give the same roster, in the same order.</para>
/// <para>With <see cref="SyntheticCountyOptions.Practice"/> <see cref="SyntheticPractice.LinglingDistrict"/> it generates a
/// district shaped like Lingling District (零陵区), Hunan, from 2021 instead, for <c>rules/lingling-district.json</c>: see
/// <c>LinglingDistrict</c> and docs/cli.md.</para>
/// </remarks>
public static class SyntheticCounty
{
    private static readonly string[] XingTownships =
    [
        "蔚汾镇", "魏家滩镇", "瓦塘镇", "康宁镇", "高家村镇", "罗峪口镇", "蔡家会镇", "交楼申乡", "奥家湾乡",
        "东会乡", "固贤乡", "恶虎滩乡", "孟家坪乡", "贺家会乡", "赵家坪乡", "圪达上乡", "蔡家崖乡",
    ];

    /// <summary>The counties of Lüliang (吕梁市), Shanxi, which Xing County belongs to.</summary>
    private static readonly string[] LuliangCounties =
    [
        "离石区", "文水县", "交城县", "兴县", "临县", "柳林县", "石楼县", "岚县", "方山县", "中阳县", "交口县", "孝义市", "汾阳市",
    ];

    private const int BaseHouseholds = 16_800;
    private const int BaseVillages = 376;
    private const int BasePoorVillages = 307;

    /// <summary>Generates the county.</summary>
    /// <param name="options">The options; default the Xing County of 2017.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="RuleEvaluationException">A <c>helpers</c> expression of <see cref="SyntheticCountyOptions.Rules"/>
    /// fails on a helper of a kind the generator makes.</exception>
    public static Roster Generate(SyntheticCountyOptions? options = null)
    {
        options ??= new SyntheticCountyOptions();
        options.Validate();
        if (options.Practice == SyntheticPractice.LinglingDistrict)
        {
            return LinglingDistrict.Generate(options, options.Rules ?? RuleSet.LoadShipped(LinglingDistrict.RuleSetName));
        }

        var quotas = SyntheticQuotas.Of(options.Rules ?? RuleSet.LoadXingCounty());
        return options.Counties == 1
            ? GenerateCounty(options, quotas)
            : SeveralCounties(options, LuliangCounties, one => GenerateCounty(one, quotas));
    }

    /// <summary>
    /// One county per <see cref="SyntheticCountyOptions.Counties"/>, made by <paramref name="generateOne"/> (from the
    /// options with that county's share of the households and its own seed), each named from <paramref name="names"/>,
    /// with its number before every id. The one way every practice builds a roster of several counties.
    /// </summary>
    internal static Roster SeveralCounties(SyntheticCountyOptions options, string[] names, Func<SyntheticCountyOptions, Roster> generateOne)
    {
        var sizes = Apportion(options.Households, Enumerable.Repeat(1.0, options.Counties).ToArray());
        var households = new List<Household>(options.Households);
        var helpers = new List<Helper>();
        for (var k = 0; k < options.Counties; k++)
        {
            var one = generateOne(options with { Households = sizes[k], Seed = unchecked(options.Seed + k), Counties = 1 });
            var county = Numbered(names, k);
            var prefix = string.Create(CultureInfo.InvariantCulture, $"C{k + 1:D3}-");
            households.AddRange(one.Households.Select(h => new Household(
                prefix + h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, county, h.Members, h.Income,
                h.CurrentHelper is null ? null : prefix + h.CurrentHelper, h.Attributes)));
            helpers.AddRange(one.Helpers.Select(h => new Helper(
                prefix + h.Id, h.Category, h.Name, h.Tier, county, h.Township, h.Village, h.Unit, h.PoorVillage, h.Attributes)));
        }

        return new Roster(households, helpers);
    }

    /// <summary>The <paramref name="i"/>-th name, repeating with a number once the names run out: 蔚汾镇 … 蔚汾镇2.</summary>
    internal static string Numbered(string[] names, int i) =>
        i < names.Length ? names[i] : string.Create(CultureInfo.InvariantCulture, $"{names[i % names.Length]}{(i / names.Length) + 1}");

    private static Roster GenerateCounty(SyntheticCountyOptions options, SyntheticQuotas quotas)
    {
        var random = new Random(options.Seed);
        var scale = (double)options.Households / BaseHouseholds;
        var townshipCount = Math.Max(1, (int)Math.Round(XingTownships.Length * scale));
        var villageCount = Math.Max(townshipCount, (int)Math.Round(BaseVillages * scale));
        var poorVillageCount = Math.Min(villageCount, (int)Math.Round(BasePoorVillages * scale));

        var townships = Enumerable.Range(0, townshipCount)
            .Select(t => Numbered(XingTownships, t))
            .ToArray();

        // Villages: spread over townships in turn; the poor ones chosen at random; sizes weighted by kind.
        var poor = new bool[villageCount];
        foreach (var v in Enumerable.Range(0, villageCount).OrderBy(_ => random.Next()).Take(poorVillageCount))
        {
            poor[v] = true;
        }

        var villages = new (string Township, string Name, bool Poor, double Weight)[villageCount];
        for (var v = 0; v < villageCount; v++)
        {
            var township = townships[v % townshipCount];
            var weight = (poor[v] ? 48.0 : 29.0) * (0.6 + (0.8 * random.NextDouble()));
            villages[v] = (township, string.Create(CultureInfo.InvariantCulture, $"{township}{(v / townshipCount) + 1:D2}村"), poor[v], weight);
        }

        var sizes = Apportion(options.Households, villages.Select(v => v.Weight).ToArray());
        var households = new List<Household>(options.Households);
        var number = 0;
        for (var v = 0; v < villageCount; v++)
        {
            for (var k = 0; k < sizes[v]; k++)
            {
                number++;
                households.Add(new Household(
                    string.Create(CultureInfo.InvariantCulture, $"H{number:D7}"),
                    villages[v].Township,
                    villages[v].Name,
                    villages[v].Poor,
                    deepPoverty: random.NextDouble() < 0.10,
                    members: 1 + random.Next(6),
                    income: 1500 + random.Next(2500)));
            }
        }

        var mix = HelperMix.Fit(options, quotas, scale, households, villages.Select(v => v.Poor).ToArray(), townships);
        var helpers = new List<Helper>(mix.Total);
        void Add(int count, Func<int, Helper> make)
        {
            for (var i = 0; i < count; i++)
            {
                helpers.Add(make(i));
            }
        }

        Add(mix.CountyLeaders, SyntheticQuotas.Make.CountyLeader);
        Add(mix.SectionCadres, SyntheticQuotas.Make.SectionCadre);
        Add(mix.OrdinaryStaff, SyntheticQuotas.Make.OrdinaryStaff);
        var committee = 0;
        for (var v = 0; v < villageCount; v++)
        {
            var (township, name, isPoor, _) = villages[v];
            for (var k = 0; k < (isPoor ? mix.CommitteePerPoorVillage : mix.CommitteePerNonPoorVillage); k++)
            {
                helpers.Add(SyntheticQuotas.Make.Committee(committee++, k, township, name, isPoor));
            }
        }

        var enterprise = 0;
        for (var t = 0; t < SyntheticQuotas.EnterpriseTiers; t++)
        {
            var tier = t + 1;
            Add(mix.Enterprises[t], i => SyntheticQuotas.Make.Enterprise(enterprise + i, tier, i));
            enterprise += mix.Enterprises[t];
        }

        var cadre = 0;
        for (var t = 0; t < townshipCount; t++)
        {
            for (var k = 0; k < mix.TownshipCadres[t]; k++)
            {
                helpers.Add(SyntheticQuotas.Make.TownshipCadre(cadre++, townships[t], k));
            }
        }

        if (options.PreviouslyPaired > 0)
        {
            households = PairPreviously(households, helpers, options.PreviouslyPaired, random);
        }

        return new Roster(households, helpers);
    }

    /// <summary>Gives a share of households a plausible previous helper: a cadre of their township or a county cadre.</summary>
    private static List<Household> PairPreviously(List<Household> households, List<Helper> helpers, double share, Random random)
    {
        var countyCadres = helpers.Where(h => h.Category is "section-cadre" or "ordinary-staff").ToArray();
        var byTownship = helpers.Where(h => h.Category == "township-cadre").GroupBy(h => h.Township!).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        return households.Select(h =>
        {
            if (random.NextDouble() >= share)
            {
                return h;
            }

            var pool = byTownship.TryGetValue(h.Township, out var local) && random.NextDouble() < 0.3 ? local : countyCadres;
            return pool.Length == 0 ? h : new Household(h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, h.County, h.Members, h.Income, pool[random.Next(pool.Length)].Id, h.Attributes);
        }).ToList();
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> (largest remainders).</summary>
    internal static int[] Apportion(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum > 0 ? total * w / sum : (double)total / weights.Length).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(left))
        {
            counts[i]++;
        }

        return counts;
    }
}
