using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Web.Tests.Tenancy;

/// <summary>
/// The portal's persistence registration on a pool of ONE connection: every request of tenant A and
/// B shares the same physical connection, also after requests that failed halfway, inside a
/// transaction, or after a session setting was left behind. No request may ever see the other
/// tenant's rows — not even with the EF query filters switched off (row-level security alone).
/// </summary>
public sealed class ConnectionPoolingTests(TwoTenantDatabase data) : IClassFixture<TwoTenantDatabase>
{
    private enum Ending
    {
        Completes,
        ThrowsAfterQuery,
        ThrowsInsideUncommittedTransaction,
        LeavesOtherTenantInSessionThenThrows,
    }

    private sealed record Observation(
        Guid Tenant, Ending Ending, List<Guid> Memberships, List<Guid> Invitations, List<Guid> FilteredInvitations, string? Setting, int BackendPid);

    private sealed class SimulatedFailure() : Exception("Simulated failure in the middle of a request.");

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddPlusflatPersistence(new NpgsqlConnectionStringBuilder(data.Database.AppConnectionString) { MaxPoolSize = 1 }.ConnectionString);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    [Fact]
    public async Task InterleavedScopes_OnePooledConnection_NeverSeeTheOtherTenant()
    {
        await using var services = Services();
        var endings = Enum.GetValues<Ending>();
        var steps = new ConcurrentQueue<(TenantRows Tenant, TenantRows Other, Ending Ending)>(
            Enumerable.Range(0, 160).Select(i => i % 2 == 0
                ? (data.A, data.B, endings[i / 2 % endings.Length])
                : (data.B, data.A, endings[(i / 2 + 1) % endings.Length])));
        var observations = new ConcurrentBag<Observation>();

        // Three workers share the single connection, so leases of A and B alternate on it in every order.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (steps.TryDequeue(out var step))
            {
                try
                {
                    await RunScopeAsync(services, step.Tenant, step.Other, step.Ending, observations);
                    Assert.Equal(Ending.Completes, step.Ending);
                }
                catch (SimulatedFailure)
                {
                    Assert.NotEqual(Ending.Completes, step.Ending);
                }
            }
        })));

        Assert.Equal(160, observations.Count);
        Assert.Single(observations.Select(o => o.BackendPid).Distinct());
        foreach (var o in observations)
        {
            var rows = o.Tenant == data.A.TenantId ? data.A : data.B;
            Assert.True(o.Memberships.All(t => t == o.Tenant), $"{o.Ending} of tenant {o.Tenant} saw memberships of another tenant.");
            Assert.True(o.Invitations.All(t => t == o.Tenant), $"{o.Ending} of tenant {o.Tenant} saw invitations of another tenant.");
            Assert.True(o.FilteredInvitations.All(t => t == o.Tenant), $"{o.Ending} of tenant {o.Tenant} saw invitations of another tenant.");
            Assert.Equal(rows.MembershipIds.Count, o.Memberships.Count);
            Assert.Equal(rows.InvitationIds.Count, o.Invitations.Count);
            Assert.Equal(rows.InvitationIds.Count, o.FilteredInvitations.Count);
            Assert.Equal(o.Tenant.ToString(), o.Setting);
        }
    }

    [Fact]
    public async Task RawConnection_AfterTenantContextReleasedIt_CarriesNoTenant()
    {
        await using var services = Services();
        int contextPid;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().EnterTenant(data.A.TenantId);
            scope.ServiceProvider.GetRequiredService<TenantScope>().SetUser(data.A.UserIds[0]);
            var db = scope.ServiceProvider.GetRequiredService<PlusflatDbContext>();
            Assert.Equal(data.A.InvitationIds.Count, await db.Invitations.CountAsync());
            contextPid = await BackendPidAsync(db);
        }

        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT pg_backend_pid(), current_setting('app.tenant_id', true), current_setting('app.user_id', true),
                   (SELECT count(*) FROM invitations), (SELECT count(*) FROM tenant_memberships)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(contextPid, reader.GetInt32(0));
        Assert.Equal("", reader.IsDBNull(1) ? "" : reader.GetString(1));
        Assert.Equal("", reader.IsDBNull(2) ? "" : reader.GetString(2));
        Assert.Equal(0, reader.GetInt64(3));
        Assert.Equal(0, reader.GetInt64(4));
    }

    [Fact]
    public async Task Context_NoTenantNoUser_SeesNoMembershipsOrInvitations()
    {
        await using var services = Services();

        // First let tenant A use the only connection, so a leftover setting would show.
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().EnterTenant(data.A.TenantId);
            Assert.NotEqual(0, await scope.ServiceProvider.GetRequiredService<PlusflatDbContext>().Memberships.CountAsync());
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlusflatDbContext>();

            Assert.Equal(0, await db.Memberships.CountAsync());
            Assert.Equal(0, await db.Memberships.IgnoreQueryFilters().CountAsync());
            Assert.Equal(0, await db.Invitations.IgnoreQueryFilters().CountAsync());
            Assert.Equal("", await SettingAsync(db));
        }
    }

    [Fact]
    public async Task Context_NoTenantButUser_SeesOnlyThatUsersMemberships()
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var userId = data.B.UserIds[2];
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetUser(userId);
        var db = scope.ServiceProvider.GetRequiredService<PlusflatDbContext>();

        var memberships = await db.Memberships.IgnoreQueryFilters().ToListAsync();

        var membership = Assert.Single(memberships);
        Assert.Equal(userId, membership.UserId);
        Assert.Equal(data.B.TenantId, membership.TenantId);
        Assert.Equal(0, await db.Invitations.IgnoreQueryFilters().CountAsync());
    }

    private static async Task RunScopeAsync(
        ServiceProvider services, TenantRows tenant, TenantRows other, Ending ending, ConcurrentBag<Observation> observations)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().EnterTenant(tenant.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<PlusflatDbContext>();
        await using var transaction = ending == Ending.ThrowsInsideUncommittedTransaction ? await db.Database.BeginTransactionAsync() : null;

        var memberships = await db.Memberships.IgnoreQueryFilters().Select(m => m.TenantId).ToListAsync();
        var invitations = await db.Invitations.IgnoreQueryFilters().Select(i => i.TenantId).ToListAsync();
        var filtered = await db.Invitations.Select(i => i.TenantId).ToListAsync();
        var setting = await SettingAsync(db);
        observations.Add(new Observation(tenant.TenantId, ending, memberships, invitations, filtered, setting, await BackendPidAsync(db)));

        switch (ending)
        {
            case Ending.Completes:
                return;
            case Ending.ThrowsAfterQuery:
                throw new SimulatedFailure();
            case Ending.ThrowsInsideUncommittedTransaction:
                // Written but never committed: no later request may see this row.
                db.Invitations.Add(new Invitation(tenant.TenantId, $"uncommitted-{Guid.NewGuid():N}@example.test", TenantRole.Observer,
                    $"hash-{Guid.NewGuid():N}", tenant.UserIds[0], DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
                throw new SimulatedFailure();
            case Ending.LeavesOtherTenantInSessionThenThrows:
                // A bug that sets the session-level tenant to another one must not outlive its connection lease.
                await db.Database.ExecuteSqlRawAsync("SELECT set_config('app.tenant_id', {0}, false)", other.TenantId.ToString());
                throw new SimulatedFailure();
            default:
                throw new ArgumentOutOfRangeException(nameof(ending));
        }
    }

    private static async Task<string?> SettingAsync(PlusflatDbContext db) =>
        (await db.Database.SqlQueryRaw<string>("SELECT coalesce(current_setting('app.tenant_id', true), '') AS \"Value\"").ToListAsync()).Single();

    private static async Task<int> BackendPidAsync(PlusflatDbContext db) =>
        (await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").ToListAsync()).Single();
}
