namespace PairingRules.Compilation;

/// <summary>What a piece of expression text is, as far as <see cref="ExpressionTokens"/> tells.</summary>
internal enum TokenKind
{
    /// <summary>Text in straight double quotes, <c>"county-leader"</c> (possibly unterminated).</summary>
    Text,

    /// <summary>Text in straight single quotes, <c>'c'</c> (the parser reads one character there).</summary>
    SingleQuoted,

    /// <summary>Text in curly or full-width quotes, <c>“county-leader”</c>, <c>‘x’</c>, <c>＂x＂</c>, <c>「x」</c>.</summary>
    CurlyQuoted,

    /// <summary>A number literal, <c>10</c>, <c>4000.5</c>, <c>1e400</c>.</summary>
    Number,

    /// <summary>A name: a member, a variable, a keyword (<c>true</c>, <c>and</c>, <c>in</c>) or an unquoted word.</summary>
    Name,

    /// <summary>An operator or punctuation made of ASCII symbols, <c>==</c>, <c>&amp;&amp;</c>, <c>(</c>.</summary>
    Symbol,

    /// <summary>One full-width or ideographic punctuation mark or digit typed in Chinese input mode, <c>（</c>, <c>，</c>, <c>１</c>.</summary>
    FullWidth,
}

/// <summary>One token: its kind, where it starts in the expression (from 0), and its text.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, string Text)
{
    public int End => Start + Text.Length;

    /// <summary>The text inside the quotes of a quoted token, without its quotes (an unterminated one runs to the end).</summary>
    public string Inner => Kind is TokenKind.Text or TokenKind.SingleQuoted or TokenKind.CurlyQuoted
        ? Text[1..(Text.Length > 1 && ExpressionTokens.IsClosing(Text[^1], Kind) ? ^1 : ^0)]
        : Text;
}

/// <summary>
/// A forgiving tokenizer of rule expressions, for explaining mistakes only: it never fails, keeps every character in
/// some token (white space apart), and tells text in quotes from the code around it, so that a full-width comma or a
/// Chinese quote inside <c>"…"</c> is text and outside is a mistake. The parser that compiles expressions is
/// System.Linq.Dynamic.Core's; this one only points at what the author most likely meant.
/// </summary>
internal static class ExpressionTokens
{
    private const string CurlyOpen = "“”‘’＂＇「」『』";

    private static readonly string[] Operators = ["===", "!==", "==", "!=", "<>", "<=", ">=", "&&", "||", "??", "=>"];

    public static IReadOnlyList<Token> Of(string expression)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            TokenKind kind;
            if (c is '"' or '\'')
            {
                kind = c == '"' ? TokenKind.Text : TokenKind.SingleQuoted;
                i++;
                while (i < expression.Length && expression[i] != c)
                {
                    i += expression[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(expression.Length, i + 1);
            }
            else if (CurlyOpen.Contains(c, StringComparison.Ordinal))
            {
                kind = TokenKind.CurlyQuoted;
                i++;
                while (i < expression.Length && !CurlyOpen.Contains(expression[i], StringComparison.Ordinal) && expression[i] is not ('"' or '\''))
                {
                    i++;
                }

                i = Math.Min(expression.Length, i + 1);
            }
            else if (char.IsAsciiDigit(c))
            {
                kind = TokenKind.Number;
                i = EndOfNumber(expression, i);
            }
            else if (IsFullWidth(c))
            {
                kind = TokenKind.FullWidth;
                i++;
            }
            else if (char.IsLetter(c) || c is '_' or '@')
            {
                kind = TokenKind.Name;
                i++;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }
            }
            else
            {
                kind = TokenKind.Symbol;
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(expression, i, o, 0, o.Length) == 0);
                i += op?.Length ?? (char.IsSurrogatePair(expression, i) ? 2 : 1);
            }

            tokens.Add(new Token(kind, start, expression[start..i]));
        }

        return tokens;
    }

    /// <summary>Where the number starting at <paramref name="i"/> ends: digits (or <c>0x</c> and hex digits), a
    /// fraction, an exponent, and a type suffix of up to two letters (<c>10m</c>, <c>1UL</c>).</summary>
    private static int EndOfNumber(string s, int i)
    {
        static int Digits(string s, int i, Func<char, bool> digit)
        {
            while (i < s.Length && digit(s[i]))
            {
                i++;
            }

            return i;
        }

        if (s[i] == '0' && i + 1 < s.Length && s[i + 1] is 'x' or 'X')
        {
            return Digits(s, i + 2, char.IsAsciiHexDigit);
        }

        i = Digits(s, i, char.IsAsciiDigit);
        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            i = Digits(s, i + 1, char.IsAsciiDigit);
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            var exponent = i + 1 < s.Length && s[i + 1] is '+' or '-' ? i + 2 : i + 1;
            if (exponent < s.Length && char.IsAsciiDigit(s[exponent]))
            {
                i = Digits(s, exponent, char.IsAsciiDigit);
            }
        }

        for (var suffix = 0; suffix < 2 && i < s.Length && "dDfFmMlLuU".Contains(s[i], StringComparison.Ordinal); suffix++)
        {
            i++;
        }

        return i;
    }

    /// <summary>The half-width (ASCII) form of a full-width or ideographic mark, <c>（</c> → <c>(</c>, <c>、</c> → <c>,</c>.</summary>
    public static string HalfWidth(char c) => c switch
    {
        '、' => ",",
        '。' => ".",
        '【' => "[",
        '】' => "]",
        '《' => "<",
        '》' => ">",
        _ when c is >= '！' and <= '～' => ((char)(c - 0xFEE0)).ToString(),
        _ => c.ToString(),
    };

    internal static bool IsClosing(char c, TokenKind kind) => kind switch
    {
        TokenKind.Text => c == '"',
        TokenKind.SingleQuoted => c == '\'',
        _ => CurlyOpen.Contains(c, StringComparison.Ordinal) || c is '"' or '\'',
    };

    private static bool IsFullWidth(char c) => c is (>= '！' and <= '～') or '、' or '。' or '【' or '】' or '《' or '》';
}
