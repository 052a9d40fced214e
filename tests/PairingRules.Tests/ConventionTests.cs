using System.Reflection;
using FluentAssertions;
using Xunit;

namespace PairingRules.Tests;

/// <summary>Rules that hold for the whole public API.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] PublicTypes = typeof(RuleSet).Assembly.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedStaticOrAbstract()
    {
        PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName).Should().BeEmpty();
    }

    [Fact]
    public void PublicProperties_HaveNoPublicSetters()
    {
        PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (t, p)))
            .Where(x => x.p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
            .Select(x => $"{x.t.Name}.{x.p.Name}").Should().BeEmpty("the domain and results are immutable");
    }
}
