using System.Globalization;
using FluentAssertions;
using Xunit;

namespace PairingRules.Tests.Compilation;

/// <summary>
/// Rule expressions give the same answers in every culture: the string functions that .NET runs in the current culture
/// (ToUpper, ToLower, StartsWith, EndsWith, IndexOf, Compare, CompareTo) are mapped to invariant or ordinal ones, and
/// number literals are read with a '.' whatever the culture.
/// </summary>
public sealed class CultureTests
{
    public static TheoryData<string, bool> Expressions() => new()
    {
        { "household.Attribute(\"city\").ToUpper() == \"ISTANBUL\"", true },
        { "household.Attribute(\"code\").ToLower() == \"i\"", true },
        { "household.Attribute(\"city\").ToUpper().StartsWith(\"IST\")", true },
        { "household.Attribute(\"city\").EndsWith(\"bul\")", true },
        { "household.Attribute(\"city\").IndexOf(\"stan\") == 1", true },
        { "household.Attribute(\"city\").IndexOf(\"stan\", 1) == 1", true },
        { "string.Compare(household.Attribute(\"city\"), \"ISTANBUL\", true) == 0", true },
        { "string.Compare(household.Attribute(\"city\"), \"Istanbul\") > 0", true },
        { "household.Attribute(\"city\").CompareTo(\"a\") > 0", true },
        { "household.Attribute(\"city\").StartsWith(\"\\u0000\")", false },
        { "household.Income == 2300.5", true },
        { "household.Income > 2300.25 && household.Income < 2300.75", true },
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Accepts_CultureDependentExpression_IsTheSameInEveryCulture(string expression, bool expected)
    {
        var household = new Household("H1", "t", "v", true, false, income: 2300.5m,
            attributes: new Dictionary<string, string> { ["city"] = "istanbul", ["code"] = "I" });

        foreach (var culture in new[] { "", "zh-CN", "tr-TR" })
        {
            InCulture(culture, () => RuleSet.Parse(RuleJson.OneGroup("households", expression)).Groups[0].Accepts(household))
                .Should().Be(expected, $"`{expression}` under culture '{culture}'");
        }
    }

    [Fact]
    public void TurkishCulture_ReallyChangesUnmappedCalls()
    {
        // The premise of the mapping: without it, the answers above would differ under tr-TR.
        InCulture("tr-TR", () => "istanbul".ToUpper(CultureInfo.CurrentCulture)).Should().Be("İSTANBUL");
        InCulture("tr-TR", () => 2300.5m.ToString(CultureInfo.CurrentCulture)).Should().Be("2300,5");
    }

    internal static T InCulture<T>(string name, Func<T> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = name.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
