using AriaPro.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>The logger factory in front of Serilog's builds each category's logger once.</summary>
[Trait("Category", "Integration")]
public sealed class OneLoggerPerCategoryTests
{
    [Fact]
    public void CreateLogger_SameCategoryTwice_BuiltOnceAndReused()
    {
        var inner = new CountingFactory();
        using var factory = new OneLoggerPerCategory(inner);

        var first = factory.CreateLogger("AriaPro.A");
        var again = factory.CreateLogger("AriaPro.A");
        var other = factory.CreateLogger("AriaPro.B");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(["AriaPro.A", "AriaPro.B"], inner.Created);
    }

    [Fact]
    public void Decorate_RegisteredFactory_ResolvedBehindTheCacheAndDisposedWithTheContainer()
    {
        var inner = new CountingFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(_ => inner);

        OneLoggerPerCategory.Decorate(services);
        using (var provider = services.BuildServiceProvider())
        {
            var factory = provider.GetRequiredService<ILoggerFactory>();
            Assert.IsType<OneLoggerPerCategory>(factory);
            factory.CreateLogger("AriaPro.A");
            factory.CreateLogger("AriaPro.A");
            Assert.Equal(["AriaPro.A"], inner.Created);
        }

        Assert.True(inner.Disposed);
    }

    [Fact]
    public void Decorate_NoFactoryRegistered_SaysWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OneLoggerPerCategory.Decorate(new ServiceCollection()));

        Assert.Contains("UseSerilog", error.Message);
    }

    [Fact]
    public async Task Host_LoggerFactory_IsTheCachingOne()
    {
        await using var host = await TestHost.StartAsync();
        var factory = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.IsType<OneLoggerPerCategory>(factory);
        Assert.Same(factory.CreateLogger("AriaPro.Test"), factory.CreateLogger("AriaPro.Test"));
    }

    // Microsoft's factory underneath gives a distinct logger per category.
    private sealed class CountingFactory : ILoggerFactory
    {
        private readonly LoggerFactory _real = new();

        public List<string> Created { get; } = [];

        public bool Disposed { get; private set; }

        public ILogger CreateLogger(string categoryName)
        {
            Created.Add(categoryName);
            return _real.CreateLogger(categoryName);
        }

        public void AddProvider(ILoggerProvider provider) => _real.AddProvider(provider);

        public void Dispose()
        {
            _real.Dispose();
            Disposed = true;
        }
    }
}
