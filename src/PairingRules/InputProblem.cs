using System.Globalization;
using System.Text;

namespace PairingRules;

/// <summary>How serious an <see cref="InputProblem"/> is.</summary>
public enum ProblemSeverity
{
    /// <summary>The input cannot be used: loading fails with every error listed.</summary>
    Error = 0,

    /// <summary>A likely mistake that is not an error (a rule reading a column no roster has): the work goes on, the
    /// warning is reported (on stderr by the tool, in <see cref="PairingResult.Warnings"/>), and strict mode
    /// (<c>--strict</c>) turns it into an error.</summary>
    Warning = 1,
}

/// <summary>
/// One problem found in an input (a rule file or a roster): where it is, what is wrong, and how serious it is.
/// </summary>
/// <remarks>Immutable; the location parts that do not apply are <see langword="null"/>.</remarks>
public sealed record InputProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="message">What is wrong and, where possible, how to fix it.</param>
    /// <param name="file">The file (or source name) the problem is in, if known.</param>
    /// <param name="line">The 1-based line, if known.</param>
    /// <param name="column">The 1-based column, if known.</param>
    /// <param name="path">The JSON path (for example <c>groups[2].min</c>) or the CSV column name, if known.</param>
    /// <param name="severity">An error (the default) or a warning.</param>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty.</exception>
    public InputProblem(string message, string? file = null, int? line = null, int? column = null, string? path = null, ProblemSeverity severity = ProblemSeverity.Error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Message = message;
        Severity = severity;
        File = file;
        Line = line;
        Column = column;
        Path = path;
    }

    /// <summary>What is wrong and, where possible, how to fix it.</summary>
    public string Message { get; }

    /// <summary>The file or source name, or <see langword="null"/>.</summary>
    public string? File { get; }

    /// <summary>The 1-based line (in a worksheet, the row number), or <see langword="null"/>.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column (in a worksheet, A is 1), or <see langword="null"/>.</summary>
    public int? Column { get; }

    /// <summary>
    /// The worksheet of an Excel workbook the problem is in, or <see langword="null"/> (a CSV or JSON file). When it is
    /// set, <see cref="Line"/> is the row number and <see cref="Column"/> the column number, and <see cref="ToString"/>
    /// writes the place as Excel does: <c>households.xlsx!Sheet1!C12</c>.
    /// </summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? Sheet { get; init; }

    /// <summary>The JSON path or CSV column of the problem, or <see langword="null"/>.</summary>
    public string? Path { get; }

    /// <summary>An error or a warning.</summary>
    public ProblemSeverity Severity { get; }

    /// <summary>The same problem as an error (what strict mode reports a warning as).</summary>
    /// <returns>This problem when it is already an error, else a copy with <see cref="ProblemSeverity.Error"/>.</returns>
    public InputProblem AsError() => Severity == ProblemSeverity.Error ? this : new InputProblem(Message, File, Line, Column, Path) { Sheet = Sheet };

    /// <summary>
    /// Formats the problem as <c>file:line:column: path: message</c> (<c>file:line:column: warning: path: message</c> for
    /// a warning), leaving out the parts that are unknown, the way compilers print errors so that editors can jump to them.
    /// A problem in a worksheet names its place as Excel does, <c>file!sheet!C12</c> for a cell and <c>file!sheet!12:12</c>
    /// for a whole row (either can be typed into Excel's Name Box), the sheet name quoted as in a formula when it holds
    /// anything but letters, digits and <c>_</c> (<c>'Sheet 1'</c>).
    /// </summary>
    /// <returns>The formatted problem.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (File is not null)
        {
            sb.Append(File);
        }

        if (Sheet is not null)
        {
            sb.Append('!').Append(SheetReference(Sheet));
            if (Line is { } row)
            {
                sb.Append('!');
                if (Column is { } column)
                {
                    sb.Append(ColumnLetters(column)).Append(row.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{row}:{row}");
                }
            }
        }
        else if (Line is { } line)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{(File is null ? "line " : ":")}{line}");
            if (Column is { } column)
            {
                sb.Append(CultureInfo.InvariantCulture, $":{column}");
            }
        }

        if (sb.Length > 0)
        {
            sb.Append(": ");
        }

        if (Severity == ProblemSeverity.Warning)
        {
            sb.Append("warning: ");
        }

        if (Path is not null)
        {
            sb.Append(Path).Append(": ");
        }

        return sb.Append(Message).ToString();
    }

    /// <summary>The letters of a 1-based column number, as Excel names columns: 1 is <c>A</c>, 27 is <c>AA</c>.</summary>
    /// <param name="column">The column number, at least 1.</param>
    /// <returns>The letters.</returns>
    internal static string ColumnLetters(int column)
    {
        var letters = new StringBuilder();
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    /// <summary>A sheet name as a formula writes it: as it is when it is letters, digits and <c>_</c> only (not starting
    /// with a digit), else in single quotes with its quotes doubled.</summary>
    /// <param name="sheet">The sheet name.</param>
    /// <returns>The name, quoted when needed.</returns>
    internal static string SheetReference(string sheet) =>
        sheet.Length > 0 && !char.IsAsciiDigit(sheet[0]) && sheet.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? sheet
            : "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>
/// Thrown when an input cannot be used; carries every problem found, not only the first.
/// </summary>
/// <remarks>The message is one summary line followed by one line per problem.</remarks>
public abstract class InputException : Exception
{
    /// <summary>Creates the exception from its summary and problems.</summary>
    /// <param name="summary">The one-line summary.</param>
    /// <param name="problems">Every problem found; at least one.</param>
    /// <remarks>Only this library derives from it (<see cref="RuleSetException"/>, <see cref="RosterException"/>,
    /// <see cref="Audit.AuditWorkflowException"/>), so that catching it catches every input failure and nothing else.</remarks>
    private protected InputException(string summary, IReadOnlyList<InputProblem> problems)
        : base(Format(summary, problems))
    {
        Summary = summary;
        Problems = problems;
    }

    /// <summary>The one-line summary, without the problems.</summary>
    public string Summary { get; }

    /// <summary>Every problem found, in the order of the input.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    private static string Format(string summary, IReadOnlyList<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var sb = new StringBuilder(summary);
        foreach (var problem in problems)
        {
            sb.Append('\n').Append("  ").Append(problem);
        }

        return sb.ToString();
    }
}

/// <summary>Thrown when a rule set cannot be loaded or compiled.</summary>
public sealed class RuleSetException : InputException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file or source name of the rule set.</param>
    /// <param name="problems">Every problem found.</param>
    public RuleSetException(string source, IReadOnlyList<InputProblem> problems)
        : base(string.Create(CultureInfo.InvariantCulture, $"Rule set '{source}' has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:"), problems)
    {
    }
}

/// <summary>Thrown when a roster (households and helpers) cannot be used.</summary>
public sealed class RosterException : InputException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem found.</param>
    public RosterException(IReadOnlyList<InputProblem> problems)
        : base(string.Create(CultureInfo.InvariantCulture, $"The roster has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:"), problems)
    {
    }
}
