using System.Globalization;
using FluentValidation;
using Plusflat.Domain.Complexes;

namespace Plusflat.Web.Features.Complexes;

/// <summary>
/// The complex form. Numbers are strings so that whatever the user typed comes back unchanged on an
/// error ("12a" stays "12a" with a Dutch message), instead of being lost in model binding.
/// Property names match <see cref="Complex"/>'s, so domain errors land at the right field.
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

    public string DwellingCount { get; set; } = "";

    public string? ShareAged65Plus { get; set; }

    public string? ZeroStepDwellings { get; set; }

    public string? ShareSocialRent { get; set; }

    public bool HasCommonRoom { get; set; }

    public bool CommonRoomOpenToNeighbourhood { get; set; }

    public bool NearFacilities { get; set; }

    public bool HasWorkspaceForTeam { get; set; }

    public string? ClusterName { get; set; }

    public string? Notes { get; set; }

    public uint Version { get; set; }

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
        DwellingCount = NumberParsing.Integer(DwellingCount) ?? 0,
        ShareAged65Plus = NumberParsing.Decimal(ShareAged65Plus),
        ZeroStepDwellings = NumberParsing.Integer(ZeroStepDwellings),
        ShareSocialRent = NumberParsing.Decimal(ShareSocialRent),
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
        DwellingCount = facts.DwellingCount.ToString(CultureInfo.InvariantCulture),
        ShareAged65Plus = NumberParsing.Format(facts.ShareAged65Plus),
        ZeroStepDwellings = facts.ZeroStepDwellings?.ToString(CultureInfo.InvariantCulture),
        ShareSocialRent = NumberParsing.Format(facts.ShareSocialRent),
        HasCommonRoom = facts.HasCommonRoom,
        CommonRoomOpenToNeighbourhood = facts.CommonRoomOpenToNeighbourhood,
        NearFacilities = facts.NearFacilities,
        HasWorkspaceForTeam = facts.HasWorkspaceForTeam,
        ClusterName = facts.ClusterName,
        Notes = facts.Notes,
        Version = version,
    };
}

/// <summary>Numbers as Dutch users type them: "72,5" and "72.5" are the same.</summary>
public static class NumberParsing
{
    public static int? Integer(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static decimal? Decimal(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    public static string? Format(decimal? value) => value?.ToString("0.##", CultureInfo.GetCultureInfo("nl-NL"));
}

/// <summary>The form's shape; ranges and other rules are the entity's (they give the same Dutch messages to the API).</summary>
public sealed class ComplexInputValidator : AbstractValidator<ComplexInput>
{
    public ComplexInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het wooncomplex in.")
            .MaximumLength(Complex.NameMaxLength).WithMessage($"De naam mag hoogstens {Complex.NameMaxLength} tekens lang zijn.");
        RuleFor(x => x.Address).NotEmpty().WithMessage("Vul het adres in.")
            .MaximumLength(Complex.AddressMaxLength).WithMessage($"Het adres mag hoogstens {Complex.AddressMaxLength} tekens lang zijn.");
        RuleFor(x => x.Postcode).NotEmpty().WithMessage("Vul de postcode in (bijvoorbeeld 1012 AB).");
        RuleFor(x => x.Municipality).NotEmpty().WithMessage("Vul de gemeente in.")
            .MaximumLength(Complex.MunicipalityMaxLength).WithMessage($"De gemeente mag hoogstens {Complex.MunicipalityMaxLength} tekens lang zijn.");
        RuleFor(x => x.DwellingCount).NotEmpty().WithMessage("Vul het aantal woningen in.")
            .Must(v => NumberParsing.Integer(v) is not null).When(x => !NumberParsing.IsBlank(x.DwellingCount))
            .WithMessage("Vul het aantal woningen in als heel getal, bijvoorbeeld 120.");
        RuleFor(x => x.ZeroStepDwellings).Must(v => NumberParsing.Integer(v) is not null)
            .When(x => !NumberParsing.IsBlank(x.ZeroStepDwellings))
            .WithMessage("Vul het aantal nultredenwoningen in als heel getal, of laat het leeg.");
        RuleFor(x => x.ShareAged65Plus).Must(v => NumberParsing.Decimal(v) is not null)
            .When(x => !NumberParsing.IsBlank(x.ShareAged65Plus))
            .WithMessage("Vul een percentage in, bijvoorbeeld 72 of 72,5, of laat het leeg.");
        RuleFor(x => x.ShareSocialRent).Must(v => NumberParsing.Decimal(v) is not null)
            .When(x => !NumberParsing.IsBlank(x.ShareSocialRent))
            .WithMessage("Vul een percentage in, bijvoorbeeld 85, of laat het leeg.");
    }
}
