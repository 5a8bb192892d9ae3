using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Events;

namespace AriaPro.Silo.Tests.Events;

[Trait("Category", "Unit")]
public sealed class EventEnvelopeTests
{
    [Fact]
    public void Serialize_Record_TypeTimestampAndCamelCaseDataWithEnumsAsStrings()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var time = new DateTimeOffset(2026, 11, 26, 1, 2, 3, TimeSpan.Zero);

        var bytes = new EventEnvelope(json).Serialize("circuit_breaker", time, new { Name = "USDJPY", To = CircuitState.Open });

        var envelope = JsonNode.Parse(Encoding.UTF8.GetString(bytes))!.AsObject();
        Assert.Equal(["type", "timestamp", "data"], envelope.Select(p => p.Key));
        Assert.Equal("circuit_breaker", (string?)envelope["type"]);
        Assert.Equal(time, DateTimeOffset.Parse((string)envelope["timestamp"]!));
        Assert.Equal("USDJPY", (string?)envelope["data"]!["name"]);
        Assert.Equal("Open", (string?)envelope["data"]!["to"]);
    }
}
