namespace Plusflat.Domain.Tenancy;

/// <summary>What a user may do inside a tenant. Pages and API endpoints ask for a permission, never for a role.</summary>
public enum Permission
{
    /// <summary>See the tenant's pages at all.</summary>
    ViewTenant,

    /// <summary>Read programme data: complexes, organisations, phases, overview.</summary>
    ViewProgramme,

    /// <summary>Create and change complexes, organisations, phase checklists and the ambition.</summary>
    EditProgramme,

    /// <summary>Override an incomplete phase checklist when advancing a complex.</summary>
    OverridePhaseChecklist,

    /// <summary>Invite users and manage memberships.</summary>
    ManageMembers,

    /// <summary>Assess and decide DOS applications (zorgkantoor tenants).</summary>
    AssessApplications,

    /// <summary>See who the members are, their roles and the member history (read-only).</summary>
    ViewMembers,

    /// <summary>Record a complex's admission-gate facts and set the programme's admission settings (programme leads).</summary>
    RecordAdmission,

    /// <summary>Signal details (codes, descriptions, actions) — and then only of the complexes whose flat team the user is on.</summary>
    ViewSignalDetails,

    /// <summary>Signal counts per complex, category and month (small counts suppressed); never details.</summary>
    ViewSignalCounts,

    /// <summary>Search and read the access log of signal details (NEN 7513).</summary>
    ViewAccessLog,

    /// <summary>Prepare, submit, answer and withdraw DOS funding applications (programme leads and admins).</summary>
    SubmitApplications,

    /// <summary>See the applications received, their snapshots, the label register and the DOS budget (zorgkantoor staff, read-only for observers).</summary>
    ViewReceivedApplications,

    /// <summary>The programme dashboard: programme-wide figures, charts and their print and PDF (leads, admins and observers; ADR 0035).</summary>
    ViewDashboard,
}

/// <summary>The pure rule that maps roles held in a tenant of a given kind onto permissions.</summary>
public static class Permissions
{
    public static bool Allows(TenantKind kind, IEnumerable<TenantRole> roles, Permission permission) =>
        roles.Any(role => Allows(kind, role, permission));

    public static bool Allows(TenantKind kind, TenantRole role, Permission permission) =>
        permission switch
        {
            Permission.ViewTenant => true,
            Permission.ViewProgramme => kind == TenantKind.Programme,
            Permission.EditProgramme => kind == TenantKind.Programme
                && role is TenantRole.TenantAdmin or TenantRole.ProgrammeLead,
            Permission.OverridePhaseChecklist => kind == TenantKind.Programme && role == TenantRole.ProgrammeLead,
            Permission.ManageMembers => role == TenantRole.TenantAdmin,
            Permission.ViewMembers => role == TenantRole.TenantAdmin
                || (kind == TenantKind.Programme && role == TenantRole.ProgrammeLead),
            Permission.AssessApplications => kind == TenantKind.Zorgkantoor
                && role is TenantRole.Assessor or TenantRole.TenantAdmin,
            Permission.RecordAdmission => kind == TenantKind.Programme && role == TenantRole.ProgrammeLead,
            Permission.ViewSignalDetails => kind == TenantKind.Programme && role == TenantRole.FlatTeamMember,
            Permission.ViewSignalCounts => kind == TenantKind.Programme,
            Permission.ViewAccessLog => kind == TenantKind.Programme && role == TenantRole.TenantAdmin,
            Permission.SubmitApplications => kind == TenantKind.Programme && role is TenantRole.TenantAdmin or TenantRole.ProgrammeLead,
            Permission.ViewReceivedApplications => kind == TenantKind.Zorgkantoor,
            Permission.ViewDashboard => kind == TenantKind.Programme
                && role is TenantRole.TenantAdmin or TenantRole.ProgrammeLead or TenantRole.Observer,
            _ => false,
        };

    /// <summary>Roles that make sense in a tenant of this kind, in the order the UI offers them.</summary>
    public static IReadOnlyList<TenantRole> RolesFor(TenantKind kind) => kind == TenantKind.Programme
        ? [TenantRole.TenantAdmin, TenantRole.ProgrammeLead, TenantRole.FlatTeamMember, TenantRole.Observer]
        : [TenantRole.TenantAdmin, TenantRole.Assessor, TenantRole.Observer];
}
