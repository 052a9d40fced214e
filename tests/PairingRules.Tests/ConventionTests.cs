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

    [Fact]
    public void PublicTypes_AreNotRecords_ExceptTheOptionsAndProblemRecords()
    {
        // Records put Deconstruct, <Clone>$ (with), EqualityContract and positional constructors into the public API,
        // so a result type could not gain a field without breaking callers. Results are sealed classes (or readonly
        // structs) with internal constructors; only the options of the synthetic county and input problems stay records.
        PublicTypes
            .Where(t => t.GetMethod("<Clone>$") is not null || t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null)
            .Select(t => t.Name).Order(StringComparer.Ordinal)
            .Should().Equal("InputProblem", "SyntheticCountyOptions");
    }

    [Fact]
    public void ResultTypes_HaveNoPublicConstructors()
    {
        Type[] results =
        [
            typeof(PairingResult), typeof(PairingSummary), typeof(Pairing), typeof(ChangedPairing), typeof(UncoveredHousehold),
            typeof(HelperLoad), typeof(UnselectedHelper), typeof(GroupTotal), typeof(AreaTotal), typeof(Certificate),
            typeof(ObjectiveValues), typeof(BackstopCoverage), typeof(BackstopTownship), typeof(GroupHouseholds),
            typeof(PairingRules.Audit.AuditReport), typeof(PairingRules.Audit.AuditFinding), typeof(PairingRules.Audit.AuditCheckCount),
        ];

        results.Where(t => t.GetConstructors().Length > 0).Select(t => t.Name)
            .Should().BeEmpty("the library makes results; callers read them, and new fields must not break a caller's constructor call");
    }
}
