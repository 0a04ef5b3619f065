using System.Text.Json;
using Microsoft.Playwright;

namespace Plusflat.Web.Tests.Browser;

/// <summary>
/// axe-core (npm, pinned in this project's package-lock.json, copied next to the test assembly by the build)
/// run inside the page. The portal's CSP is <c>script-src 'self'</c>, which blocks an injected script tag, so
/// the engine is evaluated through the DevTools protocol instead: CSP does not apply to that, and it stays in
/// force for the page itself (a CSP violation of the portal still shows up as a console error).
/// </summary>
public static class Axe
{
    /// <summary>WCAG 2.0 and 2.1, levels A and AA: what Dutch public bodies must meet.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Impacts that fail the audit.</summary>
    public static readonly string[] Failing = ["serious", "critical"];

    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException("axe.min.js is missing: the test project's build runs `npm ci` (needs Node.js and npm) and copies it next to the test assembly.", path);
    });

    public sealed record Violation(string Rule, string Impact, string Help, string HelpUrl, IReadOnlyList<string> Targets)
    {
        public bool IsFailing => Failing.Contains(Impact);

        public override string ToString() =>
            $"{Rule} ({Impact}): {Help} — {string.Join(" | ", Targets.Take(5))}{(Targets.Count > 5 ? $" (+{Targets.Count - 5} more)" : "")} <{HelpUrl}>";
    }

    private const string Run = """
        async (tags) => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return result.violations.map(v => ({
            rule: v.id,
            impact: v.impact || 'unknown',
            help: v.help,
            helpUrl: v.helpUrl,
            targets: v.nodes.map(n => n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' ')),
          }));
        }
        """;

    /// <summary>All WCAG 2.1 A/AA violations of what the page shows now (every impact; see <see cref="Violation.IsFailing"/>).</summary>
    public static async Task<IReadOnlyList<Violation>> AuditAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var found = await page.EvaluateAsync<JsonElement>(Run, Tags);
        return found.EnumerateArray().Select(v => new Violation(
            v.GetProperty("rule").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            v.GetProperty("helpUrl").GetString()!,
            v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }
}
