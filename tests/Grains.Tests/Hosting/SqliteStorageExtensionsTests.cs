using AriaPro.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Hosting;

[Trait("Category", "Unit")]
public sealed class SqliteStorageExtensionsTests : IDisposable
{
    private readonly SqliteFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddSqliteGrainStorage_TwoNames_ShareOneStorageOnTheFile()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(_folder.Serializer)
            .AddSqliteGrainStorage(_folder.Options, AriaStorage.Name, AriaStorage.PubSub)
            .UseSqliteReminderService(_folder.Options);
        await using var provider = services.BuildServiceProvider();

        var aria = provider.GetRequiredKeyedService<IGrainStorage>(AriaStorage.Name);
        var pubSub = provider.GetRequiredKeyedService<IGrainStorage>(AriaStorage.PubSub);
        var reminders = provider.GetRequiredService<IReminderTable>();

        Assert.IsType<SqliteGrainStorage>(aria);
        Assert.Same(aria, pubSub);
        Assert.IsType<SqliteReminderTable>(reminders);
        Assert.True(File.Exists(_folder.Options.DatabasePath));
    }
}
