using System.CommandLine;

namespace PairingRules.Cli;

/// <summary>Options that take one of a few names: matched case-insensitively (<c>--format JSON</c>), with a did-you-mean
/// when none matches.</summary>
internal static class Choices
{
    /// <summary>Makes <paramref name="option"/> accept exactly <paramref name="names"/>, in any case; the command reads
    /// the canonical name with <see cref="Find"/>.</summary>
    public static void Restrict(Option option, IReadOnlyList<string> names)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (Find(token.Value, names) is null)
                {
                    result.AddError($"{option.Name} '{token.Value}' is not one of {string.Join(", ", names)}{Spelling.DidYouMean(token.Value, names)}");
                }
            }
        });
        option.CompletionSources.Add(names.ToArray());
    }

    /// <summary>The name <paramref name="value"/> stands for, ignoring case, or null.</summary>
    public static string? Find(string? value, IReadOnlyList<string> names) =>
        value is null ? null : names.FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
