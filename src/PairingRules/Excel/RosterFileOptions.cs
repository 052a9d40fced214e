using System.Text;

namespace PairingRules.Excel;

/// <summary>How <see cref="RosterFiles"/> reads a roster's files: the encoding of CSV files, and the worksheet of each
/// workbook.</summary>
/// <remarks>Immutable once created; safe to share between threads.</remarks>
public sealed class RosterFileOptions
{
    /// <summary>The encoding of CSV files; workbooks need none.</summary>
    /// <value>Default <see langword="null"/>: each CSV file's encoding is chosen from its bytes by
    /// <see cref="Csv.RosterCsv.DetectEncoding"/>.</value>
    public Encoding? Encoding { get; init; }

    /// <summary>The worksheet of the households when their file is a workbook, by name, ignoring case.</summary>
    /// <value>Default <see langword="null"/>: the first visible sheet. Naming a sheet of a CSV file is a problem.</value>
    public string? HouseholdsSheet { get; init; }

    /// <summary>The worksheet of the helpers when their file is a workbook, by name, ignoring case.</summary>
    /// <value>Default <see langword="null"/>: the first visible sheet. Naming a sheet of a CSV file is a problem.</value>
    public string? HelpersSheet { get; init; }
}
