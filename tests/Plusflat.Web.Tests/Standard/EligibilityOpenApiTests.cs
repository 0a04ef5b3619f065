using System.Net.Http.Json;
using System.Text.Json;

namespace Plusflat.Web.Tests.Standard;

/// <summary>The OpenAPI document describes the standard's and the partner choice's endpoints with the shapes.</summary>
public sealed class EligibilityOpenApiTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    [Fact]
    public async Task OpenApi_DescribesTheCatalogueTheComplexsStandardAndThePartnerSelection()
    {
        var document = await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/v1/{tenant}/standard-catalogue", out var catalogue), "no catalogue path");
        Assert.True(catalogue.TryGetProperty("get", out _));
        Assert.True(catalogue.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/{tenant}/complexes/{id}/standard", out var standard), "no standard path");
        Assert.True(standard.TryGetProperty("get", out _));
        Assert.True(standard.TryGetProperty("put", out _));
        Assert.True(paths.TryGetProperty("/api/v1/{tenant}/complexes/{id}/partner-selection", out var partners), "no partner-selection path");
        Assert.True(partners.TryGetProperty("get", out _));
        Assert.True(partners.TryGetProperty("put", out _));
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("StandardResponse").GetProperty("properties");
        foreach (var property in new[] { "eligible", "gatePassed", "missingMusts", "exclusions", "accelerators", "catalogueVersion", "assessedAt", "dueAt" })
        {
            Assert.True(schema.TryGetProperty(property, out _), $"StandardResponse lacks '{property}'");
        }
    }
}
