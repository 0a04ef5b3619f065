using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Organisations;

/// <summary>Adds an organisation to the register or changes one (edit page and API POST/PUT).</summary>
public sealed class SaveOrganisationHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, IValidator<OrganisationInput> validator, TimeProvider clock)
{
    public const string KindInUseMessage =
        "Deze organisatie is gekoppeld aan een of meer wooncomplexen (als corporatie, zorgaanbieder of welzijnspartij). Ontkoppel haar daar eerst voordat je het soort wijzigt.";

    /// <summary>Adds an organisation to this tenant's register; the result carries its id.</summary>
    public async Task<HandlerResult> CreateAsync(OrganisationInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        if (await RefusalsAsync(input, ct) is { Count: > 0 } errors)
        {
            return HandlerResult.Invalid([.. errors]);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            var organisation = new Organisation(
                tenant.Id, input.Name, input.Kind.GetValueOrDefault(), input.ContactName, input.ContactEmail, input.ContactPhone, input.Notes,
                input.CareProviderFacts?.ToFacts(), actor.Id, actor.Name, clock.GetUtcNow());
            db.Organisations.Add(organisation);
            return HandlerResult.Ok(organisation.Id);
        }, ct);
    }

    /// <summary>Saves changes made to the version in <see cref="OrganisationInput.Version"/>; a newer stored version is a conflict.</summary>
    public async Task<HandlerResult> UpdateAsync(Guid id, OrganisationInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        if (await RefusalsAsync(input, ct) is { Count: > 0 } errors)
        {
            return HandlerResult.Invalid([.. errors]);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
            if (organisation is null)
            {
                return HandlerResult.NotFound();
            }

            // Locked FOR UPDATE until the save commits: a complex linking this organisation at the same moment
            // (which locks it FOR SHARE) waits, and then sees the new kind — or got in first and is seen here.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM organisations WHERE id = {organisation.Id} FOR UPDATE", ct);
            if (input.Kind is { } newKind && newKind != organisation.Kind && await IsLinkedToComplexesAsync(db, organisation.Id, ct))
            {
                return HandlerResult.Invalid(new FieldError(nameof(OrganisationInput.Kind), KindInUseMessage));
            }

            db.Entry(organisation).Property(o => o.Version).OriginalValue = input.Version;
            var actor = await Actor.CurrentAsync(db, tenant, ct);
            organisation.Update(
                input.Name, input.Kind.GetValueOrDefault(), input.ContactName, input.ContactEmail, input.ContactPhone, input.Notes,
                input.CareProviderFacts?.ToFacts(), actor.Id, actor.Name, clock.GetUtcNow());
            return HandlerResult.Ok(organisation.Id);
        }, ct);
    }

    /// <summary>
    /// Every refusal at once: the validator's (the input's shape) and the domain's (the organisation's own rules)
    /// for the fields the validator did not already mark, so the user can mend all of them in one go.
    /// </summary>
    private async Task<List<FieldError>> RefusalsAsync(OrganisationInput input, CancellationToken ct)
    {
        var errors = (await validator.ValidateAsync(input, ct)).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        try
        {
            _ = new Organisation(
                tenant.Id, input.Name, input.Kind.GetValueOrDefault(), input.ContactName, input.ContactEmail, input.ContactPhone, input.Notes,
                input.CareProviderFacts?.ToFacts());
        }
        catch (DomainException ex)
        {
            var marked = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(ex.Errors.Where(e => !marked.Contains(e.Field ?? "")).Select(e => new FieldError(e.Field, e.Message)));
        }

        return errors;
    }

    private static Task<bool> IsLinkedToComplexesAsync(PlusflatDbContext db, Guid organisationId, CancellationToken ct) =>
        db.Complexes.AnyAsync(c => c.HousingCorporationId == organisationId || c.PreferredCareProviderId == organisationId
                                   || c.WelfarePartyId == organisationId, ct);
}
