using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Organisations;

/// <summary>An organisation as the register shows it, with the care-provider assessment worked out.</summary>
/// <param name="CareProviderFacts">The Toewijzingskader 2.3 assessment; <c>null</c> for other kinds and for a care provider not assessed yet.</param>
/// <param name="Version">Send this back when changing the organisation (optimistic concurrency).</param>
public sealed record OrganisationDetails(
    Guid Id,
    string Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OrganisationKind>))] OrganisationKind Kind,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    string? Notes,
    CareProviderAssessment? CareProviderFacts,
    uint Version);

/// <summary>A care provider's facts plus what they mean for choosing the preferred provider (Toewijzingskader 2.3).</summary>
/// <param name="MissingHardCriteria">The hard criteria not met, in Dutch; empty when all are met.</param>
/// <param name="WeighingScore">How many of the three weighing aspects apply (0..3).</param>
public sealed record CareProviderAssessment(
    bool ZvwDistrictNursing,
    bool WlzMpt,
    bool WlzVpt,
    bool DementiaCaseManagers,
    bool ContractedByZorgkantoor,
    bool IntramuralLocationNearby,
    bool KnownInNeighbourhood,
    bool GpFirstLineAgreements,
    bool MeetsHardCriteria,
    IReadOnlyList<string> MissingHardCriteria,
    int WeighingScore)
{
    public static CareProviderAssessment Of(CareProviderFacts facts) => new(
        facts.ZvwDistrictNursing,
        facts.WlzMpt,
        facts.WlzVpt,
        facts.DementiaCaseManagers,
        facts.ContractedByZorgkantoor,
        facts.IntramuralLocationNearby,
        facts.KnownInNeighbourhood,
        facts.GpFirstLineAgreements,
        facts.MeetsHardCriteria,
        facts.MissingHardCriteria,
        facts.WeighingScore);

    public CareProviderFactsInput ToInput() => new()
    {
        ZvwDistrictNursing = ZvwDistrictNursing,
        WlzMpt = WlzMpt,
        WlzVpt = WlzVpt,
        DementiaCaseManagers = DementiaCaseManagers,
        ContractedByZorgkantoor = ContractedByZorgkantoor,
        IntramuralLocationNearby = IntramuralLocationNearby,
        KnownInNeighbourhood = KnownInNeighbourhood,
        GpFirstLineAgreements = GpFirstLineAgreements,
    };
}

/// <summary>The partner-organisation register of the current programme tenant: list, read, create, change.</summary>
public sealed class OrganisationHandler(PlusflatDbContext db, CurrentTenant tenant, IValidator<OrganisationInput> validator)
{
    private sealed record Row(
        Guid Id,
        string Name,
        OrganisationKind Kind,
        string? ContactName,
        string? ContactEmail,
        string? ContactPhone,
        string? Notes,
        CareProviderFacts? Facts,
        uint Version);

    /// <summary>Organisations by name; <paramref name="search"/> matches name, contact person or e-mail, ignoring case.</summary>
    public async Task<IReadOnlyList<OrganisationDetails>> ListAsync(string? search, OrganisationKind? kind, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + EscapeLike(search.Trim()) + "%";
            query = query.Where(o => EF.Functions.ILike(o.Name, pattern)
                                     || EF.Functions.ILike(o.ContactName!, pattern)
                                     || EF.Functions.ILike(o.ContactEmail!, pattern));
        }

        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        var rows = await query.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.ContactName, o.ContactEmail, o.ContactPhone, o.Notes, o.CareProviderFacts, o.Version))
            .ToListAsync(ct);
        return rows.Select(ToDetails).ToList();
    }

    /// <summary>The organisation, or <c>null</c> when it does not exist in this tenant.</summary>
    public async Task<OrganisationDetails?> GetAsync(Guid id, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        var row = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.ContactName, o.ContactEmail, o.ContactPhone, o.Notes, o.CareProviderFacts, o.Version))
            .FirstOrDefaultAsync(ct);
        return row is null ? null : ToDetails(row);
    }

    /// <summary>Adds an organisation to this tenant's register; the result carries its id.</summary>
    public Task<HandlerResult> CreateAsync(OrganisationInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        return HandlerExecution.SaveAsync(db, validator, input, () =>
        {
            var organisation = new Organisation(
                tenant.Id,
                input.Name,
                input.Kind.GetValueOrDefault(),
                input.ContactName,
                input.ContactEmail,
                input.ContactPhone,
                input.Notes,
                input.CareProviderFacts?.ToFacts());
            db.Organisations.Add(organisation);
            return Task.FromResult(HandlerResult.Ok(organisation.Id));
        }, ct);
    }

    /// <summary>Saves changes made to the version in <see cref="OrganisationInput.Version"/>; a newer stored version is a conflict.</summary>
    public Task<HandlerResult> UpdateAsync(Guid id, OrganisationInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        return HandlerExecution.SaveAsync(db, validator, input, async () =>
        {
            var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
            if (organisation is null)
            {
                return HandlerResult.NotFound();
            }

            // Locked FOR UPDATE until the save commits: a complex linking this organisation at the same moment
            // (which locks it FOR SHARE) waits, and then sees the new kind — or got in first and is seen here.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM organisations WHERE id = {organisation.Id} FOR UPDATE", ct);
            if (input.Kind is { } newKind && newKind != organisation.Kind && await IsLinkedToComplexesAsync(organisation.Id, ct))
            {
                return HandlerResult.Invalid(new FieldError(nameof(OrganisationInput.Kind),
                    "Deze organisatie is gekoppeld aan een of meer wooncomplexen (als corporatie, zorgaanbieder of welzijnspartij). Ontkoppel haar daar eerst voordat je het soort wijzigt."));
            }

            db.Entry(organisation).Property(o => o.Version).OriginalValue = input.Version;
            organisation.Update(
                input.Name,
                input.Kind.GetValueOrDefault(),
                input.ContactName,
                input.ContactEmail,
                input.ContactPhone,
                input.Notes,
                input.CareProviderFacts?.ToFacts());
            return HandlerResult.Ok(organisation.Id);
        }, ct);
    }

    private Task<bool> IsLinkedToComplexesAsync(Guid organisationId, CancellationToken ct) =>
        db.Complexes.AnyAsync(c => c.HousingCorporationId == organisationId || c.PreferredCareProviderId == organisationId
                                   || c.WelfarePartyId == organisationId, ct);

    private static OrganisationDetails ToDetails(Row row) => new(
        row.Id,
        row.Name,
        row.Kind,
        row.ContactName,
        row.ContactEmail,
        row.ContactPhone,
        row.Notes,
        row.Facts is null ? null : CareProviderAssessment.Of(row.Facts),
        row.Version);

    /// <summary>The user's text is matched literally: % and _ are not wildcards for them.</summary>
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
