using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Signalling;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

public sealed record AccessLogRow(Guid Id, DateTimeOffset At, Guid UserId, string UserName, AccessAction Action, Guid? ComplexId, string? ComplexName,
    Guid? MeetingId, Guid? SignalId, string? Detail, string? Address);

public sealed record AccessLogQuery(string? Search = null, Guid? ComplexId = null, DateOnly? From = null, DateOnly? To = null, int Take = 200);

/// <summary>A tenant admin searches the access log (newest first). Reading the log is itself not signal detail.</summary>
public sealed class ListAccessLogHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<IReadOnlyList<AccessLogRow>> ListAsync(AccessLogQuery query, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewAccessLog);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entries = db.AccessLog.AsNoTracking();
        if (query.ComplexId is { } complex)
        {
            entries = entries.Where(e => e.ComplexId == complex);
        }

        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + query.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            entries = entries.Where(e => EF.Functions.ILike(e.UserName, pattern) || (e.Address != null && EF.Functions.ILike(e.Address, pattern)));
        }

        var rows = await entries.OrderByDescending(e => e.At).Take(Math.Clamp(query.Take, 1, 1000)).ToListAsync(ct);
        var names = await db.Complexes.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. rows.Select(e => new AccessLogRow(e.Id, e.At, e.UserId, e.UserName, e.Action, e.ComplexId,
            e.ComplexId is { } c && names.TryGetValue(c, out var n) ? n : null, e.MeetingId, e.SignalId, e.Detail, e.Address))];
    }
}
