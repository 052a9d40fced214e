using System.Text;

namespace PairingRules;

/// <summary>The files of <c>rules/</c> that ship inside the assembly (the Xing rules, the schema, the audit checks).</summary>
internal static class EmbeddedFiles
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the PairingRules assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
