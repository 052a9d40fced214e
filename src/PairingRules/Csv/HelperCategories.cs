namespace PairingRules.Csv;

/// <summary>
/// How a roster file's <c>category</c> is read: any text, trimmed, with a convenience table of aliases for the categories
/// of the Xing County rules (<c>县级领导</c> is <c>county-leader</c>), as headers have aliases. The table is not a limit:
/// a category that is not in it is kept as written, for the county's own rules to select
/// (<c>helper.Category == "第一书记"</c>). A <see cref="Helper"/> made in C# keeps its category as given (trimmed).
/// </summary>
internal static class HelperCategories
{
    /// <summary>The English names the aliases map to, in the order of the Xing rules.</summary>
    public static readonly string[] Named =
        ["county-leader", "section-cadre", "ordinary-staff", "village-committee", "township-cadre", "enterprise"];

    /// <summary>Chinese names accepted for the named categories (docs/roster-format.md lists them).</summary>
    public static readonly IReadOnlyDictionary<string, string> ChineseAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["县级领导干部"] = "county-leader",
        ["县级领导"] = "county-leader",
        ["科级干部"] = "section-cadre",
        ["一般干部"] = "ordinary-staff",
        ["村两委干部"] = "village-committee",
        ["村“两委”干部"] = "village-committee",
        ["两委干部"] = "village-committee",
        ["乡镇干部"] = "township-cadre",
        ["企业"] = "enterprise",
    };

    /// <summary>
    /// The category as a roster holds it: the trimmed text; a Chinese alias of the table becomes its English name, and a
    /// named category in another case or with <c>_</c> or spaces for <c>-</c> (<c>County_Leader</c>) becomes that name.
    /// Any other text is kept as written.
    /// </summary>
    public static string Normalize(string category)
    {
        var trimmed = category.Trim();
        if (ChineseAliases.TryGetValue(trimmed, out var alias))
        {
            return alias;
        }

        var english = trimmed.ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        return Array.IndexOf(Named, english) >= 0 ? english : trimmed;
    }
}
