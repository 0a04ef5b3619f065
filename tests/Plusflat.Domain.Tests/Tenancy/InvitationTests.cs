using Plusflat.Domain.Common;
using Plusflat.Domain.Tenancy;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Tenancy;

public class InvitationTests
{
    private static Invitation Create(string email = "jan@example.nl", TenantRole role = TenantRole.FlatTeamMember) =>
        new(TenantId, email, role, "hash-of-token", LeadId, Now);

    [Fact]
    public void Constructor_Valid_IsOpenForSevenDays()
    {
        var invitation = Create();

        Assert.Equal(TenantId, invitation.TenantId);
        Assert.Equal(TenantRole.FlatTeamMember, invitation.Role);
        Assert.Equal("hash-of-token", invitation.TokenHash);
        Assert.Equal(LeadId, invitation.InvitedBy);
        Assert.Equal(Now, invitation.CreatedAt);
        Assert.Equal(Now.AddDays(7), invitation.ExpiresAt);
        Assert.Null(invitation.AcceptedAt);
        Assert.True(invitation.IsOpen(Now));
    }

    [Fact]
    public void Constructor_Email_IsTrimmedAndLowerCased() =>
        Assert.Equal("jan.jansen@example.nl", Create(" Jan.Jansen@Example.NL ").Email);

    [Theory]
    [InlineData("")]
    [InlineData("jan")]
    [InlineData("jan@")]
    [InlineData("@example.nl")]
    [InlineData("jan jansen@example.nl")]
    [InlineData("Jan <jan@example.nl>")]
    public void Constructor_InvalidEmail_Refused(string email)
    {
        var error = Assert.Throws<DomainException>(() => Create(email));

        Assert.Equal("Email", error.Field);
        Assert.Equal("Vul een geldig e-mailadres in.", error.Message);
    }

    [Fact]
    public void Constructor_UnknownRole_Refused() =>
        Assert.Equal("Role", Assert.Throws<DomainException>(() => Create(role: (TenantRole)42)).Field);

    [Fact]
    public void Constructor_NoTokenHash_Refused() =>
        Assert.Throws<DomainException>(() => new Invitation(TenantId, "jan@example.nl", TenantRole.Observer, " ", LeadId, Now));

    [Fact]
    public void Accept_WhileOpen_MarksItUsed()
    {
        var invitation = Create();

        invitation.Accept(Now.AddDays(1));

        Assert.Equal(Now.AddDays(1), invitation.AcceptedAt);
        Assert.False(invitation.IsOpen(Now.AddDays(1)));
    }

    [Fact]
    public void Accept_JustBeforeExpiry_Accepted()
    {
        var invitation = Create();

        invitation.Accept(invitation.ExpiresAt.AddTicks(-1));

        Assert.NotNull(invitation.AcceptedAt);
    }

    [Fact]
    public void Accept_Twice_SecondRefused()
    {
        var invitation = Create();
        invitation.Accept(Now.AddHours(1));

        var error = Assert.Throws<DomainException>(() => invitation.Accept(Now.AddHours(2)));

        Assert.Equal("Deze uitnodiging is al gebruikt.", error.Message);
        Assert.Equal(Now.AddHours(1), invitation.AcceptedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(60 * 24 * 30)]
    public void Accept_AtOrAfterExpiry_Refused(int minutesAfterExpiry)
    {
        var invitation = Create();

        var error = Assert.Throws<DomainException>(() => invitation.Accept(invitation.ExpiresAt.AddMinutes(minutesAfterExpiry)));

        Assert.StartsWith("Deze uitnodiging is verlopen.", error.Message, StringComparison.Ordinal);
        Assert.Null(invitation.AcceptedAt);
    }

    [Fact]
    public void IsOpen_AtExpiry_False() => Assert.False(Create().IsOpen(Now.AddDays(7)));

    [Fact]
    public void Revoke_Open_ClosesItAndAcceptIsRefused()
    {
        var invitation = Create();

        invitation.Revoke(Now.AddHours(1));

        Assert.Equal(Now.AddHours(1), invitation.RevokedAt);
        Assert.False(invitation.IsOpen(Now.AddHours(2)));
        var error = Assert.Throws<DomainException>(() => invitation.Accept(Now.AddHours(2)));
        Assert.Equal("Deze uitnodiging is ingetrokken. Vraag de beheerder om een nieuwe.", error.Message);
        Assert.Null(invitation.AcceptedAt);
    }

    [Fact]
    public void Revoke_Twice_SecondRefused()
    {
        var invitation = Create();
        invitation.Revoke(Now);

        var error = Assert.Throws<DomainException>(() => invitation.Revoke(Now.AddMinutes(1)));

        Assert.Equal("Deze uitnodiging is al ingetrokken.", error.Message);
        Assert.Equal(Now, invitation.RevokedAt);
    }

    [Fact]
    public void Revoke_Accepted_Refused()
    {
        var invitation = Create();
        invitation.Accept(Now);

        Assert.Throws<DomainException>(() => invitation.Revoke(Now.AddMinutes(1)));
        Assert.Null(invitation.RevokedAt);
    }
}
