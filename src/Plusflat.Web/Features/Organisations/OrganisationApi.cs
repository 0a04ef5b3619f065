namespace Plusflat.Web.Features.Organisations;

/// <summary>JSON API for the partner organisation register: /api/v1/{tenant}/organisations.</summary>
public static class OrganisationApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api) => api;
}
