using Newtonsoft.Json;

namespace PairingRules.Tests.Solving;

/// <summary>A deterministic, culture-independent text of a whole <see cref="PairingResult"/>, to compare results byte for byte.</summary>
internal static class ResultSnapshot
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        Formatting = Formatting.Indented,
        Culture = System.Globalization.CultureInfo.InvariantCulture,
        Converters = [new Newtonsoft.Json.Converters.StringEnumConverter()],
    };

    public static string Of(PairingResult result) => JsonConvert.SerializeObject(result, Settings);
}
