using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Features.Shared;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Account;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Members;

public sealed class InviteInput
{
    public string Email { get; set; } = "";

    public TenantRole? Role { get; set; }
}

public sealed class InviteValidator : AbstractValidator<InviteInput>
{
    public InviteValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Vul het e-mailadres in.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in.")
            .MaximumLength(254).WithMessage("Het e-mailadres is te lang.");
        RuleFor(x => x.Role).NotNull().WithMessage("Kies een rol.")
            .IsInEnum().WithMessage("Kies een geldige rol.");
    }
}

public static class InvitationTokens
{
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>A tenant admin invites a person with a role; the link (with the secret token) is returned once.</summary>
public sealed class InviteHandler(PlusflatDbContext db, CurrentTenant tenant, IInvitationSender sender, TimeProvider clock)
{
    public async Task<(IReadOnlyList<FieldError> Errors, Uri? Link)> InviteAsync(InviteInput input, Uri baseUri, CancellationToken ct)
    {
        tenant.Demand(Permission.ManageMembers);
        if (input.Role is not { } role || !Permissions.RolesFor(tenant.Kind).Contains(role))
        {
            return ([new FieldError(nameof(InviteInput.Role), "Deze rol bestaat niet in deze omgeving.")], null);
        }

        var token = InvitationTokens.NewToken();
        Invitation invitation;
        try
        {
            invitation = new Invitation(tenant.Id, input.Email, role, InvitationTokens.Hash(token), tenant.UserId, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return ([new FieldError(ex.Field, ex.Message)], null);
        }

        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        var link = new Uri(baseUri, $"{tenant.Slug}/uitnodiging/{token}");
        await sender.SendAsync(invitation.Email, tenant.Name, link, ct);
        return ([], link);
    }
}

/// <summary>The invitee opens the link once, before it expires, and sets a password (or, with an account, joins).</summary>
public sealed class AcceptInvitationHandler(
    PlusflatDbContext db, UserManager<PlusflatUser> users, TimeProvider clock)
{
    public sealed record OpenInvitation(Guid Id, string Email, TenantRole Role, bool AccountExists);

    public async Task<OpenInvitation?> FindOpenAsync(string token, CancellationToken ct)
    {
        var hash = InvitationTokens.Hash(token);
        var now = clock.GetUtcNow();
        var invitation = await db.Invitations.AsNoTracking()
            .Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now)
            .Select(i => new { i.Id, i.Email, i.Role })
            .FirstOrDefaultAsync(ct);
        if (invitation is null)
        {
            return null;
        }

        var exists = await users.FindByEmailAsync(invitation.Email) is not null;
        return new OpenInvitation(invitation.Id, invitation.Email, invitation.Role, exists);
    }

    /// <summary>Creates the account (for a new person) and the membership in one transaction; nothing half-saved.</summary>
    public async Task<(IReadOnlyList<FieldError> Errors, PlusflatUser? User)> AcceptAsync(
        string token, SetPasswordInput? newAccount, Guid? signedInUserId, CancellationToken ct)
    {
        var hash = InvitationTokens.Hash(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null)
        {
            return ([new FieldError(null, "Deze uitnodiging bestaat niet.")], null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            invitation.Accept(clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return ([new FieldError(null, ex.Message)], null);
        }

        var user = await users.FindByEmailAsync(invitation.Email);
        if (user is null)
        {
            if (newAccount is null)
            {
                return ([new FieldError(null, "Kies een wachtwoord om je account aan te maken.")], null);
            }

            user = new PlusflatUser { Email = invitation.Email, UserName = invitation.Email, DisplayName = newAccount.DisplayName.Trim(), EmailConfirmed = true };
            IdentityResult created;
            try
            {
                // CreateAsync saves the whole context, including the invitation's AcceptedAt: a second
                // person accepting the same link at the same moment fails here on the row version.
                created = await users.CreateAsync(user, newAccount.NewPassword);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ([new FieldError(null, "Deze uitnodiging is zojuist al gebruikt.")], null);
            }

            if (!created.Succeeded)
            {
                return (created.Errors.Select(e => new FieldError(nameof(SetPasswordInput.NewPassword), e.Description)).ToList(), null);
            }
        }
        else if (user.Id != signedInUserId)
        {
            return ([new FieldError(null, "Er bestaat al een account met dit e-mailadres. Log eerst in met dat account en open de link dan opnieuw.")], null);
        }

        var already = await db.Memberships.AnyAsync(m => m.TenantId == invitation.TenantId && m.UserId == user.Id && m.Role == invitation.Role, ct);
        if (!already)
        {
            db.Memberships.Add(new TenantMembership(invitation.TenantId, user.Id, invitation.Role));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ([new FieldError(null, "Deze uitnodiging is zojuist al gebruikt.")], null);
        }

        await transaction.CommitAsync(ct);
        return ([], user);
    }
}
