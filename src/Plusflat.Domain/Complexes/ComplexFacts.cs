namespace Plusflat.Domain.Complexes;

/// <summary>
/// Every field of a <see cref="Complex"/> a user edits, as plain values. Both the constructor and
/// <see cref="Complex.UpdateFacts"/> take it, so the checks live in one place (the complex);
/// a refusal's field name is the complex's property name, which is also this record's.
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
}
