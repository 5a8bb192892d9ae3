using System.Net;
using System.Text.Json.Nodes;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>One POST /trading/orders as the load saw it; times are on the test's own clock.</summary>
public sealed record OrderAttempt(
    string Id,
    string Symbol,
    string Side,
    TimeSpan SentAt,
    TimeSpan AnsweredAt,
    HttpStatusCode? Status,
    string? ContentType,
    string? RetryAfter,
    JsonObject? Body,
    string? Error)
{
    /// <summary>The facade took the order: a 201, or a 200 that returns the order the id was first used for.</summary>
    public bool Acknowledged =>
        Status is HttpStatusCode.Created || (Status is HttpStatusCode.OK && (string?)Body?["clientOrderId"] == Id);

    /// <summary>How long the request waited for its answer.</summary>
    public TimeSpan Latency => AnsweredAt - SentAt;

    public override string ToString() =>
        $"{Id} {Side} {Symbol} sent {SentAt.TotalSeconds:F2}s answered {AnsweredAt.TotalSeconds:F2}s: "
        + (Error ?? $"{(int?)Status} {ContentType} Retry-After={RetryAfter ?? "-"} {Body?.ToJsonString()}");
}
