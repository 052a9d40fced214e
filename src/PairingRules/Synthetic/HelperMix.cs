namespace PairingRules.Synthetic;

/// <summary>
/// How many helpers of each kind a synthetic county gets: the Xing County mix scaled to the county's size, then fitted
/// to the households actually generated so that the Xing rules can cover every household, give every helper a
/// household and meet every quota, at any size.
/// </summary>
/// <remarks>
/// <para>Scaling alone is not enough: rounding small counts (one tier-1 enterprise needs 80 households) and the share of
/// households in non-poor villages, which varies with the random choice of poor villages, made small counties fall
/// short of quota (by 94 households at 500 households, 4 at 4,000). Fitting applies three supply limits, each
/// multiplied by <see cref="SyntheticCountyOptions.HelperScale"/> so that a scale above 1 still asks for more than
/// the county has:</para>
/// <list type="number">
/// <item>county leaders need 10 deep-poverty households each: at most a tenth of those households;</item>
/// <item>enterprises take households of non-poor villages only, after each committee member of a non-poor village has
/// taken one: while their quotas need more, the enterprise with the largest quota is dropped (tier 1 first);</item>
/// <item>all quotas, plus one household for each township cadre, fit in the county's households: while they do not,
/// an ordinary staff member is dropped, then a section cadre.</item>
/// </list>
/// <para>At the default size none of these limits binds, so the default county is the Xing County of 2017 as before.</para>
/// </remarks>
internal sealed class HelperMix
{
    /// <summary>Per enterprise tier (1 to 4): the quota of the Xing rules and the count per 16,800 households.</summary>
    internal static readonly (int Quota, int BaseCount)[] EnterpriseTiers = [(80, 2), (30, 6), (10, 15), (5, 37)];

    private const int CountyLeaderQuota = 10;
    private const int SectionCadreQuota = 8;
    private const int OrdinaryStaffQuota = 6;
    private const int PoorCommitteeQuota = 2;

    private HelperMix(int countyLeaders, int sectionCadres, int ordinaryStaff, int committeePerVillage, int committeeMembers, int[] enterprises, int[] townshipCadres)
    {
        CountyLeaders = countyLeaders;
        SectionCadres = sectionCadres;
        OrdinaryStaff = ordinaryStaff;
        CommitteePerVillage = committeePerVillage;
        Enterprises = enterprises;
        TownshipCadres = townshipCadres;
        Total = countyLeaders + sectionCadres + ordinaryStaff + committeeMembers + enterprises.Sum() + townshipCadres.Sum();
    }

    public int CountyLeaders { get; }

    public int SectionCadres { get; }

    public int OrdinaryStaff { get; }

    public int CommitteePerVillage { get; }

    /// <summary>Enterprises per tier, tier 1 first.</summary>
    public IReadOnlyList<int> Enterprises { get; }

    /// <summary>Township cadres per township, in township order (0 for a township without cadres).</summary>
    public IReadOnlyList<int> TownshipCadres { get; }

    public int Total { get; }

    /// <summary>Scales the Xing mix to the county and fits it to the households generated.</summary>
    /// <param name="options">The options (helper scale, townships without cadres).</param>
    /// <param name="scale">Households relative to 16,800.</param>
    /// <param name="households">The households generated.</param>
    /// <param name="poorVillages">For each village, whether it is poor.</param>
    /// <param name="townships">The townships, in order.</param>
    public static HelperMix Fit(SyntheticCountyOptions options, double scale, IReadOnlyList<Household> households, bool[] poorVillages, string[] townships)
    {
        var helperScale = options.HelperScale;
        var perCounty = scale * helperScale;
        int Scaled(double baseCount) => (int)Math.Round(baseCount * perCounty);
        long Budget(long supply) => (long)Math.Floor(supply * helperScale);

        var committeePerVillage = Math.Max(1, (int)Math.Round(6 * helperScale));
        var poorVillageCount = poorVillages.Count(p => p);
        var nonPoorVillageCount = poorVillages.Length - poorVillageCount;
        var deepPoverty = households.Count(h => h.DeepPoverty);
        var inNonPoorVillages = households.Count(h => !h.PoorVillage);

        // 1. County leaders take deep-poverty households only.
        var countyLeaders = (int)Math.Min(Scaled(35), Budget(deepPoverty) / CountyLeaderQuota);

        // 2. Enterprises take what the non-poor villages' committee members (one each) leave in those villages.
        var enterprises = EnterpriseTiers.Select(t => Scaled(t.BaseCount)).ToArray();
        var enterpriseBudget = Budget(inNonPoorVillages - ((long)nonPoorVillageCount * committeePerVillage));
        long EnterpriseDemand() => enterprises.Select((count, t) => (long)count * EnterpriseTiers[t].Quota).Sum();
        while (EnterpriseDemand() > enterpriseBudget && enterprises.Any(count => count > 0))
        {
            enterprises[Array.FindIndex(enterprises, count => count > 0)]--;
        }

        // 3. Township cadres by households, none in the townships without cadres.
        var counts = households.CountBy(h => h.Township).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var perTownship = townships.Select(t => (double)counts.GetValueOrDefault(t)).ToArray();
        var townshipCadres = SyntheticCounty.Apportion(Math.Max(1, Scaled(1054)), perTownship);
        for (var t = 0; t < Math.Min(options.TownshipsWithoutCadres, townshipCadres.Length); t++)
        {
            townshipCadres[t] = 0;
        }

        // 4. Every quota, and one household for each township cadre, within the county's households.
        var sectionCadres = Scaled(450);
        var ordinaryStaff = Scaled(1150);
        long Demand() =>
            ((long)countyLeaders * CountyLeaderQuota) + ((long)sectionCadres * SectionCadreQuota) + ((long)ordinaryStaff * OrdinaryStaffQuota) +
            ((long)poorVillageCount * committeePerVillage * PoorCommitteeQuota) + ((long)nonPoorVillageCount * committeePerVillage) +
            EnterpriseDemand() + townshipCadres.Sum();
        var supply = Budget(households.Count);
        while (Demand() > supply && (ordinaryStaff > 0 || sectionCadres > 0))
        {
            if (ordinaryStaff > 0)
            {
                ordinaryStaff--;
            }
            else
            {
                sectionCadres--;
            }
        }

        return new HelperMix(countyLeaders, sectionCadres, ordinaryStaff, committeePerVillage, poorVillages.Length * committeePerVillage, enterprises, townshipCadres);
    }
}
