using System.Net.Mail;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Tenancy;

/// <summary>
/// A tenant admin's invitation of a person (by e-mail address) to the tenant with one role.
/// Only a hash of the secret token is stored; the link with the token is shown once to the admin.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    /// <summary>For EF Core.</summary>
    private Invitation()
    {
        Email = null!;
        TokenHash = null!;
    }

    public Invitation(Guid tenantId, string email, TenantRole role, string tokenHash, Guid invitedBy, DateTimeOffset now)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainException("Kies een geldige rol.", nameof(Role));
        }

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Email = ValidEmail(email);
        Role = role;
        TokenHash = Guard.RequiredText(tokenHash, 200, nameof(TokenHash), "De code van de uitnodiging");
        InvitedBy = invitedBy;
        CreatedAt = now;
        ExpiresAt = now + Validity;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Email { get; private set; }

    public TenantRole Role { get; private set; }

    public string TokenHash { get; private set; }

    public Guid InvitedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>When a tenant admin revoked the invitation before it was used; the link stops working.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>Marks the invitation used. It can be used once, and only before it expires.</summary>
    public void Accept(DateTimeOffset now)
    {
        if (AcceptedAt is not null)
        {
            throw new DomainException("Deze uitnodiging is al gebruikt.");
        }

        if (RevokedAt is not null)
        {
            throw new DomainException("Deze uitnodiging is ingetrokken. Vraag de beheerder om een nieuwe.");
        }

        if (now >= ExpiresAt)
        {
            throw new DomainException("Deze uitnodiging is verlopen. Vraag de beheerder om een nieuwe.");
        }

        AcceptedAt = now;
    }

    /// <summary>Revokes an open invitation: its link no longer works. A used or already revoked one cannot be revoked.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is not null)
        {
            throw new DomainException("Deze uitnodiging is al gebruikt; trek in plaats daarvan de rol van het lid in.");
        }

        if (RevokedAt is not null)
        {
            throw new DomainException("Deze uitnodiging is al ingetrokken.");
        }

        RevokedAt = now;
    }

    public static string ValidEmail(string? email)
    {
        var value = email?.Trim().ToLowerInvariant() ?? "";
        if (value.Length is 0 or > 254 || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value)
        {
            throw new DomainException("Vul een geldig e-mailadres in.", nameof(Email));
        }

        return value;
    }
}
