using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Tests.Trading;

/// <summary>The one rule of a symbol, as every door applies it.</summary>
[Trait("Category", "Unit")]
public sealed class SymbolTests
{
    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("EURUS", "5 characters")]
    [InlineData("EURUSDX", "7 characters")]
    [InlineData("EUR/US", "'/' at position 4")]
    [InlineData("EUR1SD", "'1' at position 4")]
    [InlineData("EURÜSD", "'Ü' at position 4")]
    [InlineData("EUREUR", "same base and quote")]
    public void AnInvalidSymbol_IsRefusedWithWhatIsWrong(string? text, string expected)
    {
        Assert.False(Symbol.TryParse(text, out var symbol, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", symbol.ToString());
        var thrown = Assert.Throws<ArgumentException>(() => Symbol.Parse(text));
        Assert.Equal("text", thrown.ParamName);
        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EURUSD")]
    [InlineData("eurusd")]
    [InlineData(" GbpJpy\t")]
    public void AValidSymbol_IsTrimmedAndUpperCased(string text)
    {
        var symbol = Symbol.Parse(text);

        Assert.Equal(text.Trim().ToUpperInvariant(), symbol.Value);
        Assert.Equal(symbol.Value, (string)symbol);
        Assert.Null(Symbol.Error(text));
        Assert.Equal(symbol, Symbol.Parse(symbol.Value.ToLowerInvariant()));
    }

    [Fact]
    public void Normalize_GivesTheKeyOfAnyText_AndADefaultSymbolHoldsNoCode()
    {
        Assert.Equal("XYZ", Symbol.Normalize(" xyz "));
        Assert.Equal("", Symbol.Normalize(null));
        Assert.Throws<InvalidOperationException>(() => default(Symbol).Value);
    }
}
