using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Signalling;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

/// <summary>A complex's number of overdue actions; <see cref="Count"/> is null when it is 1 or 2 (shown as "&lt; 3").</summary>
public sealed record OverdueComplexCount(Guid ComplexId, string ComplexName, int? Count, string Shown);

/// <summary>
/// Overdue actions over the programme, counts only. <see cref="ShownTotal"/> adds the shown counts (a suppressed one adds
/// 0), so the total cannot give a suppressed complex away by subtraction.
/// </summary>
public sealed record OverdueCounts(int ComplexesWithOverdue, int ShownTotal, bool AnySuppressed, IReadOnlyList<OverdueComplexCount> Complexes);

/// <summary>An overdue action as the complex's own flat team sees it on the complex page.</summary>
public sealed record OverdueActionItem(Guid ActionId, Guid MeetingId, DateOnly RaisedOn, string? ResidentCode, SignalCategory Category, string OwnerName, DateOnly Due, int EscalationLevel);

/// <summary>The complex page's overdue actions: the list for the complex's flat team, only a count for leads and observers.</summary>
public sealed record ComplexOverdueView(IReadOnlyList<OverdueActionItem>? Items, int? Count, string Shown);

/// <summary>
/// Overdue actions (open, due before today). The complex's own flat team reads them through the signal tables' policies
/// (a logged view of details); everybody else gets a count from <c>app_overdue_action_counts()</c>, the narrow route past
/// those policies that returns nothing but a number per complex (ADR 0025).
/// </summary>
public sealed class GetOverdueCountsHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate, AccessLogWriter log)
{
    public async Task<OverdueCounts> ProgrammeAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewSignalCounts);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await CountsAsync(db, ct);
        var names = await db.Complexes.AsNoTracking().Where(c => counts.Keys.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var visible = counts.Where(c => names.ContainsKey(c.Key)).ToList();
        if (!gate.SeesProgrammeWide)
        {
            var mine = new List<KeyValuePair<Guid, int>>();
            foreach (var c in visible)
            {
                if (await gate.IsOnTeamAsync(db, c.Key, ct))
                {
                    mine.Add(c);
                }
            }

            visible = mine;
        }

        var rows = visible.Select(c => new OverdueComplexCount(c.Key, names[c.Key], SmallCount.Value(c.Value), SmallCount.Show(c.Value)))
            .OrderBy(r => r.ComplexName, StringComparer.CurrentCulture).ToList();
        return new OverdueCounts(rows.Count, rows.Sum(r => r.Count ?? 0), rows.Any(r => r.Count is null), rows);
    }

    /// <summary>Null: nothing to show to this user (a flat-team member of another complex only).</summary>
    public async Task<ComplexOverdueView?> ComplexAsync(Guid complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewSignalCounts);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (tenant.Can(Permission.ViewSignalDetails) && await gate.IsOnTeamAsync(db, complexId, ct))
        {
            var today = gate.Today;
            var items = await db.SignalMeetings.AsNoTracking().Where(m => m.ComplexId == complexId)
                .SelectMany(m => m.Signals.SelectMany(s => s.Actions.Where(a => a.Status == ActionStatus.Open && a.Due < today)
                    .Select(a => new { a.Id, MeetingId = m.Id, m.HeldOn, s.ResidentCode, s.Category, a.OwnerId, a.Due, a.EscalationLevel })))
                .OrderBy(a => a.Due).ToListAsync(ct);
            var owners = await db.FlatTeamMembers.AsNoTracking().Where(m => m.ComplexId == complexId).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
            if (items.Count > 0)
            {
                await log.WriteAsync(db, AccessAction.View, complexId, null, null, "acties over datum (complexpagina)", ct);
            }

            return new ComplexOverdueView([.. items.Select(a => new OverdueActionItem(a.Id, a.MeetingId, a.HeldOn, a.ResidentCode, a.Category,
                owners.GetValueOrDefault(a.OwnerId, ""), a.Due, a.EscalationLevel))], items.Count, items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!gate.SeesProgrammeWide)
        {
            return null;
        }

        var count = (await CountsAsync(db, ct)).GetValueOrDefault(complexId);
        return new ComplexOverdueView(null, SmallCount.Value(count), SmallCount.Show(count));
    }

    /// <summary>Per complex in the tenant, from the counting function (no details cross it).</summary>
    private static async Task<Dictionary<Guid, int>> CountsAsync(PlusflatDbContext db, CancellationToken ct)
    {
        var counts = new Dictionary<Guid, int>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT complex_id, overdue FROM app_overdue_action_counts()";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                counts[reader.GetGuid(0)] = reader.GetInt32(1);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }
}
