using Newtonsoft.Json;

namespace PairingRules.RuleModel;

/// <summary>
/// The text of a JSON file with its line starts, to find where the characters of a string value stood: a position
/// inside an expression (character 20 of <c>helpers</c>) becomes the line and column of that character in the file,
/// escapes (<c>\"</c>, <c>\u4E00</c>) counted as the author wrote them.
/// </summary>
internal sealed class JsonSource
{
    private readonly string _json;
    private readonly List<int> _lineStarts = [0];

    public JsonSource(string json)
    {
        _json = json;
        for (var i = 0; i < json.Length; i++)
        {
            // Lines end as the JSON reader ends them: \r\n, \r or \n.
            if (json[i] == '\r' && i + 1 < json.Length && json[i + 1] == '\n')
            {
                i++;
            }

            if (json[i] is '\r' or '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>
    /// Where each character of the string <paramref name="value"/> stood, given the reader's position of its token (the
    /// line and column of the closing quote), or <see langword="null"/> when the file does not hold that string there.
    /// </summary>
    public StringPositions? PositionsOf(IJsonLineInfo token, string value)
    {
        if (!token.HasLineInfo() || token.LineNumber < 1 || token.LineNumber > _lineStarts.Count || token.LinePosition < 1)
        {
            return null;
        }

        var close = _lineStarts[token.LineNumber - 1] + token.LinePosition - 1;
        if (close >= _json.Length || _json[close] is not ('"' or '\''))
        {
            return null;
        }

        var quote = _json[close];
        var open = close - 1;
        while (open >= 0 && !(_json[open] == quote && BackslashesBefore(open) % 2 == 0))
        {
            open--;
        }

        if (open < 0)
        {
            return null;
        }

        var starts = new List<int>(value.Length + 1);
        var decoded = new System.Text.StringBuilder(value.Length);
        for (var i = open + 1; i < close; i++)
        {
            starts.Add(i);
            if (_json[i] != '\\' || i + 1 >= close)
            {
                decoded.Append(_json[i]);
                continue;
            }

            var escape = _json[i + 1];
            if (escape == 'u' && i + 5 < close && int.TryParse(_json.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                decoded.Append((char)code);
                i += 5;
                continue;
            }

            decoded.Append(escape switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => escape,
            });
            i++;
        }

        starts.Add(close);
        return decoded.ToString() == value ? new StringPositions(starts.Select(LineAndColumn).ToArray()) : null;
    }

    private int BackslashesBefore(int index)
    {
        var count = 0;
        while (index - count - 1 >= 0 && _json[index - count - 1] == '\\')
        {
            count++;
        }

        return count;
    }

    private (int Line, int Column) LineAndColumn(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        line = line >= 0 ? line : ~line - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }
}

/// <summary>Where each character of a string value stood in its file: index <c>i</c> is the value's character
/// <c>i</c>, and one past the last character is the closing quote.</summary>
internal sealed class StringPositions((int Line, int Column)[] positions)
{
    /// <summary>The line and column of character <paramref name="index"/> (from 0), clamped to the string and its
    /// closing quote.</summary>
    public (int Line, int Column) At(int index) => positions[Math.Clamp(index, 0, positions.Length - 1)];
}
