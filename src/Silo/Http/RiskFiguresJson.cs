using System.Text.Json;
using AriaPro.Grains.Interfaces.Risk;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AriaPro.Silo.Http;

/// <summary>
/// The portfolio's risk figures as the facade's JSON, written once per figures: the risk grain
/// hands every reader on its silo the same immutable figures until they change (at most every
/// 250 ms, or when a position is reported), so the readers in between share one serialization.
/// Figures that came over the network from another silo are a new object each time and are
/// simply written again.
/// </summary>
public sealed class RiskFiguresJson(IOptions<JsonOptions> options)
{
    private Written? _last;

    /// <summary>The UTF-8 JSON of <paramref name="figures"/>.</summary>
    public byte[] For(PortfolioRisk figures)
    {
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Figures, figures))
        {
            return last.Json;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(figures, options.Value.SerializerOptions);
        Volatile.Write(ref _last, new(figures, json));
        return json;
    }

    private sealed record Written(PortfolioRisk Figures, byte[] Json);
}
