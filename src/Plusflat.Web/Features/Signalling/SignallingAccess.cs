using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Signalling;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

/// <summary>
/// Who sees which complex's signals. Signal details: the flat-team permission AND an active membership of THAT
/// complex's team (the database enforces the same with row-level security). A user whose only programme role is
/// flat-team member sees nothing of other complexes' teams or counts either.
/// </summary>
public sealed class SignallingGate(CurrentTenant tenant, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<bool> IsOnTeamAsync(PlusflatDbContext db, Guid complexId, CancellationToken ct)
    {
        var user = tenant.UserId;
        var today = Today;
        return db.FlatTeamMembers.AnyAsync(m => m.ComplexId == complexId && m.UserId == user && m.UserId != Guid.Empty
            && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today), ct);
    }

    /// <summary>Leads, admins and observers see the programme as a whole (counts, teams); a flat-team member only their own complexes.</summary>
    public bool SeesProgrammeWide => tenant.Roles.Any(r => r is TenantRole.TenantAdmin or TenantRole.ProgrammeLead or TenantRole.Observer);

    /// <summary>Details: the permission (throws → 403) and the team of this complex (false → 404, as if it were not there).</summary>
    public async Task<bool> MaySeeDetailsAsync(PlusflatDbContext db, Guid complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewSignalDetails);
        return await IsOnTeamAsync(db, complexId, ct);
    }
}

/// <summary>
/// The address the user works from. For an API request it is the request's; in a circuit there is no HttpContext per
/// click, so <see cref="ClientAddressCircuitHandler"/> captures it once when the circuit opens.
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor http)
{
    private string? _captured;

    public string? Value => _captured ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public void Capture() => _captured = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? _captured;
}

public sealed class ClientAddressCircuitHandler(ClientAddress address) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        address.Capture();
        return Task.CompletedTask;
    }
}

/// <summary>Writes the NEN 7513 access-log entries: one per view, change or export of signal details.</summary>
public sealed class AccessLogWriter(CurrentTenant tenant, ClientAddress address, TimeProvider clock)
{
    /// <summary>Adds the entry to the context; it is saved with the change (or by <see cref="WriteAsync"/>).</summary>
    public async Task AddAsync(PlusflatDbContext db, AccessAction action, Guid complexId, Guid? meetingId, Guid? signalId, string? detail, CancellationToken ct)
    {
        var actor = await Actor.CurrentAsync(db, tenant, ct);
        db.AccessLog.Add(new AccessLogEntry(tenant.Id, clock.GetUtcNow(), tenant.UserId, actor.Name, action, complexId, meetingId, signalId, detail, address.Value));
    }

    public async Task WriteAsync(PlusflatDbContext db, AccessAction action, Guid complexId, Guid? meetingId, Guid? signalId, string? detail, CancellationToken ct)
    {
        await AddAsync(db, action, complexId, meetingId, signalId, detail, ct);
        await db.SaveChangesAsync(ct);
    }
}

public static class SignallingRegistration
{
    public static IServiceCollection AddSignalling(this IServiceCollection services)
    {
        services.AddScoped<SignallingGate>();
        services.AddScoped<ClientAddress>();
        services.AddScoped<AccessLogWriter>();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        return services;
    }
}
