using System.Diagnostics.CodeAnalysis;
using PairingRules.Csv;

namespace PairingRules.Excel;

/// <summary>
/// Reads a roster from its two files, each an Excel workbook (.xlsx, .xlsm) or a CSV file, in any mix: the households and
/// the helpers, with the same columns, aliases, rules and located problems as <see cref="RosterCsv.Read(string, string, System.Text.Encoding?)"/>
/// (docs/roster-format.md describes them).
/// </summary>
/// <remarks>
/// <para><b>Which kind.</b> A file is read as a workbook when its bytes are one (a zip archive), whatever its name;
/// an Excel 97-2003 workbook (.xls) or a workbook with a password is refused with one problem (save it as .xlsx or CSV);
/// a file named .xlsx or .xlsm that is no workbook is refused too; any other file is CSV, read as
/// <see cref="RosterCsv"/> reads it.</para>
/// <para><b>Workbooks.</b> The first visible sheet is read, or the one <see cref="RosterFileOptions"/> names. Its rows are
/// read as the lines of a CSV file are, header, titles above it, blank rows and all; each cell as the value it holds, not
/// as the machine's culture would show it: text as typed; a number in invariant digits, an id typed as a number included
/// (<c>12</c>, or <c>0012</c> when the cell's format is <c>0000</c>); a number above 15 digits, which Excel has already
/// rounded, in scientific notation, a problem in an id column; a date as ISO 8601 (<c>2017-07-07</c>); TRUE and FALSE as
/// true and false; a formula as its calculated value. A merged range below the header counts for every cell it covers.
/// Problems name the cell as Excel does: <c>households.xlsx!Sheet1!C12</c> (<see cref="InputProblem.Sheet"/>).</para>
/// <para>The Open XML SDK reads the workbook, one row at a time. The limits of <see cref="RosterCsv"/> apply, and a part
/// of the workbook (a worksheet, the shared strings) may unpack to at most 2,147,483,647 characters of XML.</para>
/// <threadsafety>All members are stateless and thread-safe.</threadsafety>
/// </remarks>
public static class RosterFiles
{
    /// <summary>Reads a roster from the households file and the helpers file, each a workbook or CSV.</summary>
    /// <param name="householdsPath">The households file: <c>households.xlsx</c> or <c>households.csv</c>.</param>
    /// <param name="helpersPath">The helpers file: <c>helpers.xlsx</c> or <c>helpers.csv</c>; it may be the same workbook
    /// as the households, with <see cref="RosterFileOptions.HelpersSheet"/> naming another sheet.</param>
    /// <param name="options">The CSV encoding and the sheets; default none given (see <see cref="RosterFileOptions"/>).</param>
    /// <returns>The roster, households and helpers in file order.</returns>
    /// <exception cref="ArgumentException">A path is empty.</exception>
    /// <exception cref="RosterException">A file cannot be read or has problems; every problem of both files is listed.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their required parameters (paths or streams), so no call is ambiguous.")]
    public static Roster Read(string householdsPath, string helpersPath, RosterFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(householdsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(helpersPath);
        var problems = new List<InputProblem>();
        var households = RosterCsv.ReadFile(householdsPath, problems);
        var helpers = RosterCsv.ReadFile(helpersPath, problems);
        if (households is null || helpers is null)
        {
            throw new RosterException(problems);
        }

        return Parse(households, householdsPath, helpers, helpersPath, options ?? new RosterFileOptions());
    }

    /// <summary>Reads a roster from two streams, each holding a workbook or CSV.</summary>
    /// <param name="households">The households file; read to the end, not closed.</param>
    /// <param name="householdsName">The name used for the households in problem locations (its extension counts as a
    /// file's would: a stream named .xlsx must hold a workbook).</param>
    /// <param name="helpers">The helpers file; read to the end, not closed.</param>
    /// <param name="helpersName">The name used for the helpers in problem locations.</param>
    /// <param name="options">The CSV encoding and the sheets; default none given.</param>
    /// <returns>The roster, households and helpers in file order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RosterException">The files have problems; every problem of both is listed.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their required parameters (paths or streams), so no call is ambiguous.")]
    public static Roster Read(Stream households, string householdsName, Stream helpers, string helpersName, RosterFileOptions? options = null)
    {
        var (householdBytes, helperBytes) = RosterCsv.ReadBoth(households, householdsName, helpers, helpersName);

        return Parse(householdBytes, householdsName, helperBytes, helpersName, options ?? new RosterFileOptions());
    }

    private static Roster Parse(byte[] householdBytes, string householdsName, byte[] helperBytes, string helpersName, RosterFileOptions options)
    {
        var problems = new List<InputProblem>();
        var households = Table(householdBytes, householdsName, options.HouseholdsSheet, "household", options, problems);
        var helpers = Table(helperBytes, helpersName, options.HelpersSheet, "helper", options, problems);
        return RosterCsv.ReadRoster(households, helpers, problems);
    }

    private static RosterTable? Table(byte[] bytes, string name, string? sheet, string kind, RosterFileOptions options, List<InputProblem> problems)
    {
        var households = kind == "household";
        if (RosterFile.IsZip(bytes))
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return WorkbookSheet.Read(
                stream,
                name,
                sheet,
                households ? RosterFile.HouseholdsHeader : RosterFile.HelpersHeader,
                households ? RosterLimits.MaxHouseholds : RosterLimits.MaxHelpers,
                kind,
                problems);
        }

        if (RosterFile.IsCompoundFile(bytes))
        {
            problems.Add(RosterFile.OldOrEncryptedWorkbook(name));
            return null;
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is ".xlsx" or ".xlsm")
        {
            problems.Add(new InputProblem($"the file is named {extension} but is no Excel workbook; save it in Excel as an Excel workbook (.xlsx), or name a CSV file .csv", name));
            return null;
        }

        if (sheet is not null)
        {
            problems.Add(new InputProblem($"a sheet is named (`{sheet}`), but the file is CSV text, not an Excel workbook", name));
            return null;
        }

        return households ? RosterCsv.ParseHouseholds(bytes, name, options.Encoding, problems) : RosterCsv.ParseHelpers(bytes, name, options.Encoding, problems);
    }
}
