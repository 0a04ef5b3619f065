using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Components.Forms;

/// <summary>
/// What a use case refused, ready for a MudBlazor form: per field (bind <c>Error="@Errors.Has(f)"</c> and
/// <c>ErrorText="@Errors[f]"</c>) and for the whole form (<see cref="FormErrorSummary"/>). An error for a
/// field the form does not show goes to the form level, so no message is ever lost. The typed input is
/// never touched.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);
    private readonly List<string> _form = [];

    public IReadOnlyList<string> FormMessages => _form;

    public int FieldCount => _byField.Count;

    public bool Any => _form.Count > 0 || _byField.Count > 0;

    public bool Has(string field) => _byField.ContainsKey(field);

    public string? this[string field] => _byField.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public IEnumerable<string> Fields => _byField.Keys;

    /// <summary>Replaces what is shown by <paramref name="errors"/>; <paramref name="shownFields"/> are the fields the form has.</summary>
    public void Show(IEnumerable<FieldError> errors, IEnumerable<string> shownFields)
    {
        Clear();
        var shown = shownFields.ToHashSet(StringComparer.Ordinal);
        foreach (var error in errors.Select(e => e with { Message = Localization.DomainText.Translate(e.Message) }))
        {
            if (error.Field is { Length: > 0 } field && shown.Contains(field))
            {
                if (!_byField.TryGetValue(field, out var list))
                {
                    _byField[field] = list = [];
                }

                if (!list.Contains(error.Message, StringComparer.Ordinal))
                {
                    list.Add(error.Message);
                }
            }
            else if (!_form.Contains(error.Message, StringComparer.Ordinal))
            {
                _form.Add(error.Message);
            }
        }
    }

    /// <summary>The fields of an input type, for <see cref="Show"/>.</summary>
    public static IEnumerable<string> FieldsOf<TInput>(params string[] hidden) =>
        typeof(TInput).GetProperties().Select(p => p.Name).Where(n => !hidden.Contains(n, StringComparer.Ordinal));

    public void Clear()
    {
        _byField.Clear();
        _form.Clear();
    }
}
