using PairingRules.Excel;

namespace PairingRules.Cli;

/// <summary>
/// The roster files as the command line names them: a path, or a workbook with a sheet after <c>#</c>
/// (<c>county.xlsx#贫困户</c>), read by <see cref="RosterFiles"/>.
/// </summary>
internal static class RosterPaths
{
    /// <summary>
    /// Splits <c>households.xlsx#Sheet2</c> into the file and the sheet, at the last <c>#</c>: unless the whole text names
    /// a file that exists (a file may have a <c>#</c> in its name), or nothing precedes or follows the <c>#</c>.
    /// </summary>
    public static (string Path, string? Sheet) Split(string text)
    {
        var at = text.LastIndexOf('#');
        if (at <= 0 || at == text.Length - 1 || File.Exists(text))
        {
            return (text, null);
        }

        return (text[..at], text[(at + 1)..]);
    }

    /// <summary>Reads the roster from the two files as named on the command line.</summary>
    /// <exception cref="RosterException">A file cannot be read or has problems.</exception>
    public static Roster Read(string householdsText, string helpersText, System.Text.Encoding? encoding)
    {
        var (households, householdsSheet) = Split(householdsText);
        var (helpers, helpersSheet) = Split(helpersText);
        return RosterFiles.Read(households, helpers, new RosterFileOptions { Encoding = encoding, HouseholdsSheet = householdsSheet, HelpersSheet = helpersSheet });
    }
}
