using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Plusflat.Domain.Signalling;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;
using Quartz;

namespace Plusflat.Web.Features.Signalling;

/// <summary>One signal whose code and description the retention removed.</summary>
public sealed record RetentionRemoval(Guid TenantId, Guid SignalId, Guid ComplexId, Guid MeetingId, DateOnly ClosedOn, int RetentionMonths);

/// <summary>
/// Retention of signal details (issue 9, ADR 0025): for every programme, the resident code and description of signals
/// closed longer ago than the programme's period are removed; the counts stay. The work is one database function
/// (<c>app_remove_expired_signal_details</c>, SECURITY DEFINER, no parameters) that takes a per-tenant advisory lock and
/// only touches rows that still hold details, so two runs at once — two instances, or the command beside the schedule —
/// remove each signal's details exactly once. What it removed is written to the access log in the same transaction
/// (as the system, user id <see cref="Guid.Empty"/>) and to the structured log.
/// </summary>
public sealed class SignalRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SignalRetention> logger)
{
    public const string SystemUserName = "Bewaartermijn (systeem)";

    public async Task<IReadOnlyList<RetentionRemoval>> RunAsync(CancellationToken ct)
    {
        List<Guid> programmes;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlusflatDbContext>>().CreateDbContextAsync(ct);
            await using (db)
            {
                programmes = await db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Programme).Select(t => t.Id).ToListAsync(ct);
            }
        }

        var removed = new List<RetentionRemoval>();
        foreach (var tenantId in programmes)
        {
            removed.AddRange(await RunForTenantAsync(tenantId, ct));
        }

        logger.LogInformation("Signal retention finished: {Removed} signal(s) lost their resident code and description in {Programmes} programme(s)",
            removed.Count, programmes.Count);
        return removed;
    }

    public async Task<IReadOnlyList<RetentionRemoval>> RunForTenantAsync(Guid tenantId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tenantScope = scope.ServiceProvider.GetRequiredService<TenantScope>();
        tenantScope.EnterTenant(tenantId);
        tenantScope.SetUser(Guid.Empty); // the system: the access log's own-entries policy then admits its rows
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlusflatDbContext>>().CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = new List<RetentionRemoval>();
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = "SELECT signal_id, complex_id, meeting_id, closed_on, retention_months FROM app_remove_expired_signal_details()";
            await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                removed.Add(new RetentionRemoval(tenantId, reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2),
                    reader.GetFieldValue<DateOnly>(3), reader.GetInt32(4)));
            }
        }

        var now = clock.GetUtcNow();
        foreach (var r in removed)
        {
            db.AccessLog.Add(new AccessLogEntry(tenantId, now, Guid.Empty, SystemUserName, AccessAction.Remove, r.ComplexId, r.MeetingId, r.SignalId,
                string.Create(CultureInfo.InvariantCulture, $"code en beschrijving verwijderd: gesloten op {r.ClosedOn:yyyy-MM-dd}, bewaartermijn {r.RetentionMonths} maanden"),
                null));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var complex in removed.GroupBy(r => r.ComplexId))
        {
            logger.LogInformation("Signal retention removed the code and description of {Count} closed signal(s) in complex {ComplexId} of tenant {TenantId} (period {Months} months): {SignalIds}",
                complex.Count(), complex.Key, tenantId, complex.First().RetentionMonths, complex.Select(r => r.SignalId).ToArray());
        }

        return removed;
    }
}

/// <summary>The daily run. One at a time per instance; across instances the database function takes turns.</summary>
[DisallowConcurrentExecution]
public sealed class SignalRetentionJob(SignalRetention retention) : IJob
{
    public static readonly JobKey Key = new("signal-retention", "signalling");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await retention.RunAsync(cancellationToken);
}

public static class SignalRetentionSetup
{
    /// <summary>Daily at 03:30 UTC unless <c>Signalling:RetentionCron</c> says otherwise; <c>Signalling:RetentionSchedule=false</c> switches the schedule off (the command still works).</summary>
    public const string DefaultCron = "0 30 3 * * ?";

    public static IServiceCollection AddSignalRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SignalRetention>();
        if (!configuration.GetValue("Signalling:RetentionSchedule", true))
        {
            return services;
        }

        var cron = configuration["Signalling:RetentionCron"] ?? DefaultCron;
        services.AddQuartz(q =>
        {
            q.AddJob<SignalRetentionJob>(j => j.WithIdentity(SignalRetentionJob.Key));
            q.AddTrigger(t => t.ForJob(SignalRetentionJob.Key).WithIdentity("signal-retention-daily", "signalling")
                .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary><c>dotnet run --project src/Plusflat.Web -- retention</c>: one run now, printing what it removed.</summary>
    public static async Task<int> RunCommandAsync(IServiceProvider services)
    {
        var removed = await services.GetRequiredService<SignalRetention>().RunAsync(CancellationToken.None);
        Console.WriteLine(removed.Count == 0
            ? "Retention: no closed signal was past its programme's retention period."
            : $"Retention: removed the resident code and description of {removed.Count} closed signal(s); the counts are kept.");
        foreach (var group in removed.GroupBy(r => (r.TenantId, r.ComplexId)))
        {
            Console.WriteLine($"  tenant {group.Key.TenantId}, complex {group.Key.ComplexId}: {group.Count()} signal(s)");
        }

        return 0;
    }
}
