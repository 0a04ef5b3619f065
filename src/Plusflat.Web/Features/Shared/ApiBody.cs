using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace Plusflat.Web.Features.Shared;

/// <summary>
/// Reads a JSON request body by hand rather than by parameter binding, whose failures are a bare 400:
/// here an unreadable body ("dwellingCount": "veel", an unknown enum name) is a problem that names the
/// field, like any other bad input.
/// </summary>
/// <remarks>
/// A PUT replaces everything the resource has, so its body must name every field of <c>T</c> (nested objects
/// included); one left out is a 400 naming it. Otherwise a client that does not know a field (an older client,
/// a typo) would silently set it to null — e.g. wipe the stored share of 65-plussers. Null clears a field on purpose.
/// POST keeps optional fields optional.
/// </remarks>
public static class ApiBody
{
    public const string InvalidTitle = "De invoer is niet geldig.";

    public const string MissingFieldMessage =
        "Dit veld ontbreekt. Een PUT vervangt alle gegevens: stuur elk veld mee, met null om het leeg te maken.";

    public const string MissingVersionMessage = "Stuur de versie mee die je het laatst hebt gelezen.";

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, CancellationToken ct, Func<string, string?>? messageFor = null)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Stuur de gegevens als JSON (application/json)."));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, ct);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Invalid("", "Stuur de gegevens als JSON-object."));
            }

            // Read first: a value that cannot be read ("ja" for a boolean) is named as such, even in an incomplete PUT.
            var body = document.RootElement.Deserialize<T>(options);
            if (HttpMethods.IsPut(request.Method) && Missing(document.RootElement, options.GetTypeInfo(typeof(T)), options, "") is { Count: > 0 } missing)
            {
                return (null, Results.ValidationProblem(
                    missing.ToDictionary(field => field, field => new[] { field == "version" ? MissingVersionMessage : MissingFieldMessage }),
                    title: InvalidTitle));
            }

            return body is null ? (null, Invalid("", "Stuur de gegevens als JSON-object.")) : (body, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "";
            return (null, Invalid(field, messageFor?.Invoke(field) ?? "Deze waarde kan niet worden gelezen; controleer het type (getal, tekst, true/false)."));
        }
    }

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: InvalidTitle);

    public static IResult MissingVersion() => Invalid("version", MissingVersionMessage);

    /// <summary>The fields of <paramref name="type"/> the object does not name, as JSON paths ("careProviderFacts.wlzMpt").</summary>
    private static List<string> Missing(JsonElement json, JsonTypeInfo type, JsonSerializerOptions options, string prefix)
    {
        var comparison = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var given = json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, comparison);
        var missing = new List<string>();
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(OptionalInPutAttribute), inherit: true) == true && !given.ContainsKey(property.Name))
            {
                continue;
            }

            if (!given.TryGetValue(property.Name, out var value))
            {
                missing.Add(prefix + property.Name);
                continue;
            }

            if (value.ValueKind == JsonValueKind.Object
                && options.GetTypeInfo(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) is { Kind: JsonTypeInfoKind.Object } nested)
            {
                missing.AddRange(Missing(value, nested, options, prefix + property.Name + "."));
            }
        }

        return missing;
    }
}

/// <summary>
/// A field a PUT may leave out, where the API says so: the <c>version</c> of a resource that does not exist yet
/// (the first admission gate, standard assessment or partner choice of a complex). Everything else must be sent.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionalInPutAttribute : Attribute;
