namespace Plusflat.Domain.Common;

/// <summary>Small checks shared by entity constructors and methods; each throws a <see cref="DomainException"/>.</summary>
public static class Guard
{
    public static string RequiredText(string? value, int maxLength, string field, string label)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException($"{label} is verplicht.", field);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{label} mag hoogstens {maxLength} tekens lang zijn.", field);
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, int maxLength, string field, string label)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{label} mag hoogstens {maxLength} tekens lang zijn.", field);
        }

        return trimmed;
    }
}
