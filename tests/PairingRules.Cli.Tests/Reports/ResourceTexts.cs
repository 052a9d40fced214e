using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace PairingRules.Cli.Tests.Reports;

/// <summary>Checks of a .resx text table: placeholders against the neutral file's comments, and keys and methods in use.</summary>
internal static partial class ResourceTexts
{
    /// <summary>
    /// Every text whose placeholders are not among those its key's comment in the neutral .resx names, and every
    /// placeholder a comment names that neither language uses. A key without a comment takes no placeholder.
    /// </summary>
    public static List<string> PlaceholderProblems(string neutralResx, IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> chinese)
    {
        var comments = XDocument.Load(neutralResx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("comment") ?? string.Empty, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var key in english.Keys.Order(StringComparer.Ordinal))
        {
            var named = Placeholders(comments.GetValueOrDefault(key, string.Empty));
            var used = new HashSet<int>();
            foreach (var (language, table) in new[] { ("en", english), ("zh-Hans", chinese) })
            {
                var placeholders = Placeholders(table.GetValueOrDefault(key, string.Empty));
                used.UnionWith(placeholders);
                problems.AddRange(placeholders.Except(named).Select(p => $"{key} ({language}): {{{p}}} is not named in the comment"));
            }

            problems.AddRange(named.Except(used).Select(p => $"{key}: the comment names {{{p}}}, which no language uses"));
        }

        return problems;
    }

    /// <summary>
    /// The keys that no method of <paramref name="typeName"/> reads (as a string constant), and the public methods of that
    /// type that no other type of the assembly calls.
    /// </summary>
    public static (List<string> UnreadKeys, List<string> UncalledMethods) Unused(AssemblyDefinition assembly, string typeName, IEnumerable<string> keys)
    {
        var type = assembly.MainModule.GetType(typeName) ?? throw new InvalidOperationException($"{typeName} is not in {assembly.Name.Name}");
        var literals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in AllTypes(type).SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            literals.UnionWith(method.Body.Instructions.Where(i => i.OpCode == OpCodes.Ldstr).Select(i => (string)i.Operand));
        }

        // Plural keys are read as "X" + ".One" / ".Other".
        var unread = keys.Where(k => !literals.Contains(k) && !literals.Contains(PluralStem(k))).Order(StringComparer.Ordinal).ToList();

        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in assembly.MainModule.Types.SelectMany(AllTypes).Where(t => t != type).SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            called.UnionWith(method.Body.Instructions.Where(i => i.Operand is MethodReference).Select(i => ((MethodReference)i.Operand).Resolve()?.FullName ?? string.Empty));
        }

        var uncalled = type.Methods.Where(m => m.IsPublic && !m.IsConstructor && !m.IsGetter && !called.Contains(m.FullName))
            .Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
        return (unread, uncalled);
    }

    private static string PluralStem(string key) =>
        key.EndsWith(".One", StringComparison.Ordinal) ? key[..^4] : key.EndsWith(".Other", StringComparison.Ordinal) ? key[..^6] : key;

    private static IEnumerable<TypeDefinition> AllTypes(TypeDefinition type) => new[] { type }.Concat(type.NestedTypes.SelectMany(AllTypes));

    private static HashSet<int> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
