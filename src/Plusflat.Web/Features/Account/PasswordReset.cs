using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Plusflat.Infrastructure.Identity;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Messaging;

namespace Plusflat.Web.Features.Account;

public sealed class ForgotPasswordInput
{
    public string Email { get; set; } = "";
}

public sealed class ForgotPasswordValidator : InputValidator<ForgotPasswordInput>
{
    public ForgotPasswordValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Vul je e-mailadres in.");
    }
}

public sealed class ResetPasswordInput
{
    public string UserId { get; set; } = "";

    public string Code { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordValidator : InputValidator<ResetPasswordInput>
{
    public ResetPasswordValidator()
    {
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Kies een nieuw wachtwoord.")
            .MinimumLength(10).WithMessage("Het wachtwoord moet minstens 10 tekens lang zijn.");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("De twee wachtwoorden zijn niet gelijk.");
    }
}

/// <summary>
/// "Wachtwoord vergeten?": a link with Identity's reset token goes out through the outbox. The caller answers
/// the same whether or not the address has an account, so the form reveals nothing.
/// </summary>
public sealed class PasswordResetHandler(
    UserManager<PlusflatUser> users, Outbox outbox, IStringLocalizer<SharedResource> L, ILogger<PasswordResetHandler> logger)
{
    public const string InvalidLink = "Deze link om je wachtwoord te herstellen is ongeldig of verlopen. Vraag hieronder een nieuwe aan.";

    public async Task RequestAsync(string email, Uri baseUri, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user?.Email is null)
        {
            logger.LogInformation("Password reset asked for an address without an account");
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = new Uri(baseUri, $"account/nieuw-wachtwoord?gebruiker={user.Id}&code={code}");
        await outbox.EnqueueAsync(
            user.Email,
            L["Je wachtwoord voor de Plusflat portal herstellen"],
            string.Join('\n',
                string.Format(L["Hallo {0},"], string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName),
                "",
                L["Je hebt gevraagd je wachtwoord voor de Plusflat portal te herstellen. Kies een nieuw wachtwoord via deze link; hij is 2 uur geldig en werkt één keer:"],
                "",
                link.ToString(),
                "",
                L["Heb je dit niet gevraagd? Dan kun je dit bericht negeren; je wachtwoord blijft hetzelfde."]),
            ct);
        logger.LogInformation("Password reset link queued for user {UserId}", user.Id);
    }

    /// <summary>Sets the new password. On success the account is unlocked and every other session ends (new security stamp).</summary>
    public async Task<IReadOnlyList<FieldError>> ResetAsync(ResetPasswordInput input)
    {
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(input.Code));
        }
        catch (FormatException)
        {
            return [new FieldError(null, InvalidLink)];
        }

        var user = Guid.TryParse(input.UserId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null)
        {
            return [new FieldError(null, InvalidLink)];
        }

        var result = await users.ResetPasswordAsync(user, token, input.NewPassword);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)
                    ? new FieldError(null, InvalidLink)
                    : new FieldError(nameof(ResetPasswordInput.NewPassword), e.Description))
                .ToList();
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        logger.LogInformation("Password reset for user {UserId}", user.Id);
        return [];
    }
}
