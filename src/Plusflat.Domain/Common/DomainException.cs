namespace Plusflat.Domain.Common;

/// <summary>One refused field: a Dutch message for the user and the input field it belongs to (null: the whole action).</summary>
public sealed record DomainError(string? Field, string Message);

/// <summary>
/// A domain rule refused an action. The message is Dutch and written for the user who tried it;
/// <see cref="Field"/> names the input field the message belongs to, when there is one. When several
/// fields are wrong at once (a form with many fields), <see cref="Errors"/> holds every one of them.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message, string? field = null)
        : base(message)
    {
        Field = field;
        Errors = [new DomainError(field, message)];
    }

    public DomainException(IReadOnlyList<DomainError> errors)
        : base(errors.Count > 0 ? errors[0].Message : "Ongeldige invoer.")
    {
        Errors = errors.Count > 0 ? errors : [new DomainError(null, Message)];
        Field = Errors[0].Field;
    }

    public string? Field { get; }

    public IReadOnlyList<DomainError> Errors { get; }

    /// <summary>Runs each check and collects every refusal, so the user hears about all wrong fields at once.</summary>
    public static void ThrowAll(params Action[] checks)
    {
        var errors = new List<DomainError>();
        foreach (var check in checks)
        {
            try
            {
                check();
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }
    }
}
