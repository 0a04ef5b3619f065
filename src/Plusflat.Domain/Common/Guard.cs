namespace Plusflat.Domain.Common;

/// <summary>Small checks shared by entity constructors and methods; each throws a <see cref="DomainException"/>.</summary>
public static class Guard
{
    /// <summary>Text that must be there: normalised and checked by <see cref="PlainText"/>, at most <paramref name="maxLength"/> long.</summary>
    /// <param name="multiline">Notes and reasons may hold line breaks and tabs; names and other one-line text may not.</param>
    public static string RequiredText(string? value, int maxLength, string field, string label, bool multiline = false)
    {
        var trimmed = PlainText.Normalise(value) ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException($"{label} is verplicht.", field);
        }

        return Checked(trimmed, maxLength, field, label, multiline);
    }

    /// <inheritdoc cref="RequiredText"/>
    public static string? OptionalText(string? value, int maxLength, string field, string label, bool multiline = false)
    {
        var trimmed = PlainText.Normalise(value);
        return string.IsNullOrEmpty(trimmed) ? null : Checked(trimmed, maxLength, field, label, multiline);
    }

    private static string Checked(string text, int maxLength, string field, string label, bool multiline)
    {
        if (PlainText.Problem(text, multiline) is { } problem)
        {
            throw new DomainException(problem, field);
        }

        if (text.Length > maxLength)
        {
            throw new DomainException($"{label} mag hoogstens {maxLength} tekens lang zijn.", field);
        }

        return text;
    }
}
