using System.Net;
using System.Text;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

/// <summary>A body in the wrong format gets a 415 problem saying what to send, on every endpoint that takes one, before any token is asked for.</summary>
[Trait("Category", "Integration")]
public sealed class MediaTypeTests(MediaTypeTests.Fixture fixture) : IClassFixture<MediaTypeTests.Fixture>
{
    [Fact]
    public async Task PostToken_AsAForm_415SayingToSendJsonNot401()
    {
        // What curl -d sends without -H 'Content-Type: application/json'.
        using var form = new StringContent($$"""{"apiKey":"{{TestAuth.AdminKey}}"}""", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await fixture.Host.Anonymous.PostAsync("/auth/token", form);
        var problem = await response.ReadObject();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(415, (int?)problem["status"]);
        Assert.Contains("POST /auth/token takes a JSON body: send it with Content-Type: application/json", (string?)problem["detail"]);
        Assert.Contains("the request sent Content-Type: application/x-www-form-urlencoded", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("/security/api-keys", "text/plain")]
    [InlineData("/trading/symbols/EURUSD/circuit-breaker/halt", "application/x-www-form-urlencoded")]
    [InlineData("/trading/orders", "application/xml")]
    public async Task Post_WrongContentTypeWithAToken_415WithADetail(string path, string mediaType)
    {
        using var body = new StringContent("""{"reason":"x"}""", Encoding.UTF8, mediaType);

        using var response = await fixture.Host.Http.PostAsync(path, body);
        var problem = await response.ReadObject();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains($"POST {path} takes a JSON body", (string?)problem["detail"]);
        Assert.Contains(mediaType, (string?)problem["detail"]);
    }

    [Fact]
    public async Task PostToken_JsonWithoutAKey_400NamingTheKey()
    {
        using var response = await fixture.Host.Anonymous.PostAsync("/auth/token", Body("{}"));
        var problem = await response.ReadObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("apiKey", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    /// <summary>One silo for the class.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await TestHost.StartAsync();

        public Task DisposeAsync() => Host.DisposeAsync().AsTask();
    }
}
