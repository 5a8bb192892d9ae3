using AriaPro.Grains.MarketData;

namespace AriaPro.Grains.Tests.MarketData;

[Trait("Category", "Unit")]
public sealed class CsvDateParserTests
{
    [Theory]
    [InlineData("2024-03-15T14:30:00Z", "2024-03-15T14:30:00Z")]
    [InlineData("2024-03-15T14:30:00+02:00", "2024-03-15T12:30:00Z")]
    [InlineData("2024-03-15T14:30:00.250-05:00", "2024-03-15T19:30:00.25Z")]
    [InlineData("2024-03-15T14:30:00", "2024-03-15T14:30:00Z")]
    [InlineData("2024-03-15T14:30", "2024-03-15T14:30:00Z")]
    [InlineData("2024-03-15 14:30", "2024-03-15T14:30:00Z")]
    [InlineData("2024-03-15 14:30:45", "2024-03-15T14:30:45Z")]
    [InlineData("2024-03-15", "2024-03-15T00:00:00Z")]
    [InlineData("15.03.2024", "2024-03-15T00:00:00Z")]
    [InlineData("15.03.2024 14:30", "2024-03-15T14:30:00Z")]
    [InlineData("15.03.2024 14:30:45", "2024-03-15T14:30:45Z")]
    [InlineData("1710513000", "2024-03-15T14:30:00Z")]
    [InlineData("1710513000000", "2024-03-15T14:30:00Z")]
    [InlineData("  2024-03-15  ", "2024-03-15T00:00:00Z")]
    public void TryParse_SupportedFormat_GivesUtcTime(string text, string expected)
    {
        var ok = CsvDateParser.TryParse(text, out var time);

        Assert.True(ok);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01")]
    [InlineData("32.01.2024")]
    [InlineData("03/15/2024")]
    [InlineData("99999999999999999999")]
    public void TryParse_UnsupportedText_ReturnsFalse(string text)
    {
        var ok = CsvDateParser.TryParse(text, out _);

        Assert.False(ok);
    }
}
