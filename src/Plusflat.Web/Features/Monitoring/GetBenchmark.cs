using System.Data.Common;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.DosApplications;
using Plusflat.Domain.Monitoring;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Monitoring;

/// <summary>A complex in the benchmark: the label this zorgkantoor granted it (its application, number), programme and municipality.</summary>
public sealed record BenchmarkComplexView(Guid ApplicationId, string LabelNumber, string ProgrammeName, string ComplexName, string Municipality,
    DateOnly GrantedOn, DateOnly? BaselineOn, string? LatestQuarter);

/// <summary>One complex under one indicator: baseline, the newest quarter with a value (as <c>2027Q1</c>), and the change against the baseline.</summary>
public sealed record BenchmarkEntryView(Guid ApplicationId, string LabelNumber, string ProgrammeName, string ComplexName,
    [property: JsonConverter(typeof(CamelCaseEnum<IndicatorDirection>))] IndicatorDirection Direction,
    DateOnly? BaselineOn, decimal? Baseline, string? LatestQuarter, decimal? Latest, ChangeView VersusBaseline);

/// <summary>One indicator with every granted complex side by side.</summary>
public sealed record BenchmarkIndicatorView(string Key, string Name, string Unit,
    [property: JsonConverter(typeof(CamelCaseEnum<IndicatorDirection>))] IndicatorDirection Direction, bool HasValues, IReadOnlyList<BenchmarkEntryView> Entries);

/// <summary>The zorgkantoor's benchmark: the complexes of its granted labels and, per indicator, their values side by side.</summary>
public sealed record BenchmarkView(IReadOnlyList<BenchmarkComplexView> Complexes, IReadOnlyList<BenchmarkIndicatorView> Indicators);

/// <summary>
/// The zorgkantoor's benchmark across programmes (ADR 0036). The complexes come from the zorgkantoor's own labels and the
/// applications addressed to it (status Granted); their indicator values from <c>app_benchmark_values()</c> and the
/// programmes' datasets from <c>app_benchmark_indicators()</c>, the only route to a programme's monitoring, which returns
/// numbers of exactly those complexes. No other table of a programme is read.
/// </summary>
public sealed class GetBenchmarkHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<BenchmarkView> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewReceivedApplications);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var zorgkantoor = tenant.Id;
        var labels = await (
                from l in db.DosLabels.AsNoTracking()
                join a in db.DosApplications.AsNoTracking() on l.ApplicationId equals a.Id
                where a.ZorgkantoorTenantId == zorgkantoor && a.Status == DosApplicationStatus.Granted
                select new { l.ApplicationId, l.Number, l.ProgrammeName, l.ComplexName, l.Municipality, l.GrantedOn, ProgrammeId = a.TenantId, a.ComplexId })
            .ToListAsync(ct);

        // A complex granted twice (a later period) is one line: its newest label.
        var granted = labels.GroupBy(l => (l.ProgrammeId, l.ComplexId))
            .Select(g => g.OrderByDescending(l => l.GrantedOn).ThenByDescending(l => l.Number, StringComparer.Ordinal).First())
            .ToList();
        if (granted.Count == 0)
        {
            return new BenchmarkView([], []);
        }

        var (values, catalogues) = await ReadAsync(db, ct);
        var annexA = IndicatorCatalogue.DefaultIndicators.Select(IndicatorHeading.From).ToList();
        var complexes = granted.Select(g =>
        {
            var own = values.Where(v => v.ProgrammeId == g.ProgrammeId && v.ComplexId == g.ComplexId).ToList();
            var baseline = own.Where(v => v.Quarter is null).ToList();
            return new BenchmarkComplex(
                g.ApplicationId,
                g.ProgrammeName,
                g.ComplexName,
                catalogues.TryGetValue(g.ProgrammeId, out var indicators) ? indicators : annexA,
                baseline.Select(v => v.MeasuredOn).FirstOrDefault(),
                [.. baseline.Select(v => new IndicatorValue(v.Key, v.Value))],
                [.. own.Where(v => v.Quarter is not null).GroupBy(v => v.Quarter!.Value)
                    .Select(q => new QuarterIndicatorValues(q.Key, [.. q.Select(v => new IndicatorValue(v.Key, v.Value))]))]);
        }).ToList();

        var byApplication = granted.ToDictionary(g => g.ApplicationId);
        var benchmark = Benchmark.Compose(complexes);
        var views = complexes.Select(c =>
            {
                var label = byApplication[c.Id];
                return new BenchmarkComplexView(c.Id, label.Number, c.ProgrammeName, c.ComplexName, label.Municipality, label.GrantedOn, c.BaselineOn,
                    c.Quarters.Count == 0 ? null : c.Quarters.Max(q => q.Quarter).ToString());
            })
            .OrderBy(c => c.ProgrammeName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.ComplexName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new BenchmarkView(views, [.. benchmark.Select(i => new BenchmarkIndicatorView(i.Key, i.Name, i.Unit, i.Direction, i.HasValues,
            [.. i.Entries.Select(e => new BenchmarkEntryView(e.Id, byApplication[e.Id].Number, e.ProgrammeName, e.ComplexName, e.Direction, e.BaselineOn,
                e.Baseline, e.LatestQuarter?.ToString(), e.Latest, ChangeView.From(e.VersusBaseline)))]))]);
    }

    private sealed record ValueRow(Guid ProgrammeId, Guid ComplexId, Quarter? Quarter, DateOnly? MeasuredOn, string Key, decimal Value);

    private static async Task<(List<ValueRow> Values, Dictionary<Guid, IReadOnlyList<IndicatorHeading>> Catalogues)> ReadAsync(PlusflatDbContext db, CancellationToken ct)
    {
        var values = new List<ValueRow>();
        var headings = new List<(Guid ProgrammeId, long Position, IndicatorHeading Heading)>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT programme_tenant_id, complex_id, quarter, measured_on, indicator_key, value FROM app_benchmark_values()";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    values.Add(new ValueRow(
                        reader.GetGuid(0),
                        reader.GetGuid(1),
                        await reader.IsDBNullAsync(2, ct) ? null : Quarter.FromStart(reader.GetFieldValue<DateOnly>(2)),
                        await reader.IsDBNullAsync(3, ct) ? null : reader.GetFieldValue<DateOnly>(3),
                        reader.GetString(4),
                        reader.GetDecimal(5)));
                }
            }

            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT programme_tenant_id, position, indicator_key, name, unit, direction FROM app_benchmark_indicators()";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    if (Enum.TryParse<IndicatorDirection>(Text(reader, 5), out var direction))
                    {
                        headings.Add((reader.GetGuid(0), reader.GetInt64(1), new IndicatorHeading(Text(reader, 2), Text(reader, 3), Text(reader, 4), direction)));
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var catalogues = headings.GroupBy(h => h.ProgrammeId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<IndicatorHeading>)[.. g.OrderBy(h => h.Position).Select(h => h.Heading)]);
        return (values, catalogues);
    }

    private static string Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);
}
