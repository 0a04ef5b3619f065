using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Plusflat.Web.Components.Forms;

/// <summary>Runs the input's FluentValidation validator when the form is submitted and shows its messages at the fields.</summary>
public sealed class FluentValidator<TInput> : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _context;

    [CascadingParameter]
    public EditContext? EditContext { get; set; }

    [Inject]
    public required IValidator<TInput> Validator { get; set; }

    protected override void OnInitialized()
    {
        _context = EditContext ?? throw new InvalidOperationException("FluentValidator must be inside an EditForm.");
        _messages = new ValidationMessageStore(_context);
        _context.OnValidationRequested += Validate;
    }

    public void Dispose()
    {
        if (_context is not null)
        {
            _context.OnValidationRequested -= Validate;
        }
    }

    private void Validate(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        var result = Validator.Validate((TInput)_context!.Model);
        foreach (var error in result.Errors)
        {
            _messages.Add(_context.Field(error.PropertyName), Localization.DomainText.Translate(error.ErrorMessage));
        }

        _context.NotifyValidationStateChanged();
    }
}
