using Plusflat.Domain.Admission;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Tests.Admission;

public class AdmissionSettingsTests
{
    [Fact]
    public void MinimumFor_NoSettings_IsTheDefaultOf100() =>
        Assert.Equal(100, AdmissionSettings.MinimumFor(null));

    [Fact]
    public void MinimumFor_OwnSettings_IsTheProgrammesBound() =>
        Assert.Equal(80, AdmissionSettings.MinimumFor(new AdmissionSettings(TestData.TenantId, 80)));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_001)]
    public void ChangeMinimumDwellings_OutOfRange_IsRefusedAtTheField(int value)
    {
        var settings = new AdmissionSettings(TestData.TenantId, 100);

        var ex = Assert.Throws<DomainException>(() => settings.ChangeMinimumDwellings(value));

        Assert.Equal(nameof(AdmissionSettings.MinimumDwellings), ex.Field);
        Assert.Equal("De ondergrens moet tussen 1 en 10.000 woningen liggen.", ex.Message);
        Assert.Equal(100, settings.MinimumDwellings);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public void ChangeMinimumDwellings_AtTheEdges_IsKept(int value)
    {
        var settings = new AdmissionSettings(TestData.TenantId, 100);

        settings.ChangeMinimumDwellings(value);

        Assert.Equal(value, settings.MinimumDwellings);
    }
}
