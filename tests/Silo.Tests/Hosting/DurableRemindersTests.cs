using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>What a durable silo schedules with reminders (the end-of-day close, the signing-key rotation) is still scheduled after a restart.</summary>
[Trait("Category", "Integration")]
public sealed class DurableRemindersTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aria-reminders-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Restart_OnTheSameDirectory_TheEndOfDayAndRotationRemindersAreStillThere()
    {
        await using (var first = await StartAsync())
        {
            await first.Grains.GetGrain<IRiskGrain>(IRiskGrain.Portfolio).Start();
            await first.Grains.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster).GetView();
        }

        await using var second = await StartAsync(activate: false);
        var table = second.Services.GetRequiredService<IReminderTable>();
        var risk = await table.ReadRows(second.Grains.GetGrain<IRiskGrain>(IRiskGrain.Portfolio).GetGrainId());
        var keys = await table.ReadRows(second.Grains.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster).GetGrainId());

        Assert.IsType<AriaPro.Grains.Hosting.SqliteReminderTable>(table);
        Assert.Contains(risk.Reminders, r => r.ReminderName == "end-of-day" && r.Period == TimeSpan.FromDays(1));
        Assert.Contains(keys.Reminders, r => r.ReminderName == "jwt-rotation");
    }

    private Task<TestHost> StartAsync(bool activate = true) => TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["ARIA_STORAGE"] = "durable",
        ["ARIA_DATA_DIR"] = _data,
    }, authorize: activate);
}
