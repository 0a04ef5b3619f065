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

public sealed class InviteValidator : InputValidator<InviteInput>
{
    public InviteValidator()
    {
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Vul het e-mailadres in.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in.")
            .MaximumLength(254).WithMessage("Het e-mailadres is te lang.");
        RuleFor(x => x.Role).Cascade(CascadeMode.Stop).NotNull().WithMessage("Kies een rol.")
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
public sealed class InviteHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, IInvitationSender sender, TimeProvider clock, IValidator<InviteInput> validator)
{
    public async Task<(IReadOnlyList<FieldError> Errors, Uri? Link)> InviteAsync(InviteInput input, Uri baseUri, CancellationToken ct)
    {
        tenant.Demand(Permission.ManageMembers);
        // Every wrong field at once: the input's shape, and whether the role exists in this kind of tenant.
        var errors = (await validator.ValidateAsync(input, ct)).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (input.Role is { } chosen && Enum.IsDefined(chosen) && !Permissions.RolesFor(tenant.Kind).Contains(chosen))
        {
            errors.Add(new FieldError(nameof(InviteInput.Role), "Deze rol bestaat niet in deze omgeving."));
        }

        if (errors.Count > 0)
        {
            return (errors, null);
        }

        var role = input.Role!.Value;

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

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            db.Invitations.Add(invitation);
            db.MemberHistory.Add(MemberHistoryEntry.Invited(tenant.Id, actor.Id, actor.Name, invitation.Email, role, invitation.CreatedAt));
            await db.SaveChangesAsync(ct);
        }

        var link = new Uri(baseUri, $"{tenant.Slug}/uitnodiging/{token}");
        await sender.SendAsync(invitation.Email, tenant.Name, link, ct);
        return ([], link);
    }
}

/// <summary>The invitee opens the link once, before it expires, and sets a password (or, with an account, joins).</summary>
/// <remarks>
/// The invitation and the membership live in the tenant (a context from the factory, with the tenant of the
/// URL); the account lives in Identity's store (<see cref="UserManager{TUser}"/>, its own context). The
/// invitation is marked accepted first, inside a transaction that holds its row until the membership is
/// saved: a second person accepting the same link waits and then fails on the row version. A new account
/// whose membership could not be saved is deleted again, so nothing is left half-saved.
/// </remarks>
public sealed class AcceptInvitationHandler(
    IDbContextFactory<PlusflatDbContext> contexts, UserManager<PlusflatUser> users, TimeProvider clock)
{
    public sealed record OpenInvitation(Guid Id, string Email, TenantRole Role, bool AccountExists);

    public async Task<OpenInvitation?> FindOpenAsync(string token, CancellationToken ct)
    {
        var hash = InvitationTokens.Hash(token);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.AsNoTracking()
            .Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .Select(i => new { i.Id, i.Email, i.Role })
            .FirstOrDefaultAsync(ct);
        if (invitation is null)
        {
            return null;
        }

        var exists = await users.FindByEmailAsync(invitation.Email) is not null;
        return new OpenInvitation(invitation.Id, invitation.Email, invitation.Role, exists);
    }

    public async Task<(IReadOnlyList<FieldError> Errors, PlusflatUser? User)> AcceptAsync(
        string token, SetPasswordInput? newAccount, Guid? signedInUserId, CancellationToken ct)
    {
        var hash = InvitationTokens.Hash(token);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null)
        {
            return ([new FieldError(null, "Deze uitnodiging bestaat niet.")], null);
        }

        try
        {
            invitation.Accept(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            return ([new FieldError(null, ex.Message)], null);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ([new FieldError(null, "Deze uitnodiging is zojuist al gebruikt.")], null);
        }

        var user = await users.FindByEmailAsync(invitation.Email);
        var created = false;
        if (user is null)
        {
            if (newAccount is null)
            {
                return ([new FieldError(null, "Kies een wachtwoord om je account aan te maken.")], null);
            }

            user = new PlusflatUser { Email = invitation.Email, UserName = invitation.Email, DisplayName = newAccount.DisplayName.Trim(), EmailConfirmed = true };
            var result = await users.CreateAsync(user, newAccount.NewPassword);
            if (!result.Succeeded)
            {
                return (result.Errors.Select(e => new FieldError(nameof(SetPasswordInput.NewPassword), e.Description)).ToList(), null);
            }

            created = true;
        }
        else if (user.Id != signedInUserId)
        {
            return ([new FieldError(null, "Er bestaat al een account met dit e-mailadres. Log eerst in met dat account en open de link dan opnieuw.")], null);
        }

        try
        {
            var already = await db.Memberships.AnyAsync(m => m.TenantId == invitation.TenantId && m.UserId == user.Id && m.Role == invitation.Role, ct);
            if (!already)
            {
                db.Memberships.Add(new TenantMembership(invitation.TenantId, user.Id, invitation.Role));
                db.MemberHistory.Add(MemberHistoryEntry.Joined(invitation.TenantId, user.Id,
                    string.IsNullOrWhiteSpace(user.DisplayName) ? invitation.Email : user.DisplayName, invitation.Role, clock.GetUtcNow()));
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch
        {
            if (created)
            {
                await users.DeleteAsync(user);
            }

            throw;
        }

        return ([], user);
    }
}
