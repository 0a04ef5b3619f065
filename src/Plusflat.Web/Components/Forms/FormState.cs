using Microsoft.AspNetCore.Components.Forms;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Components.Forms;

/// <summary>
/// A form's input and its edit context, plus a message store for what the server found
/// (domain rules, conflicts). The user's typed values stay in <see cref="Input"/> on every error.
/// </summary>
public sealed class FormState<TInput>
    where TInput : class
{
    private readonly ValidationMessageStore _serverMessages;

    public FormState(TInput input)
    {
        Input = input;
        Context = new EditContext(input);
        _serverMessages = new ValidationMessageStore(Context);
        Context.OnValidationRequested += (_, _) => _serverMessages.Clear();
    }

    public TInput Input { get; }

    public EditContext Context { get; }

    public IReadOnlyList<string> FormMessages => Context.GetValidationMessages(new FieldIdentifier(Input, "")).ToList();

    public bool HasErrors => Context.GetValidationMessages().Any();

    /// <summary>
    /// Shows the errors at their fields. An error for a field the user cannot see — not a property of
    /// the input, or one of <paramref name="hiddenFields"/> (e.g. the target phase in a hidden input) —
    /// is shown above the form instead, so no message is ever lost.
    /// </summary>
    public void Show(IEnumerable<FieldError> errors, params string[] hiddenFields)
    {
        foreach (var error in errors)
        {
            var visible = error.Field is { Length: > 0 } field
                          && typeof(TInput).GetProperty(field) is not null
                          && !hiddenFields.Contains(field, StringComparer.Ordinal);
            _serverMessages.Add(new FieldIdentifier(Input, visible ? error.Field! : ""), Localization.DomainText.Translate(error.Message));
        }

        Context.NotifyValidationStateChanged();
    }
}
