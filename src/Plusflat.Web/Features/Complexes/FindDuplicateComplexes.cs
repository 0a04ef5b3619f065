using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Complexes;

/// <summary>A complex that looks like the one being saved, and why (plain values: the form shows them in a dialog, the API returns them).</summary>
public sealed record DuplicateCandidate(
    Guid Id, string Name, string Address, string Postcode, string Municipality, bool Archived, IReadOnlyList<DuplicateReason> Reasons);

/// <summary>
/// The complexes of this programme that the typed facts look like (<see cref="ComplexDuplicates"/>): the form asks before
/// it saves, and <see cref="EditComplexHandler"/> refuses the same ones unless the user goes on. Archived complexes count
/// too (re-entering an archived complex is better solved by restoring it) and are marked as archived.
/// </summary>
public sealed class FindDuplicateComplexesHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    /// <param name="input">The typed facts; nothing is found while the postcode, name or municipality cannot be read.</param>
    /// <param name="exceptId">The complex being edited (it never looks like itself); <c>null</c> for a new one.</param>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(ComplexInput input, Guid? exceptId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await DuplicateQuery.FindAsync(db, input.ToFacts(), exceptId, ct);
    }
}

/// <summary>The one query behind the duplicate check; the database narrows the candidates, the domain rule decides.</summary>
internal static class DuplicateQuery
{
    public const int MaxCandidates = 10;

    public static async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(PlusflatDbContext db, ComplexFacts facts, Guid? exceptId, CancellationToken ct)
    {
        string? postcode;
        try
        {
            postcode = DutchPostcode.Normalise(facts.Postcode, nameof(ComplexFacts.Postcode));
        }
        catch (Domain.Common.DomainException)
        {
            postcode = null;
        }

        // Spaces only: stored names are trimmed single lines; the domain rule below ignores every kind of white space.
        var name = (facts.Name ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (postcode is null && name.Length == 0)
        {
            return [];
        }

        var near = await db.Complexes.AsNoTracking()
            .Where(c => c.Id != exceptId && (c.Postcode == postcode || c.Name.Replace(" ", "").ToLower() == name))
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Take(50)
            .ToListAsync(ct);
        return [.. near
            .Select(c => (Complex: c, Reasons: ComplexDuplicates.Reasons(facts, c.ToFacts())))
            .Where(c => c.Reasons.Count > 0)
            .Take(MaxCandidates)
            .Select(c => new DuplicateCandidate(c.Complex.Id, c.Complex.Name, c.Complex.Address, c.Complex.Postcode, c.Complex.Municipality,
                c.Complex.IsArchived, c.Reasons))];
    }
}
