using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Identity;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Members;

/// <summary>One role of a member; <see cref="MembershipId"/> identifies it for withdrawing or changing.</summary>
public sealed record MemberRole(Guid MembershipId, TenantRole Role);

public sealed record MemberRow(Guid UserId, string Name, string Email, IReadOnlyList<MemberRole> Roles);

public sealed record OpenInvitationRow(Guid Id, string Email, TenantRole Role, DateTimeOffset ExpiresAt);

/// <summary>One line of the member history, newest first.</summary>
public sealed record MemberHistoryRow(DateTimeOffset At, string ActorName, MemberChange Change, string Subject, TenantRole? FromRole, TenantRole? ToRole);

public sealed record MembersView(IReadOnlyList<MemberRow> Members, IReadOnlyList<OpenInvitationRow> OpenInvitations, IReadOnlyList<MemberHistoryRow> History);

/// <summary>
/// Who works in the tenant (a tenant admin and a programme lead see it; only the admin changes it): change a
/// member's role, withdraw one role, remove a member, revoke an open invitation. Every change is written to the
/// member history in the same save. A change to a member renews their security stamp, so their open circuits are
/// signed out at the next revalidation and their cookie stops working; before that, the circuit's router finds no
/// membership at the next navigation (TenantRouteView resolves it on every navigation).
/// </summary>
public sealed class MembersHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock, IServiceScopeFactory scopes)
{
    public const int HistoryShown = 100;

    public async Task<MembersView> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewMembers);
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
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.ExpiresAt)
            .Select(i => new OpenInvitationRow(i.Id, i.Email, i.Role, i.ExpiresAt))
            .ToListAsync(ct);
        var history = await db.MemberHistory.AsNoTracking()
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(HistoryShown)
            .Select(e => new MemberHistoryRow(e.At, e.ActorName, e.Change, e.Subject, e.FromRole, e.ToRole))
            .ToListAsync(ct);
        return new MembersView(members, open, history);
    }

    /// <summary>Gives one of a member's roles another role of this tenant's kind.</summary>
    public async Task<HandlerResult> ChangeRoleAsync(Guid membershipId, TenantRole? newRole, CancellationToken ct)
    {
        tenant.Demand(Permission.ManageMembers);
        if (newRole is not { } role || !Permissions.RolesFor(tenant.Kind).Contains(role))
        {
            return HandlerResult.Invalid(new FieldError("Role", newRole is null ? "Kies een rol." : "Deze rol bestaat niet in deze omgeving."));
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.TenantId == tenant.Id, ct);
        if (membership is null)
        {
            return HandlerResult.NotFound();
        }

        if (membership.UserId == tenant.UserId && membership.Role == TenantRole.TenantAdmin)
        {
            return HandlerResult.Invalid(new FieldError(null, "Je kunt je eigen beheerdersrol niet wijzigen; vraag een andere beheerder."));
        }

        if (await db.Memberships.AnyAsync(m => m.TenantId == tenant.Id && m.UserId == membership.UserId && m.Role == role, ct))
        {
            return HandlerResult.Invalid(new FieldError("Role", "Dit lid heeft deze rol al."));
        }

        var from = membership.Role;
        try
        {
            membership.ChangeRole(role);
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            db.MemberHistory.Add(MemberHistoryEntry.RoleChanged(tenant.Id, actor.Id, actor.Name, await MemberNameAsync(db, membership.UserId, ct), from, role, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            return HandlerResult.From(ex);
        }

        await RenewSecurityStampAsync(membership.UserId);
        return HandlerResult.Ok();
    }

    /// <summary>Withdraws one role.</summary>
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

        var actor = await Actor.CurrentAsync(db, tenant, ct);
        db.Memberships.Remove(membership);
        db.MemberHistory.Add(MemberHistoryEntry.RoleWithdrawn(tenant.Id, actor.Id, actor.Name, await MemberNameAsync(db, membership.UserId, ct), membership.Role, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await RenewSecurityStampAsync(membership.UserId);
        return HandlerResult.Ok();
    }

    /// <summary>Removes a member from this tenant: all their roles here go; their account and other tenants stay.</summary>
    public async Task<HandlerResult> RemoveMemberAsync(Guid userId, CancellationToken ct)
    {
        tenant.Demand(Permission.ManageMembers);
        if (userId == tenant.UserId)
        {
            return HandlerResult.Invalid(new FieldError(null, "Je kunt jezelf niet verwijderen; vraag een andere beheerder."));
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var memberships = await db.Memberships.Where(m => m.TenantId == tenant.Id && m.UserId == userId).ToListAsync(ct);
        if (memberships.Count == 0)
        {
            return HandlerResult.NotFound();
        }

        var actor = await Actor.CurrentAsync(db, tenant, ct);
        db.Memberships.RemoveRange(memberships);
        db.MemberHistory.Add(MemberHistoryEntry.Removed(tenant.Id, actor.Id, actor.Name, await MemberNameAsync(db, userId, ct), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await RenewSecurityStampAsync(userId);
        return HandlerResult.Ok();
    }

    /// <summary>Revokes an open invitation: its link stops working at once.</summary>
    public async Task<HandlerResult> RevokeInvitationAsync(Guid invitationId, CancellationToken ct)
    {
        tenant.Demand(Permission.ManageMembers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null)
        {
            return HandlerResult.NotFound();
        }

        try
        {
            var now = clock.GetUtcNow();
            invitation.Revoke(now);
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            db.MemberHistory.Add(MemberHistoryEntry.InvitationRevoked(tenant.Id, actor.Id, actor.Name, invitation.Email, invitation.Role, now));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            return HandlerResult.From(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            return HandlerResult.Conflict();
        }

        return HandlerResult.Ok();
    }

    private static async Task<string> MemberNameAsync(PlusflatDbContext db, Guid userId, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email).FirstOrDefaultAsync(ct);
        return string.IsNullOrEmpty(name) ? "Onbekend" : name;
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
