using AriaPro.Silo.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace AriaPro.Silo.Tests.Hosting;

[Trait("Category", "Unit")]
public sealed class ControlCharacterEscaperTests
{
    [Theory]
    [InlineData("desk\n[20:00:00 INF] forged", "desk\\n[20:00:00 INF] forged")]
    [InlineData("red\u001b[31m", "red\\u001B[31m")]
    [InlineData("a\r\tb", "a\\r\\tb")]
    [InlineData("evil\u202Etxt", "evil\\u202Etxt")]
    [InlineData("plain text, é and 日本", "plain text, é and 日本")]
    public void Enrich_StringProperty_WrittenWithEscapes(string value, string written)
    {
        var sink = new Collected();
        using var logger = new LoggerConfiguration().Enrich.With<ControlCharacterEscaper>().WriteTo.Sink(sink).CreateLogger();

        logger.Information("key {Name} created", value);

        var rendered = Assert.Single(sink.Events).RenderMessage();
        Assert.Equal($"key \"{written}\" created", rendered);
        Assert.DoesNotContain('\n', rendered);
    }

    private sealed class Collected : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
