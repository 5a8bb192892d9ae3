using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Http;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>
/// Authentication as the tests use it: every test silo is started with a known admin key
/// (<c>ARIA_ADMIN_API_KEY</c>), and test clients carry a bearer token for it, or for a key with
/// the roles a test needs.
/// </summary>
public static class TestAuth
{
    /// <summary>
    /// Rate limits far above anything a functional test sends; the limiter has tests of its own,
    /// and the production defaults (60 requests a minute) would make every load test a 429 test.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> GenerousRateLimits = new Dictionary<string, string>
    {
        ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = "10000000",
        ["RATE_LIMIT_GLOBAL_PER_MINUTE"] = "10000000",
        ["RATE_LIMIT_ENDPOINTS"] = "none",
    };

    /// <summary>The admin key every test silo is started with.</summary>
    public const string AdminKey = "aria-test-admin-key-0123456789abcdefghij";

    private static readonly TimeSpan TokenLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(200);

    /// <summary>A token for <paramref name="apiKey"/>; waits (bounded) while the silo is still starting.</summary>
    public static async Task<string> TokenAsync(HttpClient http, string apiKey = AdminKey)
    {
        var deadline = DateTime.UtcNow + TokenLimit;
        while (true)
        {
            try
            {
                using var response = await http.PostAsync("/auth/token", HttpJson.Body($$"""{"apiKey":"{{apiKey}}"}"""));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
                }

                Assert.True(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Unauthorized,
                    $"POST /auth/token answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, $"no token for the key within {TokenLimit.TotalSeconds} s");
            await Task.Delay(Step);
        }
    }

    /// <summary>Makes <paramref name="http"/> send the admin's bearer token.</summary>
    public static async Task AuthorizeAsAdminAsync(HttpClient http) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http));

    /// <summary>A new key with <paramref name="roles"/>, created through <paramref name="admin"/>; returns the key.</summary>
    public static async Task<string> CreateKeyAsync(HttpClient admin, params string[] roles)
    {
        using var response = await admin.PostAsJsonAsync("/security/api-keys", new { name = $"test {string.Join('+', roles)}", roles });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["apiKey"]!;
    }

    /// <summary>A client for the same silo as <paramref name="admin"/> carrying a token of a new key with <paramref name="roles"/>.</summary>
    public static async Task<HttpClient> ClientWithRolesAsync(HttpClient admin, params string[] roles)
    {
        var client = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = admin.Timeout };
        var token = await TokenAsync(client, await CreateKeyAsync(admin, roles));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
