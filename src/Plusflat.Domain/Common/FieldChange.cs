using System.Globalization;

namespace Plusflat.Domain.Common;

/// <summary>
/// One field that a save changed, with the stored value before and after as invariant text
/// (see <see cref="FieldValues.Of"/>); <c>null</c> is "empty / unknown". The UI turns the field
/// name into its label and the value into what people read (a partner's name, "ja/nee", "72,5%").
/// </summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>Writes stored values as invariant text and finds the fields that differ between two snapshots.</summary>
public static class FieldValues
{
    /// <summary>
    /// The invariant text of a stored value: strings as they are, numbers without thousands separators
    /// ("72.5", never "72.50": 72.50 and 72.5 are the same share), booleans "true"/"false", ids in "D" format,
    /// enums by name.
    /// </summary>
    public static string? Of(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        decimal number => number.ToString("0.##########", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        Enum named => named.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// The fields whose value differs, in the order of <paramref name="after"/>. Both snapshots must name the
    /// same fields in the same order (they come from one method), otherwise it is a bug.
    /// </summary>
    public static IReadOnlyList<FieldChange> Changes(
        IReadOnlyList<(string Field, string? Value)> before, IReadOnlyList<(string Field, string? Value)> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Count != after.Count)
        {
            throw new ArgumentException("Both snapshots must have the same fields.", nameof(after));
        }

        var changes = new List<FieldChange>();
        for (var i = 0; i < after.Count; i++)
        {
            if (before[i].Field != after[i].Field)
            {
                throw new ArgumentException($"Field {i} is {before[i].Field} before and {after[i].Field} after.", nameof(after));
            }

            if (!string.Equals(before[i].Value, after[i].Value, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(after[i].Field, before[i].Value, after[i].Value));
            }
        }

        return changes;
    }
}
