using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Features.Signalling;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>
/// Every stored value (each baseline, then each quarter) of the complexes the user may see, in the import's shape so an
/// export re-imports unchanged; and the empty template with its instructions. CSV or .xlsx.
/// </summary>
public sealed class ExportIndicatorValuesHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate, TimeProvider clock)
{
    public async Task<IReadOnlyList<IndicatorValueSheets.Line>> LinesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complexes = await MonitoringAccess.VisibleComplexes(db, tenant, gate).Select(c => new { c.Id, c.Name, c.Postcode }).ToListAsync(ct);
        var ids = complexes.Select(c => c.Id).ToList();
        var catalogue = await MonitoringAccess.ReadCatalogueAsync(db, tenant.Id, clock.GetUtcNow(), ct);
        var baselines = await db.MonitoringBaselines.AsNoTracking().Where(b => ids.Contains(b.ComplexId)).ToDictionaryAsync(b => b.ComplexId, ct);
        var quarters = (await db.QuarterlyValues.AsNoTracking().Where(v => ids.Contains(v.ComplexId)).ToListAsync(ct)).ToLookup(v => v.ComplexId);
        var order = catalogue.Indicators.Select((i, n) => (i.Key, n)).ToDictionary(x => x.Key, x => x.n);

        // Two complexes of one name are told apart by their postcode; the postcode is written for every row, so the export always re-imports.
        return [.. complexes.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(c => c.Postcode, StringComparer.Ordinal).SelectMany(c =>
        {
            var lines = new List<IndicatorValueSheets.Line>();
            if (baselines.TryGetValue(c.Id, out var baseline))
            {
                lines.AddRange(Sorted(baseline.Values).Select(v => Line(c.Name, c.Postcode, v, IndicatorValueFile.BaselineWord)));
            }

            foreach (var quarter in quarters[c.Id].OrderBy(q => q.Quarter))
            {
                lines.AddRange(Sorted(quarter.Values).Select(v => Line(c.Name, c.Postcode, v, quarter.Quarter.ToString())));
            }

            return lines;
        })];

        IEnumerable<IndicatorValue> Sorted(IEnumerable<IndicatorValue> values) => values.OrderBy(v => order.GetValueOrDefault(v.Key, int.MaxValue)).ThenBy(v => v.Key, StringComparer.Ordinal);

        IndicatorValueSheets.Line Line(string name, string postcode, IndicatorValue value, string quarter) =>
            catalogue.Find(value.Key) is { } indicator
                ? new(name, postcode, indicator.Key, quarter, value.Value, indicator.Name, indicator.Unit)
                : new(name, postcode, value.Key, quarter, value.Value, "", "");
    }

    public async Task<byte[]> ExportAsync(string format, CancellationToken ct) =>
        format == "xlsx" ? IndicatorValueSheets.Xlsx(await LinesAsync(ct)) : IndicatorValueSheets.Csv(await LinesAsync(ct));

    /// <summary>The template: the header, instructions and an example as rows starting with "#" (the import skips them), and the dataset's keys.</summary>
    public async Task<byte[]> TemplateAsync(string format, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var catalogue = await MonitoringAccess.ReadCatalogueAsync(db, tenant.Id, clock.GetUtcNow(), ct);
        var example = await MonitoringAccess.VisibleComplexes(db, tenant, gate).OrderBy(c => c.Name).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "Naam van het wooncomplex";
        var quarter = Quarter.Of(Dates.Today(clock)).Previous();
        var first = catalogue.Indicators[0];
        string[] comments =
        [
            "# Eén rij per wooncomplex, indicator en kwartaal. Rijen die met # beginnen worden overgeslagen; verwijder ze gerust.",
            $"# Wooncomplex: de naam zoals in het portaal; Postcode alleen nodig als twee wooncomplexen dezelfde naam hebben. Kwartaal als {quarter} (of '{IndicatorValueFile.BaselineWord}' voor een waarde van de nulmeting). Waarde met een komma voor decimalen, binnen het bereik van de indicator.",
            $"# Voorbeeld: {example}; ; {first.Key}; {quarter}; 2,5",
            .. catalogue.Indicators.Select(i => $"# Indicator {i.Key}: {i.Name} ({i.Unit}), {Indicator.Format(i.Minimum)} tot en met {Indicator.Format(i.Maximum)}"),
        ];
        return format == "xlsx" ? IndicatorValueSheets.Xlsx([], comments) : IndicatorValueSheets.Csv([], comments);
    }
}
