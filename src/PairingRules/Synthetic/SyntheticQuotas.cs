namespace PairingRules.Synthetic;

/// <summary>
/// The helpers a synthetic county is made of, and the quota the rule set gives each kind: for each kind the generator
/// makes, a probe helper made as the generator makes that kind goes through <see cref="RuleSet.GroupOf"/>, and the quota
/// is the <see cref="RuleGroup.Min"/> of the group that selects it. A kind no group selects gets no helpers (they would
/// only be reported as unselected), so a rule set without enterprises generates none.
/// </summary>
/// <remarks>Immutable.</remarks>
internal sealed class SyntheticQuotas
{
    /// <summary>The enterprise tiers the generator makes, 1 (largest) first.</summary>
    public const int EnterpriseTiers = 4;

    private SyntheticQuotas(int? countyLeader, int? sectionCadre, int? ordinaryStaff, int? poorCommittee, int? nonPoorCommittee, int?[] enterprise, int? townshipCadre)
    {
        CountyLeader = countyLeader;
        SectionCadre = sectionCadre;
        OrdinaryStaff = ordinaryStaff;
        PoorCommittee = poorCommittee;
        NonPoorCommittee = nonPoorCommittee;
        Enterprise = enterprise;
        TownshipCadre = townshipCadre;
    }

    /// <summary>The quota of county leaders, or null when no group selects them; likewise below.</summary>
    public int? CountyLeader { get; }

    public int? SectionCadre { get; }

    public int? OrdinaryStaff { get; }

    /// <summary>The quota of a committee member of a poor village.</summary>
    public int? PoorCommittee { get; }

    /// <summary>The quota of a committee member of a non-poor village.</summary>
    public int? NonPoorCommittee { get; }

    /// <summary>The quota of an enterprise of each tier, tier 1 first.</summary>
    public IReadOnlyList<int?> Enterprise { get; }

    public int? TownshipCadre { get; }

    /// <summary>Finds the quotas of <paramref name="rules"/> with a probe helper of each kind.</summary>
    /// <exception cref="RuleEvaluationException">A `helpers` expression fails on a probe helper.</exception>
    public static SyntheticQuotas Of(RuleSet rules)
    {
        int? Quota(Helper probe) => rules.GroupOf(probe)?.Min;
        const string Township = "乡镇";
        const string Village = "村";
        return new SyntheticQuotas(
            Quota(Make.CountyLeader(0)),
            Quota(Make.SectionCadre(0)),
            Quota(Make.OrdinaryStaff(0)),
            Quota(Make.Committee(0, 0, Township, Village, poor: true)),
            Quota(Make.Committee(0, 0, Township, Village, poor: false)),
            Enumerable.Range(1, EnterpriseTiers).Select(tier => Quota(Make.Enterprise(0, tier, 0))).ToArray(),
            Quota(Make.TownshipCadre(0, Township, 0)));
    }

    /// <summary>The households one helper of a kind takes at least, for fitting: its quota, and 1 where the quota is 0 (so
    /// that nobody is left out).</summary>
    public static int Demand(int? quota) => Math.Max(1, quota ?? 0);

    /// <summary>How the generator makes each kind of helper (the probes are made the same way).</summary>
    internal static class Make
    {
        public static Helper CountyLeader(int i) => new(Id("CL", i), "county-leader", $"县领导{i + 1}", unit: "县委县政府");

        public static Helper SectionCadre(int i) => new(Id("SC", i), "section-cadre", $"科级干部{i + 1}", unit: $"县直单位{(i % 80) + 1:D2}");

        public static Helper OrdinaryStaff(int i) => new(Id("OS", i), "ordinary-staff", $"一般干部{i + 1}", unit: $"县直单位{(i % 80) + 1:D2}");

        /// <summary>Committee member <paramref name="k"/> (0-based) of a village, the <paramref name="i"/>-th of the county.</summary>
        public static Helper Committee(int i, int k, string township, string village, bool poor) =>
            new(Id("VC", i), "village-committee", $"{village}两委{k + 1}", township: township, village: village, poorVillage: poor);

        /// <summary>Enterprise <paramref name="k"/> (0-based) of a tier, the <paramref name="i"/>-th of the county.</summary>
        public static Helper Enterprise(int i, int tier, int k) => new(Id("EN", i), "enterprise", $"{tier}类企业{k + 1}", tier: tier, unit: "企业");

        /// <summary>Cadre <paramref name="k"/> (0-based) of a township, the <paramref name="i"/>-th of the county.</summary>
        public static Helper TownshipCadre(int i, string township, int k) => new(Id("TC", i), "township-cadre", $"{township}干部{k + 1}", township: township, unit: township);

        private static string Id(string prefix, int i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i + 1:D5}");
    }
}
