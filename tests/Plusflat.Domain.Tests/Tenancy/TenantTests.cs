using Plusflat.Domain.Common;
using Plusflat.Domain.Tenancy;

namespace Plusflat.Domain.Tests.Tenancy;

public class TenantTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("amsterdam")]
    [InlineData("lang-leven-thuisflat")]
    [InlineData("zk-rotterdam2")]
    [InlineData("a1b")]
    public void ValidSlug_Valid_ReturnsIt(string slug) => Assert.Equal(slug, Tenant.ValidSlug(slug));

    [Fact]
    public void ValidSlug_SurroundingSpaces_AreTrimmed() => Assert.Equal("amsterdam", Tenant.ValidSlug(" amsterdam "));

    [Fact]
    public void ValidSlug_SixtyThreeCharacters_Accepted()
    {
        var slug = "a" + new string('b', 62);
        Assert.Equal(slug, Tenant.ValidSlug(slug));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Amsterdam")]
    [InlineData("AMS")]
    [InlineData("1amsterdam")]
    [InlineData("-amsterdam")]
    [InlineData("amsterdam-")]
    [InlineData("am_sterdam")]
    [InlineData("am sterdam")]
    [InlineData("ams.terdam")]
    [InlineData("amstérdam")]
    public void ValidSlug_Invalid_RefusedOnSlug(string? slug)
    {
        var error = Assert.Throws<DomainException>(() => Tenant.ValidSlug(slug));

        Assert.Equal("Slug", error.Field);
        Assert.Equal("Gebruik 3 tot 63 kleine letters, cijfers of koppeltekens, beginnend met een letter.", error.Message);
    }

    [Fact]
    public void ValidSlug_SixtyFourCharacters_Refused() =>
        Assert.Throws<DomainException>(() => Tenant.ValidSlug("a" + new string('b', 63)));

    [Theory]
    [InlineData("api")]
    [InlineData("account")]
    [InlineData("health")]
    [InlineData("uitnodiging")]
    [InlineData("not-found")]
    public void ValidSlug_Reserved_Refused(string slug)
    {
        var error = Assert.Throws<DomainException>(() => Tenant.ValidSlug(slug));

        Assert.Equal("Slug", error.Field);
        Assert.Equal($"'{slug}' is gereserveerd voor de portal zelf.", error.Message);
    }

    [Fact]
    public void Constructor_Valid_StoresTrimmedValues()
    {
        var tenant = new Tenant("amsterdam", " Lang Leven Thuisflats Amsterdam ", TenantKind.Programme);

        Assert.NotEqual(Guid.Empty, tenant.Id);
        Assert.Equal("amsterdam", tenant.Slug);
        Assert.Equal("Lang Leven Thuisflats Amsterdam", tenant.Name);
        Assert.Equal(TenantKind.Programme, tenant.Kind);
    }

    [Fact]
    public void Constructor_NameBlank_Refused() =>
        Assert.Equal("Name", Assert.Throws<DomainException>(() => new Tenant("amsterdam", " ", TenantKind.Programme)).Field);

    [Fact]
    public void Constructor_UnknownKind_Refused() =>
        Assert.Equal("Kind", Assert.Throws<DomainException>(() => new Tenant("amsterdam", "A", (TenantKind)9)).Field);

    [Fact]
    public void Constructor_ReservedSlug_Refused() =>
        Assert.Throws<DomainException>(() => new Tenant("api", "A", TenantKind.Programme));

    [Fact]
    public void Rename_Valid_ChangesName()
    {
        var tenant = new Tenant("rotterdam", "Thuisplusflat", TenantKind.Programme);

        tenant.Rename(" Thuisplusflat Rotterdam ");

        Assert.Equal("Thuisplusflat Rotterdam", tenant.Name);
    }

    [Fact]
    public void Rename_TooLong_RefusedAndNameKept()
    {
        var tenant = new Tenant("rotterdam", "Thuisplusflat", TenantKind.Programme);

        Assert.Throws<DomainException>(() => tenant.Rename(new string('x', 201)));

        Assert.Equal("Thuisplusflat", tenant.Name);
    }

    [Fact]
    public void TenantMembership_UnknownRole_Refused() =>
        Assert.Equal("Role", Assert.Throws<DomainException>(() => new TenantMembership(Guid.NewGuid(), Guid.NewGuid(), (TenantRole)0)).Field);

    [Fact]
    public void TenantMembership_Valid_CarriesTenantUserAndRole()
    {
        var tenantId = Guid.CreateVersion7();
        var userId = Guid.CreateVersion7();

        var membership = new TenantMembership(tenantId, userId, TenantRole.FlatTeamMember);

        Assert.Equal(tenantId, membership.TenantId);
        Assert.Equal(userId, membership.UserId);
        Assert.Equal(TenantRole.FlatTeamMember, membership.Role);
    }
}
