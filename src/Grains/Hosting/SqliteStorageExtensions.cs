using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;

namespace AriaPro.Grains.Hosting;

/// <summary>Registers the embedded mode's durable store: grain state and reminders in one SQLite file.</summary>
public static class SqliteStorageExtensions
{
    /// <summary>
    /// Adds one <see cref="SqliteGrainStorage"/> on <paramref name="options"/>' file under each of
    /// <paramref name="names"/>: one writer and one group commit for them all, so their state names
    /// must not collide (ours are the grains' <c>[PersistentState]</c> names; the stream pub-sub's is
    /// its own).
    /// </summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, SqliteStorageOptions options, params string[] names)
    {
        services.AddKeyedSingleton(options.DatabasePath, (provider, _) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(provider, options));
        foreach (var name in names)
        {
            services.AddGrainStorage(name, (provider, _) => provider.GetRequiredKeyedService<SqliteGrainStorage>(options.DatabasePath));
        }

        return services;
    }

    /// <summary>
    /// Adds a provider named <paramref name="name"/> on the same file and writer as
    /// <see cref="AddSqliteGrainStorage(IServiceCollection, SqliteStorageOptions, string[])"/>
    /// (which must be called for <paramref name="options"/> too), whose records leave storage as
    /// <paramref name="expiry"/> says.
    /// </summary>
    public static IServiceCollection AddExpiringSqliteGrainStorage(
        this IServiceCollection services, SqliteStorageOptions options, string name, Func<IServiceProvider, StorageExpiry> expiry)
    {
        services.AddGrainStorage(name, (provider, _) =>
            new ExpiringSqliteGrainStorage(provider.GetRequiredKeyedService<SqliteGrainStorage>(options.DatabasePath), expiry(provider)));
        return services;
    }

    /// <summary>Adds reminders kept in a <see cref="SqliteReminderTable"/> on <paramref name="options"/>' file.</summary>
    public static IServiceCollection UseSqliteReminderService(this IServiceCollection services, SqliteStorageOptions options)
    {
        services.AddReminders();
        services.AddSingleton<IReminderTable>(_ => new SqliteReminderTable(options));
        return services;
    }

    /// <inheritdoc cref="AddSqliteGrainStorage(IServiceCollection, SqliteStorageOptions, string[])" />
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder silo, SqliteStorageOptions options, params string[] names)
    {
        silo.Services.AddSqliteGrainStorage(options, names);
        return silo;
    }

    /// <inheritdoc cref="UseSqliteReminderService(IServiceCollection, SqliteStorageOptions)" />
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder silo, SqliteStorageOptions options)
    {
        silo.Services.UseSqliteReminderService(options);
        return silo;
    }
}
