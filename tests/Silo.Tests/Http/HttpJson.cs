using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AriaPro.Silo.Tests.Http;

/// <summary>Small helpers for talking JSON to the facade.</summary>
public static class HttpJson
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Order(string id, string symbol = "EURUSD", string side = "Buy", decimal quantity = 1m, string type = "Market") =>
        JsonSerializer.Serialize(new { clientOrderId = id, symbol, side, quantity, type });

    public static async Task<JsonObject> ReadObject(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonObject> PostOrder(this HttpClient http, string json, System.Net.HttpStatusCode expected)
    {
        using var response = await http.PostAsync("/trading/orders", Body(json));
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadObject();
    }

    /// <summary>Polls an order until its status is <paramref name="status"/>; bounded to ten seconds.</summary>
    public static async Task<JsonObject> WaitForStatus(this HttpClient http, string id, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var order = await http.GetFromJsonAsync<JsonObject>($"/trading/orders/{id}");
            if ((string?)order!["status"] == status)
            {
                return order;
            }

            Assert.True(DateTime.UtcNow < deadline, $"order {id} did not become {status}; it is {order["status"]}");
            await Task.Delay(20);
        }
    }
}
