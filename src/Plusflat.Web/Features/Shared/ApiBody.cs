using System.Text.Json;

namespace Plusflat.Web.Features.Shared;

/// <summary>
/// Reads a JSON request body by hand rather than by parameter binding, whose failures are a bare 400:
/// here an unreadable body ("dwellingCount": "veel", an unknown enum name) is a problem that names the
/// field, like any other bad input.
/// </summary>
public static class ApiBody
{
    public const string InvalidTitle = "De invoer is niet geldig.";

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, CancellationToken ct, Func<string, string?>? messageFor = null)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Stuur de gegevens als JSON (application/json)."));
        }

        try
        {
            var body = await request.ReadFromJsonAsync<T>(ct);
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

    public static IResult MissingVersion() => Invalid("version", "Stuur de versie mee die je het laatst hebt gelezen.");
}
