using AriaPro.Cli.Output;

namespace AriaPro.Silo.Tests.Cli;

[Trait("Category", "Unit")]
public sealed class CliOutputTests
{
    [Theory]
    [InlineData("117.00000", "117")]
    [InlineData("-8.7300000", "-8.73")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("1.08430", "1.0843")]
    [InlineData("0", "0")]
    public void Number_Decimal_WithoutTrailingZeros(string value, string expected) =>
        Assert.Equal(expected, CliOutput.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
