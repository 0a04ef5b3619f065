using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Plusflat.Web.Tests.Browser;

/// <summary>
/// The accessibility audit: every page of <see cref="AuditedPages"/> for every demo role, in every state the
/// page's steps reach (tabs, error state after an empty submit, open dialogs and menus), audited with axe-core
/// once the circuit is interactive. Fails on any serious or critical WCAG 2.1 A/AA violation, on any browser
/// console error or uncaught page error, on a page answering with another status than expected, and on the
/// portal's own rules (one h1, a title, the page's language). Everything found, milder violations included, is
/// written to the test output and to axe-report-{role}.txt next to the test assembly.
/// </summary>
public sealed class AccessibilityTests(PlusflatBrowserApp app, ITestOutputHelper output) : BrowserTest(app)
{
    private readonly List<string> _failures = [];
    private readonly StringBuilder _report = new();

    [Theory]
    [MemberData(nameof(AuditedPages.RoleNames), MemberType = typeof(AuditedPages))]
    public async Task EveryPage_ForRole_HasNoSeriousOrCriticalViolationsAndNoConsoleErrors(string roleName)
    {
        var role = AuditedPages.Roles.Single(r => r.Name == roleName);
        if (role.Email is not null)
        {
            await SignInAsync(role.Email);
        }

        foreach (var page in role.Pages)
        {
            var path = await ResolveAsync(page.Path, role.Tenant);
            try
            {
                await AuditPageAsync(role, page, path);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // A broken page must not hide the findings on the next ones.
                Fail($"{page.Name} {path}", "could not be audited: " + e.Message.Split('\n')[0]);
                _report.AppendLine($"{page.Name} {path}: could not be audited: {e.Message.Split('\n')[0]}");
                await Page.GotoAsync("about:blank"); // let a pending error navigation finish before the next page
            }
        }

        var report = _report.ToString();
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, $"axe-report-{role.Name.Replace(' ', '-')}.txt"), report);
        Assert.True(_failures.Count == 0, $"{role.Name}: {_failures.Count} problem(s)\n" + string.Join("\n", _failures));
    }

    private async Task AuditPageAsync(AuditedRole role, AuditedPage page, string path)
    {
        // A page that answers 403/404 on purpose makes the browser log the failed document load: that is no defect.
        var allowed = page.Status ?? 404;
        IgnoredConsoleErrors.Clear();
        if (allowed >= 400)
        {
            IgnoredConsoleErrors.Add(e => e.Contains($"status of {allowed}", StringComparison.Ordinal) && e.Contains(path, StringComparison.Ordinal));
        }

        ClearConsoleErrors();
        var response = await GotoAsync(path);
        var label = $"{page.Name} {path}";
        var broken = false;
        if (page.Status is { } expected && response?.Status != expected)
        {
            Fail(label, $"answered {response?.Status} instead of {expected}");
            broken = response?.Status >= 500;
        }

        await AuditStateAsync(label);
        await ScreenshotAsync($"audit-{role.Name}-{page.Name}".Replace(' ', '-').Replace("(", "").Replace(")", ""));

        if (broken)
        {
            _report.AppendLine("  (steps skipped: the page failed)");
        }
        else if (page.Steps.Contains(AuditStep.EachTab))
        {
            var tabs = await Page.Locator("main [role=tab]").CountAsync();
            _report.AppendLine($"  {tabs} tab(s)");
            for (var i = 0; i < tabs; i++)
            {
                var tab = Page.Locator("main [role=tab]").Nth(i);
                var name = (await tab.InnerTextAsync()).Trim();
                await tab.ClickAsync();
                await SettleAsync();
                await AuditStateAsync($"{label} tab \"{name}\"");
                if (page.Steps.Contains(AuditStep.OpenDialogs))
                {
                    await AuditDialogsAsync($"{label} tab \"{name}\"");
                }
            }
        }
        else if (page.Steps.Contains(AuditStep.OpenDialogs))
        {
            await AuditDialogsAsync(label);
        }

        if (!broken && page.Steps.Contains(AuditStep.SubmitEmpty))
        {
            await SubmitEmptyAsync(label);
        }

        foreach (var error in ConsoleErrors)
        {
            Fail(label, error);
        }
    }

    /// <summary>axe on what the page shows now, plus the portal's own rules.</summary>
    private async Task AuditStateAsync(string label)
    {
        var violations = await Axe.AuditAsync(Page);
        _report.AppendLine($"{label}: {(violations.Count == 0 ? "no violations" : $"{violations.Count} violation(s)")}");
        foreach (var violation in violations)
        {
            _report.AppendLine("  " + violation);
            if (violation.IsFailing)
            {
                Fail(label, violation.ToString());
            }
        }

        foreach (var problem in await Page.EvaluateAsync<string[]>(HouseRules))
        {
            _report.AppendLine("  portal rule: " + problem);
            Fail(label, problem);
        }
    }

    /// <summary>What axe leaves to the site: the portal's rules from HELPERS.md (one h1 per page, a title, the language).</summary>
    private const string HouseRules = """
        () => {
          const problems = [];
          const h1s = [...document.querySelectorAll('h1')].filter(h => !h.closest('.mud-dialog'));
          if (h1s.length !== 1) problems.push(`expected one h1, found ${h1s.length}`);
          if (!['nl', 'en'].includes(document.documentElement.lang)) problems.push(`html lang is "${document.documentElement.lang}"`);
          if (!document.title.trim()) problems.push('page has no title');
          const modal = document.getElementById('components-reconnect-modal');
          if (modal && [...modal.classList].some(c => c.startsWith('components-reconnect-') && c !== 'components-reconnect-hide')) problems.push(`reconnect message shown (${modal.className})`);
          return problems;
        }
        """;

    /// <summary>Presses the content's action buttons one at a time and audits each dialog or menu that opens.</summary>
    private async Task AuditDialogsAsync(string label)
    {
        var candidates = await Page.EvaluateAsync<int>("""
            () => {
              let n = 0;
              for (const el of document.querySelectorAll('[data-pf-audit]')) el.removeAttribute('data-pf-audit');
              const panel = document.querySelector('main [role=tabpanel]:not([hidden]):not([style*="display: none"])') || document.querySelector('main');
              for (const b of panel.querySelectorAll('button')) {
                if (b.disabled || b.type === 'submit' || b.getAttribute('role') === 'tab' || b.closest('form, .mud-tabs-tabbar, table thead, .mud-table-pagination, .mud-data-grid .mud-table-head')) continue;
                if (!b.offsetParent) continue;
                b.setAttribute('data-pf-audit', String(n++));
              }
              return n;
            }
            """);
        var opened = 0;
        for (var i = 0; i < candidates; i++)
        {
            var button = Page.Locator($"[data-pf-audit='{i}']");
            if (await button.CountAsync() == 0 || !await button.IsVisibleAsync() || !await button.IsEnabledAsync())
            {
                continue;
            }

            var name = (await button.InnerTextAsync()).Trim();
            if (name.Length == 0)
            {
                name = await button.GetAttributeAsync("aria-label") ?? "(no name)";
            }

            await button.ClickAsync();
            await SettleAsync();
            var dialog = Page.Locator(".mud-dialog-container .mud-dialog, .mud-popover-open");
            if (await dialog.CountAsync() == 0)
            {
                _report.AppendLine($"  button \"{name}\" opened nothing");
                continue;
            }

            opened++;
            await AuditStateAsync($"{label} after \"{name}\" ({(await Page.Locator(".mud-dialog").CountAsync() > 0 ? "dialog" : "menu")})");
            await CloseOverlaysAsync();
        }

        _report.AppendLine($"  {opened} dialog(s)/menu(s) opened from {candidates} button(s)");
    }

    private async Task CloseOverlaysAsync()
    {
        await Page.Keyboard.PressAsync("Escape");
        await SettleAsync();
        foreach (var close in new[] { "Annuleren", "Sluiten" })
        {
            var button = Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = close });
            if (await button.CountAsync() > 0 && await button.First.IsVisibleAsync())
            {
                await button.First.ClickAsync();
                await SettleAsync();
            }
        }

        if (await Page.Locator(".mud-popover-open").CountAsync() > 0)
        {
            await Page.Mouse.ClickAsync(1, 1);
            await SettleAsync();
        }
    }

    private async Task SubmitEmptyAsync(string label)
    {
        var required = Page.Locator("main input[required]:visible, main input[aria-required=true]:visible, main textarea[required]:visible, main textarea[aria-required=true]:visible");
        for (var i = 0; i < await required.CountAsync(); i++)
        {
            await required.Nth(i).FillAsync("");
        }

        var submit = Page.Locator("main button[type=submit]:visible").First;
        if (await submit.CountAsync() == 0)
        {
            submit = Page.Locator("main").GetByRole(AriaRole.Button, new() { NameRegex = new("^(Opslaan|Bewaren|Toevoegen|Aanmaken|.+ opslaan)$") }).First;
        }

        if (await submit.CountAsync() == 0)
        {
            Fail(label, "no submit button to audit the error state with");
            return;
        }

        if (await IsInteractiveAsync())
        {
            await submit.ClickAsync();
            await SettleAsync();
        }
        else
        {
            // A static form posts and the answer replaces the document.
            var posted = Page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
            await submit.ClickAsync();
            await posted;
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        var marked = await Page.Locator("main [aria-invalid=true], main .mud-input-error, main .mud-alert, main [role=alert]").CountAsync();
        _report.AppendLine($"  after an empty submit: {marked} marked field(s)/message(s)");
        if (marked == 0)
        {
            Fail(label, "an empty submit marked no field (the error state was not audited)");
        }

        await AuditStateAsync(label + " after an empty submit");
    }

    private async Task<bool> IsInteractiveAsync() =>
        await Page.EvaluateAsync<bool>("() => document.documentElement.innerHTML.includes('Blazor:{\"type\":\"server\"') || !!document.querySelector('.mud-layout')") &&
        !Page.Url.Contains("/account/", StringComparison.Ordinal);

    private async Task SettleAsync()
    {
        if (await IsInteractiveAsync())
        {
            await WaitForCircuitAsync();
        }

        await Page.WaitForTimeoutAsync(150); // MudBlazor's popover and dialog transitions
    }

    private void Fail(string label, string problem) => _failures.Add($"- {label}: {problem}");

    private async Task<string> ResolveAsync(string path, string tenant)
    {
        path = path.Replace("{tenant}", tenant, StringComparison.Ordinal).Replace("{missing}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        if (path.Contains("{team-complex}", StringComparison.Ordinal))
        {
            // The complex whose flat team team@lltf-amsterdam.demo is on (README, demo data).
            var id = await App.ScalarAsync<Guid>("SELECT c.id FROM complexes c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = @p0 AND c.name = 'De Klimop'", tenant);
            path = path.Replace("{team-complex}", id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{complex}", StringComparison.Ordinal))
        {
            var id = await App.ScalarAsync<Guid>("SELECT c.id FROM complexes c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = @p0 ORDER BY c.name LIMIT 1", tenant);
            path = path.Replace("{complex}", id.ToString(), StringComparison.Ordinal);
        }

        if (System.Text.RegularExpressions.Regex.Match(path, @"\{dos-application:(\w+)\}") is { Success: true } dos)
        {
            var id = await App.ScalarAsync<Guid>("""
                SELECT a.id FROM dos_applications a JOIN tenants t ON t.id = a.tenant_id OR t.id = a.zorgkantoor_tenant_id
                WHERE t.slug = @p0 AND a.status = @p1 ORDER BY a.created_at LIMIT 1
                """, tenant, dos.Groups[1].Value);
            path = path.Replace(dos.Value, id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{invitation}", StringComparison.Ordinal))
        {
            // An invitation as the members page makes it (a new person, so the page asks for a password too).
            var tenantId = await App.ScalarAsync<Guid>("SELECT id FROM tenants WHERE slug = @p0", tenant);
            var token = Plusflat.Web.Features.Members.InvitationTokens.NewToken();
            var (scope, db) = App.TenantDb(tenantId);
            using (scope)
            {
                db.Invitations.Add(new Plusflat.Domain.Tenancy.Invitation(tenantId, $"audit-{Guid.NewGuid():N}@example.test",
                    Plusflat.Domain.Tenancy.TenantRole.Observer, Plusflat.Web.Features.Members.InvitationTokens.Hash(token), Guid.NewGuid(), DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }

            path = path.Replace("{invitation}", token, StringComparison.Ordinal);
        }

        if (path.Contains("{password-reset}", StringComparison.Ordinal))
        {
            // The query of the link the reset mail carries (PasswordResetHandler), for a fresh account.
            await using var scope = App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Plusflat.Infrastructure.Identity.PlusflatUser>>();
            var email = $"audit-{Guid.NewGuid():N}@example.test";
            var user = new Plusflat.Infrastructure.Identity.PlusflatUser { Email = email, UserName = email, DisplayName = "Audit", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, PlusflatApp.DemoPassword)).Succeeded);
            var code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(
                Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            path = path.Replace("{password-reset}", $"gebruiker={user.Id}&code={code}", StringComparison.Ordinal);
        }

        if (path.Contains("{organisation}", StringComparison.Ordinal))
        {
            var id = await App.ScalarAsync<Guid>("SELECT o.id FROM organisations o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = @p0 ORDER BY o.name LIMIT 1", tenant);
            path = path.Replace("{organisation}", id.ToString(), StringComparison.Ordinal);
        }

        return path;
    }

    [Fact]
    public async Task Audit_OfAPageWithANamelessButtonAnImageWithoutAltAndFaintText_ReportsEachAsFailingWithItsTarget()
    {
        await GotoAsync("/account/inloggen");
        Assert.DoesNotContain(await Axe.AuditAsync(Page), v => v.IsFailing);

        await Page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<button id=\"nameless\"></button><img id=\"no-alt\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><p id=\"faint\" style=\"color:#ddd;background:#fff\">Vage tekst</p>')");
        var violations = await Axe.AuditAsync(Page);

        Assert.Contains(violations, v => v.Rule == "button-name" && v.IsFailing && v.Targets.Contains("#nameless"));
        Assert.Contains(violations, v => v.Rule == "image-alt" && v.IsFailing && v.Targets.Contains("#no-alt"));
        Assert.Contains(violations, v => v.Rule == "color-contrast" && v.IsFailing && v.Targets.Contains("#faint"));
        Assert.Contains("dequeuniversity.com", violations[0].HelpUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkipLink_IsTheFirstTabStopAndMovesFocusToTheContent()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        await GotoAsync("/lltf-amsterdam/complexen");

        await Page.Keyboard.PressAsync("Tab");
        var focused = await Page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        await Page.Keyboard.PressAsync("Enter");

        Assert.Equal("Naar de inhoud", focused);
        Assert.EndsWith("#inhoud", Page.Url, StringComparison.Ordinal);
    }
}
