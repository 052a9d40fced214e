using System.Reflection;

namespace PairingRules.Cli;

/// <summary>The tool's name and version as results name them: <c>pairing-rules 0.1.0-alpha.0.42</c> (the package version
/// from git tags, without the commit hash, so that the same version writes the same bytes).</summary>
internal static class ToolVersion
{
    /// <summary>The program name used in every message, in help and in results.</summary>
    public const string Name = "pairing-rules";

    /// <summary>The package version, for example <c>0.1.0-alpha.0.42</c>.</summary>
    public static string Version { get; } = Read();

    /// <summary><c>pairing-rules VERSION</c>.</summary>
    public static string Text => $"{Name} {Version}";

    private static string Read()
    {
        var informational = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
