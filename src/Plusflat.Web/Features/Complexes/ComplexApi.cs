namespace Plusflat.Web.Features.Complexes;

/// <summary>JSON API for complexes and their phases: /api/v1/{tenant}/complexes.</summary>
public static class ComplexApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api) => api;
}
