using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Partners;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Partners;

/// <summary>
/// A complex's partner choice as the page and the API show it: the input to edit, every candidate side by side with
/// the hard criteria it fails (empty: it may be chosen) and its total score, and the organisations to choose from.
/// Plain values, so the prerender can hand it to the circuit.
/// </summary>
public sealed record PartnerSelectionView(
    Guid ComplexId,
    string ComplexName,
    PartnerSelectionInput Input,
    string? PreferredCareProviderName,
    string? WelfarePartyName,
    IReadOnlyList<CandidateView> Candidates,
    IReadOnlyList<ProviderOption> CareProviders,
    IReadOnlyList<ProviderOption> WelfareParties)
{
    public string NameOf(Guid id) => CareProviders.Concat(WelfareParties).FirstOrDefault(o => o.Id == id)?.Name ?? "";
}

/// <summary>A stored candidate: its name, the hard criteria it fails (organisation facts and this complex's agreements), and its total weighing score.</summary>
public sealed record CandidateView(Guid OrganisationId, string Name, IReadOnlyList<string> Failing, int TotalScore, int ScoredAspects);

/// <summary>A care provider or welfare party of the register; <see cref="MissingFacts"/>: the organisation's own hard criteria it does not meet.</summary>
public sealed record ProviderOption(Guid Id, string Name, IReadOnlyList<string> MissingFacts);

public sealed class GetPartnerSelectionHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<PartnerSelectionView?> GetAsync(Guid complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complex = await db.Complexes.AsNoTracking().Where(c => c.Id == complexId)
            .Select(c => new { c.Id, c.Name, c.PreferredCareProviderId, c.WelfarePartyId }).FirstOrDefaultAsync(ct);
        if (complex is null)
        {
            return null;
        }

        var selection = await db.PartnerSelections.AsNoTracking().FirstOrDefaultAsync(s => s.ComplexId == complexId, ct);
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.CareProvider || o.Kind == OrganisationKind.WelfareParty)
            .OrderBy(o => o.Name).ToListAsync(ct);
        var careProviders = organisations.Where(o => o.Kind == OrganisationKind.CareProvider)
            .Select(o => new ProviderOption(o.Id, o.Name, o.CareProviderFacts?.MissingHardCriteria ?? [PreferredProviderRule.NoFacts])).ToList();
        var welfare = organisations.Where(o => o.Kind == OrganisationKind.WelfareParty).Select(o => new ProviderOption(o.Id, o.Name, [])).ToList();
        var facts = organisations.ToDictionary(o => o.Id, o => o.CareProviderFacts);

        var candidates = (selection?.Candidates ?? []).Select(c => new CandidateView(
            c.OrganisationId,
            organisations.FirstOrDefault(o => o.Id == c.OrganisationId)?.Name ?? "",
            PreferredProviderRule.Failing(facts.GetValueOrDefault(c.OrganisationId), c),
            c.TotalScore,
            c.Scores.Count)).ToList();

        return new PartnerSelectionView(
            complex.Id,
            complex.Name,
            ToInput(selection, complex.PreferredCareProviderId, complex.WelfarePartyId),
            organisations.FirstOrDefault(o => o.Id == complex.PreferredCareProviderId)?.Name,
            organisations.FirstOrDefault(o => o.Id == complex.WelfarePartyId)?.Name,
            candidates,
            careProviders,
            welfare);
    }

    private static PartnerSelectionInput ToInput(PartnerSelection? selection, Guid? preferred, Guid? welfare)
    {
        var input = new PartnerSelectionInput { PreferredCareProviderId = preferred, WelfarePartyId = welfare, Version = selection?.Version };
        if (selection is null)
        {
            return input;
        }

        input.Candidates = [.. selection.Candidates.Select(c => new CandidateInput
        {
            OrganisationId = c.OrganisationId,
            CommittedToGoals = c.CommittedToGoals,
            CooperatesInHandover = c.CooperatesInHandover,
            Scores = [.. Enum.GetValues<WeighingAspect>().Select(a => c.Scores.FirstOrDefault(s => s.Aspect == a) is { } s
                ? new ScoreInput { Aspect = a, Score = s.Score, Justification = s.Justification }
                : new ScoreInput { Aspect = a })],
        })];
        input.Residents = new ResidentsInput
        {
            ConsultedOn = selection.Residents.ConsultedOn?.ToDateTime(TimeOnly.MinValue),
            How = selection.Residents.How,
            Priorities = selection.Residents.Priorities,
            Objections = selection.Residents.Objections,
            Answers = selection.Residents.Answers,
        };
        input.Steps = [.. Enum.GetValues<SelectionStep>().Select(s => new StepInput
        {
            Step = s,
            DoneOn = selection.Steps.TryGetValue(s, out var date) ? date.ToDateTime(TimeOnly.MinValue) : null,
        })];
        input.OpenEntry = [.. selection.OpenEntry.Select(o => new OpenEntryInput
        {
            OrganisationId = o.OrganisationId, ContactPerson = o.ContactPerson, AgreedRules = [.. o.AgreedRules],
        })];
        return input;
    }
}
