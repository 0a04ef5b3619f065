using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Partners;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Partners;

/// <summary>
/// A programme lead records the partner choice of a complex: the procedure (candidates, residents, steps, open entry)
/// and the choice itself, which lands on the complex. A newly chosen preferred care provider must meet every hard
/// criterion (refused naming each one it fails); everything is checked together and nothing is saved on an error.
/// </summary>
public sealed class SavePartnerSelectionHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<HandlerResult> SaveAsync(Guid complexId, PartnerSelectionInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var complex = await db.Complexes.FirstOrDefaultAsync(c => c.Id == complexId, ct);
            if (complex is null)
            {
                return HandlerResult.NotFound();
            }

            var selection = await db.PartnerSelections.FirstOrDefaultAsync(s => s.ComplexId == complexId, ct);
            if (selection?.Version != input.Version)
            {
                return HandlerResult.Conflict();
            }

            var organisations = await db.Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.CareProvider || o.Kind == OrganisationKind.WelfareParty)
                .ToDictionaryAsync(o => o.Id, o => (o.Kind, o.CareProviderFacts), ct);
            bool Is(Guid id, OrganisationKind kind) => organisations.TryGetValue(id, out var o) && o.Kind == kind;

            var errors = new List<FieldError>();
            var candidates = input.Candidates ?? [];
            for (var i = 0; i < candidates.Count; i++)
            {
                if (!Is(candidates[i].OrganisationId, OrganisationKind.CareProvider))
                {
                    errors.Add(new FieldError($"Candidates[{i}].OrganisationId", "Kies een zorgaanbieder uit het register van organisaties."));
                }
            }

            var openEntry = input.OpenEntry ?? [];
            for (var i = 0; i < openEntry.Count; i++)
            {
                if (!Is(openEntry[i].OrganisationId, OrganisationKind.CareProvider))
                {
                    errors.Add(new FieldError($"OpenEntry[{i}].OrganisationId", "Kies een zorgaanbieder uit het register van organisaties."));
                }
                else if (openEntry[i].OrganisationId == input.PreferredCareProviderId)
                {
                    errors.Add(new FieldError($"OpenEntry[{i}].OrganisationId", "De voorkeursaanbieder hoort niet op de open-instaplijst: die is voor de andere zorgaanbieders in het complex."));
                }
            }

            if (input.WelfarePartyId is { } welfare && !Is(welfare, OrganisationKind.WelfareParty))
            {
                errors.Add(new FieldError(nameof(PartnerSelectionInput.WelfarePartyId), "Kies een welzijnspartij uit het register van organisaties."));
            }

            var isNew = selection is null;
            selection ??= new PartnerSelection(tenant.Id, complexId);
            try
            {
                selection.Record(
                    [.. candidates.Select(c => new ProviderCandidate(c.OrganisationId, c.CommittedToGoals, c.CooperatesInHandover,
                        [.. (c.Scores ?? []).Where(s => s.Score is not null || !string.IsNullOrWhiteSpace(s.Justification))
                            .Select(s => new AspectScore(s.Aspect, s.Score ?? -1, s.Justification ?? ""))]))],
                    new ResidentsVoice(DateOf(input.Residents?.ConsultedOn), input.Residents?.How, input.Residents?.Priorities,
                        input.Residents?.Objections, input.Residents?.Answers),
                    (input.Steps ?? []).Where(s => s.DoneOn is not null).ToDictionary(s => s.Step, s => DateOf(s.DoneOn)!.Value),
                    [.. openEntry.Select(o => new OpenEntryProvider(o.OrganisationId, o.ContactPerson ?? "", o.AgreedRules ?? []))],
                    Dates.Today(clock));
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors.Select(e => new FieldError(e.Field, e.Message)));
            }

            if (input.PreferredCareProviderId is { } preferred && preferred != complex.PreferredCareProviderId)
            {
                var refusal = Is(preferred, OrganisationKind.CareProvider)
                    ? PreferredProviderRule.Refusal(organisations[preferred].CareProviderFacts, selection.CandidateOf(preferred))
                    : "Kies een zorgaanbieder uit het register van organisaties.";
                if (refusal is not null)
                {
                    errors.Add(new FieldError(nameof(PartnerSelectionInput.PreferredCareProviderId), refusal));
                }
            }

            if (errors.Count > 0)
            {
                return new HandlerResult(errors, ResultKind.Invalid);
            }

            if (isNew)
            {
                db.PartnerSelections.Add(selection);
            }
            else
            {
                db.Entry(selection).Property(s => s.Version).OriginalValue = input.Version!.Value;
            }

            if (input.PreferredCareProviderId != complex.PreferredCareProviderId || input.WelfarePartyId != complex.WelfarePartyId)
            {
                // Through the complex's own change, so the partner change is on its history like any other.
                var actor = await Actor.CurrentAsync(db, tenant, ct);
                complex.UpdateFacts(complex.ToFacts() with { PreferredCareProviderId = input.PreferredCareProviderId, WelfarePartyId = input.WelfarePartyId },
                    actor.Id, actor.Name, clock.GetUtcNow());
            }

            return HandlerResult.Ok();
        }, ct);
    }

    private static DateOnly? DateOf(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;
}
