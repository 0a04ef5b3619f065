using FluentValidation;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Features.Account;

public sealed class LoginInput
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Not checked as text: <see cref="Login.LocalUrl"/> already turns a URL with control characters into "/".</summary>
    [UncheckedText]
    public string? ReturnUrl { get; set; }
}

public sealed class LoginValidator : InputValidator<LoginInput>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Vul je e-mailadres in.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Vul je wachtwoord in.");
    }
}

public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordValidator : InputValidator<ChangePasswordInput>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Vul je huidige wachtwoord in.");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Kies een nieuw wachtwoord.")
            .MinimumLength(10).WithMessage("Het wachtwoord moet minstens 10 tekens lang zijn.");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("De twee wachtwoorden zijn niet gelijk.");
    }
}

public sealed class SetPasswordInput
{
    public string DisplayName { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class SetPasswordValidator : InputValidator<SetPasswordInput>
{
    public SetPasswordValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Vul je naam in.")
            .MaximumLength(200).WithMessage("Je naam mag hoogstens 200 tekens lang zijn.");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Kies een wachtwoord.")
            .MinimumLength(10).WithMessage("Het wachtwoord moet minstens 10 tekens lang zijn.");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("De twee wachtwoorden zijn niet gelijk.");
    }
}
