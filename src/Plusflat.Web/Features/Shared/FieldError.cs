namespace Plusflat.Web.Features.Shared;

/// <summary>
/// Something a use case refused: for one input field (named as the input's property), or for the whole form
/// when <see cref="Field"/> is null. Pages show it at that field, the API as a problem-details entry.
/// </summary>
public sealed record FieldError(string? Field, string Message);
