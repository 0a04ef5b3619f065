using Plusflat.Domain.Common;
using Plusflat.Domain.Signalling;

namespace Plusflat.Domain.Tests.Signalling;

public class SignallingSettingsTests
{
    [Fact]
    public void RetentionFor_NoSettings_IsTheDefaultOf24Months() =>
        Assert.Equal(24, SignallingSettings.RetentionFor(null));

    [Theory]
    [InlineData(6)]
    [InlineData(24)]
    [InlineData(120)]
    public void New_PeriodInRange_IsKept(int months) =>
        Assert.Equal(months, SignallingSettings.RetentionFor(new SignallingSettings(Guid.NewGuid(), months)));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(121)]
    [InlineData(-24)]
    public void ChangeRetention_OutOfRange_IsRefusedAtTheFieldAndLeavesThePeriod(int months)
    {
        var settings = new SignallingSettings(Guid.NewGuid(), 24);

        var error = Assert.Throws<DomainException>(() => settings.ChangeRetention(months));

        Assert.Equal(nameof(SignallingSettings.RetentionMonths), error.Errors.Single().Field);
        Assert.Equal(24, settings.RetentionMonths);
    }

    [Fact]
    public void CutOff_ShorterPeriod_MakesARecentlyClosedSignalDue()
    {
        var today = new DateOnly(2026, 12, 2);
        var closed = new DateOnly(2025, 10, 1);

        Assert.True(closed < Retention.CutOff(today, 12));
        Assert.False(closed < Retention.CutOff(today, SignallingSettings.RetentionFor(null)));
    }
}
