using System.Net;
using System.Text;
using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>
/// POSTs each alert as JSON (<see cref="AlertWebhookPayload"/>) to one URL. A 2xx is delivered;
/// 408, 429 and 5xx are worth another attempt (honouring <c>Retry-After</c>); any other status
/// is a refusal. Redirects are not followed: a POST must not turn into a GET on the way.
/// </summary>
internal sealed class WebhookAlertChannel : IAlertChannel, IDisposable
{
    private readonly Uri _url;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public WebhookAlertChannel(Uri url, TimeSpan attemptTimeout, TimeProvider time)
    {
        _url = url;
        _time = time;

        // The attempt timeout is the queue's, on its TimeProvider; the handler only bounds the connect.
        _http = new HttpClient(
            new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = attemptTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string Name => "webhook";

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url)
        {
            Content = new StringContent(AlertWebhookPayload.Serialize(alert), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(AlertWebhookPayload.IdempotencyKeyHeader, AlertWebhookPayload.IdempotencyKey(alert));

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
        // No URL in the message: webhook URLs often carry their secret in the path or query.
        throw new AlertDeliveryException($"HTTP {status}", isPermanent: !transient, transient ? RetryAfter(response) : null);
    }

    public void Dispose() => _http.Dispose();

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow(),
        _ => null,
    };
}
