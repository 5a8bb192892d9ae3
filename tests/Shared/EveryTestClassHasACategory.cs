using System.Reflection;

namespace AriaPro.Tests.Shared;

/// <summary>
/// Linked into every test project: a test class without a Category trait would never run under
/// <c>./test.sh unit</c>, <c>integration</c> or <c>load</c>, so one missing is a failure here.
/// </summary>
[Trait("Category", "Unit")]
public sealed class EveryTestClassHasACategory
{
    private static readonly string[] Known = ["Unit", "Integration", "Load"];

    [Fact]
    public void TestClasses_EachHasExactlyOneKnownCategory()
    {
        var classes = typeof(EveryTestClassHasACategory).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()))
            .ToList();

        var offenders = classes
            .Select(t => (Type: t, Categories: Categories(t)))
            .Where(c => c.Categories.Count != 1 || !Known.Contains(c.Categories[0]))
            .Select(c => $"{c.Type.FullName}: {(c.Categories.Count == 0 ? "no Category trait" : string.Join(", ", c.Categories))}")
            .ToList();

        Assert.NotEmpty(classes);
        Assert.True(offenders.Count == 0, $"test classes without exactly one of {string.Join(", ", Known)}:\n{string.Join('\n', offenders)}");
    }

    // xunit 2 keeps a trait's name and value only as the attribute's constructor arguments.
    private static List<string> Categories(Type type) =>
    [
        .. type.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == "Category")
            .Select(a => (string)a.ConstructorArguments[1].Value!),
    ];
}
