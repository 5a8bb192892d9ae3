using AriaPro.Silo.Configuration;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class KubernetesSettingsTests
{
    private static readonly (string, string?)[] Pod =
    [
        (AriaVariables.Redis, "redis:6379"), (AriaVariables.MasterKey, TestMasterKey.Base64), (AriaVariables.Kubernetes, "1"),
        ("POD_NAME", "ariapro-silo-7c9f-x2"), ("POD_NAMESPACE", "trading"), ("POD_IP", "10.1.2.3"),
        ("ORLEANS_SERVICE_ID", "ariapro"), ("ORLEANS_CLUSTER_ID", "aria"),
    ];

    [Fact]
    public void Load_Default_IsOff()
    {
        var s = TestSettings.LoadValid();

        Assert.False(s.Hosting.Kubernetes);
        Assert.Contains("ARIA_KUBERNETES=0", s.Describe());
    }

    [Fact]
    public void Load_InAPodWithMatchingIds_IsOn()
    {
        var s = TestSettings.LoadValid(Pod);

        Assert.True(s.Hosting.Kubernetes);
    }

    [Fact]
    public void Load_EmbeddedMode_IsAnError()
    {
        var result = TestSettings.Load((AriaVariables.Kubernetes, "1"), ("POD_NAME", "p"), ("POD_NAMESPACE", "n"), ("POD_IP", "10.0.0.1"),
            ("ORLEANS_SERVICE_ID", "ariapro"), ("ORLEANS_CLUSTER_ID", "aria"));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ARIA_KUBERNETES: needs cluster mode: set ARIA_REDIS", error);
    }

    [Fact]
    public void Load_SiloAddressSetInAPod_IsAnError()
    {
        var result = TestSettings.Load([.. Pod, (AriaVariables.SiloAddress, "10.9.9.9")]);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ARIA_SILO_ADDRESS: is taken from the pod (POD_IP)", error);
    }

    [Fact]
    public void Load_WithoutThePodVariables_NamesEachMissingOne()
    {
        var result = TestSettings.Load((AriaVariables.Redis, "redis:6379"), (AriaVariables.MasterKey, TestMasterKey.Base64), (AriaVariables.Kubernetes, "1"));

        Assert.Equal(
            ["POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID"],
            result.Errors.Select(e => e.Split(' ')[2]));
        Assert.All(result.Errors, e => Assert.StartsWith("ARIA_KUBERNETES: needs ", e));
    }

    [Fact]
    public void Load_OrleansIdsDifferentFromAriaIds_IsAnError()
    {
        var variables = Pod.Where(v => v.Item1 != "ORLEANS_SERVICE_ID").Append(("ORLEANS_SERVICE_ID", "other")).ToArray();

        var result = TestSettings.Load(variables);

        var error = Assert.Single(result.Errors);
        Assert.Equal("ARIA_KUBERNETES: ORLEANS_SERVICE_ID 'other' differs from ARIA_SERVICE_ID 'ariapro'; set both from the same value", error);
    }
}
