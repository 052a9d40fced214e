using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using CsvHelper;

namespace PairingRules.Csv;

/// <summary>
/// Reads and writes rosters as two CSV files, <c>households.csv</c> and <c>helpers.csv</c>, the way county offices
/// export them from the poverty registry (docs/roster-format.md describes the format with examples).
/// </summary>
/// <remarks>
/// <para><b>Encoding.</b> Unless an encoding is given, each file's is chosen by <see cref="DetectEncoding"/>: by its
/// byte-order mark (UTF-8, or UTF-16 little- or big-endian), else UTF-8 when all its bytes are valid UTF-8, else GB18030
/// (a superset of GBK and GB2312, what Excel writes on a Chinese system). Nothing else is recognised: UTF-16 without a
/// byte-order mark, UTF-32 or another code page is read as UTF-8 or GB18030 by that rule, and a GB18030 file whose bytes
/// happen to be valid UTF-8 is read as UTF-8 (pass the encoding to avoid both). A given encoding is used as it is, with
/// no detection. A byte-order mark of the encoding used is dropped; bytes that do not decode in it become replacement
/// characters (U+FFFD; <c>?</c> in GB18030), not an error.</para>
/// <para><b>Limits.</b> At most 512 MiB a file, 256 columns, 4,096 characters a value, 5,000,000 households and
/// 1,000,000 helpers; beyond them reading fails with a <see cref="RosterException"/> that names the place.</para>
/// <para><b>households.csv</b>, required columns (accepted headers in brackets):
/// <c>id</c> [户编号, 编号], <c>township</c> [乡镇, 乡(镇), 乡（镇）], <c>village</c> [村, 行政村],
/// <c>poor_village</c> [是否贫困村], <c>deep_poverty</c> [是否深度贫困户]; optional:
/// <c>name</c> [户主姓名, 姓名] (kept as the attribute <c>name</c>), <c>members</c> [家庭人口数, 人口数] (default 1),
/// <c>income</c> [人均纯收入, 人均收入] (yuan a year, default 0), <c>helper</c> [帮扶责任人, 帮扶责任人编号]
/// (the current responsible person's id), <c>county</c> [县, 县区, 县(市、区), 县（市、区）].</para>
/// <para><b>helpers.csv</b>, required columns: <c>id</c> [编号, 责任人编号], <c>category</c> [类别],
/// <c>township</c> [乡镇, 乡(镇), 乡（镇）], <c>village</c> [村, 行政村]; optional: <c>tier</c> [企业类别],
/// <c>name</c> [姓名, 名称], <c>unit</c> [单位, 工作单位], <c>poor_village</c> [是否贫困村], <c>county</c> [县, 县区, 县(市、区), 县（市、区）].
/// <c>category</c> is any text the rules select (<c>first-secretary</c>, <c>第一书记</c>); the Chinese names of the Xing
/// categories become their English names, as a convenience: <c>county-leader</c> [县级领导干部, 县级领导],
/// <c>section-cadre</c> [科级干部], <c>ordinary-staff</c> [一般干部], <c>village-committee</c> [村两委干部, 村“两委”干部,
/// 两委干部], <c>township-cadre</c> [乡镇干部], <c>enterprise</c> [企业]. <c>tier</c> is empty or a whole number of at
/// least 1 (also <c>一类</c>, <c>二类</c> …, <c>一类企业</c> …), on a helper of any category. <c>township</c> and
/// <c>village</c> may be empty; what a group needs of its members (a township, a village) is checked from the rules.</para>
/// <para><b>Rules of a roster.</b> The same as <see cref="Roster"/> applies to objects, located in the files: ids are
/// unique; a village is identified by (county, township, village), so a village name in two townships is two villages;
/// the households of a village agree on <c>poor_village</c>; a helper's empty <c>township</c> is that of its village
/// among the households (a name in several townships there is a problem), and its empty <c>poor_village</c> is that of
/// its village's households, false when none lives there; a given one must agree with them.</para>
/// <para><b>Warnings.</b> A header that is no accepted name but close to one of a column the file lacks
/// (<c>poor_vilage</c>, <c>家庭人口</c>) is read as an attribute and reported in <see cref="Roster.Warnings"/> with the
/// name it resembles; a misspelt required column is an error that names the likely header.</para>
/// <para><b>Counties.</b> A roster of several counties names each row's county in the optional <c>county</c> column of
/// both files: either every household and helper names one or none does. A village is then identified by its county,
/// township and name, so two counties may each have a village of the same name, and a helper takes households of its
/// own county only.</para>
/// <para>Headers match case-insensitively, with <c>-</c> or a space accepted for <c>_</c>. Booleans are
/// <c>true/false</c>, <c>1/0</c>, <c>yes/no</c> or <c>是/否</c>, case-insensitive. Numbers use the invariant culture
/// (digits and a <c>.</c>). Values are trimmed. Every further column becomes an attribute of that name, readable from
/// rule expressions (<c>household.Attribute("cause")</c>).</para>
/// <para><b>Excel's habits.</b> Blank lines, also lines of separators only (<c>,,,,,,</c>), are skipped; up to 10 lines of
/// one non-empty cell above the header are titles and skipped (<c>兴县2017年建档立卡贫困户名册</c>), and a header below a line
/// that is more than a title is a problem; empty columns after the last header are dropped; a file whose header line
/// holds more tabs than commas is tab-separated (Excel's "Unicode text"); an id in Excel's scientific notation
/// (<c>1.41123E+17</c>) is a problem, once per column. A workbook is one problem: <see cref="Excel.RosterFiles"/> reads
/// workbooks and CSV alike.</para>
/// <para>Every problem in both files is reported at once, each with its file, line, column number and column name;
/// no roster is returned when there is any.</para>
/// <threadsafety>All members are stateless and thread-safe.</threadsafety>
/// </remarks>
public static class RosterCsv
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The code-page encodings (GB18030, GBK) come from CodePagesEncodingProvider directly: the library does not
    // register the provider, which would change Encoding.GetEncoding for the whole process.

    /// <summary>The encoding used for GB18030/GBK files.</summary>
    public static Encoding GB18030 => CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;

    /// <summary>
    /// Finds an encoding by name, ignoring case: the code-page encodings (<c>gb18030</c>, <c>gbk</c>, <c>gb2312</c>,
    /// <c>cp936</c> or a code-page number such as <c>936</c>, …), those .NET has built in (<c>utf-8</c>, <c>utf-16</c>, …),
    /// and the spellings people type for them without a dash (<c>utf8</c>, <c>utf16</c>, <c>utf16le</c>, <c>utf16be</c>).
    /// Does not register a provider.
    /// </summary>
    /// <param name="name">The name, for example <c>utf-8</c> or <c>gb18030</c>.</param>
    /// <returns>The encoding, or <see langword="null"/> when the name is unknown.</returns>
    public static Encoding? FindEncoding(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var key = trimmed.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        switch (key)
        {
            case "utf8":
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
            case "utf16" or "utf16le" or "unicode":
                return Encoding.Unicode;
            case "utf16be":
                return Encoding.BigEndianUnicode;
        }

        if (key.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(key.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var codePage) ||
            int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out codePage))
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? TryGet(() => Encoding.GetEncoding(codePage));
        }

        return CodePagesEncodingProvider.Instance.GetEncoding(trimmed) ?? TryGet(() => Encoding.GetEncoding(trimmed));
    }

    private static Encoding? TryGet(Func<Encoding> get)
    {
        try
        {
            return get();
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Chooses the encoding of a roster file from its bytes, in this order: UTF-8 when it starts with the UTF-8
    /// byte-order mark (<c>EF BB BF</c>), whatever follows; UTF-16 little-endian (<c>FF FE</c>, what Excel's "Unicode
    /// text" writes) or big-endian (<c>FE FF</c>) when it starts with theirs; UTF-8 when all the bytes are valid UTF-8;
    /// else GB18030. No other encoding is recognised (a UTF-32 little-endian mark reads as UTF-16 little-endian).
    /// </summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <returns>UTF-16 (little or big endian), UTF-8 or GB18030.</returns>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return GB18030;
        }
    }

    /// <summary>Reads a roster from <c>households.csv</c> and <c>helpers.csv</c>.</summary>
    /// <param name="householdsPath">The households file.</param>
    /// <param name="helpersPath">The helpers file.</param>
    /// <param name="encoding">The files' encoding; by default each file's is chosen by <see cref="DetectEncoding"/>.</param>
    /// <returns>The roster, households and helpers in file order.</returns>
    /// <exception cref="ArgumentException">A path is empty.</exception>
    /// <exception cref="RosterException">A file cannot be read or has problems; every problem of both files is listed.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their required parameters (paths or streams), so no call is ambiguous; any later change to either shows in PublicAPI.Unshipped.txt.")]
    public static Roster Read(string householdsPath, string helpersPath, Encoding? encoding = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(householdsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(helpersPath);
        var problems = new List<InputProblem>();
        var households = ReadFile(householdsPath, problems);
        var helpers = ReadFile(helpersPath, problems);
        if (households is null || helpers is null)
        {
            throw new RosterException(problems);
        }

        return Parse(households, householdsPath, helpers, helpersPath, encoding);
    }

    /// <summary>Reads a roster from two streams holding <c>households.csv</c> and <c>helpers.csv</c>.</summary>
    /// <param name="households">The households CSV; read to the end, not closed.</param>
    /// <param name="householdsName">The name used for the households in problem locations.</param>
    /// <param name="helpers">The helpers CSV; read to the end, not closed.</param>
    /// <param name="helpersName">The name used for the helpers in problem locations.</param>
    /// <param name="encoding">The encoding; by default each stream's is chosen by <see cref="DetectEncoding"/>.</param>
    /// <returns>The roster, households and helpers in stream order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RosterException">The CSV has problems; every problem of both streams is listed.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their required parameters (paths or streams), so no call is ambiguous; any later change to either shows in PublicAPI.Unshipped.txt.")]
    public static Roster Read(Stream households, string householdsName, Stream helpers, string helpersName, Encoding? encoding = null)
    {
        var (householdBytes, helperBytes) = ReadBoth(households, householdsName, helpers, helpersName);

        return Parse(householdBytes, householdsName, helperBytes, helpersName, encoding);
    }

    /// <summary>Both roster streams read to the end (the one way every reader takes its input), or a
    /// <see cref="RosterException"/> with the problems of both.</summary>
    internal static (byte[] Households, byte[] Helpers) ReadBoth(Stream households, string householdsName, Stream helpers, string helpersName)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(householdsName);
        ArgumentNullException.ThrowIfNull(helpers);
        ArgumentNullException.ThrowIfNull(helpersName);
        var problems = new List<InputProblem>();
        var householdBytes = ReadAll(households, householdsName, problems);
        var helperBytes = ReadAll(helpers, helpersName, problems);
        return householdBytes is null || helperBytes is null ? throw new RosterException(problems) : (householdBytes, helperBytes);
    }

    /// <summary>Writes households as a <c>households.csv</c> that <see cref="Read(string, string, Encoding?)"/> reads back.</summary>
    /// <param name="households">The households.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <remarks>Columns: <c>id,township,village,poor_village,deep_poverty,members,income,helper</c> (with <c>county</c> after
    /// <c>id</c> when some household names a county), then every attribute name in ordinal order (an attribute <c>name</c>
    /// included). Booleans are <c>true</c>/<c>false</c>, numbers invariant.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteHouseholds(IEnumerable<Household> households, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(writer);
        WriteRows(
            households,
            writer,
            ["id", "township", "village", "poor_village", "deep_poverty", "members", "income", "helper"],
            h => (h.Id, h.County, h.Attributes),
            (h, name) => h.Attribute(name),
            h =>
            [
                h.Township,
                h.Village,
                Bool(h.PoorVillage),
                Bool(h.DeepPoverty),
                h.Members.ToString(CultureInfo.InvariantCulture),
                h.Income.ToString(CultureInfo.InvariantCulture),
                h.CurrentHelper ?? string.Empty,
            ]);
    }

    /// <summary>Writes helpers as a <c>helpers.csv</c> that <see cref="Read(string, string, Encoding?)"/> reads back.</summary>
    /// <param name="helpers">The helpers.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <remarks>Columns: <c>id,category,township,village,tier,name,unit,poor_village</c> (with <c>county</c> after <c>id</c>
    /// when some helper names a county), then every attribute name in ordinal order.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteHelpers(IEnumerable<Helper> helpers, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(helpers);
        ArgumentNullException.ThrowIfNull(writer);
        WriteRows(
            helpers,
            writer,
            ["id", "category", "township", "village", "tier", "name", "unit", "poor_village"],
            h => (h.Id, h.County, h.Attributes),
            (h, name) => h.Attribute(name),
            h =>
            [
                h.Category,
                h.Township ?? string.Empty,
                h.Village ?? string.Empty,
                h.Tier?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                h.Name,
                h.Unit ?? string.Empty,
                Bool(h.PoorVillage),
            ]);
    }

    /// <summary>
    /// Writes one roster file: the header (<c>id</c>, <c>county</c> when some row names one, the other columns, then every
    /// attribute name in ordinal order), then a record per row.
    /// </summary>
    private static void WriteRows<T>(
        IEnumerable<T> rows,
        TextWriter writer,
        string[] columns,
        Func<T, (string Id, string? County, IReadOnlyDictionary<string, string> Attributes)> identity,
        Func<T, string, string> attribute,
        Func<T, string[]> fields)
    {
        var list = rows.ToList();
        var attributes = list.SelectMany(r => identity(r).Attributes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var counties = list.Any(r => identity(r).County is not null);
        using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
        foreach (var name in columns.Take(1).Concat(counties ? ["county"] : []).Concat(columns.Skip(1)).Concat(attributes))
        {
            csv.WriteField(name);
        }

        csv.EndRecord();
        foreach (var row in list)
        {
            var (id, county, _) = identity(row);
            csv.WriteField(id);
            if (counties)
            {
                csv.WriteField(county ?? string.Empty);
            }

            foreach (var field in fields(row))
            {
                csv.WriteField(field);
            }

            foreach (var name in attributes)
            {
                csv.WriteField(attribute(row, name));
            }

            csv.EndRecord();
        }

        csv.Flush();
    }

    private static readonly CsvWriterOptions WriterOptions = new()
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        Injection = CsvInjection.None,
    };

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Reads a stream to the end, or reports that it is longer than <see cref="RosterLimits.MaxFileBytes"/>.</summary>
    internal static byte[]? ReadAll(Stream stream, string name, List<InputProblem> problems)
    {
        if (stream.CanSeek && stream.Length - stream.Position > RosterLimits.MaxFileBytes)
        {
            problems.Add(TooLarge(name, string.Create(CultureInfo.InvariantCulture, $"{stream.Length - stream.Position:N0} bytes,")));
            return null;
        }

        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (memory.Length + read > RosterLimits.MaxFileBytes)
            {
                problems.Add(TooLarge(name, "more than"));
                return null;
            }

            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }

    /// <summary>Reads a file, or reports that it cannot be read or is longer than <see cref="RosterLimits.MaxFileBytes"/>.</summary>
    internal static byte[]? ReadFile(string path, List<InputProblem> problems)
    {
        try
        {
            if (new FileInfo(path).Length > RosterLimits.MaxFileBytes)
            {
                problems.Add(TooLarge(path, string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(path).Length:N0} bytes,")));
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problems.Add(new InputProblem($"cannot read the file: {e.Message}", path));
            return null;
        }
    }

    private static InputProblem TooLarge(string file, string size) => new(
        $"the file is {size} above the limit of {RosterLimits.Format(RosterLimits.MaxFileBytes)} bytes (512 MiB) for a roster file; split the county or leave out columns the rules do not read",
        file,
        1);

    private static Roster Parse(byte[] householdBytes, string householdsName, byte[] helperBytes, string helpersName, Encoding? encoding)
    {
        var problems = new List<InputProblem>();
        var households = RosterFile.IsWorkbook(householdBytes, householdsName, problems) ? null : ParseHouseholds(householdBytes, householdsName, encoding, problems);
        var helpers = RosterFile.IsWorkbook(helperBytes, helpersName, problems) ? null : ParseHelpers(helperBytes, helpersName, encoding, problems);
        return ReadRoster(households, helpers, problems);
    }

    /// <summary>Parses the CSV text of a households file into its table, or null with problems.</summary>
    internal static RosterTable? ParseHouseholds(byte[] bytes, string name, Encoding? encoding, List<InputProblem> problems) =>
        CsvTable.Parse(Decode(bytes, encoding), name, RosterFile.HouseholdsHeader, RosterLimits.MaxHouseholds, "household", problems);

    /// <summary>Parses the CSV text of a helpers file into its table, or null with problems.</summary>
    internal static RosterTable? ParseHelpers(byte[] bytes, string name, Encoding? encoding, List<InputProblem> problems) =>
        CsvTable.Parse(Decode(bytes, encoding), name, RosterFile.HelpersHeader, RosterLimits.MaxHelpers, "helper", problems);

    /// <summary>Reads the roster from both tables (null where a file had problems already in the list).</summary>
    /// <exception cref="RosterException">There is any problem.</exception>
    internal static Roster ReadRoster(RosterTable? households, RosterTable? helpers, List<InputProblem> problems)
    {
        var roster = RosterCsvReader.Read(households, helpers, problems);
        if (problems.Count > 0 || roster is null)
        {
            throw new RosterException(problems);
        }

        return roster;
    }

    private static string Decode(byte[] bytes, Encoding? encoding)
    {
        encoding ??= DetectEncoding(bytes);
        var preamble = encoding.Preamble;
        var start = preamble.Length > 0 && bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        return encoding.GetString(bytes, start, bytes.Length - start);
    }
}
