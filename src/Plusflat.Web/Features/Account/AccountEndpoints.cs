using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Plusflat.Infrastructure.Identity;

namespace Plusflat.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        // Sign-out is a POST with an antiforgery token, so another site cannot sign a user out.
        // Checked here: the antiforgery middleware only validates minimal APIs that bind form data.
        // Signing out renews the security stamp, so a copy of the cookie (and every open circuit) stops working too.
        app.MapPost("/account/uitloggen", async (HttpContext context, IAntiforgery antiforgery, SignInManager<PlusflatUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/inloggen?uitgelogd=true");
        });

        // The language switch is a plain link: it only sets a preference cookie.
        app.MapGet("/cultuur", (HttpContext context, string? taal, string? terug) =>
        {
            var culture = taal == "en" ? "en-GB" : "nl-NL";
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(Login.LocalUrl(terug));
        }).AllowAnonymous();
        return app;
    }
}
