using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Features.Standard;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

/// <summary>
/// One complex as a lead works with it in a spreadsheet: its facts, partners by name, the percentages, the current
/// phase and since when, the checklist progress of that phase, and its standing (gate, standard, label, re-assessment)
/// as the list computes it. Numbers stay numbers, dates dates; the standing in the list's Dutch words.
/// </summary>
public sealed record ComplexExportRow(
    string Name, string Address, string Postcode, string Municipality, string? District,
    string? HousingCorporation, string? PreferredCareProvider, string? WelfareParty,
    int DwellingCount, decimal? ShareAged65Plus, int? ZeroStepDwellings, decimal? ShareSocialRent,
    int CurrentPhase, string PhaseName, DateOnly InPhaseSince, int ItemsTicked, int ItemsInPhase,
    string Gate, string? FailedThresholds, string Standard, string? MissingMusts, string? Exclusions, string Label,
    string Reassessment, DateOnly? ReassessOn);

/// <summary>The columns of both exports, in order: the header and how a row fills it (one place, so the CSV and the .xlsx agree).</summary>
public static class ComplexExportColumns
{
    public static readonly IReadOnlyList<(string Header, Func<ComplexExportRow, object?> Value)> All =
    [
        ("Naam", r => r.Name),
        ("Adres", r => r.Address),
        ("Postcode", r => r.Postcode),
        ("Gemeente", r => r.Municipality),
        ("Wijk", r => r.District),
        ("Woningcorporatie", r => r.HousingCorporation),
        ("Voorkeurszorgaanbieder", r => r.PreferredCareProvider),
        ("Welzijnspartij", r => r.WelfareParty),
        ("Woningen", r => r.DwellingCount),
        ("Aandeel 65-plus (%)", r => r.ShareAged65Plus),
        ("Nultredenwoningen", r => r.ZeroStepDwellings),
        ("Aandeel sociale huur (%)", r => r.ShareSocialRent),
        ("Fase", r => r.CurrentPhase),
        ("Fasenaam", r => r.PhaseName),
        ("In fase sinds", r => r.InPhaseSince),
        ("Checklist afgevinkt", r => r.ItemsTicked),
        ("Checklist punten", r => r.ItemsInPhase),
        ("Toelatingspoort", r => r.Gate),
        ("Niet gehaalde drempels", r => r.FailedThresholds),
        ("Productstandaard", r => r.Standard),
        ("Ontbrekende musts", r => r.MissingMusts),
        ("Uitsluitingen", r => r.Exclusions),
        ("Plusflat-label", r => r.Label),
        ("Herbeoordeling", r => r.Reassessment),
        ("Herbeoordeling op", r => r.ReassessOn),
    ];

    /// <summary>The standing in the words of the list's columns and filters (the export is Dutch, as its headers).</summary>
    public static string GateName(GateState gate) => gate switch
    {
        GateState.Passed => "Door de poort",
        GateState.Failed => "Niet door de poort",
        _ => "Nog niet vastgelegd",
    };

    public static string ThresholdName(string key) => key switch
    {
        "concentration" => "concentratie",
        "need" => "opgave",
        _ => "regionale vaststelling",
    };

    public static string StandardName(StandardState standard) => standard switch
    {
        StandardState.Met => "Voldoet aan de musts",
        StandardState.NotMet => "Voldoet niet",
        _ => "Nog niet beoordeeld",
    };

    public static string ReassessmentName(AssessmentDue due) => due switch
    {
        AssessmentDue.Due => "Herbeoordeling nodig",
        AssessmentDue.Overdue => "Herbeoordeling te laat",
        AssessmentDue.Current => "Herbeoordeling op tijd",
        _ => "Nog niet beoordeeld",
    };

    /// <summary>Several texts in one cell, apart by " | " (a must's text holds commas; a line break would split a naive CSV reader's row).</summary>
    public static string? Lines(IReadOnlyList<string> texts) => texts.Count == 0 ? null : string.Join(" | ", texts);
}

/// <summary>The exports of the complex list (CSV and .xlsx): every complex of the filter (no paging), in the list's order.</summary>
public sealed class ExportComplexesHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<byte[]> CsvAsync(ComplexFilter filter, CancellationToken ct) => ToCsv(await RowsAsync(filter, ct));

    public async Task<byte[]> XlsxAsync(ComplexFilter filter, CancellationToken ct) =>
        XlsxSheet.Write("Wooncomplexen", ComplexExportColumns.All.Select(c => c.Header).ToList(),
            (await RowsAsync(filter, ct)).Select(r => ComplexExportColumns.All.Select(c => c.Value(r)).ToList()));

    public async Task<IReadOnlyList<ComplexExportRow>> RowsAsync(ComplexFilter filter, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        filter = filter.Normalised();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (filtered, standings) = await ComplexQuery.FilteredAsync(db, filter, clock, ct);
        var complexes = await ComplexQuery.Sorted(filtered, filter)
            .Include(c => c.ChecklistTicks).Include(c => c.PhaseTransitions).AsSplitQuery()
            .ToListAsync(ct);
        var partnerIds = complexes
            .SelectMany(c => new[] { c.HousingCorporationId, c.PreferredCareProviderId, c.WelfarePartyId })
            .OfType<Guid>().Distinct().ToList();
        var partners = await db.Organisations.AsNoTracking().Where(o => partnerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var catalogueIds = complexes.Select(c => c.CatalogueId).Distinct().ToList();
        var catalogues = await db.PhaseCatalogues.AsNoTracking().Where(c => catalogueIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        string? NameOf(Guid? id) => id is { } key && partners.TryGetValue(key, out var name) ? name : null;

        return complexes.Select(c =>
        {
            var catalogue = catalogues[c.CatalogueId];
            var items = catalogue.ItemsOf(c.CurrentPhase).Count;
            var standing = standings.GetValueOrDefault(c.Id, ComplexStanding.NotAssessed);
            return new ComplexExportRow(
                c.Name, c.Address, c.Postcode, c.Municipality, c.District,
                NameOf(c.HousingCorporationId), NameOf(c.PreferredCareProviderId), NameOf(c.WelfarePartyId),
                c.DwellingCount.Value, c.ShareAged65Plus?.Value, c.ZeroStepDwellings, c.ShareSocialRent?.Value,
                c.CurrentPhase, PhaseNames.Of(c.CurrentPhase), InPhaseSince(c), items - c.OpenItems(catalogue).Count, items,
                ComplexExportColumns.GateName(standing.Gate),
                standing.FailedThresholds.Count == 0 ? null : string.Join(", ", standing.FailedThresholds.Select(ComplexExportColumns.ThresholdName)),
                ComplexExportColumns.StandardName(standing.Standard),
                ComplexExportColumns.Lines(standing.MissingMusts),
                ComplexExportColumns.Lines(standing.Exclusions),
                standing.Eligible ? "Geschikt" : "Niet geschikt",
                ComplexExportColumns.ReassessmentName(standing.Reassessment),
                standing.ReassessOn);
        }).ToList();
    }

    /// <summary>The Dutch day the complex entered its current phase: its last move there, or the day it was added.</summary>
    public static DateOnly InPhaseSince(Complex complex)
    {
        var entered = complex.PhaseTransitions.Where(t => t.ToPhase == complex.CurrentPhase).Select(t => (DateTimeOffset?)t.At).Max() ?? complex.CreatedAt;
        return DateOnly.FromDateTime(Dates.Local(entered).DateTime);
    }

    public static byte[] ToCsv(IEnumerable<ComplexExportRow> rows)
    {
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(dutch)
        {
            Delimiter = ";",
            // A name like "=HYPERLINK(...)" must stay text in Excel, never become a formula.
            InjectionOptions = InjectionOptions.Escape,
        }))
        {
            foreach (var (header, _) in ComplexExportColumns.All)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var (_, value) in ComplexExportColumns.All)
                {
                    csv.WriteField(value(row) switch
                    {
                        null => "",
                        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        decimal number => number.ToString("0.##", dutch),
                        IFormattable number => number.ToString(null, dutch),
                        var text => text.ToString() ?? "",
                    });
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}
