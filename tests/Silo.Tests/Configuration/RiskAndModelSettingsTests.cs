using AriaPro.Silo.Configuration;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class RiskAndModelSettingsTests
{
    [Fact]
    public void Defaults_RiskBudgetCapitalEndOfDayAndModelCooldown()
    {
        var s = TestSettings.LoadValid();

        Assert.Equal(0.02, s.Risk.MaxVarFraction);
        Assert.Equal(1_000_000m, s.Risk.AccountCapital);
        Assert.Null(s.Risk.SeedFile);
        Assert.Equal(new TimeOnly(21, 0), s.Risk.EndOfDay);
        Assert.Equal(TimeSpan.FromSeconds(300), s.ModelHealth.ModelCooldown);
        Assert.Null(s.ModelHealth.ModelsDirectory);
    }

    [Fact]
    public void Overrides_Bind()
    {
        var s = TestSettings.LoadValid(
            (AriaVariables.RiskMaxVar, "0.05"),
            (AriaVariables.AccountCapital, "250000.50"),
            (AriaVariables.RiskSeedFile, TestSettings.ExistingCsv),
            (AriaVariables.RiskEndOfDay, "22:30"),
            (AriaVariables.AiModelCooldown, "45"),
            (AriaVariables.ModelsDirectory, AppContext.BaseDirectory));

        Assert.Equal(0.05, s.Risk.MaxVarFraction);
        Assert.Equal(250_000.50m, s.Risk.AccountCapital);
        Assert.Equal(TestSettings.ExistingCsv, s.Risk.SeedFile);
        Assert.Equal(new TimeOnly(22, 30), s.Risk.EndOfDay);
        Assert.Equal(TimeSpan.FromSeconds(45), s.ModelHealth.ModelCooldown);
        Assert.Equal(AppContext.BaseDirectory, s.ModelHealth.ModelsDirectory);
    }
}
