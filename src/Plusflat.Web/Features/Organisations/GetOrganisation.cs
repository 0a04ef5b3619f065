using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Organisations;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
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
    uint Version)
{
    /// <summary>The form's input holding what is stored now (facts only for a care provider).</summary>
    public OrganisationInput ToInput() => new OrganisationInput
    {
        Name = Name,
        Kind = Kind,
        ContactName = ContactName,
        ContactEmail = ContactEmail,
        ContactPhone = ContactPhone,
        Notes = Notes,
        CareProviderFacts = CareProviderFacts?.ToInput(),
        Version = Version,
    }.ForSave();

    internal static OrganisationDetails Of(
        Guid id, string name, OrganisationKind kind, string? contactName, string? contactEmail, string? contactPhone, string? notes,
        CareProviderFacts? facts, uint version) =>
        new(id, name, kind, contactName, contactEmail, contactPhone, notes, facts is null ? null : CareProviderAssessment.Of(facts), version);
}

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

/// <summary>Reads one organisation of the current tenant (edit page, API GET, after a save or a conflict).</summary>
public sealed class GetOrganisationHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    /// <summary>The organisation, or <c>null</c> when it does not exist in this tenant.</summary>
    public async Task<OrganisationDetails?> GetAsync(Guid id, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new { o.Id, o.Name, o.Kind, o.ContactName, o.ContactEmail, o.ContactPhone, o.Notes, o.CareProviderFacts, o.Version })
            .FirstOrDefaultAsync(ct);
        return row is null
            ? null
            : OrganisationDetails.Of(row.Id, row.Name, row.Kind, row.ContactName, row.ContactEmail, row.ContactPhone, row.Notes, row.CareProviderFacts, row.Version);
    }
}
