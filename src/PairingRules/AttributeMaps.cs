using System.Collections.ObjectModel;

namespace PairingRules;

/// <summary>Shared handling of the free-form attribute maps of households and helpers.</summary>
internal static class AttributeMaps
{
    private static readonly IReadOnlyDictionary<string, string> Empty =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, string> Freeze(IReadOnlyDictionary<string, string>? attributes) =>
        attributes is null || attributes.Count == 0
            ? Empty
            : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(attributes, StringComparer.Ordinal));

    public static string Get(IReadOnlyDictionary<string, string> attributes, string name) =>
        name is not null && attributes.TryGetValue(name, out var value) ? value : string.Empty;
}
