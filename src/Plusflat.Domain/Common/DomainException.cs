namespace Plusflat.Domain.Common;

/// <summary>
/// A domain rule refused an action. The message is Dutch and written for the user who tried it;
/// <see cref="Field"/> names the input field the message belongs to, when there is one.
/// </summary>
public sealed class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
