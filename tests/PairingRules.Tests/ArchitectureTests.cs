using FluentAssertions;
using Mono.Cecil;
using Xunit;

namespace PairingRules.Tests;

/// <summary>
/// The library's stages depend on each other in one direction only (docs/architecture.md). One test over the whole
/// assembly, as NodaTime's MutabilityTest checks every type: it reads every type's references, from signatures and from
/// method bodies (IL, with Mono.Cecil), and fails on any reference from a stage to a later stage, to a sibling stage,
/// or from the public vocabulary to any stage.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>
    /// The layer of each namespace. A type may use types of its own namespace and of namespaces of a lower layer only.
    /// The root namespace holds the public vocabulary (roster, rules, results, problems); its one facade type,
    /// <see cref="RuleSet"/>, sits above every stage. A new folder must be given a layer here.
    /// </summary>
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["PairingRules"] = 0,
        ["PairingRules.RuleModel"] = 1,
        ["PairingRules.Csv"] = 1,
        ["PairingRules.Excel"] = 2,
        ["PairingRules.Compilation"] = 2,
        ["PairingRules.Evaluation"] = 3,
        ["PairingRules.Solving"] = 4,
        ["PairingRules.Audit"] = 4,
        ["PairingRules.Explanation"] = 5,
        ["PairingRules.Results"] = 6,
        [Facade] = 7,
        ["PairingRules.Synthetic"] = 8,
    };

    /// <summary>The pseudo-namespace of the facade: <see cref="RuleSet"/> runs the stages, so it sits above them.</summary>
    private const string Facade = "(facade: RuleSet)";

    private static readonly Lazy<IReadOnlyList<(string From, string To)>> Dependencies = new(ReadDependencies);

    [Fact]
    public void EveryNamespace_HasALayer()
    {
        Dependencies.Value.SelectMany(d => new[] { Stage(d.From), Stage(d.To) }).Distinct()
            .Where(n => !Layers.ContainsKey(n))
            .Should().BeEmpty("every folder of the library must be placed in the stage order of docs/architecture.md");
    }

    [Fact]
    public void Stages_DependOnlyOnEarlierStages()
    {
        var violations = Dependencies.Value
            .Where(d => Layers.TryGetValue(Stage(d.From), out var from) && Layers.TryGetValue(Stage(d.To), out var to) &&
                        Stage(d.From) != Stage(d.To) && to >= from)
            .Select(d => $"{d.From} ({Stage(d.From)}) -> {d.To} ({Stage(d.To)})")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        violations.Should().BeEmpty("a stage may use its own namespace and earlier stages only (docs/architecture.md)");
    }

    [Fact]
    public void Dependencies_AreRead()
    {
        // The test must see real references, or it would pass on nothing: a few that exist by design.
        Dependencies.Value.Should().Contain(("PairingRules.RuleSet", "PairingRules.Solving.FlowModel"))
            .And.Contain(("PairingRules.Solving.FlowModel", "PairingRules.Solving.NetworkSimplex"))
            .And.Contain(("PairingRules.Results.ResultBuilder", "PairingRules.Explanation.Explainer"));
    }

    [Fact]
    public void Stage_PutsTheFacadeAboveTheStages()
    {
        Stage("PairingRules.RuleSet").Should().Be(Facade);
        Stage("PairingRules.Roster").Should().Be("PairingRules");
        Stage("PairingRules.Solving.FlowModel/Graph").Should().Be("PairingRules.Solving");
    }

    /// <summary>The stage of a type: its namespace, or the facade for <see cref="RuleSet"/>.</summary>
    private static string Stage(string typeName)
    {
        var outer = typeName.Split('/')[0];
        return outer == "PairingRules.RuleSet" ? Facade : outer[..outer.LastIndexOf('.')];
    }

    /// <summary>Every (type, referenced type) pair of the library's own types, by outermost type name.</summary>
    private static IReadOnlyList<(string From, string To)> ReadDependencies()
    {
        using var module = ModuleDefinition.ReadModule(typeof(RuleSet).Assembly.Location);
        var found = new HashSet<(string, string)>();
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type);
            if (from is null)
            {
                continue;
            }

            foreach (var to in References(type).SelectMany(r => Own(module, r)))
            {
                if (to != from)
                {
                    found.Add((from, to));
                }
            }
        }

        return [.. found];
    }

    private static IEnumerable<TypeReference?> References(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (var i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }

        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
        }

        foreach (var property in type.Properties)
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var parameter in method.Parameters)
            {
                yield return parameter.ParameterType;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var local in method.Body.Variables)
            {
                yield return local.VariableType;
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MethodReference m:
                        yield return m.DeclaringType;
                        yield return m.ReturnType;
                        foreach (var parameter in m.Parameters)
                        {
                            yield return parameter.ParameterType;
                        }

                        if (m is GenericInstanceMethod generic)
                        {
                            foreach (var argument in generic.GenericArguments)
                            {
                                yield return argument;
                            }
                        }

                        break;
                    case FieldReference f:
                        yield return f.DeclaringType;
                        yield return f.FieldType;
                        break;
                }
            }
        }
    }

    /// <summary>The outermost type names of the library's own types a reference names, looking through generic
    /// arguments, arrays, pointers and by-reference types.</summary>
    private static IEnumerable<string> Own(ModuleDefinition module, TypeReference? reference)
    {
        switch (reference)
        {
            case null or GenericParameter:
                return [];
            case GenericInstanceType generic:
                return Own(module, generic.ElementType).Concat(generic.GenericArguments.SelectMany(a => Own(module, a)));
            case TypeSpecification specification:
                return Own(module, specification.ElementType);
        }

        return reference.Scope is ModuleDefinition own && own == module && reference.Resolve() is { } definition && Outermost(definition) is { } name
            ? [name]
            : [];
    }

    /// <summary>The full name of the outermost declaring type, or null for types outside the PairingRules namespaces
    /// (compiler-generated helpers such as the regex generator's).</summary>
    private static string? Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace == "PairingRules" || type.Namespace.StartsWith("PairingRules.", StringComparison.Ordinal)
            ? type.FullName
            : null;
    }
}
