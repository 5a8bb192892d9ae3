using System.Text.Json;
using AriaPro.Silo.Monitoring.Notifications;

namespace AriaPro.Silo.Tests.Monitoring.Notifications;

[Trait("Category", "Unit")]
public sealed class AlertWebhookPayloadTests
{
    [Fact]
    public void Serialize_NaNValue_WritesItAsAString()
    {
        var json = AlertWebhookPayload.Serialize(TestAlerts.Firing() with { Value = double.NaN });

        using var body = JsonDocument.Parse(json);
        Assert.Equal("NaN", body.RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public void Serialize_LabelNames_KeepTheirCase()
    {
        var alert = TestAlerts.Firing() with { Labels = TestAlerts.Firing().Labels.Add("ModelId", "m-7") };

        using var body = JsonDocument.Parse(AlertWebhookPayload.Serialize(alert));

        Assert.Equal("m-7", body.RootElement.GetProperty("labels").GetProperty("ModelId").GetString());
        Assert.Equal("alert.firing", body.RootElement.EnumerateObject().First().Value.GetString());
    }
}
