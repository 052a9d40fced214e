using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace PairingRules.RuleModel;

/// <summary>
/// Turns the bytes of a rule file (or an audit file) into text: UTF-8 with or without a byte-order mark, or UTF-16
/// little- or big-endian with one. Anything else is a located problem that says how to save the file as UTF-8, never
/// garbled text: a file saved as GBK/GB18030 (Notepad's "ANSI" on a Chinese system) would otherwise load with its
/// Chinese strings turned into replacement characters, and rules that compare Chinese text would match nobody.
/// </summary>
/// <remarks>
/// Unlike rosters (<c>Csv.RosterCsv</c>), which are exported by spreadsheets and are read as GB18030 when they are not
/// UTF-8, a rule file is written by hand in an editor; guessing its encoding would hide a mistake the author can fix
/// in one step, so nothing is guessed.
/// </remarks>
internal static class RuleFileText
{
    /// <summary>Longer than this in bytes, a file cannot be within <see cref="RuleSetReader.MaxFileLength"/> characters
    /// in any accepted encoding (at most 4 bytes a character, plus a byte-order mark); it is refused unread.</summary>
    public const long MaxBytes = (4L * RuleSetReader.MaxFileLength) + 4;

    private const string HowToSave =
        "in Notepad, File > Save As, Encoding \"UTF-8\"; in VS Code, click the encoding in the status bar, " +
        "\"Reopen with Encoding\" (the file's encoding, for example GB 18030), then \"Save with Encoding\", \"UTF-8\"";

    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];

    /// <summary>Reads the bytes of the file at <paramref name="path"/> for <see cref="Decode"/>, or adds a problem and
    /// returns <see langword="null"/> (the file cannot be read, or is too long to be within the limit).</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for messages: <c>rule file</c> or <c>audit file</c>.</param>
    /// <param name="problems">Where the problem is added.</param>
    public static byte[]? ReadFile(string path, string what, List<InputProblem> problems)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.CanSeek && stream.Length > MaxBytes)
            {
                problems.Add(TooLong(stream.Length.ToString(CultureInfo.InvariantCulture), path, what));
                return null;
            }

            using var memory = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                memory.Write(buffer, 0, read);
                if (memory.Length > MaxBytes)
                {
                    problems.Add(TooLong("more than " + MaxBytes.ToString(CultureInfo.InvariantCulture), path, what));
                    return null;
                }
            }

            return memory.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problems.Add(new InputProblem($"cannot read the {what}: {e.Message}", path));
            return null;
        }
    }

    /// <summary>Decodes <paramref name="bytes"/>, or adds a located problem and returns <see langword="null"/>.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="source">The file name problems are located in.</param>
    /// <param name="what">What the file is, for messages: <c>rule file</c> or <c>audit file</c>.</param>
    /// <param name="problems">Where the problem is added.</param>
    public static string? Decode(ReadOnlySpan<byte> bytes, string source, string what, List<InputProblem> problems)
    {
        if (bytes.Length > MaxBytes)
        {
            problems.Add(TooLong(bytes.Length.ToString(CultureInfo.InvariantCulture), source, what));
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            problems.Add(new InputProblem(
                $"the {what} is UTF-32 (it starts with a UTF-32 byte-order mark); {what}s are UTF-8 (or UTF-16 with a byte-order mark): save it as UTF-8: {HowToSave}",
                source,
                1,
                1));
            return null;
        }

        if (bytes.StartsWith(Utf8Mark))
        {
            return DecodeUtf8(bytes[Utf8Mark.Length..], source, what, problems, marked: true);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeUtf16(bytes[2..], bigEndian: false, source, what, problems);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeUtf16(bytes[2..], bigEndian: true, source, what, problems);
        }

        return DecodeUtf8(bytes, source, what, problems, marked: false);
    }

    /// <summary>The problem of a file too long to be within the limit; <paramref name="size"/> is its length in bytes, or
    /// "more than N" when it was read from a stream of unknown length.</summary>
    private static InputProblem TooLong(string size, string source, string what) =>
        new($"the {what} is {size} bytes long; the limit is {RuleSetReader.MaxFileLength.ToString(CultureInfo.InvariantCulture)} characters", source, 1, 1);

    private static string? DecodeUtf8(ReadOnlySpan<byte> bytes, string source, string what, List<InputProblem> problems, bool marked)
    {
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: false);
        var text = new string(chars, 0, written);
        var nul = marked ? -1 : bytes[..read].IndexOf((byte)0);
        if (status == OperationStatus.Done && nul < 0)
        {
            return text;
        }

        if (nul >= 0)
        {
            // Valid UTF-8 up to here, but JSON text never holds a NUL byte: most likely UTF-16 saved without its mark.
            var before = Encoding.UTF8.GetString(bytes[..nul]);
            var (nulLine, nulColumn) = EndOf(before);
            problems.Add(new InputProblem(
                $"the {what} is not UTF-8 text: it holds a NUL byte (0x00) here, as UTF-16 saved without a byte-order mark does; " +
                $"save it as UTF-8: {HowToSave}",
                source,
                nulLine,
                nulColumn));
            return null;
        }

        var (line, column) = EndOf(text);
        var bad = string.Join(' ', bytes[read..Math.Min(bytes.Length, read + 4)].ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
        var message = new StringBuilder($"the {what} is not UTF-8: the bytes {bad} here are not valid UTF-8");
        // A file cut off inside a character ends with an incomplete sequence; only bytes that are wrong where they stand
        // suggest another encoding.
        if (!marked && status == OperationStatus.InvalidData && AsGb18030(bytes) is { } gb18030)
        {
            message.Append(CultureInfo.InvariantCulture,
                $"; it looks saved as GBK/GB18030 (what Notepad calls \"ANSI\" on a Chinese system), in which this line reads `{LineAt(gb18030, line)}`");
        }

        message.Append(CultureInfo.InvariantCulture, $". {Capitalised(what)}s are read as UTF-8, so its text would be garbled: save it as UTF-8: {HowToSave}");
        problems.Add(new InputProblem(message.ToString(), source, line, column));
        return null;
    }

    private static string? DecodeUtf16(ReadOnlySpan<byte> bytes, bool bigEndian, string source, string what, List<InputProblem> problems)
    {
        var units = new char[bytes.Length / 2];
        for (var i = 0; i < units.Length; i++)
        {
            var (high, low) = bigEndian ? (bytes[2 * i], bytes[(2 * i) + 1]) : (bytes[(2 * i) + 1], bytes[2 * i]);
            units[i] = (char)((high << 8) | low);
        }

        string? why = null;
        var at = units.Length;
        for (var i = 0; i < units.Length && why is null; i++)
        {
            if (char.IsHighSurrogate(units[i]))
            {
                if (i + 1 < units.Length && char.IsLowSurrogate(units[i + 1]))
                {
                    i++;
                }
                else
                {
                    (why, at) = ("a lone high surrogate", i);
                }
            }
            else if (char.IsLowSurrogate(units[i]))
            {
                (why, at) = ("a lone low surrogate", i);
            }
        }

        if (why is null && bytes.Length % 2 != 0)
        {
            why = "an odd number of bytes (the last character is cut off)";
        }

        var text = new string(units, 0, at);
        if (why is null)
        {
            return text;
        }

        var (line, column) = EndOf(text);
        problems.Add(new InputProblem(
            $"the {what} starts with a UTF-16 {(bigEndian ? "big" : "little")}-endian byte-order mark but is not valid UTF-16 here: {why}; " +
            $"save it as UTF-8: {HowToSave}",
            source,
            line,
            column));
        return null;
    }

    /// <summary>The line and column just after <paramref name="text"/>, counting lines as the JSON reader does
    /// (<c>\r\n</c>, <c>\r</c> or <c>\n</c>) and columns in UTF-16 code units from 1.</summary>
    private static (int Line, int Column) EndOf(string text)
    {
        int line = 1, column = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' || text[i] == '\n')
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    /// <summary>The whole file as GB18030 when every byte decodes in it, else <see langword="null"/>.</summary>
    private static string? AsGb18030(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
            return gb18030.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Line <paramref name="line"/> (from 1) of <paramref name="text"/>, trimmed, at most 60 characters.</summary>
    private static string LineAt(string text, int line)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\r', '\n');
        var content = line <= lines.Length ? lines[line - 1].Trim() : string.Empty;
        return content.Length <= 60 ? content : content[..60] + "…";
    }

    private static string Capitalised(string what) => char.ToUpperInvariant(what[0]) + what[1..];
}
