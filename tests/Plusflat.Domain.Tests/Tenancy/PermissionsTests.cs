using Plusflat.Domain.Tenancy;

namespace Plusflat.Domain.Tests.Tenancy;

public class PermissionsTests
{
    /// <summary>The whole matrix, written out: everything not listed here is refused.</summary>
    private static readonly HashSet<(TenantKind Kind, TenantRole Role, Permission Permission)> Allowed =
    [
        .. Enum.GetValues<TenantRole>().Select(role => (TenantKind.Programme, role, Permission.ViewTenant)),
        .. Enum.GetValues<TenantRole>().Select(role => (TenantKind.Zorgkantoor, role, Permission.ViewTenant)),
        .. Enum.GetValues<TenantRole>().Select(role => (TenantKind.Programme, role, Permission.ViewProgramme)),
        (TenantKind.Programme, TenantRole.TenantAdmin, Permission.EditProgramme),
        (TenantKind.Programme, TenantRole.ProgrammeLead, Permission.EditProgramme),
        (TenantKind.Programme, TenantRole.ProgrammeLead, Permission.OverridePhaseChecklist),
        (TenantKind.Programme, TenantRole.ProgrammeLead, Permission.RecordAdmission),
        (TenantKind.Programme, TenantRole.TenantAdmin, Permission.ManageMembers),
        (TenantKind.Zorgkantoor, TenantRole.TenantAdmin, Permission.ManageMembers),
        (TenantKind.Zorgkantoor, TenantRole.TenantAdmin, Permission.AssessApplications),
        (TenantKind.Zorgkantoor, TenantRole.Assessor, Permission.AssessApplications),
        (TenantKind.Programme, TenantRole.TenantAdmin, Permission.ViewMembers),
        (TenantKind.Zorgkantoor, TenantRole.TenantAdmin, Permission.ViewMembers),
        (TenantKind.Programme, TenantRole.ProgrammeLead, Permission.ViewMembers),
        (TenantKind.Programme, TenantRole.FlatTeamMember, Permission.ViewSignalDetails),
        .. Enum.GetValues<TenantRole>().Select(role => (TenantKind.Programme, role, Permission.ViewSignalCounts)),
        (TenantKind.Programme, TenantRole.TenantAdmin, Permission.ViewAccessLog),
        (TenantKind.Programme, TenantRole.TenantAdmin, Permission.SubmitApplications),
        (TenantKind.Programme, TenantRole.ProgrammeLead, Permission.SubmitApplications),
        .. Enum.GetValues<TenantRole>().Select(role => (TenantKind.Zorgkantoor, role, Permission.ViewReceivedApplications)),
        (TenantKind.Programme, TenantRole.TenantAdmin, Permission.ViewDashboard),
        (TenantKind.Programme, TenantRole.ProgrammeLead, Permission.ViewDashboard),
        (TenantKind.Programme, TenantRole.Observer, Permission.ViewDashboard),
    ];

    public static TheoryData<TenantKind, TenantRole, Permission> EveryCombination()
    {
        var data = new TheoryData<TenantKind, TenantRole, Permission>();
        foreach (var kind in Enum.GetValues<TenantKind>())
        {
            foreach (var role in Enum.GetValues<TenantRole>())
            {
                foreach (var permission in Enum.GetValues<Permission>())
                {
                    data.Add(kind, role, permission);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Allows_EveryKindRoleAndPermission_MatchesTheMatrix(TenantKind kind, TenantRole role, Permission permission) =>
        Assert.Equal(Allowed.Contains((kind, role, permission)), Permissions.Allows(kind, role, permission));

    [Theory]
    [InlineData(TenantKind.Programme)]
    [InlineData(TenantKind.Zorgkantoor)]
    public void Allows_Observer_NeverChangesAnything(TenantKind kind)
    {
        Assert.False(Permissions.Allows(kind, TenantRole.Observer, Permission.EditProgramme));
        Assert.False(Permissions.Allows(kind, TenantRole.Observer, Permission.OverridePhaseChecklist));
        Assert.False(Permissions.Allows(kind, TenantRole.Observer, Permission.ManageMembers));
        Assert.False(Permissions.Allows(kind, TenantRole.Observer, Permission.AssessApplications));
    }

    [Fact]
    public void Allows_ProgrammeObserver_CanRead()
    {
        Assert.True(Permissions.Allows(TenantKind.Programme, TenantRole.Observer, Permission.ViewTenant));
        Assert.True(Permissions.Allows(TenantKind.Programme, TenantRole.Observer, Permission.ViewProgramme));
    }

    [Fact]
    public void Allows_FlatTeamMember_ReadsButCannotEditOrOverride()
    {
        Assert.True(Permissions.Allows(TenantKind.Programme, TenantRole.FlatTeamMember, Permission.ViewProgramme));
        Assert.False(Permissions.Allows(TenantKind.Programme, TenantRole.FlatTeamMember, Permission.EditProgramme));
        Assert.False(Permissions.Allows(TenantKind.Programme, TenantRole.FlatTeamMember, Permission.OverridePhaseChecklist));
    }

    [Fact]
    public void Allows_OverridePhaseChecklist_OnlyForAProgrammeLead()
    {
        Assert.True(Permissions.Allows(TenantKind.Programme, TenantRole.ProgrammeLead, Permission.OverridePhaseChecklist));
        Assert.False(Permissions.Allows(TenantKind.Programme, TenantRole.TenantAdmin, Permission.OverridePhaseChecklist));
    }

    [Theory]
    [InlineData(TenantRole.Assessor)]
    [InlineData(TenantRole.TenantAdmin)]
    public void Allows_AssessApplications_OnlyInZorgkantoorTenants(TenantRole role)
    {
        Assert.True(Permissions.Allows(TenantKind.Zorgkantoor, role, Permission.AssessApplications));
        Assert.False(Permissions.Allows(TenantKind.Programme, role, Permission.AssessApplications));
    }

    [Theory]
    [InlineData(TenantRole.TenantAdmin)]
    [InlineData(TenantRole.Assessor)]
    [InlineData(TenantRole.ProgrammeLead)]
    public void Allows_ZorgkantoorTenant_NeverShowsOrEditsProgrammeData(TenantRole role)
    {
        Assert.False(Permissions.Allows(TenantKind.Zorgkantoor, role, Permission.ViewProgramme));
        Assert.False(Permissions.Allows(TenantKind.Zorgkantoor, role, Permission.EditProgramme));
    }

    [Fact]
    public void Allows_SeveralRoles_AllowsWhatAnyOfThemAllows()
    {
        Assert.True(Permissions.Allows(TenantKind.Programme, [TenantRole.Observer, TenantRole.ProgrammeLead], Permission.EditProgramme));
        Assert.False(Permissions.Allows(TenantKind.Programme, [TenantRole.Observer, TenantRole.FlatTeamMember], Permission.EditProgramme));
    }

    [Fact]
    public void Allows_NoRoles_AllowsNothing() =>
        Assert.All(Enum.GetValues<Permission>(), permission => Assert.False(Permissions.Allows(TenantKind.Programme, [], permission)));

    [Fact]
    public void Allows_UnknownPermission_Refused() =>
        Assert.False(Permissions.Allows(TenantKind.Programme, TenantRole.TenantAdmin, (Permission)99));

    [Fact]
    public void RolesFor_Programme_OffersNoAssessor() =>
        Assert.Equal(
            [TenantRole.TenantAdmin, TenantRole.ProgrammeLead, TenantRole.FlatTeamMember, TenantRole.Observer],
            Permissions.RolesFor(TenantKind.Programme));

    [Fact]
    public void RolesFor_Zorgkantoor_OffersNoProgrammeRoles() =>
        Assert.Equal([TenantRole.TenantAdmin, TenantRole.Assessor, TenantRole.Observer], Permissions.RolesFor(TenantKind.Zorgkantoor));
}
