using System.Globalization;

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
        new("tier", false, "企业类别"),
        new("name", false, "姓名", "名称"),
        new("unit", false, "单位", "工作单位"),
        new("poor_village", false, "是否贫困村"),
        new("county", false, "县", "县区", "县(市、区)", "县（市、区）"),
    ];

    /// <summary>The columns of a file of <paramref name="kind"/>: <c>household</c> or <c>helper</c>.</summary>
    public static RosterColumn[] For(string kind) => kind == "household" ? Households : Helpers;

    /// <summary>The columns that hold ids (a household's, a helper's, a household's current helper's): text that Excel
    /// must not take for a number.</summary>
    public static bool HoldsIds(string column) => column is "id" or "helper";

    /// <summary>
    /// A tier as written in a roster: a whole number of at least 1 (<c>5</c>), or a class in Chinese, <c>一类</c>,
    /// <c>二类</c> … <c>九十九类</c>, also with <c>企业</c> after it (<c>三类企业</c>) or with digits (<c>5类</c>).
    /// </summary>
    /// <returns>The tier, or <see langword="null"/> when the text is none of these.</returns>
    public static int? ParseTier(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var tier))
        {
            return tier >= 1 ? tier : null;
        }

        var number = text.EndsWith("类企业", StringComparison.Ordinal) ? text[..^3] : text.EndsWith('类') ? text[..^1] : null;
        if (number is null || number.Length == 0)
        {
            return null;
        }

        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out tier) ? (tier >= 1 ? tier : null) : ChineseNumber(number);
    }

    /// <summary>A Chinese number from 1 to 99 (<c>三</c>, <c>十</c>, <c>十二</c>, <c>四十</c>, <c>九十九</c>), else null.</summary>
    private static int? ChineseNumber(string text)
    {
        static int Digit(char c) => "一二三四五六七八九".IndexOf(c, StringComparison.Ordinal) + 1;
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return text.Length == 1 && Digit(text[0]) > 0 ? Digit(text[0]) : null;
        }

        var tens = ten switch
        {
            0 => 1,
            1 when Digit(text[0]) > 0 => Digit(text[0]),
            _ => 0,
        };
        var ones = ten == text.Length - 1 ? 0 : ten == text.Length - 2 && Digit(text[^1]) > 0 ? Digit(text[^1]) : -1;
        return tens > 0 && ones >= 0 ? (tens * 10) + ones : null;
    }

    /// <summary>
    /// The column among <paramref name="columns"/> whose canonical name or alias <paramref name="header"/> resembles, with
    /// that name, or nothing: a likely typo (<c>poor_vilage</c>, <c>家庭人口</c> for <c>家庭人口数</c>) by
    /// <see cref="Spelling.Closest"/>, except that a header or name of one or two characters only resembles one that
    /// differs by a character added or left out (<c>村名</c> resembles <c>村</c>, <c>性别</c> does not resemble <c>姓名</c>).
    /// </summary>
    public static (RosterColumn? Column, string? Accepted) Resembling(string header, IEnumerable<RosterColumn> columns)
    {
        var normalized = Normalize(header);
        var names = columns
            .SelectMany(c => new[] { c.Name }.Concat(c.Aliases).Select(name => (Column: c, Name: name, Normalized: Normalize(name))))
            .Where(n => Math.Min(normalized.Length, n.Normalized.Length) > 2 || normalized.Length != n.Normalized.Length)
            .ToArray();
        if (Spelling.Closest(normalized, names.Select(n => n.Normalized)) is not { } closest)
        {
            return (null, null);
        }

        var match = names.First(n => n.Normalized == closest);
        return (match.Column, match.Name);
    }

    /// <summary>Normalises a header for matching: trimmed, lower case, <c>-</c> and spaces as <c>_</c>.</summary>
    public static string Normalize(string header) =>
        header.Trim().Trim('\uFEFF').Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
}
