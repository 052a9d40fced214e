namespace PairingRules.Synthetic;

/// <summary>
/// Which practice of the seeds a synthetic county follows: the helpers it has, the columns of its roster and the shipped
/// rule set it is made for (<see cref="SyntheticCountyOptions.Practice"/>).
/// </summary>
public enum SyntheticPractice
{
    /// <summary>
    /// Xing County (兴县), Shanxi, 2017 (seed 001): county leaders, section cadres, ordinary staff, village committee
    /// members, enterprises of four tiers and township cadres, for <c>rules/xing-county.json</c>. The default.
    /// </summary>
    XingCounty = 0,

    /// <summary>
    /// Lingling District (零陵区), Yongzhou, Hunan, from 2021 (seed 004): villages with a work team (a first secretary and
    /// two members), district cadres and township cadres, and households with a <c>监测对象</c> column (是 for a household
    /// monitored against relapse), for <c>rules/lingling-district.json</c>.
    /// </summary>
    LinglingDistrict = 1,
}
