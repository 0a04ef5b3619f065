using System.Text.Json;

namespace Plusflat.Web.Features.Shared;

/// <summary>Turns handler results into HTTP answers: 400 problem details naming each field, 409, 404.</summary>
public static class ApiResults
{
    public static IResult From(HandlerResult result, Func<IResult> onSuccess) => result.Kind switch
    {
        ResultKind.Ok => onSuccess(),
        ResultKind.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"),
        ResultKind.Conflict => Results.Problem(
            statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            detail: result.Errors.FirstOrDefault()?.Message == HandlerResult.ConflictMessage
                ? "Iemand anders heeft dit intussen gewijzigd. Lees de huidige gegevens opnieuw en stuur je wijziging met de nieuwe versie."
                : result.Errors.FirstOrDefault()?.Message),
        _ => Results.ValidationProblem(
            result.Errors.GroupBy(e => JsonName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "De invoer is niet geldig."),
    };

    /// <summary>409 with what is stored now, so the client can show or merge the current values.</summary>
    public static IResult Conflict(object current) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflict",
        detail: "Iemand anders heeft dit intussen gewijzigd. 'current' bevat de huidige gegevens met hun versie; stuur je wijziging opnieuw met die versie om ze te overschrijven.",
        extensions: new Dictionary<string, object?> { ["current"] = current });

    /// <summary>Field names as the JSON body spells them (camelCase); "" for errors about the whole request.</summary>
    public static string JsonName(string? field) =>
        string.IsNullOrEmpty(field) ? "" : string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
