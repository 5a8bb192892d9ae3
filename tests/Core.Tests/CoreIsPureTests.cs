using System.Reflection;
using AriaPro.Core.Trading;

namespace AriaPro.Core.Tests;

/// <summary>The core carries no Orleans: neither a reference to one of its assemblies nor one of its attributes.</summary>
[Trait("Category", "Unit")]
public sealed class CoreIsPureTests
{
    private static readonly Assembly Core = typeof(OrderBook).Assembly;

    [Fact]
    public void CoreAssembly_ReferencesNoOrleansAssembly()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("AriaPro.Grains.Interfaces", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Orleans", StringComparison.Ordinal));
    }

    [Fact]
    public void CoreTypes_CarryNoOrleansAttribute()
    {
        var offenders = Core.GetTypes()
            .SelectMany(t => t.GetCustomAttributesData().Select(a => (Type: t, Attribute: a.AttributeType)))
            .Where(x => x.Attribute.Namespace?.StartsWith("Orleans", StringComparison.Ordinal) == true)
            .Select(x => $"{x.Type.FullName}: {x.Attribute.Name}")
            .ToList();

        Assert.NotEmpty(Core.GetTypes());
        Assert.Empty(offenders);
    }
}
