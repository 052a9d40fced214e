namespace PairingRules;

/// <summary>The rule sets that ship inside the library, by name.</summary>
public sealed partial class RuleSet
{
    /// <summary>
    /// The names of the rule sets that ship inside the library, as in its <c>rules/</c> folder: <c>xing-county</c> (兴县,
    /// Shanxi, 2017: the pairing of poor households by county, township and village cadres and enterprises) and
    /// <c>lingling-district</c> (零陵区, Hunan, from 2021: monitoring against relapse by village work teams, district and
    /// township cadres). Each is also shipped as a file, <c>rules/NAME.json</c>.
    /// </summary>
    public static IReadOnlyList<string> ShippedNames { get; } = ["xing-county", "lingling-district"];

    /// <summary>Compiles a rule set that ships inside the library.</summary>
    /// <param name="name">One of <see cref="ShippedNames"/>, for example <c>lingling-district</c>.</param>
    /// <returns>The compiled rule set, the same as <c>rules/NAME.json</c>.</returns>
    /// <exception cref="ArgumentException">No shipped rule set has that name; the message lists the names.</exception>
    public static RuleSet LoadShipped(string name) => Parse(ShippedJson(name), name + ".json");

    /// <summary>The JSON text of a rule set that ships inside the library.</summary>
    /// <param name="name">One of <see cref="ShippedNames"/>.</param>
    /// <returns>The text of <c>rules/NAME.json</c>.</returns>
    /// <exception cref="ArgumentException">No shipped rule set has that name; the message lists the names.</exception>
    public static string ShippedJson(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ShippedNames.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"No shipped rule set is called '{name}'; the shipped rule sets are {string.Join(", ", ShippedNames)}.", nameof(name));
        }

        return EmbeddedFiles.Read($"PairingRules.rules.{name}.json");
    }
}
