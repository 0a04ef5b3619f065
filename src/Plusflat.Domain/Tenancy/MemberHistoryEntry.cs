using Plusflat.Domain.Common;

namespace Plusflat.Domain.Tenancy;

/// <summary>What happened to the members of a tenant, for the member history on the members page.</summary>
public enum MemberChange
{
    Invited = 1,
    InvitationRevoked = 2,
    Joined = 3,
    RoleChanged = 4,
    RoleWithdrawn = 5,
    Removed = 6,
}

/// <summary>
/// One change of a tenant's members: who did it, when, to whom, and the role before and after. The names are
/// kept as they were at the time, so the history stays readable after a member left.
/// </summary>
public sealed class MemberHistoryEntry : ITenantOwned
{
    /// <summary>For EF Core.</summary>
    private MemberHistoryEntry()
    {
        ActorName = null!;
        Subject = null!;
    }

    private MemberHistoryEntry(Guid tenantId, MemberChange change, Guid actorId, string actorName, string subject,
        TenantRole? fromRole, TenantRole? toRole, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Change = change;
        ActorId = actorId;
        ActorName = Guard.RequiredText(actorName, 254, nameof(ActorName), "Naam");
        Subject = Guard.RequiredText(subject, 254, nameof(Subject), "Lid");
        FromRole = fromRole;
        ToRole = toRole;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public MemberChange Change { get; private set; }

    public Guid ActorId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>The member's name or the invitee's e-mail address.</summary>
    public string Subject { get; private set; }

    public TenantRole? FromRole { get; private set; }

    public TenantRole? ToRole { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static MemberHistoryEntry Invited(Guid tenantId, Guid actorId, string actorName, string email, TenantRole role, DateTimeOffset at) =>
        new(tenantId, MemberChange.Invited, actorId, actorName, email, null, role, at);

    public static MemberHistoryEntry InvitationRevoked(Guid tenantId, Guid actorId, string actorName, string email, TenantRole role, DateTimeOffset at) =>
        new(tenantId, MemberChange.InvitationRevoked, actorId, actorName, email, role, null, at);

    public static MemberHistoryEntry Joined(Guid tenantId, Guid userId, string name, TenantRole role, DateTimeOffset at) =>
        new(tenantId, MemberChange.Joined, userId, name, name, null, role, at);

    public static MemberHistoryEntry RoleChanged(Guid tenantId, Guid actorId, string actorName, string member, TenantRole from, TenantRole to, DateTimeOffset at) =>
        from == to
            ? throw new DomainException("Kies een andere rol dan de huidige.", "Role")
            : new(tenantId, MemberChange.RoleChanged, actorId, actorName, member, from, to, at);

    public static MemberHistoryEntry RoleWithdrawn(Guid tenantId, Guid actorId, string actorName, string member, TenantRole role, DateTimeOffset at) =>
        new(tenantId, MemberChange.RoleWithdrawn, actorId, actorName, member, role, null, at);

    public static MemberHistoryEntry Removed(Guid tenantId, Guid actorId, string actorName, string member, DateTimeOffset at) =>
        new(tenantId, MemberChange.Removed, actorId, actorName, member, null, null, at);
}
