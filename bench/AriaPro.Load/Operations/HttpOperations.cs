using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace AriaPro.Load.Operations;

/// <summary>
/// The same operations through the HTTP facade with a bearer token, round-robin over one or more
/// silos' base addresses. A response outside 2xx is a refusal counted by its status code.
/// </summary>
public static class HttpOperations
{
    public static IReadOnlyList<LoadOperation> Create(IReadOnlyList<HttpClient> silos, IReadOnlyList<string> symbols, string runId)
    {
        var ids = new OrderIds(symbols, runId);
        var next = -1L;
        HttpClient Pick() => silos[(int)((ulong)Interlocked.Increment(ref next) % (ulong)silos.Count)];
        var quantity = OrleansOperations.OrderLots.ToString(CultureInfo.InvariantCulture);
        return
        [
            new(OperationNames.Orders, "http", $"POST /trading/orders, {quantity} lot market order, {symbols.Count} symbols",
                async _ =>
                {
                    var (id, symbol, buy) = ids.Next();
                    var body = $$"""{"clientOrderId":"{{id}}","symbol":"{{symbol}}","side":"{{(buy ? "buy" : "sell")}}","quantity":{{quantity}},"type":"market"}""";
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await Pick().PostAsync("/trading/orders", content);
                    return await OutcomeAsync(response);
                },
                OperationNames.BareEndpoint),
            new(OperationNames.RiskMetrics, "http", "GET /trading/risk/metrics",
                async _ => await GetAsync(Pick(), "/trading/risk/metrics"), OperationNames.BareEndpoint),
            new(OperationNames.Models, "http", "GET /ai/models (model health; the facade has no inference endpoint)",
                async _ => await GetAsync(Pick(), "/ai/models"), OperationNames.BareEndpoint),
        ];
    }

    /// <summary>A client for one silo carrying <paramref name="token"/>, allowed <paramref name="connections"/> connections.</summary>
    public static HttpClient Client(Uri baseAddress, string? token, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    internal static async Task<string?> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        return await OutcomeAsync(response);
    }

    private static async Task<string?> OutcomeAsync(HttpResponseMessage response)
    {
        // The body is read in full, as a real client reads it.
        await response.Content.CopyToAsync(Stream.Null);
        return response.IsSuccessStatusCode ? null : "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }
}
