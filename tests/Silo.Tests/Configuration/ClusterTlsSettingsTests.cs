using AriaPro.Silo.Configuration;
using AriaPro.Silo.Tests.Hosting;
using AriaPro.Silo.Tests.Security;

namespace AriaPro.Silo.Tests.Configuration;

/// <summary>Mutual TLS on the Orleans ports: a certificate and authority that cannot work together stop the start.</summary>
[Trait("Category", "Unit")]
public sealed class ClusterTlsSettingsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public void Load_Unset_PlainTcpDescribed()
    {
        var settings = TestSettings.LoadValid();

        Assert.False(settings.Hosting.ClusterTls);
        Assert.Contains("ARIA_CLUSTER_TLS_CERT=(unset: the silo and gateway ports are plain TCP)", settings.Describe());
    }

    [Fact]
    public void Load_CertificateAndItsAuthority_On()
    {
        var variables = _certificates.SiloVariables("silo");

        var settings = TestSettings.LoadValid([.. variables.Select(v => (v.Key, v.Value))]);

        Assert.True(settings.Hosting.ClusterTls);
        Assert.Equal(_certificates.AuthorityPem, settings.Hosting.ClusterTlsAuthorityPath);
        Assert.Contains("ARIA_CLUSTER_TLS_CERT_PASSWORD=***", settings.Describe());
    }

    [Fact]
    public void Load_ClusterOnAnotherMachinesNetworkWithoutTls_Warns()
    {
        var result = TestSettings.Load((AriaVariables.Redis, "redis:6379"), (AriaVariables.MasterKey, TestMasterKey.Base64), (AriaVariables.SiloAddress, "10.0.0.5"));

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("the silo and gateway ports listen on 10.0.0.5 in plain TCP", warning);
    }

    [Fact]
    public void Load_ClusterWithTlsOrOnLoopback_NoWarning()
    {
        var tls = _certificates.SiloVariables("silo");
        tls[AriaVariables.Redis] = "redis:6379";
        tls[AriaVariables.MasterKey] = TestMasterKey.Base64;
        tls[AriaVariables.SiloAddress] = "10.0.0.5";

        var withTls = TestSettings.Load(tls);
        var loopback = TestSettings.Load((AriaVariables.Redis, "redis:6379"), (AriaVariables.MasterKey, TestMasterKey.Base64));

        Assert.True(withTls.IsValid, string.Join("; ", withTls.Errors));
        Assert.Empty(withTls.Warnings);
        Assert.Empty(loopback.Warnings);
    }

    [Theory]
    [InlineData(AriaVariables.ClusterTlsAuthority)]
    [InlineData(AriaVariables.ClusterTlsCertificate)]
    public void Load_OneOfThePairMissing_ErrorNamesBoth(string missing)
    {
        var variables = _certificates.SiloVariables("silo");
        variables.Remove(missing);

        var errors = TestSettings.Load(variables).Errors;

        var error = Assert.Single(errors);
        Assert.Contains("needs both ARIA_CLUSTER_TLS_CERT (this silo's PFX) and ARIA_CLUSTER_TLS_CA (the CA's PEM)", error);
    }

    [Fact]
    public void Load_CertificateOfAnotherAuthority_Refused()
    {
        using var other = new TestCertificates("Another CA");
        var variables = _certificates.SiloVariables("silo");
        variables[AriaVariables.ClusterTlsCertificate] = other.Issue("stranger");

        var error = Assert.Single(TestSettings.Load(variables).Errors);

        Assert.StartsWith("ARIA_CLUSTER_TLS_CERT", error);
        Assert.Contains("is not issued by the authority in ARIA_CLUSTER_TLS_CA", error);
    }

    [Fact]
    public void Load_ExpiredCertificate_Refused()
    {
        var variables = _certificates.SiloVariables("silo");
        variables[AriaVariables.ClusterTlsCertificate] = _certificates.Issue("expired", notAfter: DateTimeOffset.UtcNow.AddHours(-1));

        var error = Assert.Single(TestSettings.Load(variables).Errors);

        Assert.Contains("(or has expired)", error);
    }

    [Fact]
    public void Load_WrongPassword_ErrorNamesTheFile()
    {
        var variables = _certificates.SiloVariables("silo");
        variables[AriaVariables.ClusterTlsCertificatePassword] = "not-the-password";

        var error = Assert.Single(TestSettings.Load(variables).Errors);

        Assert.StartsWith("ARIA_CLUSTER_TLS_CERT", error);
        Assert.Contains("cannot be opened as a PFX", error);
    }

    [Fact]
    public void Load_AuthorityNotPem_ErrorNamesTheAuthority()
    {
        var variables = _certificates.SiloVariables("silo");
        var notPem = Path.Combine(_certificates.Folder, "ca.txt");
        File.WriteAllText(notPem, "not a certificate");
        variables[AriaVariables.ClusterTlsAuthority] = notPem;

        var error = Assert.Single(TestSettings.Load(variables).Errors);

        Assert.StartsWith("ARIA_CLUSTER_TLS_CA", error);
        Assert.Contains("holds no PEM certificate", error);
    }
}
