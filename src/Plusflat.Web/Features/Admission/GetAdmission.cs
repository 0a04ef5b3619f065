using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Admission;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Admission;

/// <summary>
/// A complex's admission gate as the page and the API show it: the latest facts (as form input), the outcome computed
/// now from them, the programme's bound and the dwellings as they are, who assessed it when, the earlier assessments,
/// and the programme's other complexes to group with. Plain values, so the prerender can hand it to the circuit.
/// </summary>
public sealed record AdmissionView(
    Guid ComplexId,
    string ComplexName,
    int Dwellings,
    int MinimumDwellings,
    AdmissionInput Input,
    bool Passed,
    IReadOnlyList<ThresholdView> Thresholds,
    DateTimeOffset? AssessedAt,
    string? AssessedBy,
    IReadOnlyList<AssessmentEntry> History,
    IReadOnlyList<GroupOption> GroupOptions)
{
    public int Version => Input.Version;

    public string NameOf(Guid id) => GroupOptions.FirstOrDefault(o => o.Id == id)?.Name ?? "";
}

/// <summary>One threshold: its key ("concentration", "need", "governance"), whether it passed, and why.</summary>
public sealed record ThresholdView(string Key, bool Passed, IReadOnlyList<ReasonView> Reasons);

/// <summary>A reason as a Dutch format with its arguments (for the page to translate) and as Dutch text (for the API).</summary>
public sealed record ReasonView(string Template, IReadOnlyList<string> Arguments, string Text, bool Blocks);

/// <summary>An assessment on record: its number, when and by whom.</summary>
public sealed record AssessmentEntry(int Sequence, DateTimeOffset At, string By);

/// <summary>A complex of the programme that this one can be grouped with.</summary>
public sealed record GroupOption(Guid Id, string Name, int Dwellings);

public sealed class GetAdmissionHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<AdmissionView?> GetAsync(Guid complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complex = await db.Complexes.AsNoTracking().Where(c => c.Id == complexId)
            .Select(c => new { c.Id, c.Name, c.DwellingCount }).FirstOrDefaultAsync(ct);
        if (complex is null)
        {
            return null;
        }

        var assessments = await db.AdmissionAssessments.AsNoTracking().Where(a => a.ComplexId == complexId)
            .OrderByDescending(a => a.Sequence).ToListAsync(ct);
        var latest = assessments.FirstOrDefault();
        var minimum = AdmissionSettings.MinimumFor(await db.AdmissionSettings.AsNoTracking().FirstOrDefaultAsync(ct));
        var options = (await db.Complexes.AsNoTracking().Where(c => c.Id != complexId)
                .Select(c => new { c.Id, c.Name, c.DwellingCount }).ToListAsync(ct))
            .Select(c => new GroupOption(c.Id, c.Name, c.DwellingCount.Value))
            .OrderBy(o => o.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true)).ToList();

        var facts = latest?.ToFacts();
        var outcome = EvaluateNow(facts, complex.DwellingCount.Value, options, minimum, Dates.Today(clock));

        return new AdmissionView(
            complex.Id,
            complex.Name,
            complex.DwellingCount.Value,
            minimum,
            facts is null ? new AdmissionInput() : AdmissionInput.From(facts, latest!.Sequence),
            outcome.Passed,
            [.. outcome.Thresholds.Select(ToView)],
            latest?.AssessedAt,
            latest?.AssessedByName,
            [.. assessments.Select(a => new AssessmentEntry(a.Sequence, a.AssessedAt, a.AssessedByName))],
            options);
    }

    /// <summary>
    /// The rule on the data as it is now: the grouped complexes' current dwellings (one that no longer exists is left
    /// out), the programme's bound and today. The list and the detail compute the same way.
    /// </summary>
    internal static AdmissionOutcome EvaluateNow(
        AdmissionFacts? facts, int dwellings, IReadOnlyCollection<GroupOption> complexes, int minimum, DateOnly today)
    {
        var grouped = (facts?.Concentration.GroupedWith ?? [])
            .Select(id => complexes.FirstOrDefault(o => o.Id == id))
            .OfType<GroupOption>()
            .Select(o => new GroupedComplex(o.Id, o.Name, o.Dwellings))
            .ToList();
        return AdmissionGate.Evaluate(facts, new AdmissionScale(minimum, dwellings, grouped), today);
    }

    public static string KeyOf(AdmissionThreshold threshold) => threshold switch
    {
        AdmissionThreshold.Concentration => "concentration",
        AdmissionThreshold.Need => "need",
        _ => "governance",
    };

    internal static ThresholdView ToView(ThresholdOutcome threshold) => new(
        KeyOf(threshold.Threshold),
        threshold.Passed,
        [.. threshold.Reasons.Select(r => new ReasonView(r.Template, [.. r.Arguments.Select(Show)], r.Text, r.Blocks))]);

    private static string Show(object argument) => argument switch
    {
        DateOnly date => Dates.Show(date),
        IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
        _ => argument.ToString() ?? "",
    };
}
