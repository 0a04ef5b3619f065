using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

/// <summary>What moving to the programme's newest checklist version does (preview) or did (after the move).</summary>
public sealed record ChecklistMoveView(int FromVersion, int ToVersion, IReadOnlyList<string> CarriedOver, IReadOnlyList<string> NotCarriedOver);

/// <summary>
/// Moves a complex to the programme's newest checklist version (<see cref="Complex.MoveToCatalogue"/>): ticks of items
/// that still exist (same code) carry over, the others are reported and stay on record. The preview runs the same
/// domain method without saving, so the dialog shows exactly what the move will do.
/// </summary>
public sealed class MoveComplexChecklistHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    /// <summary>What a move would do now; <c>null</c> when the complex is unknown or already on the newest version.</summary>
    public async Task<ChecklistMoveView?> PreviewAsync(Guid complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await LoadAsync(db, complexId, ct) is not var (complex, current, newest) || newest.Version <= current.Version)
        {
            return null;
        }

        try
        {
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            return View(complex.MoveToCatalogue(current, newest, actor.Id, actor.Name, clock.GetUtcNow()));
        }
        catch (DomainException)
        {
            return null;
        }
    }

    /// <summary>Moves the complex; <paramref name="version"/> is the complex's version the user saw.</summary>
    public async Task<(HandlerResult Result, ChecklistMoveView? Move)> MoveAsync(Guid complexId, uint version, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        ChecklistMoveView? move = null;
        var result = await HandlerExecution.SaveAsync(db, async () =>
        {
            if (await LoadAsync(db, complexId, ct) is not var (complex, current, newest))
            {
                return HandlerResult.NotFound();
            }

            if (complex.Version != version)
            {
                return HandlerResult.Conflict();
            }

            db.Entry(complex).Property(c => c.Version).OriginalValue = version;
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            move = View(complex.MoveToCatalogue(current, newest, actor.Id, actor.Name, clock.GetUtcNow()));
            return HandlerResult.Ok(complex.Id);
        }, ct);
        return (result, result.Succeeded ? move : null);
    }

    private static ChecklistMoveView View(ChecklistMove move) => new(move.FromVersion, move.ToVersion, move.CarriedOver, move.NotCarriedOver);

    private static async Task<(Complex Complex, PhaseCatalogue Current, PhaseCatalogue Newest)?> LoadAsync(
        PlusflatDbContext db, Guid complexId, CancellationToken ct)
    {
        var complex = await db.Complexes.Include(c => c.ChecklistTicks).FirstOrDefaultAsync(c => c.Id == complexId, ct);
        if (complex is null)
        {
            return null;
        }

        var current = await db.PhaseCatalogues.FirstAsync(c => c.Id == complex.CatalogueId, ct);
        var newest = await db.PhaseCatalogues.OrderByDescending(c => c.Version).FirstAsync(ct);
        return (complex, current, newest);
    }
}
