namespace PairingRules;

/// <summary>
/// The documented limits of a roster (docs/roster-format.md, "Limits"). Beyond them loading fails with a
/// <see cref="RosterException"/> that names the place, never with a crash or an out-of-memory failure.
/// </summary>
internal static class RosterLimits
{
    /// <summary>The most households in one roster.</summary>
    public const int MaxHouseholds = 5_000_000;

    /// <summary>The most helpers in one roster.</summary>
    public const int MaxHelpers = 1_000_000;

    /// <summary>The longest value of one CSV field, in characters.</summary>
    public const int MaxFieldLength = 4_096;

    /// <summary>The most columns of one roster file.</summary>
    public const int MaxColumns = 256;

    /// <summary>The largest roster file, in bytes (512 MiB).</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>The longest CSV record CsvHelper buffers, in bytes: a longer one is an unclosed quote or not a roster.</summary>
    public const int MaxRecordBytes = 4 * 1024 * 1024;

    /// <summary>A count for messages, with thousands separators whatever the culture: <c>5,000,000</c>.</summary>
    public static string Format(long count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
