namespace Plusflat.Domain.Tenancy;

/// <summary>A user's role within one tenant. A user can hold several roles in several tenants.</summary>
public enum TenantRole
{
    TenantAdmin = 1,
    ProgrammeLead = 2,
    FlatTeamMember = 3,
    Assessor = 4,
    Observer = 5,
}
