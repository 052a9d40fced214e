using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PairingRules.Excel;

/// <summary>
/// The text of a worksheet cell as a roster reads it, from the value the workbook stores, never from the machine's
/// culture: text as typed (shared, inline or rich text, without phonetic guides); a number as its exact value in
/// invariant digits (<c>12</c>, <c>2300.5</c>; one that Excel cannot hold exactly, above 15 digits, in scientific
/// notation, <c>1.41123199001011E+17</c>, which the reader refuses in an id column); a whole number formatted with
/// leading zeros (<c>0000</c>) with them (<c>0012</c>); a date or time as ISO 8601 (<c>2017-07-07</c>,
/// <c>2017-07-07 08:30:00</c>, <c>08:30:00</c>); TRUE/FALSE as <c>true</c>/<c>false</c>; an error as Excel shows it
/// (<c>#N/A</c>); a formula as its last calculated value.
/// </summary>
internal sealed class CellText
{
    /// <summary>The largest whole number written in digits: Excel keeps 15 significant digits of a number.</summary>
    private const double ExactWholeNumbers = 1e15;

    private readonly List<string> _sharedStrings = [];
    private readonly List<NumberKind> _styles = [];
    private readonly bool _date1904;

    public CellText(WorkbookPart workbook)
    {
        _date1904 = workbook.Workbook?.WorkbookProperties?.Date1904?.Value ?? false;
        if (workbook.SharedStringTablePart is { } shared)
        {
            using var reader = OpenXmlReader.Create(shared);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
                {
                    _sharedStrings.Add(RichText(reader.LoadCurrentElement()!));
                }
                else
                {
                    reader.Read();
                }
            }
        }

        if (workbook.WorkbookStylesPart?.Stylesheet is { } styles)
        {
            var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
                .Where(f => f.NumberFormatId?.Value is not null)
                .GroupBy(f => f.NumberFormatId!.Value)
                .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty) ?? [];
            foreach (var format in styles.CellFormats?.Elements<CellFormat>() ?? [])
            {
                var id = format.NumberFormatId?.Value ?? 0;
                _styles.Add(custom.TryGetValue(id, out var code) ? KindOf(code) : KindOf(id));
            }
        }
    }

    /// <summary>How a number cell is shown, as far as the text a roster reads depends on it.</summary>
    private readonly record struct NumberKind(bool Date, int ZeroPadding);

    /// <summary>The cell's text; <paramref name="noValue"/> when it holds a formula that was never calculated.</summary>
    public string Text(Cell cell, out bool noValue)
    {
        var type = cell.DataType?.Value ?? CellValues.Number;
        var raw = cell.CellValue?.Text;
        noValue = raw is null && cell.CellFormula is not null;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? RichText(inline) : raw ?? string.Empty;
        }

        if (raw is null)
        {
            return string.Empty;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count
                ? _sharedStrings[index]
                : throw new InvalidDataException("a shared string that does not exist"); // a damaged workbook
        }

        if (type == CellValues.Boolean)
        {
            return raw.Trim() switch
            {
                "1" => "true",
                "0" => "false",
                _ => raw,
            };
        }

        if (type != CellValues.Number)
        {
            return raw; // a formula's text, an error (#N/A), an ISO 8601 date of a strict workbook
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return raw;
        }

        var kind = cell.StyleIndex?.Value is { } style && style < _styles.Count ? _styles[(int)style] : default;
        if (kind.Date && DateText(number) is { } date)
        {
            return date;
        }

        if (kind.ZeroPadding > 0 && number >= 0 && number < ExactWholeNumbers && number == Math.Floor(number))
        {
            return ((long)number).ToString(CultureInfo.InvariantCulture).PadLeft(kind.ZeroPadding, '0');
        }

        return NumberText(number);
    }

    /// <summary>
    /// A number in invariant digits: a whole number below 10^15 in digits (<c>141123199001011</c>), any other with 15
    /// significant digits, as Excel keeps it (<c>0.3</c> for 0.30000000000000004, <c>1.41123199001011E+17</c>).
    /// </summary>
    public static string NumberText(double number) =>
        Math.Abs(number) < ExactWholeNumbers && number == Math.Floor(number)
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("G15", CultureInfo.InvariantCulture);

    /// <summary>The text of a string item: its text, or its runs' texts joined; phonetic guides left out.</summary>
    private static string RichText(OpenXmlElement item)
    {
        var text = new System.Text.StringBuilder();
        foreach (var child in item.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case Run run:
                    text.Append(run.Text?.Text);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>An Excel date serial (days since 1899-12-30, or 1904-01-01) as ISO 8601, to the second; null when it is
    /// no date Excel can show.</summary>
    private string? DateText(double serial)
    {
        if (serial < 0 || serial >= 2_958_466)
        {
            return null; // Excel shows ##### outside 1900-01-00 .. 9999-12-31
        }

        var seconds = Math.Round(serial * 86_400);
        var days = Math.Floor(seconds / 86_400);
        var time = TimeSpan.FromSeconds(seconds - (days * 86_400));
        if (days == 0 && !_date1904)
        {
            return time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture); // a time of day
        }

        var date = new DateTime(_date1904 ? 1904 : 1899, _date1904 ? 1 : 12, _date1904 ? 1 : 30, 0, 0, 0, DateTimeKind.Unspecified).AddDays(days);
        if (!_date1904 && days < 61)
        {
            date = date.AddDays(1); // Excel counts 1900-02-29, which did not exist: serials 1 to 60 are a day later than days since 1899-12-30
        }

        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return time == TimeSpan.Zero ? text : text + " " + time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The kind of a built-in number format: 14-22 and 45-47 are dates and times, and so are 27-36 and 50-58, the East Asian
    /// date formats of a Chinese Excel (yyyy"年"m"月"d"日" …).
    /// </summary>
    private static NumberKind KindOf(uint id) => new(id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58), 0);

    /// <summary>
    /// The kind of a custom number format: a date when, outside quoted text, escapes and [brackets] (colours, locales,
    /// conditions), its first section holds y, m, d, h or s (or the Chinese 年, 月, 日, 时, 分, 秒 unquoted); zero-padded
    /// when it is only zeros (<c>0000</c>).
    /// </summary>
    private static NumberKind KindOf(string code)
    {
        var section = new System.Text.StringBuilder();
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (quoted)
            {
                quoted = c != '"';
            }
            else if (bracket)
            {
                bracket = c != ']';
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++; // the next character is shown as it is (or is padding)
            }
            else if (c == ';')
            {
                break;
            }
            else
            {
                section.Append(c);
            }
        }

        var plain = section.ToString();
        var date = plain.AsSpan().IndexOfAny("yYmMdDhHsS年月日时分秒") >= 0 && !plain.Equals("General", StringComparison.OrdinalIgnoreCase);
        var zeros = plain.Length >= 2 && plain.All(c => c == '0') ? plain.Length : 0;
        return new NumberKind(date, zeros);
    }
}
