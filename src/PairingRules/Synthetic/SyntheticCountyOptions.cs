namespace PairingRules.Synthetic;

/// <summary>
/// The knobs of <see cref="SyntheticCounty"/>. Defaults give the Xing County of 2017 as the seed publishes it
/// (16,800 households, 5,000+ helpers, 307 poor villages with first secretaries), with every figure the seed
/// does not give assumed as documented on each property.
/// </summary>
public sealed record SyntheticCountyOptions
{
    /// <summary>The Xing County of 2017 (<see cref="SyntheticPractice.XingCounty"/>, 16,800 households): the defaults.</summary>
    public static SyntheticCountyOptions XingCounty { get; } = new();

    /// <summary>
    /// Lingling District from 2021 (<see cref="SyntheticPractice.LinglingDistrict"/>, 8,000 households, 62 villages with a
    /// work team): the other options at their defaults.
    /// </summary>
    public static SyntheticCountyOptions LinglingDistrict { get; } = new() { Practice = SyntheticPractice.LinglingDistrict, Households = 8_000 };

    /// <summary>
    /// The practice the county follows: its helpers, roster columns and the shipped rule set it is made for. Default
    /// <see cref="SyntheticPractice.XingCounty"/>. The other options mean the same for every practice; <see cref="Households"/>
    /// keeps its default of 16,800 (use <see cref="LinglingDistrict"/> for Lingling's 8,000).
    /// </summary>
    public SyntheticPractice Practice { get; init; }

    /// <summary>The random seed; the same options always give the same county. Default 2017.</summary>
    public int Seed { get; init; } = 2017;

    /// <summary>
    /// Households (seed: 16,800), in all counties together (see <see cref="Counties"/>). Villages, townships and helpers
    /// scale with it. Default 16,800.
    /// </summary>
    public int Households { get; init; } = 16_800;

    /// <summary>
    /// Helpers per 16,800 households relative to the default mix (1.0 = 5,005 helpers). Below 1 leaves households to
    /// fewer helpers; above 1 makes quotas exceed the households (shortfall). Default 1.0.
    /// </summary>
    public double HelperScale { get; init; } = 1.0;

    /// <summary>How many townships get no township cadres (the backstop), to produce gaps. Default 0.</summary>
    public int TownshipsWithoutCadres { get; init; }

    /// <summary>
    /// Share of households that already have a helper from a previous pairing (written to the <c>helper</c> column),
    /// for re-solve and check scenarios: 0 to 1. Default 0.
    /// </summary>
    public double PreviouslyPaired { get; init; }

    /// <summary>
    /// How many counties the roster holds: 1 to 1,000, and at most <see cref="Households"/>. Default 1: one county that
    /// names no county, with ids <c>H0000001</c>, <c>CL00001</c> …. With more, each county is generated as one county of
    /// its share of the households (split as evenly as possible, earlier counties taking the extra ones) with seed
    /// <see cref="Seed"/> plus its index (0 for the first), named after the counties of Lüliang (吕梁市: 离石区, 文水县,
    /// 交城县, 兴县, 临县, 柳林县, 石楼县, 岚县, 方山县, 中阳县, 交口县, 孝义市, 汾阳市, then 离石区2 …), with its number
    /// before every id (<c>C001-H0000001</c>, <c>C002-CL00001</c>).
    /// </summary>
    public int Counties { get; init; } = 1;

    /// <summary>
    /// The rule set whose quotas the helpers are fitted to: each kind of helper the generator makes (county leaders,
    /// section cadres, ordinary staff, committee members of poor and of non-poor villages, enterprises of tiers 1 to 4,
    /// township cadres) takes the <c>min</c> of the group that selects it, and a kind no group selects is not generated.
    /// So a county generated for a rule set with other quotas (a <c>min</c> edited in the JSON) is fitted to them, as the
    /// default is to the Xing rules. Default <see langword="null"/>: the shipped rule set of the <see cref="Practice"/>,
    /// the Xing County rules (<see cref="RuleSet.LoadXingCounty"/>) or, for <see cref="SyntheticPractice.LinglingDistrict"/>,
    /// <c>RuleSet.LoadShipped("lingling-district")</c>, whose kinds are first secretaries, work-team members, district
    /// cadres and township cadres.
    /// </summary>
    public RuleSet? Rules { get; init; }

    /// <summary>Checks the options (<see cref="SyntheticCounty.Generate"/> calls it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Households, 1, nameof(Households));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Households, 5_000_000, nameof(Households));
        if (HelperScale is <= 0 or > 100 || double.IsNaN(HelperScale))
        {
            throw new ArgumentOutOfRangeException(nameof(HelperScale), HelperScale, "The helper scale is above 0 and at most 100.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Counties, 1, nameof(Counties));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Counties, 1_000, nameof(Counties));
        if (Counties > Households)
        {
            throw new ArgumentOutOfRangeException(nameof(Counties), Counties, "Every county needs a household: counties are at most the households.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(TownshipsWithoutCadres, nameof(TownshipsWithoutCadres));
        if (PreviouslyPaired is < 0 or > 1 || double.IsNaN(PreviouslyPaired))
        {
            throw new ArgumentOutOfRangeException(nameof(PreviouslyPaired), PreviouslyPaired, "The share is between 0 and 1.");
        }

        if (!Enum.IsDefined(Practice))
        {
            throw new ArgumentOutOfRangeException(nameof(Practice), Practice, "The practice is one of SyntheticPractice's values.");
        }
    }
}
