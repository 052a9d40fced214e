using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace PairingRules;

/// <summary>
/// The texts of one language from a .resx resource (the neutral file is English, <c>*.zh-Hans.resx</c> Chinese, shipped
/// as the satellite assembly <c>zh-Hans/&lt;assembly&gt;.resources.dll</c>), read once into a table. A text is looked up
/// in its own language only, never in the machine's culture and never falling back to another language: a missing text
/// is an error, not English in a Chinese report.
/// </summary>
/// <remarks><threadsafety>Immutable and safe to share between threads.</threadsafety></remarks>
internal sealed class TextTable
{
    /// <summary>The culture of the Chinese texts (the satellite assembly's folder).</summary>
    public const string ChineseCultureName = "zh-Hans";

    private readonly FrozenDictionary<string, string> _texts;
    private readonly string _source;

    private TextTable(FrozenDictionary<string, string> texts, string source)
    {
        _texts = texts;
        _source = source;
    }

    /// <summary>Every text of the table by key.</summary>
    public IReadOnlyDictionary<string, string> All => _texts;

    /// <summary>Reads the texts of <paramref name="language"/> from the resource <paramref name="baseName"/> of <paramref name="assembly"/>.</summary>
    /// <exception cref="InvalidOperationException">The resource (for Chinese, the satellite assembly) is missing.</exception>
    public static TextTable Load(string baseName, Assembly assembly, ReportLanguage language)
    {
        var culture = language == ReportLanguage.Chinese ? CultureInfo.GetCultureInfo(ChineseCultureName) : CultureInfo.InvariantCulture;
        var source = $"{baseName} ({(language == ReportLanguage.Chinese ? ChineseCultureName : "neutral, English")})";
        ResourceSet? set;
        try
        {
            set = new ResourceManager(baseName, assembly).GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        }
        catch (MissingManifestResourceException)
        {
            set = null;
        }

        if (set is null)
        {
            var satellite = language == ReportLanguage.Chinese ? $" (the satellite assembly {ChineseCultureName}/{assembly.GetName().Name}.resources.dll beside {assembly.GetName().Name}.dll)" : string.Empty;
            throw new InvalidOperationException($"The texts {source} are missing{satellite}.");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            texts.Add((string)entry.Key, (string)entry.Value!);
        }

        return new TextTable(texts.ToFrozenDictionary(StringComparer.Ordinal), source);
    }

    /// <summary>The text of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such text.</exception>
    public string Get(string key) =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"The texts {_source} have no text `{key}`.");

    /// <summary>The text of <paramref name="key"/> with its placeholders (<c>{0}</c>, <c>{1}</c> …) filled, invariantly.</summary>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Get(key), args);

    /// <summary>A whole number as every text writes it: invariant digits with thousands separators (<c>16,800</c>).</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
