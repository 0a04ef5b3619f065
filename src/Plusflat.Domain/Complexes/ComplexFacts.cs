using Plusflat.Domain.Common;

namespace Plusflat.Domain.Complexes;

/// <summary>
/// Every field of a <see cref="Complex"/> a user edits, as plain values, with the rules they must meet
/// (<see cref="Check"/>). Both the constructor and <see cref="Complex.UpdateFacts"/> take it, so the rules
/// live in one place: here. A refusal's field name is this record's property name, which is also the
/// complex's and the form input's.
/// </summary>
public sealed record ComplexFacts
{
    public required string Name { get; init; }

    public required string Address { get; init; }

    /// <summary>Dutch postcode in any common spelling; stored as "1234 AB".</summary>
    public required string Postcode { get; init; }

    public required string Municipality { get; init; }

    /// <summary>City district or neighbourhood (<i>stadsdeel / wijk</i>).</summary>
    public string? District { get; init; }

    /// <summary>The owning housing corporation, an <c>Organisation</c> the handler has checked.</summary>
    public Guid? HousingCorporationId { get; init; }

    public Guid? PreferredCareProviderId { get; init; }

    public Guid? WelfarePartyId { get; init; }

    public required int DwellingCount { get; init; }

    /// <summary>Share of residents aged 65 or over, 0..100; <c>null</c> when unknown.</summary>
    public decimal? ShareAged65Plus { get; init; }

    /// <summary>Zero-step dwellings (<i>nultredenwoningen</i>), 0..<see cref="DwellingCount"/>; <c>null</c> when unknown.</summary>
    public int? ZeroStepDwellings { get; init; }

    /// <summary>Share of social-rent dwellings, 0..100; <c>null</c> when unknown.</summary>
    public decimal? ShareSocialRent { get; init; }

    public bool HasCommonRoom { get; init; }

    public bool CommonRoomOpenToNeighbourhood { get; init; }

    public bool NearFacilities { get; init; }

    public bool HasWorkspaceForTeam { get; init; }

    /// <summary>Name of a group of nearby complexes that share capacity (the "light" variant).</summary>
    public string? ClusterName { get; init; }

    public string? Notes { get; init; }

    /// <summary>
    /// Every field as invariant text (<see cref="FieldValues.Of"/>), in the order the form shows them; what the
    /// history compares. Call it on stored facts (<see cref="Complex.ToFacts"/>), which are already trimmed.
    /// </summary>
    public IReadOnlyList<(string Field, string? Value)> Snapshot() =>
    [
        (nameof(Name), Name),
        (nameof(Address), Address),
        (nameof(Postcode), Postcode),
        (nameof(Municipality), Municipality),
        (nameof(District), District),
        (nameof(ClusterName), ClusterName),
        (nameof(HousingCorporationId), FieldValues.Of(HousingCorporationId)),
        (nameof(PreferredCareProviderId), FieldValues.Of(PreferredCareProviderId)),
        (nameof(WelfarePartyId), FieldValues.Of(WelfarePartyId)),
        (nameof(DwellingCount), FieldValues.Of(DwellingCount)),
        (nameof(ShareAged65Plus), FieldValues.Of(ShareAged65Plus)),
        (nameof(ZeroStepDwellings), FieldValues.Of(ZeroStepDwellings)),
        (nameof(ShareSocialRent), FieldValues.Of(ShareSocialRent)),
        (nameof(HasCommonRoom), FieldValues.Of(HasCommonRoom)),
        (nameof(CommonRoomOpenToNeighbourhood), FieldValues.Of(CommonRoomOpenToNeighbourhood)),
        (nameof(NearFacilities), FieldValues.Of(NearFacilities)),
        (nameof(HasWorkspaceForTeam), FieldValues.Of(HasWorkspaceForTeam)),
        (nameof(Notes), Notes),
    ];

    /// <summary>Every rule these facts break, all at once (empty: valid). Pure.</summary>
    public IReadOnlyList<DomainError> Check()
    {
        try
        {
            _ = Validated();
            return [];
        }
        catch (DomainException ex)
        {
            return ex.Errors;
        }
    }

    /// <summary>The facts as the complex stores them (trimmed, normalised, as value objects); refuses with every broken rule at once.</summary>
    internal Valid Validated()
    {
        string name = "", address = "", postcode = "", municipality = "";
        string? district = null, clusterName = null, notes = null;
        DwellingCount? dwellings = null;
        Percentage? shareAged65Plus = null, shareSocialRent = null;
        DomainException.ThrowAll(
            () => name = Guard.RequiredText(Name, Complex.NameMaxLength, nameof(Name), "Naam"),
            () => address = Guard.RequiredText(Address, Complex.AddressMaxLength, nameof(Address), "Adres"),
            () => postcode = DutchPostcode.Normalise(Postcode, nameof(Postcode)),
            () => municipality = Guard.RequiredText(Municipality, Complex.MunicipalityMaxLength, nameof(Municipality), "Gemeente"),
            () => district = Guard.OptionalText(District, Complex.DistrictMaxLength, nameof(District), "Stadsdeel of wijk"),
            () => Refuse(HousingCorporationId == Guid.Empty, "Kies een geldige woningcorporatie.", nameof(HousingCorporationId)),
            () => Refuse(PreferredCareProviderId == Guid.Empty, "Kies een geldige voorkeurszorgaanbieder.", nameof(PreferredCareProviderId)),
            () => Refuse(WelfarePartyId == Guid.Empty, "Kies een geldige welzijnspartij.", nameof(WelfarePartyId)),
            () => dwellings = new DwellingCount(DwellingCount, nameof(DwellingCount)),
            () => shareAged65Plus = ShareAged65Plus is { } aged ? new Percentage(aged, nameof(ShareAged65Plus)) : null,
            () => Refuse(ZeroStepDwellings < 0, "Het aantal nultredenwoningen kan niet negatief zijn.", nameof(ZeroStepDwellings)),
            () => Refuse(
                ZeroStepDwellings > DwellingCount && DwellingCount is >= Complexes.DwellingCount.Min and <= Complexes.DwellingCount.Max,
                $"Het aantal nultredenwoningen kan niet groter zijn dan het aantal woningen ({DwellingCount}).",
                nameof(ZeroStepDwellings)),
            () => shareSocialRent = ShareSocialRent is { } social ? new Percentage(social, nameof(ShareSocialRent)) : null,
            () => Refuse(
                CommonRoomOpenToNeighbourhood && !HasCommonRoom,
                "Een ontmoetingsruimte kan alleen open zijn voor de buurt als het complex er een heeft.",
                nameof(CommonRoomOpenToNeighbourhood)),
            () => clusterName = Guard.OptionalText(ClusterName, Complex.ClusterNameMaxLength, nameof(ClusterName), "Clusternaam"),
            () => notes = Guard.OptionalText(Notes, Complex.NotesMaxLength, nameof(Notes), "Notities", multiline: true));
        return new Valid(name, address, postcode, municipality, district, dwellings!, shareAged65Plus, shareSocialRent, clusterName, notes);
    }

    private static void Refuse(bool refused, string message, string field)
    {
        if (refused)
        {
            throw new DomainException(message, field);
        }
    }

    /// <summary>Facts that passed <see cref="Validated"/>, in the form the complex stores them.</summary>
    internal sealed record Valid(
        string Name, string Address, string Postcode, string Municipality, string? District, DwellingCount Dwellings,
        Percentage? ShareAged65Plus, Percentage? ShareSocialRent, string? ClusterName, string? Notes);
}
