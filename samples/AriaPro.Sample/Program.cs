// A desk's own app on the AriaPro SDK: connect with an API key, watch orders, trade, read positions.
// Run it against a silo: ARIA_API_KEY=aria_... ARIA_GATEWAY_PORT=30000 dotnet run --project samples/AriaPro.Sample
using AriaPro.Client;
using AriaPro.Client.Events;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// <sdk-snippet>
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddAriaProClient(o =>
{
    o.GatewayPort = int.Parse(Environment.GetEnvironmentVariable("ARIA_GATEWAY_PORT") ?? "30000");
    o.ApiKey = Environment.GetEnvironmentVariable("ARIA_API_KEY");   // a key with the role trader
});
using var app = builder.Build();
await app.StartAsync();                                               // connects to the gateway
var client = app.Services.GetRequiredService<IAriaProClient>();
var events = app.Services.GetRequiredService<AriaEvents>();

await using var updates = await events.OrderUpdatesAsync();          // every change of every order
var id = $"sample-{Guid.NewGuid():N}"[..20];
var submitted = await client.SubmitOrderAsync(new OrderRequest(id, "EURUSD", OrderSide.Buy, 0.01m, OrderType.Market));
var final = await client.WaitForFinalAsync(id);
Console.WriteLine($"order {id}: {submitted.Order.Status}, then {final.Status} at {final.AveragePrice}");

await foreach (var update in updates.WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token))
{
    if (update.ClientOrderId == id && update.Status.IsTerminal())
    {
        Console.WriteLine($"event: order {id} {update.Status}");
        break;
    }
}

foreach (var position in await client.GetPositionsAsync())
{
    Console.WriteLine($"position {position.Symbol}: {position.Quantity}");
}
// </sdk-snippet>

await app.StopAsync();
