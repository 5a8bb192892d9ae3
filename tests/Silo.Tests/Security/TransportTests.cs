using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AriaPro.Silo.Tests.Configuration;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Security;

/// <summary>HTTPS with a certificate the test makes, and the security headers on every answer.</summary>
[Trait("Category", "Integration")]
public sealed class TransportTests : IDisposable
{
    private const string Password = "test-pfx-password";
    private readonly string _directory = Directory.CreateTempSubdirectory("aria-tls-").FullName;
    private readonly X509Certificate2 _certificate;
    private readonly string _pfx;

    public TransportTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _pfx = Path.Combine(_directory, "silo.pfx");
        File.WriteAllBytes(_pfx, _certificate.Export(X509ContentType.Pkcs12, Password));
    }

    [Fact]
    public async Task Https_WithTheConfiguredCertificate_ServesWithHstsAndSecurityHeaders()
    {
        // Trust exactly this certificate, nothing else.
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == _certificate.GetCertHashString(),
            },
        };
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["ARIA_HTTP_URLS"] = "https://127.0.0.1:0",
            ["ARIA_TLS_CERT"] = _pfx,
            ["ARIA_TLS_CERT_PASSWORD"] = Password,
        }, handler);

        using var response = await host.Http.GetAsync("/trading/positions");

        Assert.Equal("https", host.Http.BaseAddress!.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("wrong password")]
    [InlineData(null)]
    public void Settings_CertificateCannotBeOpened_OneLineNamingTheVariable(string? password)
    {
        var result = TestSettings.Load(new Dictionary<string, string?>
        {
            ["ARIA_TLS_CERT"] = password is null ? Path.Combine(_directory, "missing.pfx") : _pfx,
            ["ARIA_TLS_CERT_PASSWORD"] = password,
        });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ARIA_TLS_CERT: ", error);
    }

    [Fact]
    public void Settings_HttpsWithoutCertificate_Refused()
    {
        var result = TestSettings.Load(("ARIA_HTTP_URLS", "https://127.0.0.1:8443"));

        Assert.Contains(result.Errors, e => e.StartsWith("ARIA_HTTP_URLS: ", StringComparison.Ordinal) && e.Contains("ARIA_TLS_CERT"));
    }

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
