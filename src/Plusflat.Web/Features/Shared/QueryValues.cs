namespace Plusflat.Web.Features.Shared;

/// <summary>
/// Parses API query values by hand, collecting a Dutch message per bad parameter, so a bad value is a
/// 400 problem naming the parameter rather than a bare binding failure.
/// </summary>
public sealed class QueryValues
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public IResult Problem() => Results.ValidationProblem(_errors, title: ApiBody.InvalidTitle);

    /// <summary>A text parameter (search, municipality...): normalised; blank is <c>null</c>; control or bidi characters are refused.</summary>
    public string? Text(string name, string? text) =>
        Plusflat.Domain.Common.PlainText.Problem(text) is { } problem ? Fail<string?>(name, problem)
        : Plusflat.Domain.Common.PlainText.Normalise(text) is { Length: > 0 } value ? value : null;

    public int? Int(string name, string? text) =>
        text is null ? null : int.TryParse(text, out var value) ? value : Fail<int?>(name, "Gebruik een geheel getal.");

    public Guid? Guid(string name, string? text) =>
        text is null ? null : System.Guid.TryParse(text, out var value) ? value : Fail<Guid?>(name, "Gebruik een id (uuid).");

    public bool? Bool(string name, string? text) =>
        text is null ? null : bool.TryParse(text, out var value) ? value : Fail<bool?>(name, "Gebruik true of false.");

    public TEnum? Enum<TEnum>(string name, string? text)
        where TEnum : struct, System.Enum =>
        text is null ? null
        : System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value
        : Fail<TEnum?>(name, "Kies uit: " + string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])) + ".");

    private T Fail<T>(string name, string message)
    {
        _errors[name] = [message];
        return default!;
    }
}
