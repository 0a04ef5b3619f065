namespace Plusflat.Web.Tests.Browser;

/// <summary>What the audit does on a page after it loaded, besides auditing it as loaded.</summary>
public enum AuditStep
{
    /// <summary>Clicks every tab (role=tab) in the content and audits each tab's panel.</summary>
    EachTab,

    /// <summary>
    /// Empties the required fields, presses the form's save/submit button and audits the error state. An empty
    /// "new" form is submitted as it is.
    /// </summary>
    SubmitEmpty,

    /// <summary>
    /// On the page (and on every tab with <see cref="EachTab"/>), presses the content's action buttons one by one
    /// (not links, not submit buttons) and audits every dialog or menu that opens, then closes it again.
    /// </summary>
    OpenDialogs,
}

/// <summary>
/// One page of the audit. <see cref="Path"/> may hold placeholders: {tenant} (the role's tenant), {complex} and
/// {organisation} (the first of the tenant's, by name), {missing} (an id that exists nowhere), {dos-application:Status}
/// (the tenant's first demo DOS application in that status, sent or received), {invitation} (the token of a fresh
/// invitation to the tenant, as the mail carries it) and {password-reset} (a valid reset link's query for a fresh account).
/// <see cref="Status"/> is the HTTP status the page must answer with (null: any).
/// </summary>
public sealed record AuditedPage(string Name, string Path, int? Status = 200, params AuditStep[] Steps)
{
    public override string ToString() => Name;
}

/// <summary>A demo account (null: signed out) in a tenant, and the pages it is audited on.</summary>
public sealed record AuditedRole(string Name, string? Email, string Tenant, IReadOnlyList<AuditedPage> Pages)
{
    public override string ToString() => Name;
}

/// <summary>
/// THE list of what the accessibility audit visits: every page for every demo role. A new page goes here (in
/// <see cref="ProgrammePages"/> when every programme role sees it, else in the role's own list) with the steps
/// that reach its other states (tabs, error state, dialogs).
/// </summary>
public static class AuditedPages
{
    private static readonly AuditedPage NotFound = new("404 (unknown page)", "/{tenant}/bestaat-niet", 404);
    private static readonly AuditedPage UnknownComplex = new("unknown complex", "/{tenant}/complexen/{missing}", null);
    private static readonly AuditedPage ChangePassword = new("change password", "/account/wachtwoord", 200, AuditStep.SubmitEmpty);

    /// <summary>The portal's root: the choice of tenant for an account with several, else on to the only one (or to sign in).</summary>
    private static readonly AuditedPage Root = new("root (/)", "/");

    /// <summary>The programme pages every programme role can read.</summary>
    private static IEnumerable<AuditedPage> ProgrammePages(bool canEdit)
    {
        yield return Root;
        yield return new("start page", "/{tenant}");
        yield return new("overview", "/{tenant}/overzicht");
        yield return new("complexes list", "/{tenant}/complexen");
        yield return canEdit
            ? new("complex detail", "/{tenant}/complexen/{complex}", 200, AuditStep.EachTab, AuditStep.OpenDialogs)
            : new("complex detail", "/{tenant}/complexen/{complex}", 200, AuditStep.EachTab);
        yield return canEdit
            ? new("product standard", "/{tenant}/complexen/{complex}/productstandaard", 200, AuditStep.SubmitEmpty)
            : new("product standard", "/{tenant}/complexen/{complex}/productstandaard");
        // No required field: an empty partner choice is a valid save, so there is no error state to reach by submitting it.
        yield return new("partner choice", "/{tenant}/complexen/{complex}/partnerkeuze");
        yield return new("admission gate", "/{tenant}/complexen/{complex}/toelating");
        yield return new("admission settings", "/{tenant}/instellingen/toelating");
        yield return canEdit
            ? new("product standard versions", "/{tenant}/instellingen/productstandaard", 200, AuditStep.SubmitEmpty)
            : new("product standard versions", "/{tenant}/instellingen/productstandaard");
        yield return new("admission overview", "/{tenant}/toelating");
        yield return new("business case", "/{tenant}/complexen/{complex}/businesscase");
        yield return new("business case print view", "/{tenant}/complexen/{complex}/businesscase/afdruk");
        yield return new("signal counts", "/{tenant}/signalen");
        yield return new("monitoring overview", "/{tenant}/monitoring");
        yield return new("signalling settings", "/{tenant}/instellingen/vroegsignalering");
        yield return new("organisations list", "/{tenant}/organisaties");
        yield return new("organisation page", "/{tenant}/organisaties/{organisation}");
        yield return new("phase checklist", "/{tenant}/fasechecklist");
        yield return new("DOS applications", "/{tenant}/dos-aanvragen");
        yield return canEdit
            ? new("new DOS application", "/{tenant}/complexen/{complex}/dos-aanvraag", 200, AuditStep.SubmitEmpty)
            : new("new DOS application", "/{tenant}/complexen/{complex}/dos-aanvraag");
        yield return new("DOS application with an open question", "/{tenant}/dos-aanvragen/{dos-application:MoreInformationRequested}");
        yield return new("granted DOS application", "/{tenant}/dos-aanvragen/{dos-application:Granted}");
        yield return new("draft DOS application", "/{tenant}/dos-aanvragen/{dos-application:Draft}");
        if (canEdit)
        {
            yield return new("import of quarterly values", "/{tenant}/monitoring/import");
            yield return new("new complex form", "/{tenant}/complexen/nieuw", 200, AuditStep.SubmitEmpty);
            yield return new("edit complex form", "/{tenant}/complexen/{complex}/bewerken", 200, AuditStep.SubmitEmpty);
            yield return new("new organisation form", "/{tenant}/organisaties/nieuw", 200, AuditStep.SubmitEmpty);
            yield return new("edit organisation form", "/{tenant}/organisaties/{organisation}/bewerken", 200, AuditStep.SubmitEmpty);
        }
        else
        {
            yield return new("new complex form (403)", "/{tenant}/complexen/nieuw", 403);
            yield return new("import of quarterly values (403)", "/{tenant}/monitoring/import", 403);
        }

        yield return UnknownComplex;
        yield return NotFound;
        yield return ChangePassword;
    }

    public static readonly IReadOnlyList<AuditedRole> Roles =
    [
        new("programme lead", "lead@lltf-amsterdam.demo", "lltf-amsterdam",
            [.. ProgrammePages(canEdit: true), new("members page (read-only)", "/{tenant}/beheer/leden"),
             new("early signalling (403)", "/{tenant}/complexen/{team-complex}/vroegsignalering", 403),
             new("flat team page (lead edits escalation lines)", "/{tenant}/complexen/{team-complex}/flatteam"),
             new("resident-code settings", "/{tenant}/instellingen/vroegsignalering"),
             new("complex monitoring", "/{tenant}/complexen/{complex}/monitoring", 200, AuditStep.SubmitEmpty),
             new("programme dashboard", "/{tenant}/dashboard"), new("programme dashboard print view", "/{tenant}/dashboard/afdruk")]),
        new("tenant admin", "admin@plusflat.demo", "lltf-amsterdam",
            [.. ProgrammePages(canEdit: true), new("members page", "/{tenant}/beheer/leden", 200, AuditStep.OpenDialogs),
             new("access log", "/{tenant}/beheer/toegangslog"),
             new("programme dashboard", "/{tenant}/dashboard"), new("programme dashboard print view", "/{tenant}/dashboard/afdruk"),
             new("zorgkantoor start page", "/zorgkantoor-amsterdam"), new("zorgkantoor members page", "/zorgkantoor-amsterdam/beheer/leden")]),
        new("flat-team member", "team@lltf-amsterdam.demo", "lltf-amsterdam",
            [.. ProgrammePages(canEdit: false), new("members page (403)", "/{tenant}/beheer/leden", 403),
             new("early signalling meeting page", "/{tenant}/complexen/{team-complex}/vroegsignalering"),
             new("early signalling of another complex (404)", "/{tenant}/complexen/{complex}/vroegsignalering", 404),
             new("flat team page of the own complex", "/{tenant}/complexen/{team-complex}/flatteam"),
             new("monitoring of the own complex (read-only)", "/{tenant}/complexen/{team-complex}/monitoring"),
             new("access log (403)", "/{tenant}/beheer/toegangslog", 403),
             new("programme dashboard (403)", "/{tenant}/dashboard", 403)]),
        new("assessor", "assessor@zorgkantoor-amsterdam.demo", "zorgkantoor-amsterdam",
            [Root, new("start page", "/{tenant}"), new("complexes list (403)", "/{tenant}/complexen", 403),
             new("received DOS applications", "/{tenant}/ontvangen-aanvragen"), new("DOS budget and label register", "/{tenant}/dos-budget"),
             new("received DOS application awaiting a decision", "/{tenant}/ontvangen-aanvragen/{dos-application:Submitted}"),
             new("received DOS application, granted", "/{tenant}/ontvangen-aanvragen/{dos-application:Granted}"),
             new("DOS applications (403)", "/{tenant}/dos-aanvragen", 403), NotFound, ChangePassword]),
        new("signed out", null, "lltf-amsterdam",
            [Root, new("sign-in", "/account/inloggen", 200, AuditStep.SubmitEmpty), new("404 page (signed out, as re-executed for an unknown address)", "/fout/404", 404),
             new("invitation acceptance (new account)", "/{tenant}/uitnodiging/{invitation}", 200, AuditStep.SubmitEmpty),
             new("new password (valid link)", "/account/nieuw-wachtwoord?{password-reset}", 200, AuditStep.SubmitEmpty),
             new("forgot password", "/account/wachtwoord-vergeten", 200, AuditStep.SubmitEmpty),
             new("new password (link without its code)", "/account/nieuw-wachtwoord", 200),
             new("development mailbox", "/account/postvak", 200),
             new("too many sign-in attempts", "/account/te-veel-pogingen", 429)]),
    ];

    public static TheoryData<string> RoleNames()
    {
        var data = new TheoryData<string>();
        foreach (var role in Roles)
        {
            data.Add(role.Name);
        }

        return data;
    }
}
