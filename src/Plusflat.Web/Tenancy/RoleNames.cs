using Plusflat.Domain.Tenancy;

namespace Plusflat.Web.Tenancy;

/// <summary>Dutch names of the roles (localization keys).</summary>
public static class RoleNames
{
    public static string Of(TenantRole role) => role switch
    {
        TenantRole.TenantAdmin => "Beheerder",
        TenantRole.ProgrammeLead => "Programmaleider",
        TenantRole.FlatTeamMember => "Flatteamlid",
        TenantRole.Assessor => "Beoordelaar",
        TenantRole.Observer => "Meelezer",
        _ => role.ToString(),
    };
}
