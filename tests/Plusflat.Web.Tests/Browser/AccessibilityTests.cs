using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Browser;

public sealed class AccessibilityTests(PlusflatBrowserApp app) : BrowserTest(app)
{
    private const string Check = """
        () => {
          const problems = [];
          const h1s = document.querySelectorAll('h1');
          if (h1s.length !== 1) problems.push(`expected one h1, found ${h1s.length}`);
          if (!document.documentElement.lang) problems.push('html has no lang');
          if (!document.title.trim()) problems.push('page has no title');
          for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
            const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
            if (!labelled) problems.push(`unlabelled ${el.tagName.toLowerCase()} ${el.name || el.id}`);
          }
          for (const el of document.querySelectorAll('[aria-describedby]')) {
            for (const ref of el.getAttribute('aria-describedby').split(/\s+/)) {
              if (!document.getElementById(ref)) problems.push(`aria-describedby of ${el.id} points at missing ${ref}`);
            }
          }
          for (const el of document.querySelectorAll('[aria-required=true]')) {
            const label = el.labels && el.labels[0];
            if (!label || !label.querySelector('.pf-required')) problems.push(`required ${el.id} has no visible marker`);
          }
          for (const b of document.querySelectorAll('button, a[href]')) {
            if (!(b.textContent || b.getAttribute('aria-label') || '').trim()) problems.push(`nameless ${b.tagName.toLowerCase()} ${b.outerHTML.slice(0, 80)}`);
          }
          for (const img of document.querySelectorAll('img')) {
            if (!img.hasAttribute('alt')) problems.push(`img without alt ${img.src}`);
          }
          const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
          const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
          if (dup.length) problems.push(`duplicate ids ${[...new Set(dup)].join(', ')}`);
          return problems;
        }
        """;

    [Fact]
    public async Task MainPages_HaveOneH1LabelledControlsAndNoDuplicateIds()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        await Page.GotoAsync("/lltf-amsterdam/complexen");
        var detail = await Page.Locator("table a.utrecht-link").First.GetAttributeAsync("href");
        var pages = new[]
        {
            "/lltf-amsterdam", "/lltf-amsterdam/overzicht", "/lltf-amsterdam/complexen", detail!, "/lltf-amsterdam/complexen/nieuw",
            "/lltf-amsterdam/organisaties", "/lltf-amsterdam/organisaties/nieuw", "/lltf-amsterdam/fasechecklist", "/account/wachtwoord",
        };

        var problems = new List<string>();
        foreach (var url in pages)
        {
            await Page.GotoAsync(url);
            await ScreenshotAsync("page" + url.Replace('/', '_'));
            var found = await Page.EvaluateAsync<string[]>(Check);
            problems.AddRange(found.Select(p => $"{url}: {p}"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task SkipLink_IsTheFirstTabStopAndMovesFocusToTheContent()
    {
        await SignInAsync("lead@lltf-amsterdam.demo");
        await Page.GotoAsync("/lltf-amsterdam/complexen");

        await Page.Keyboard.PressAsync("Tab");
        var focused = await Page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        await Page.Keyboard.PressAsync("Enter");

        Assert.Equal("Naar de inhoud", focused);
        Assert.EndsWith("#inhoud", Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_ForAnonymousUser_HasLabelledFields()
    {
        await Page.GotoAsync("/account/inloggen");

        Assert.Empty(await Page.EvaluateAsync<string[]>(Check));
        await Assertions.Expect(Page.GetByLabel("E-mailadres")).ToBeVisibleAsync();
    }
}
