using System.Linq.Expressions;
using System.Reflection;
using FluentValidation;
using Plusflat.Domain.Common;

namespace Plusflat.Web.Features.Shared;

/// <summary>Marks a text property of an input that may hold line breaks and tabs (notes, reasons).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultilineTextAttribute : Attribute;

/// <summary>Leaves a string property out of the text check; say why where it is used.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UncheckedTextAttribute : Attribute;

/// <summary>
/// The validator every form and API input derives from: before its own rules, every public string property of
/// <typeparamref name="TInput"/> is checked with <see cref="PlainText.Problem"/> (no control characters, no bidi
/// overrides; line breaks only where <see cref="MultilineTextAttribute"/> allows them). So a NUL typed, pasted or
/// sent as <c>"\u0000"</c> is a Dutch message at its field — or a 400 naming it — on every form and endpoint, and
/// never reaches PostgreSQL (which refuses it with an exception). A new input gets this by deriving from here.
/// </summary>
public abstract class InputValidator<TInput> : AbstractValidator<TInput>
{
    protected InputValidator()
    {
        foreach (var property in typeof(TInput).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType == typeof(string) && p.CanRead && p.GetIndexParameters().Length == 0
                                 && p.GetCustomAttribute<UncheckedTextAttribute>() is null))
        {
            var multiline = property.GetCustomAttribute<MultilineTextAttribute>() is not null;
            var input = Expression.Parameter(typeof(TInput), "input");
            var read = Expression.Lambda<Func<TInput, string?>>(Expression.Property(input, property), input);
            RuleFor(read).Custom((text, context) =>
            {
                if (PlainText.Problem(text, multiline) is { } problem)
                {
                    context.AddFailure(property.Name, problem);
                }
            });
        }
    }
}
