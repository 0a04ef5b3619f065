using Plusflat.Domain.Common;
using Plusflat.Domain.Tenancy;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Tenancy;

public class MemberHistoryTests
{
    [Fact]
    public void RoleChanged_OtherRole_KeepsBothRolesWhoAndWhen()
    {
        var entry = MemberHistoryEntry.RoleChanged(TenantId, LeadId, LeadName, MemberName, TenantRole.FlatTeamMember, TenantRole.ProgrammeLead, Now);

        Assert.Equal(MemberChange.RoleChanged, entry.Change);
        Assert.Equal((TenantRole.FlatTeamMember, TenantRole.ProgrammeLead), (entry.FromRole!.Value, entry.ToRole!.Value));
        Assert.Equal((LeadId, LeadName, MemberName, Now, TenantId), (entry.ActorId, entry.ActorName, entry.Subject, entry.At, entry.TenantId));
    }

    [Fact]
    public void RoleChanged_SameRole_Refused() =>
        Assert.Equal("Role", Assert.Throws<DomainException>(() =>
            MemberHistoryEntry.RoleChanged(TenantId, LeadId, LeadName, MemberName, TenantRole.Observer, TenantRole.Observer, Now)).Field);

    [Fact]
    public void Removed_NoRoles_RecordsTheMemberByName()
    {
        var entry = MemberHistoryEntry.Removed(TenantId, LeadId, LeadName, MemberName, Now);

        Assert.Equal(MemberChange.Removed, entry.Change);
        Assert.Null(entry.FromRole);
        Assert.Null(entry.ToRole);
        Assert.Equal(MemberName, entry.Subject);
    }

    [Fact]
    public void InvitedAndRevoked_RecordTheEmailAndRole()
    {
        var invited = MemberHistoryEntry.Invited(TenantId, LeadId, LeadName, "jan@example.nl", TenantRole.Observer, Now);
        var revoked = MemberHistoryEntry.InvitationRevoked(TenantId, LeadId, LeadName, "jan@example.nl", TenantRole.Observer, Now);

        Assert.Equal((MemberChange.Invited, (TenantRole?)null, (TenantRole?)TenantRole.Observer), (invited.Change, invited.FromRole, invited.ToRole));
        Assert.Equal((MemberChange.InvitationRevoked, (TenantRole?)TenantRole.Observer, (TenantRole?)null), (revoked.Change, revoked.FromRole, revoked.ToRole));
    }

    [Fact]
    public void Membership_ChangeRole_ToOtherRoleChangesIt_ToSameRoleRefused()
    {
        var membership = new TenantMembership(TenantId, MemberId, TenantRole.FlatTeamMember);

        membership.ChangeRole(TenantRole.Observer);
        var error = Assert.Throws<DomainException>(() => membership.ChangeRole(TenantRole.Observer));

        Assert.Equal(TenantRole.Observer, membership.Role);
        Assert.Equal("Role", error.Field);
        Assert.Throws<DomainException>(() => membership.ChangeRole((TenantRole)99));
    }
}
