using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>A problem of a row at its column ("Wooncomplex", "Kwartaal", ...; null for the whole row).</summary>
public sealed record ImportProblemView(string? Column, string Message);

/// <summary>One row of the file as the preview shows it: what was typed, what it matched, the stored value and what the import does with it.</summary>
public sealed record ImportRowView(
    int Row,
    string Complex,
    string Postcode,
    string Indicator,
    string Quarter,
    string Value,
    Guid? ComplexId,
    string? ComplexName,
    string? IndicatorKey,
    string? IndicatorName,
    decimal? NewValue,
    decimal? CurrentValue,
    [property: JsonConverter(typeof(CamelCaseEnum<ImportRowEffect>))] ImportRowEffect Effect,
    IReadOnlyList<ImportProblemView> Problems)
{
    public static ImportRowView From(CheckedImportRow r, IndicatorCatalogue catalogue) => new(r.Number, r.Complex, r.Postcode, r.Indicator, r.QuarterText, r.ValueText,
        r.ComplexId, r.ComplexName, r.IndicatorKey, catalogue.Find(r.IndicatorKey)?.Name, r.Value, r.Current, r.Effect, [.. r.Problems.Select(p => new ImportProblemView(p.Field, p.Message))]);
}

/// <summary>
/// The preview or the outcome of an import. <see cref="Clean"/>: no problem in the file; <see cref="Imported"/>: the values
/// written (added or changed; 0 for a preview); <see cref="Fingerprint"/>: the stored versions the preview read, for the
/// import to refuse when someone changed them meanwhile.
/// </summary>
public sealed record ImportReport(
    bool Clean,
    bool DryRun,
    int Imported,
    int Unchanged,
    IReadOnlyList<string> FileErrors,
    IReadOnlyList<ImportRowView> Rows,
    string Fingerprint,
    bool Conflict = false)
{
    public int Refused => Rows.Count(r => r.Effect == ImportRowEffect.Refused);

    public static ImportReport Unreadable(string message, bool dryRun) => new(false, dryRun, 0, 0, [message], [], "");
}

/// <summary>
/// Imports a file of quarterly (and baseline) values (ADR 0033): every row checked by the domain's rules, nothing written
/// unless the whole file is clean, then every value merged into its complex's quarter row (other indicators stay) in one
/// transaction. Stale rows are a conflict: a changed version since the preview (its fingerprint), or since this import
/// read them (xmin), never an overwrite.
/// </summary>
public sealed class ImportIndicatorValuesHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    /// <summary>Far above a programme's yearly file (a hundred complexes, seven indicators, a few years: some hundred kB).</summary>
    public const long MaximumBytes = 10 * 1024 * 1024;

    public const string TooLargeMessage = "Het bestand is groter dan 10 MB. Splits het in kleinere bestanden.";

    public const string StaleMessage = "Iemand anders heeft intussen waarden van deze wooncomplexen gewijzigd. Bekijk het voorbeeld opnieuw en importeer dan.";

    /// <summary>The preview: the file checked against what is stored now; writes nothing.</summary>
    public async Task<ImportReport> PreviewAsync(byte[] file, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        var (rows, problem) = Read(file);
        if (rows is null)
        {
            return ImportReport.Unreadable(problem!, dryRun: true);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var catalogue = await MonitoringAccess.ReadCatalogueAsync(db, tenant.Id, clock.GetUtcNow(), ct);
        var complexes = await ComplexesAsync(db, tracked: false, ct);
        var check = IndicatorValueFile.Check(rows, catalogue, complexes, Dates.Today(clock));
        return Report(check, complexes, catalogue, dryRun: true, imported: 0);
    }

    /// <param name="fingerprint">The preview's <see cref="ImportReport.Fingerprint"/>; null to import without a preview (the API).</param>
    public async Task<ImportReport> ImportAsync(byte[] file, string? fingerprint, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        var (rows, problem) = Read(file);
        if (rows is null)
        {
            return ImportReport.Unreadable(problem!, dryRun: false);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        ImportReport? report = null;
        var result = await HandlerExecution.SaveAsync(db, async () =>
        {
            var now = clock.GetUtcNow();
            var today = Dates.Today(clock);
            var catalogue = await MonitoringAccess.GetOrStartCatalogueAsync(db, tenant.Id, now, ct);
            var complexes = await ComplexesAsync(db, tracked: true, ct);
            var check = IndicatorValueFile.Check(rows, catalogue, complexes, today);
            if (!check.Clean)
            {
                report = Report(check, complexes, catalogue, dryRun: false, imported: 0);
                return HandlerResult.Invalid(new FieldError(null, "Het bestand is niet schoon."));
            }

            if (fingerprint is not null && fingerprint != Fingerprint(check, complexes))
            {
                return HandlerResult.Conflict();
            }

            var actor = await Actor.CurrentAsync(db, tenant, ct);
            var byId = complexes.ToDictionary(c => c.Id);
            var written = check.Rows.Count(r => r.Effect != ImportRowEffect.Unchanged);
            var changing = check.Rows.Where(r => r.Effect != ImportRowEffect.Unchanged).Select(r => (r.ComplexId!.Value, r.Quarter)).ToHashSet();
            foreach (var (complexId, values) in check.BaselineValues().Where(b => changing.Contains((b.Key, null))))
            {
                byId[complexId].Baseline!.MergeValues(catalogue, values, actor.Name, now);
            }

            foreach (var ((complexId, quarter), values) in check.QuarterValues().Where(q => changing.Contains((q.Key.ComplexId, q.Key.Quarter))))
            {
                var complex = byId[complexId];
                if (complex.Quarters.FirstOrDefault(v => v.Quarter == quarter) is { } stored)
                {
                    stored.Merge(catalogue, values, actor.Name, now);
                }
                else
                {
                    db.QuarterlyValues.Add(new QuarterlyValues(tenant.Id, complex.Baseline!, quarter, catalogue, values, today, actor.Name, now));
                }
            }

            report = Report(check, complexes, catalogue, dryRun: false, imported: written);
            return HandlerResult.Ok();
        }, ct);

        return result.Kind switch
        {
            ResultKind.Ok => report!,
            ResultKind.Conflict => new ImportReport(false, false, 0, 0, [StaleMessage], report?.Rows ?? [], "", Conflict: true),
            _ when report is not null => report,
            _ => new ImportReport(false, false, 0, 0, [.. result.Errors.Select(e => e.Message)], [], ""),
        };
    }

    /// <summary>A file's bytes as rows, or why it cannot be read (too large, not a CSV or .xlsx).</summary>
    private static (IReadOnlyList<SheetRow>? Rows, string? Problem) Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.LongLength > MaximumBytes)
        {
            return (null, TooLargeMessage);
        }

        try
        {
            return (IndicatorValueSheets.Read(file), null);
        }
        catch (UnreadableFileException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>Every complex of the programme with its baseline and stored quarters (tracked for the import, which merges into them).</summary>
    private static async Task<List<ImportComplex>> ComplexesAsync(PlusflatDbContext db, bool tracked, CancellationToken ct)
    {
        var complexes = await db.Complexes.AsNoTracking().Select(c => new { c.Id, c.Name, c.Postcode }).ToListAsync(ct);
        var baselines = tracked ? db.MonitoringBaselines : db.MonitoringBaselines.AsNoTracking();
        var quarters = tracked ? db.QuarterlyValues : db.QuarterlyValues.AsNoTracking();
        var baselineOf = await baselines.ToDictionaryAsync(b => b.ComplexId, ct);
        var quartersOf = (await quarters.ToListAsync(ct)).ToLookup(v => v.ComplexId);
        return [.. complexes.Select(c => new ImportComplex(c.Id, c.Name, c.Postcode, baselineOf.GetValueOrDefault(c.Id), [.. quartersOf[c.Id]]))];
    }

    private static ImportReport Report(ImportCheck check, IReadOnlyList<ImportComplex> complexes, IndicatorCatalogue catalogue, bool dryRun, int imported) => new(
        check.Clean,
        dryRun,
        imported,
        check.Clean ? check.Rows.Count(r => r.Effect == ImportRowEffect.Unchanged) : 0,
        [.. check.FileProblems.Select(p => p.Message)],
        [.. check.Rows.Select(r => ImportRowView.From(r, catalogue))],
        Fingerprint(check, complexes));

    /// <summary>The stored versions (xmin) of every baseline and quarter the file touches; another one at the import means someone saved meanwhile.</summary>
    private static string Fingerprint(ImportCheck check, IReadOnlyList<ImportComplex> complexes)
    {
        var byId = complexes.ToDictionary(c => c.Id);
        var parts = check.Rows.Where(r => r.ComplexId is not null).Select(r =>
        {
            var complex = byId[r.ComplexId!.Value];
            var version = r.IsBaseline ? complex.Baseline?.Version
                : r.Quarter is { } q ? complex.Quarters.FirstOrDefault(v => v.Quarter == q)?.Version
                : null;
            return $"{complex.Id}/{(r.IsBaseline ? "b" : r.Quarter?.ToString())}/{version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
        }).Distinct().Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32];
    }
}
