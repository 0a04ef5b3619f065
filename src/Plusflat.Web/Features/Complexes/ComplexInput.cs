using FluentValidation;
using Plusflat.Domain.Complexes;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Features.Complexes;

/// <summary>
/// The complex form and the API body, with typed values (numbers are numbers from the input field to the
/// entity). Property names are <see cref="ComplexFacts"/>'s, so a domain refusal lands at the right field;
/// <see cref="ToFacts"/> and <see cref="From"/> are the one mapping between the two.
/// </summary>
public sealed class ComplexInput
{
    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public string Postcode { get; set; } = "";

    public string Municipality { get; set; } = "";

    public string? District { get; set; }

    public Guid? HousingCorporationId { get; set; }

    public Guid? PreferredCareProviderId { get; set; }

    public Guid? WelfarePartyId { get; set; }

    public int? DwellingCount { get; set; }

    public decimal? ShareAged65Plus { get; set; }

    public int? ZeroStepDwellings { get; set; }

    public decimal? ShareSocialRent { get; set; }

    public bool HasCommonRoom { get; set; }

    public bool CommonRoomOpenToNeighbourhood { get; set; }

    public bool NearFacilities { get; set; }

    public bool HasWorkspaceForTeam { get; set; }

    public string? ClusterName { get; set; }

    [MultilineText]
    public string? Notes { get; set; }

    public uint Version { get; set; }

    /// <summary>The facts to check and save. A missing dwelling count is the validator's to report; the domain then sees 0.</summary>
    public ComplexFacts ToFacts() => new()
    {
        Name = Name,
        Address = Address,
        Postcode = Postcode,
        Municipality = Municipality,
        District = District,
        HousingCorporationId = HousingCorporationId,
        PreferredCareProviderId = PreferredCareProviderId,
        WelfarePartyId = WelfarePartyId,
        DwellingCount = DwellingCount ?? 0,
        ShareAged65Plus = ShareAged65Plus,
        ZeroStepDwellings = ZeroStepDwellings,
        ShareSocialRent = ShareSocialRent,
        HasCommonRoom = HasCommonRoom,
        CommonRoomOpenToNeighbourhood = CommonRoomOpenToNeighbourhood,
        NearFacilities = NearFacilities,
        HasWorkspaceForTeam = HasWorkspaceForTeam,
        ClusterName = ClusterName,
        Notes = Notes,
    };

    public static ComplexInput From(ComplexFacts facts, uint version) => new()
    {
        Name = facts.Name,
        Address = facts.Address,
        Postcode = facts.Postcode,
        Municipality = facts.Municipality,
        District = facts.District,
        HousingCorporationId = facts.HousingCorporationId,
        PreferredCareProviderId = facts.PreferredCareProviderId,
        WelfarePartyId = facts.WelfarePartyId,
        DwellingCount = facts.DwellingCount,
        ShareAged65Plus = facts.ShareAged65Plus,
        ZeroStepDwellings = facts.ZeroStepDwellings,
        ShareSocialRent = facts.ShareSocialRent,
        HasCommonRoom = facts.HasCommonRoom,
        CommonRoomOpenToNeighbourhood = facts.CommonRoomOpenToNeighbourhood,
        NearFacilities = facts.NearFacilities,
        HasWorkspaceForTeam = facts.HasWorkspaceForTeam,
        ClusterName = facts.ClusterName,
        Notes = facts.Notes,
        Version = version,
    };
}

/// <summary>
/// The input's shape: what must be filled in, worded for the form. Every other rule (ranges, lengths, the
/// postcode, fields that depend on each other) is <see cref="ComplexFacts.Check"/>'s, so no rule lives twice;
/// for a field this validator refuses, the domain's message about the same missing value is not shown again.
/// </summary>
public sealed class ComplexInputValidator : InputValidator<ComplexInput>
{
    public ComplexInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het wooncomplex in.");
        RuleFor(x => x.Address).NotEmpty().WithMessage("Vul het adres in.");
        RuleFor(x => x.Postcode).NotEmpty().WithMessage("Vul de postcode in (bijvoorbeeld 1012 AB).");
        RuleFor(x => x.Municipality).NotEmpty().WithMessage("Vul de gemeente in.");
        RuleFor(x => x.DwellingCount).NotNull().WithMessage("Vul het aantal woningen in.");
    }
}
