using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Complexes;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Partners;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

using Plusflat.Web.Features.Phases;

namespace Plusflat.Web.Features.Complexes;

/// <summary>A complex as the edit form and the API read it: its facts as input, with the stored version.</summary>
public sealed record StoredComplex(ComplexInput Input, string Name, int CurrentPhase, DateTimeOffset? ArchivedAt = null);

/// <summary>Reads a complex for editing, adds one and saves its facts; the page and the API call the same methods.</summary>
/// <remarks>
/// Each rule runs once per save: the validator for what must be filled in, the domain (inside the entity's
/// constructor or <see cref="Complex.UpdateFacts"/>) for every other rule, the partner check against the
/// organisations. All refusals come back together, so a user fixes every field in one go.
/// </remarks>
public sealed class EditComplexHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, IValidator<ComplexInput> validator, TimeProvider clock)
{
    public async Task<StoredComplex?> GetAsync(Guid id, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complex = await db.Complexes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return complex is null ? null : new StoredComplex(ComplexInput.From(complex.ToFacts(), complex.Version), complex.Name, complex.CurrentPhase, complex.ArchivedAt);
    }

    /// <summary>The field of the refusal "this looks like a complex already there" (a <see cref="ResultKind.Conflict"/>).</summary>
    public const string DuplicateField = "AllowDuplicate";

    /// <summary>Adds a complex; one that looks like a complex already there is refused (see <see cref="CreateAsync(ComplexInput, bool, CancellationToken)"/>).</summary>
    public Task<HandlerResult> CreateAsync(ComplexInput input, CancellationToken ct) => CreateAsync(input, allowDuplicate: false, ct);

    /// <summary>
    /// Adds a complex. When it looks like one already there (<see cref="ComplexDuplicates"/>, archived ones included)
    /// and <paramref name="allowDuplicate"/> is false, nothing is saved and the result is a conflict on
    /// <see cref="DuplicateField"/>; <see cref="FindDuplicateComplexesHandler"/> lists the candidates.
    /// </summary>
    public async Task<HandlerResult> CreateAsync(ComplexInput input, bool allowDuplicate, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        var shape = await ShapeErrorsAsync(input, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var errors = new List<FieldError>(shape);
            errors.AddRange(await PartnerErrorsAsync(db, null, null, input, ct));
            Complex? complex = null;
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            try
            {
                complex = new Complex(tenant.Id, input.ToFacts(), await CurrentCatalogue.GetOrStartAsync(db, tenant.Id, clock.GetUtcNow(), ct),
                    actor.Id, actor.Name, clock.GetUtcNow());
            }
            catch (DomainException ex)
            {
                errors.AddRange(DomainErrors(ex, shape));
            }

            if (errors.Count > 0 || complex is null)
            {
                return HandlerResult.Invalid([.. errors]);
            }

            if (!allowDuplicate && await DuplicateQuery.FindAsync(db, complex.ToFacts(), null, ct) is { Count: > 0 } duplicates)
            {
                return Duplicate(duplicates);
            }

            db.Complexes.Add(complex);
            return HandlerResult.Ok(complex.Id);
        }, ct);
    }

    /// <summary>Saves a complex's facts; a change of name, municipality, postcode or house number that makes it look like another complex is refused.</summary>
    public Task<HandlerResult> UpdateAsync(Guid id, ComplexInput input, CancellationToken ct) => UpdateAsync(id, input, allowDuplicate: false, ct);

    /// <summary>
    /// Saves a complex's facts; every changed field goes into its history. Only when the save changes what a duplicate is
    /// recognised by, and the complex then looks like another one, is it refused as in <see cref="CreateAsync(ComplexInput, bool, CancellationToken)"/>.
    /// </summary>
    public async Task<HandlerResult> UpdateAsync(Guid id, ComplexInput input, bool allowDuplicate, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        var shape = await ShapeErrorsAsync(input, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var complex = await db.Complexes.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (complex is null)
            {
                return HandlerResult.NotFound();
            }

            var errors = new List<FieldError>(shape);
            errors.AddRange(await PartnerErrorsAsync(db, complex.Id, complex.PreferredCareProviderId, input, ct));
            var before = complex.ToFacts();
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            try
            {
                complex.UpdateFacts(input.ToFacts(), actor.Id, actor.Name, clock.GetUtcNow());
            }
            catch (DomainException ex)
            {
                errors.AddRange(DomainErrors(ex, shape));
            }

            if (errors.Count > 0)
            {
                return HandlerResult.Invalid([.. errors]);
            }

            if (!allowDuplicate && ComplexDuplicates.IdentityChanged(before, complex.ToFacts())
                && await DuplicateQuery.FindAsync(db, complex.ToFacts(), complex.Id, ct) is { Count: > 0 } duplicates)
            {
                return Duplicate(duplicates);
            }

            // Optimistic concurrency: the version the user loaded must still be the stored one.
            db.Entry(complex).Property(c => c.Version).OriginalValue = input.Version;
            return HandlerResult.Ok(complex.Id);
        }, ct);
    }

    private static HandlerResult Duplicate(IReadOnlyList<DuplicateCandidate> duplicates) => new(
        [new FieldError(DuplicateField, string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "Dit lijkt op een wooncomplex dat er al is: {0}. Open dat complex, of sla toch op als het echt een ander complex is.",
            string.Join(", ", duplicates.Select(d => $"{d.Name} ({d.Address}, {d.Postcode} {d.Municipality})"))))],
        ResultKind.Conflict);

    private async Task<List<FieldError>> ShapeErrorsAsync(ComplexInput input, CancellationToken ct) =>
        [.. (await validator.ValidateAsync(input, ct)).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage))];

    /// <summary>The domain's refusals, except for a field whose missing value the validator already reported in the form's words.</summary>
    private static IEnumerable<FieldError> DomainErrors(DomainException ex, List<FieldError> shape) =>
        ex.Errors.Where(e => e.Field is null || !shape.Exists(s => s.Field == e.Field)).Select(e => new FieldError(e.Field, e.Message));

    /// <summary>
    /// Each chosen partner must be an organisation of this programme of the right kind, and a newly chosen preferred care
    /// provider must meet every hard criterion (<see cref="PreferredProviderRule"/>, the same refusal as the partner
    /// choice: two criteria are this complex's agreements, recorded on its candidates there). Runs inside the save's
    /// transaction with the chosen organisations locked FOR SHARE: someone changing such an organisation's kind
    /// at the same moment (which locks it FOR UPDATE) either finishes first — and this check sees the new kind —
    /// or waits until this link is committed and then sees it.
    /// </summary>
    private static async Task<List<FieldError>> PartnerErrorsAsync(PlusflatDbContext db, Guid? complexId, Guid? currentProvider, ComplexInput input, CancellationToken ct)
    {
        var wanted = new (Guid? Id, OrganisationKind Kind, string Field, string Message)[]
        {
            (input.HousingCorporationId, OrganisationKind.HousingCorporation, nameof(ComplexInput.HousingCorporationId), "Kies een woningcorporatie uit het register van organisaties."),
            (input.PreferredCareProviderId, OrganisationKind.CareProvider, nameof(ComplexInput.PreferredCareProviderId), "Kies een zorgaanbieder uit het register van organisaties."),
            (input.WelfarePartyId, OrganisationKind.WelfareParty, nameof(ComplexInput.WelfarePartyId), "Kies een welzijnspartij uit het register van organisaties."),
        };
        var ids = wanted.Where(w => w.Id is { } id && id != Guid.Empty).Select(w => w.Id!.Value).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM organisations WHERE id = ANY({ids}) FOR SHARE", ct);
        var organisations = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new { o.Kind, o.CareProviderFacts }, ct);
        var errors = wanted
            .Where(w => w.Id is { } id && id != Guid.Empty && (!organisations.TryGetValue(id, out var o) || o.Kind != w.Kind))
            .Select(w => new FieldError(w.Field, w.Message))
            .ToList();

        // Keeping the provider the complex already has is no new choice (one chosen before this rule stays until changed).
        if (input.PreferredCareProviderId is { } preferred && preferred != currentProvider
            && organisations.TryGetValue(preferred, out var provider) && provider.Kind == OrganisationKind.CareProvider)
        {
            var selection = complexId is { } id ? await db.PartnerSelections.AsNoTracking().FirstOrDefaultAsync(s => s.ComplexId == id, ct) : null;
            if (PreferredProviderRule.Refusal(provider.CareProviderFacts, selection?.CandidateOf(preferred)) is { } refusal)
            {
                errors.Add(new FieldError(nameof(ComplexInput.PreferredCareProviderId), refusal));
            }
        }

        return errors;
    }
}

/// <summary>What the edit form loads (persisted from the prerender to the circuit): the input, the stored name for the breadcrumb, the partner choices.</summary>
public sealed record EditComplexData(ComplexInput Input, string StoredName, PartnerOptions Partners);
