using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Complexes;

public class ProgrammeAmbitionTests
{
    [Fact]
    public void Constructor_Valid_StoresTargetForTenant()
    {
        var ambition = new ProgrammeAmbition(TenantId, 30, 2030);

        Assert.Equal(TenantId, ambition.TenantId);
        Assert.NotEqual(Guid.Empty, ambition.Id);
        Assert.Equal(30, ambition.TargetCount);
        Assert.Equal(2030, ambition.TargetYear);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public void Constructor_TargetCountAtBoundary_Accepted(int count) =>
        Assert.Equal(count, new ProgrammeAmbition(TenantId, count, 2030).TargetCount);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Constructor_TargetCountOutsideRange_Refused(int count)
    {
        var error = Assert.Throws<DomainException>(() => new ProgrammeAmbition(TenantId, count, 2030));

        Assert.Equal("TargetCount", error.Field);
        Assert.Equal("Het doel moet tussen 1 en 10.000 complexen liggen.", error.Message);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2100)]
    public void Constructor_TargetYearAtBoundary_Accepted(int year) =>
        Assert.Equal(year, new ProgrammeAmbition(TenantId, 30, year).TargetYear);

    [Theory]
    [InlineData(2023)]
    [InlineData(2101)]
    [InlineData(0)]
    public void Constructor_TargetYearOutsideRange_Refused(int year) =>
        Assert.Equal("TargetYear", Assert.Throws<DomainException>(() => new ProgrammeAmbition(TenantId, 30, year)).Field);

    [Fact]
    public void Update_Valid_ReplacesTarget()
    {
        var ambition = new ProgrammeAmbition(TenantId, 30, 2030);

        ambition.Update(45, 2032);

        Assert.Equal(45, ambition.TargetCount);
        Assert.Equal(2032, ambition.TargetYear);
    }

    [Fact]
    public void Update_InvalidYear_RefusedAndNothingChanges()
    {
        var ambition = new ProgrammeAmbition(TenantId, 30, 2030);

        Assert.Throws<DomainException>(() => ambition.Update(45, 2101));

        Assert.Equal(30, ambition.TargetCount);
        Assert.Equal(2030, ambition.TargetYear);
    }
}
