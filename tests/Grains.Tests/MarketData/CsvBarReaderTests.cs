using AriaPro.Grains.MarketData;

namespace AriaPro.Grains.Tests.MarketData;

[Trait("Category", "Unit")]
public sealed class CsvBarReaderTests
{
    [SkippableFact]
    public void ReadFile_EurUsdDaily_ParsesEveryRow()
    {
        var path = SharedData.Find(SharedData.EurUsdDailyFile);
        Skip.IfNot(path is not null && File.Exists(path), $"{SharedData.EurUsdDailyFile} not found: clone the repository next to the shared folder (../shared/data).");

        var result = CsvBarReader.ReadFile(path!);

        Assert.Empty(result.Errors);
        Assert.Equal(3497, result.Bars.Count);
        var first = result.Bars[0];
        Assert.Equal(new DateTimeOffset(2005, 1, 3, 0, 0, 0, TimeSpan.Zero), first.Time);
        Assert.Equal(1.3549m, first.Open);
        Assert.Equal(1.3582m, first.High);
        Assert.Equal(1.3386m, first.Low);
        Assert.Equal(1.3465m, first.Close);
        Assert.Equal(0m, first.Volume);
        Assert.Equal(new DateTimeOffset(2018, 5, 29, 0, 0, 0, TimeSpan.Zero), result.Bars[^1].Time);
        Assert.Equal(1.154m, result.Bars[^1].Close);
    }

    [Fact]
    public void Read_FirstHeaderCellIsSymbol_TakesFirstColumnAsTime()
    {
        var result = Read("EURUSD,Open,High,Low,Close,Range HL\n03.01.2005,1.3549,1.3582,1.3386,1.3465,196\n");

        var bar = Assert.Single(result.Bars);
        Assert.Equal(new DateTimeOffset(2005, 1, 3, 0, 0, 0, TimeSpan.Zero), bar.Time);
        Assert.Equal(1.3465m, bar.Close);
    }

    [Fact]
    public void Read_NamedColumnsInAnyOrderAndCase_MapsByName()
    {
        var result = Read("Volume,CLOSE,low,High,open,Timestamp,Note\n1500,1.2,1.1,1.3,1.15,2024-03-15T14:30:00Z,x\n");

        var bar = Assert.Single(result.Bars);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 14, 30, 0, TimeSpan.Zero), bar.Time);
        Assert.Equal((1.15m, 1.3m, 1.1m, 1.2m, 1500m), (bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
    }

    [Fact]
    public void Read_SeparateDateAndTimeColumns_CombinesThem()
    {
        var result = Read("Date,Time,Open,High,Low,Close\n15.03.2024,14:30,1.1,1.2,1.0,1.15\n2024-03-15,14:31:30,1.15,1.2,1.1,1.12\n");

        Assert.Empty(result.Errors);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 14, 30, 0, TimeSpan.Zero), result.Bars[0].Time);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 14, 31, 30, TimeSpan.Zero), result.Bars[1].Time);
    }

    [Theory]
    [InlineData("2024-03-15T14:30:00+01:00", "2024-03-15T13:30:00Z")]
    [InlineData("2024-03-15T14:30:00", "2024-03-15T14:30:00Z")]
    [InlineData("2024-03-15 14:30", "2024-03-15T14:30:00Z")]
    [InlineData("2024-03-15 14:30:15", "2024-03-15T14:30:15Z")]
    [InlineData("2024-03-15", "2024-03-15T00:00:00Z")]
    [InlineData("15.03.2024", "2024-03-15T00:00:00Z")]
    [InlineData("15.03.2024 14:30", "2024-03-15T14:30:00Z")]
    [InlineData("15.03.2024 14:30:15", "2024-03-15T14:30:15Z")]
    [InlineData("1710513000", "2024-03-15T14:30:00Z")]
    public void Read_EveryDateFormat_ParsesTime(string date, string expected)
    {
        var result = Read($"datetime,open,high,low,close\n{date},1.1,1.2,1.0,1.15\n");

        var bar = Assert.Single(result.Bars);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), bar.Time);
    }

    [Fact]
    public void Read_SemicolonSeparatedWithQuotes_Parses()
    {
        var result = Read("\"Date\";\"Open\";\"High\";\"Low\";\"Close\";\"Volume\"\n\"2024-03-15\";\"1.1\";\"1.2\";\"1.0\";\"1.15\";\"10\"\n");

        var bar = Assert.Single(result.Bars);
        Assert.Equal(10m, bar.Volume);
    }

    [Fact]
    public void Read_MalformedRows_AreReportedWithLineNumbersAndSkipped()
    {
        var csv = string.Join('\n',
            "Date,Open,High,Low,Close,Volume",
            "2024-03-01,1.1,1.2,1.0,1.15,10",
            "2024-03-02,1.1,abc,1.0,1.15,10",
            "",
            "2024-03-04,1.1,1.2,1.0",
            "2024-13-05,1.1,1.2,1.0,1.15,10",
            "2024-03-06,1.1,1.0,1.2,1.15,10",
            "2024-03-07,0,1.2,1.0,1.15,10",
            "2024-03-08,1.1,1.2,1.0,-1,10",
            "2024-03-09,1.1,1.2,1.0,1.15,many",
            "2024-03-10,1.1,1.2,1.0,1.15,10");

        var result = Read(csv);

        Assert.Equal([new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.Zero)], result.Bars.Select(b => b.Time));
        Assert.Equal([3, 5, 6, 7, 8, 9, 10], result.Errors.Select(e => e.Line));
        Assert.Contains("high 'abc' is not a number", result.Errors[0].Reason);
        Assert.Contains("expected 6 columns, found 4", result.Errors[1].Reason);
        Assert.Contains("'2024-13-05' is not a supported date", result.Errors[2].Reason);
        Assert.Contains("high 1.0 is below low 1.2", result.Errors[3].Reason);
        Assert.Contains("open 0 is not positive", result.Errors[4].Reason);
        Assert.Contains("close -1 is not positive", result.Errors[5].Reason);
        Assert.Contains("volume 'many'", result.Errors[6].Reason);
    }

    [Fact]
    public void Read_OpenOutsideHighLow_WidensRange()
    {
        var result = Read("Date,Open,High,Low,Close\n2024-03-15,1.25,1.2,1.0,0.95\n");

        var bar = Assert.Single(result.Bars);
        Assert.Equal((1.25m, 0.95m), (bar.High, bar.Low));
    }

    [Fact]
    public void Read_MissingCloseColumn_ThrowsClearError()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Read("Date,Open,High,Low,Volume\n2024-03-15,1.1,1.2,1.0,5\n"));

        Assert.Contains("no 'close' column", ex.Message);
    }

    [Fact]
    public void Read_NoTimeColumnAndPriceFirst_ThrowsClearError()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Read("Open,High,Low,Close\n1.1,1.2,1.0,1.15\n"));

        Assert.Contains("no time column", ex.Message);
    }

    [Fact]
    public void Read_EmptyInput_ThrowsClearError()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Read("\n\n"));

        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void ReadFile_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aria-missing-{Guid.NewGuid():N}.csv");

        var ex = Assert.Throws<FileNotFoundException>(() => CsvBarReader.ReadFile(path));

        Assert.Contains(path, ex.Message);
    }

    private static CsvBarReadResult Read(string csv)
    {
        using var reader = new StringReader(csv);
        return CsvBarReader.Read(reader);
    }
}
