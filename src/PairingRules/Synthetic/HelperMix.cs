namespace PairingRules.Synthetic;

/// <summary>
/// How many helpers of each kind a synthetic county gets: the Xing County mix scaled to the county's size, then fitted
/// to the households actually generated and to the quotas of the rule set (<see cref="SyntheticQuotas"/>) so that those
/// rules can cover every household, give every helper a household and meet every quota, at any size.
/// </summary>
/// <remarks>
/// <para>Scaling alone is not enough: rounding small counts (one tier-1 enterprise needs 80 households under the Xing
/// rules) and the share of households in non-poor villages, which varies with the random choice of poor villages, made
/// small counties fall short of quota (by 94 households at 500 households, 4 at 4,000). Fitting applies three supply
/// limits, each multiplied by <see cref="SyntheticCountyOptions.HelperScale"/> so that a scale above 1 still asks for
/// more than the county has; a helper counts for its quota, or for one household when its quota is 0:</para>
/// <list type="number">
/// <item>county leaders take deep-poverty households: at most those households divided by their quota;</item>
/// <item>enterprises take households of non-poor villages only, after each committee member of a non-poor village has
/// taken its quota: while their quotas need more, an enterprise of the tier with the largest quota is dropped (the
/// lower tier on a tie);</item>
/// <item>all quotas, plus one household for each township cadre, fit in the county's households: while they do not,
/// an ordinary staff member is dropped, then a section cadre.</item>
/// </list>
/// <para>A kind of helper no group of the rule set selects gets none. Under the Xing rules at the default size none of
/// these limits binds, so the default county is the Xing County of 2017 as before; a rule set with other quotas (a
/// <c>min</c> edited in the JSON) gets a county fitted to them the same way.</para>
/// </remarks>
internal sealed class HelperMix
{
    /// <summary>Per enterprise tier (1 to 4): the count per 16,800 households.</summary>
    private static readonly int[] EnterpriseBaseCounts = [2, 6, 15, 37];

    private HelperMix(int countyLeaders, int sectionCadres, int ordinaryStaff, int committeePerPoorVillage, int committeePerNonPoorVillage, int committeeMembers, int[] enterprises, int[] townshipCadres)
    {
        CountyLeaders = countyLeaders;
        SectionCadres = sectionCadres;
        OrdinaryStaff = ordinaryStaff;
        CommitteePerPoorVillage = committeePerPoorVillage;
        CommitteePerNonPoorVillage = committeePerNonPoorVillage;
        Enterprises = enterprises;
        TownshipCadres = townshipCadres;
        Total = countyLeaders + sectionCadres + ordinaryStaff + committeeMembers + enterprises.Sum() + townshipCadres.Sum();
    }

    public int CountyLeaders { get; }

    public int SectionCadres { get; }

    public int OrdinaryStaff { get; }

    public int CommitteePerPoorVillage { get; }

    public int CommitteePerNonPoorVillage { get; }

    /// <summary>Enterprises per tier, tier 1 first.</summary>
    public IReadOnlyList<int> Enterprises { get; }

    /// <summary>Township cadres per township, in township order (0 for a township without cadres).</summary>
    public IReadOnlyList<int> TownshipCadres { get; }

    public int Total { get; }

    /// <summary>Scales the Xing mix to the county and fits it to the households generated and the quotas.</summary>
    /// <param name="options">The options (helper scale, townships without cadres).</param>
    /// <param name="quotas">The quotas of the rule set, by kind of helper.</param>
    /// <param name="scale">Households relative to 16,800.</param>
    /// <param name="households">The households generated.</param>
    /// <param name="poorVillages">For each village, whether it is poor.</param>
    /// <param name="townships">The townships, in order.</param>
    public static HelperMix Fit(SyntheticCountyOptions options, SyntheticQuotas quotas, double scale, IReadOnlyList<Household> households, bool[] poorVillages, string[] townships)
    {
        var helperScale = options.HelperScale;
        var perCounty = scale * helperScale;
        int Scaled(double baseCount) => (int)Math.Round(baseCount * perCounty);
        int ScaledIf(int? quota, double baseCount) => quota is null ? 0 : Scaled(baseCount);
        long Budget(long supply) => (long)Math.Floor(supply * helperScale);
        static long Demand(long count, int? quota) => count * SyntheticQuotas.Demand(quota);

        var committeePerVillage = Math.Max(1, (int)Math.Round(6 * helperScale));
        var poorVillageCount = poorVillages.Count(p => p);
        var nonPoorVillageCount = poorVillages.Length - poorVillageCount;
        var poorCommittee = quotas.PoorCommittee is null ? 0 : committeePerVillage;
        var nonPoorCommittee = quotas.NonPoorCommittee is null ? 0 : committeePerVillage;
        var deepPoverty = households.Count(h => h.DeepPoverty);
        var inNonPoorVillages = households.Count(h => !h.PoorVillage);

        // 1. County leaders take deep-poverty households only.
        var countyLeaders = (int)Math.Min(ScaledIf(quotas.CountyLeader, 35), Budget(deepPoverty) / SyntheticQuotas.Demand(quotas.CountyLeader));

        // 2. Enterprises take what the non-poor villages' committee members leave in those villages.
        var enterprises = EnterpriseBaseCounts.Select((count, t) => ScaledIf(quotas.Enterprise[t], count)).ToArray();
        var enterpriseBudget = Budget(inNonPoorVillages - Demand((long)nonPoorVillageCount * nonPoorCommittee, quotas.NonPoorCommittee));
        long EnterpriseDemand() => enterprises.Select((count, t) => Demand(count, quotas.Enterprise[t])).Sum();
        while (EnterpriseDemand() > enterpriseBudget && enterprises.Any(count => count > 0))
        {
            var largest = Enumerable.Range(0, enterprises.Length).Where(t => enterprises[t] > 0).MaxBy(t => SyntheticQuotas.Demand(quotas.Enterprise[t]));
            enterprises[largest]--;
        }

        // 3. Township cadres by households, none in the townships without cadres.
        var counts = households.CountBy(h => h.Township).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var perTownship = townships.Select(t => (double)counts.GetValueOrDefault(t)).ToArray();
        var townshipCadres = quotas.TownshipCadre is null ? new int[townships.Length] : SyntheticCounty.Apportion(Math.Max(1, Scaled(1054)), perTownship);
        for (var t = 0; t < Math.Min(options.TownshipsWithoutCadres, townshipCadres.Length); t++)
        {
            townshipCadres[t] = 0;
        }

        // 4. Every quota, and one household for each township cadre, within the county's households.
        var sectionCadres = ScaledIf(quotas.SectionCadre, 450);
        var ordinaryStaff = ScaledIf(quotas.OrdinaryStaff, 1150);
        long TotalDemand() =>
            Demand(countyLeaders, quotas.CountyLeader) + Demand(sectionCadres, quotas.SectionCadre) + Demand(ordinaryStaff, quotas.OrdinaryStaff) +
            Demand((long)poorVillageCount * poorCommittee, quotas.PoorCommittee) + Demand((long)nonPoorVillageCount * nonPoorCommittee, quotas.NonPoorCommittee) +
            EnterpriseDemand() + Demand(townshipCadres.Sum(), quotas.TownshipCadre);
        var supply = Budget(households.Count);
        while (TotalDemand() > supply && (ordinaryStaff > 0 || sectionCadres > 0))
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

        return new HelperMix(countyLeaders, sectionCadres, ordinaryStaff, poorCommittee, nonPoorCommittee, (poorVillageCount * poorCommittee) + (nonPoorVillageCount * nonPoorCommittee), enterprises, townshipCadres);
    }
}
