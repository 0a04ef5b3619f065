using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Members;

/// <summary>One role of a member; <see cref="MembershipId"/> identifies it for withdrawing.</summary>
public sealed record MemberRole(Guid MembershipId, TenantRole Role);

public sealed record MemberRow(Guid UserId, string Name, string Email, IReadOnlyList<MemberRole> Roles);

public sealed record OpenInvitationRow(Guid Id, string Email, TenantRole Role, DateTimeOffset ExpiresAt);

public sealed record MembersView(IReadOnlyList<MemberRow> Members, IReadOnlyList<OpenInvitationRow> OpenInvitations);

/// <summary>The tenant admin's view of who works here, and withdrawing a role.</summary>
public sealed class MembersHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock, IServiceScopeFactory scopes)
{
    public async Task<MembersView> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ManageMembers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.TenantId == tenant.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, m.UserId, u.DisplayName, u.Email, m.Role })
            .ToListAsync(ct);
        var members = rows.GroupBy(r => r.UserId)
            .Select(g => new MemberRow(
                g.Key,
                string.IsNullOrWhiteSpace(g.First().DisplayName) ? g.First().Email ?? "" : g.First().DisplayName,
                g.First().Email ?? "",
                g.OrderBy(r => r.Role).Select(r => new MemberRole(r.Id, r.Role)).ToList()))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
        var now = clock.GetUtcNow();
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.ExpiresAt)
            .Select(i => new OpenInvitationRow(i.Id, i.Email, i.Role, i.ExpiresAt))
            .ToListAsync(ct);
        return new MembersView(members, open);
    }

    /// <summary>
    /// Withdraws one role. The member's security stamp is renewed, so their open circuits are signed out at
    /// the next revalidation and their cookie stops working (their other tenants need a new sign-in).
    /// </summary>
    public async Task<HandlerResult> WithdrawRoleAsync(Guid membershipId, CancellationToken ct)
    {
        tenant.Demand(Permission.ManageMembers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.TenantId == tenant.Id, ct);
        if (membership is null)
        {
            return HandlerResult.NotFound();
        }

        if (membership.UserId == tenant.UserId && membership.Role == TenantRole.TenantAdmin)
        {
            return HandlerResult.Invalid(new FieldError(null, "Je kunt je eigen beheerdersrol niet intrekken; vraag een andere beheerder."));
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        await RenewSecurityStampAsync(membership.UserId);
        return HandlerResult.Ok();
    }

    /// <summary>In a scope of its own: a circuit's UserManager would hold a tracked, possibly stale user for the circuit's life.</summary>
    private async Task RenewSecurityStampAsync(Guid userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlusflatUser>>();
        if (await users.FindByIdAsync(userId.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }
}
