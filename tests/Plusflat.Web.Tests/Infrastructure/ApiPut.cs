using System.Text.Json;

namespace Plusflat.Web.Tests.Infrastructure;

/// <summary>
/// A PUT replaces everything and must name every field of its request (a left-out field is a 400): this fills in
/// the fields a test does not care about with their empty value (null, or false for a yes/no field), so a test
/// body stays short: <c>ApiPut.Complete&lt;OrganisationRequest&gt;(new { name, kind, version })</c>.
/// </summary>
public static class ApiPut
{
    public static Dictionary<string, object?> Complete<TRequest>(object body)
    {
        var given = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(body), JsonSerializerOptions.Web)!;
        var complete = new Dictionary<string, object?>(given, StringComparer.OrdinalIgnoreCase);
        foreach (var property in typeof(TRequest).GetProperties())
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!complete.ContainsKey(name))
            {
                complete[name] = property.PropertyType == typeof(bool) ? false : null;
            }
        }

        return complete;
    }
}
