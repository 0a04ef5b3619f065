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
            statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: HandlerResult.ConflictMessage),
        _ => Results.ValidationProblem(
            result.Errors.GroupBy(e => JsonName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "De invoer is niet geldig."),
    };

    /// <summary>Field names as the JSON body spells them (camelCase); "" for errors about the whole request.</summary>
    public static string JsonName(string? field) =>
        string.IsNullOrEmpty(field) ? "" : string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
