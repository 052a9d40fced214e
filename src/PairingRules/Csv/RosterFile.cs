namespace PairingRules.Csv;

/// <summary>What kind of file a roster file is, from its first bytes: CSV text, an Excel workbook (a zip archive), or an
/// old or encrypted Excel file (an OLE compound file) that cannot be read.</summary>
internal static class RosterFile
{
    /// <summary>The required columns of households.csv, for messages.</summary>
    public const string HouseholdsHeader = "id,township,village,poor_village,deep_poverty";

    /// <summary>The required columns of helpers.csv, for messages.</summary>
    public const string HelpersHeader = "id,category,township,village,tier";

    /// <summary>Whether the bytes start as a zip archive does, as every .xlsx and .xlsm workbook does.</summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8);

    /// <summary>Whether the bytes start as an OLE compound file does: an Excel 97-2003 workbook (.xls), or an .xlsx
    /// encrypted with a password.</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>The one problem of an .xls or encrypted workbook.</summary>
    public static InputProblem OldOrEncryptedWorkbook(string file) => new(
        "the file is an Excel 97-2003 workbook (.xls) or a workbook with a password, which cannot be read; in Excel, save it as an Excel workbook (.xlsx) without a password, or as CSV",
        file);

    /// <summary>
    /// For the CSV reader: whether the bytes are a workbook rather than CSV text; when they are, adds the one problem that
    /// says so instead of reading the zip archive as text.
    /// </summary>
    public static bool IsWorkbook(byte[] bytes, string file, List<InputProblem> problems)
    {
        if (IsZip(bytes))
        {
            problems.Add(new InputProblem("the file is an Excel workbook, not CSV text; read it with RosterFiles.Read (namespace PairingRules.Excel), which reads workbooks and CSV, or save it in Excel as CSV", file));
            return true;
        }

        if (IsCompoundFile(bytes))
        {
            problems.Add(OldOrEncryptedWorkbook(file));
            return true;
        }

        return false;
    }
}
