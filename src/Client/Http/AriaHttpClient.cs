using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AriaPro.Grains.Interfaces.Http;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Client.Http;

/// <summary>
/// The silo's HTTP facade, one typed method per endpoint, reading and writing the same wire
/// records the facade answers with. A refusal (any status but success) is an
/// <see cref="AriaApiException"/>; a silo that cannot be reached is the
/// <see cref="HttpRequestException"/> of <see cref="HttpClient"/>.
/// </summary>
/// <param name="http">A client whose <see cref="HttpClient.BaseAddress"/> is the silo's HTTP address.</param>
/// <param name="accessToken">The bearer token sent with every request but <see cref="IssueTokenAsync"/>; null sends none.</param>
public sealed class AriaHttpClient(HttpClient http, string? accessToken = null)
{
    /// <summary>The silo's HTTP address.</summary>
    public Uri BaseAddress { get; } = AriaAddress.Directory(http.BaseAddress ?? throw new ArgumentException("the HttpClient needs a BaseAddress", nameof(http)));

    /// <summary>Exchanges an API key for a bearer token (<c>POST /auth/token</c>, anonymous).</summary>
    public Task<TokenResponse> IssueTokenAsync(string apiKey, CancellationToken cancellationToken = default) =>
        SendAsync<TokenResponse>(HttpMethod.Post, "auth/token", new TokenRequest(apiKey), cancellationToken, authorize: false);

    /// <summary>The readiness report (<c>GET /health/ready</c>, anonymous); a 503 is an answer too (the report says which check failed).</summary>
    public async Task<HealthReportView> GetReadinessAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync(HttpMethod.Get, "health/ready", null, authorize: false, cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            throw await ProblemAsync(response, cancellationToken);
        }

        return await ReadAsync<HealthReportView>(response, cancellationToken);
    }

    /// <summary>The system status (<c>GET /monitoring/system/status</c>, viewer).</summary>
    public Task<SystemStatus> GetSystemStatusAsync(CancellationToken cancellationToken = default) =>
        SendAsync<SystemStatus>(HttpMethod.Get, "monitoring/system/status", null, cancellationToken);

    /// <summary>Every symbol's position (<c>GET /trading/positions</c>, viewer).</summary>
    public Task<IReadOnlyList<PositionView>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<PositionView>>(HttpMethod.Get, "trading/positions", null, cancellationToken);

    /// <summary>
    /// Submits an order (<c>POST /trading/orders</c>, trader). Submitting the same client order id
    /// again returns the order it already named, with <see cref="SubmitResult.Duplicate"/> set.
    /// </summary>
    public async Task<SubmitResult> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendRawAsync(HttpMethod.Post, "trading/orders", request, authorize: true, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken);
        }

        return new SubmitResult(await ReadAsync<OrderView>(response, cancellationToken), Duplicate: response.StatusCode == HttpStatusCode.OK);
    }

    /// <summary>An order by its client order id (<c>GET /trading/orders/{id}</c>, viewer).</summary>
    public Task<OrderView> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken = default) =>
        SendAsync<OrderView>(HttpMethod.Get, $"trading/orders/{Segment(clientOrderId)}", null, cancellationToken);

    /// <summary>Cancels a working order (<c>DELETE /trading/orders/{id}</c>, trader); a finished order is a 409.</summary>
    public Task<OrderView> CancelOrderAsync(string clientOrderId, CancellationToken cancellationToken = default) =>
        SendAsync<OrderView>(HttpMethod.Delete, $"trading/orders/{Segment(clientOrderId)}", null, cancellationToken);

    /// <summary>A symbol's limits, breaker, timeout and trading state (<c>GET /trading/symbols/{symbol}</c>, viewer).</summary>
    public Task<SymbolView> GetSymbolAsync(string symbol, CancellationToken cancellationToken = default) =>
        SendAsync<SymbolView>(HttpMethod.Get, $"trading/symbols/{Segment(symbol)}", null, cancellationToken);

    /// <summary>Holds a symbol's breaker open by hand (<c>POST .../circuit-breaker/halt</c>, admin).</summary>
    public Task<SymbolView> HaltAsync(string symbol, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync<SymbolView>(HttpMethod.Post, $"trading/symbols/{Segment(symbol)}/circuit-breaker/halt", Reason(reason), cancellationToken);

    /// <summary>Releases a halted breaker (<c>POST .../circuit-breaker/resume</c>, admin).</summary>
    public Task<SymbolView> ResumeAsync(string symbol, CancellationToken cancellationToken = default) =>
        SendAsync<SymbolView>(HttpMethod.Post, $"trading/symbols/{Segment(symbol)}/circuit-breaker/resume", null, cancellationToken);

    /// <summary>Closes a tripped breaker (<c>POST .../circuit-breaker/reset</c>, admin).</summary>
    public Task<SymbolView> ResetAsync(string symbol, CancellationToken cancellationToken = default) =>
        SendAsync<SymbolView>(HttpMethod.Post, $"trading/symbols/{Segment(symbol)}/circuit-breaker/reset", null, cancellationToken);

    /// <summary>The portfolio's risk metrics (<c>GET /trading/risk/metrics</c>, viewer).</summary>
    public Task<PortfolioRisk> GetRiskAsync(CancellationToken cancellationToken = default) =>
        SendAsync<PortfolioRisk>(HttpMethod.Get, "trading/risk/metrics", null, cancellationToken);

    /// <summary>Closes one symbol's position (<c>POST /trading/symbols/{symbol}/flatten</c>, admin).</summary>
    public Task<FlattenResult> FlattenAsync(string symbol, CancellationToken cancellationToken = default) =>
        SendAsync<FlattenResult>(HttpMethod.Post, $"trading/symbols/{Segment(symbol)}/flatten", null, cancellationToken);

    /// <summary>Closes every position (<c>POST /trading/flatten</c>, admin).</summary>
    public Task<IReadOnlyList<FlattenResult>> FlattenAllAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<FlattenResult>>(HttpMethod.Post, "trading/flatten", null, cancellationToken);

    /// <summary>Lifts the kill switch (<c>POST /trading/risk/resume</c>, admin).</summary>
    public Task<LossLimitsView> ResumeTradingAsync(string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync<LossLimitsView>(HttpMethod.Post, "trading/risk/resume", Reason(reason), cancellationToken);

    /// <summary>Every model's health (<c>GET /ai/models</c>, viewer).</summary>
    public Task<ModelsView> GetModelsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<ModelsView>(HttpMethod.Get, "ai/models", null, cancellationToken);

    /// <summary>Firing and recently resolved alerts (<c>GET /monitoring/alerts</c>, viewer).</summary>
    public Task<AlertsView> GetAlertsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<AlertsView>(HttpMethod.Get, "monitoring/alerts", null, cancellationToken);

    /// <summary>Acknowledges an alert (<c>POST /monitoring/alerts/{id}/ack</c>, admin).</summary>
    public Task<Alert> AcknowledgeAlertAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<Alert>(HttpMethod.Post, $"monitoring/alerts/{Segment(id)}/ack", null, cancellationToken);

    /// <summary>Creates an API key (<c>POST /security/api-keys</c>, admin); the answer is the only time the key is shown.</summary>
    public Task<ApiKeyCreated> CreateApiKeyAsync(string name, IReadOnlyList<string> roles, CancellationToken cancellationToken = default) =>
        SendAsync<ApiKeyCreated>(HttpMethod.Post, "security/api-keys", new ApiKeyRequest(name, roles), cancellationToken);

    /// <summary>Every API key, revoked ones included, without secrets (<c>GET /security/api-keys</c>, admin).</summary>
    public Task<IReadOnlyList<ApiKeyView>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<ApiKeyView>>(HttpMethod.Get, "security/api-keys", null, cancellationToken);

    /// <summary>Revokes an API key so it gets no new tokens (<c>DELETE /security/api-keys/{id}</c>, admin).</summary>
    public async Task RevokeApiKeyAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync(HttpMethod.Delete, $"security/api-keys/{Segment(id)}", null, authorize: true, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken);
        }
    }

    /// <summary>Rotates the JWT signing key now (<c>POST /security/rotate-jwt</c>, admin).</summary>
    public Task<JwtKeyRingView> RotateJwtAsync(string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync<JwtKeyRingView>(HttpMethod.Post, "security/rotate-jwt", Reason(reason), cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool authorize = true)
    {
        using var response = await SendRawAsync(method, path, body, authorize, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken);
        }

        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, bool authorize, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: AriaJson.Options);
        }

        if (authorize && accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(AriaJson.Options, cancellationToken);
        return value ?? throw new AriaApiException(response.StatusCode, "Empty answer", $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} with no body");
    }

    // A problem+json body gives title, detail and field errors; anything else the status and at
    // most the first line of the body.
    private static async Task<AriaApiException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var fallbackTitle = response.ReasonPhrase ?? response.StatusCode.ToString();
        if (TryReadProblem(text) is { } problem)
        {
            return new AriaApiException(response.StatusCode, problem.Title ?? fallbackTitle, problem.Detail, problem.Errors);
        }

        var firstLine = text.Split('\n', 2)[0].Trim();
        return new AriaApiException(response.StatusCode, fallbackTitle, firstLine.Length is > 0 and <= 200 ? firstLine : null);
    }

    private static ProblemBody? TryReadProblem(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ProblemBody>(text, AriaJson.Options);
        }
        catch (JsonException)
        {
            // Not a problem document after all: the caller falls back to the status line.
            return null;
        }
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);

    // No reason, no body: the facade then records its own default reason.
    private static ReasonRequest? Reason(string? reason) => reason is null ? null : new ReasonRequest(reason);

    // RFC 7807's members (and ASP.NET's validation errors): the standard shape, not one of the facade's own records.
    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
