using Plusflat.Domain.Common;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;
using Plusflat.Web.Features.Members;

namespace Plusflat.Web.Startup;

/// <summary>
/// Operations from the command line, for a fresh production database where no admin exists yet:
/// <c>add-tenant &lt;slug&gt; &lt;kind: programme|zorgkantoor&gt; &lt;name&gt; &lt;admin e-mail&gt; &lt;public base url&gt;</c>
/// creates the tenant and prints a one-time invitation link for its first admin.
/// </summary>
public static class AdminCommands
{
    public static async Task<int> AddTenantAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        if (args.Count != 5 || !Uri.TryCreate(args[4], UriKind.Absolute, out var baseUri))
        {
            Console.Error.WriteLine("usage: add-tenant <slug> <programme|zorgkantoor> <name> <admin e-mail> <public base url, e.g. https://plusflat.example.nl/>");
            return 2;
        }

        var kind = args[1].ToLowerInvariant() switch
        {
            "programme" or "programma" => TenantKind.Programme,
            "zorgkantoor" => TenantKind.Zorgkantoor,
            _ => (TenantKind?)null,
        };
        if (kind is null)
        {
            Console.Error.WriteLine("The kind is 'programme' or 'zorgkantoor'.");
            return 2;
        }

        try
        {
            var link = await CreateTenantWithAdminInvitationAsync(services, args[0], kind.Value, args[2], args[3], baseUri);
            Console.WriteLine($"Tenant '{args[0]}' created. Invitation for its admin {args[3]} (valid {Invitation.Validity.TotalDays} days, once):");
            Console.WriteLine(link);
            return 0;
        }
        catch (DomainException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            Console.Error.WriteLine($"A tenant with slug '{args[0]}' already exists.");
            return 1;
        }
    }

    /// <summary>
    /// Creates the tenant and an invitation for its first admin in one transaction (a bad e-mail address
    /// leaves nothing behind); returns the one-time link.
    /// </summary>
    public static async Task<Uri> CreateTenantWithAdminInvitationAsync(
        IServiceProvider services, string slug, TenantKind kind, string name, string adminEmail, Uri baseUri)
    {
        var tenant = new Tenant(slug, name, kind);
        var token = InvitationTokens.NewToken();
        var invitation = new Invitation(tenant.Id, adminEmail, TenantRole.TenantAdmin, InvitationTokens.Hash(token), Guid.Empty,
            TimeProvider.System.GetUtcNow());
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().EnterTenant(tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<PlusflatDbContext>();
        db.Tenants.Add(tenant);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return new Uri(baseUri, $"{tenant.Slug}/uitnodiging/{token}");
    }
}
