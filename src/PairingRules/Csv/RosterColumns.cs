namespace PairingRules.Csv;

/// <summary>One column of a roster file: its canonical name, whether it is required, and the headers accepted for it.</summary>
internal sealed class RosterColumn
{
    public RosterColumn(string name, bool required, params string[] aliases)
    {
        Name = name;
        Required = required;
        Aliases = aliases;
    }

    /// <summary>The canonical (English) header, for example <c>poor_village</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the header must be present (the value may still be empty where the docs allow it).</summary>
    public bool Required { get; }

    /// <summary>Further accepted headers, for example <c>是否贫困村</c>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The canonical name and the aliases, for messages.</summary>
    public string Accepted => string.Join(", ", new[] { Name }.Concat(Aliases));
}

/// <summary>The columns of <c>households.csv</c> and <c>helpers.csv</c>; keep in step with docs/roster-format.md.</summary>
internal static class RosterColumns
{
    public static readonly RosterColumn[] Households =
    [
        new("id", true, "户编号", "编号"),
        new("township", true, "乡镇", "乡(镇)", "乡（镇）"),
        new("village", true, "村", "行政村"),
        new("poor_village", true, "是否贫困村"),
        new("deep_poverty", true, "是否深度贫困户"),
        new("name", false, "户主姓名", "姓名"),
        new("members", false, "家庭人口数", "人口数"),
        new("income", false, "人均纯收入", "人均收入"),
        new("helper", false, "帮扶责任人", "帮扶责任人编号"),
        new("county", false, "县", "县区", "县(市、区)", "县（市、区）"),
    ];

    public static readonly RosterColumn[] Helpers =
    [
        new("id", true, "编号", "责任人编号"),
        new("category", true, "类别"),
        new("township", true, "乡镇", "乡(镇)", "乡（镇）"),
        new("village", true, "村", "行政村"),
        new("tier", true, "企业类别"),
        new("name", false, "姓名", "名称"),
        new("unit", false, "单位", "工作单位"),
        new("poor_village", false, "是否贫困村"),
        new("county", false, "县", "县区", "县(市、区)", "县（市、区）"),
    ];

    /// <summary>The six helper categories, in the order of the Xing rules.</summary>
    public static readonly string[] Categories =
        ["county-leader", "section-cadre", "ordinary-staff", "village-committee", "township-cadre", "enterprise"];

    /// <summary>Chinese names accepted for the categories.</summary>
    public static readonly IReadOnlyDictionary<string, string> CategoryAliases = new Dictionary<string, string>(StringComparer.Ordinal)
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

    /// <summary>Chinese names accepted for the enterprise tiers.</summary>
    public static readonly IReadOnlyDictionary<string, int> TierAliases = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["一类"] = 1, ["二类"] = 2, ["三类"] = 3, ["四类"] = 4,
        ["一类企业"] = 1, ["二类企业"] = 2, ["三类企业"] = 3, ["四类企业"] = 4,
    };

    /// <summary>Normalises a header for matching: trimmed, lower case, <c>-</c> and spaces as <c>_</c>.</summary>
    public static string Normalize(string header) =>
        header.Trim().Trim('\uFEFF').Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
}
