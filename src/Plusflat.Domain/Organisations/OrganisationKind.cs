namespace Plusflat.Domain.Organisations;

/// <summary>The kind of partner an organisation is in a programme.</summary>
public enum OrganisationKind
{
    /// <summary><i>Woningcorporatie</i>: owns the building and has the final say on starting in it.</summary>
    HousingCorporation = 1,

    /// <summary><i>Zorgaanbieder</i>: candidate for preferred provider of a complex.</summary>
    CareProvider = 2,

    /// <summary><i>Welzijnspartij</i>: provides the senior community worker.</summary>
    WelfareParty = 3,

    /// <summary><i>Gemeente</i>.</summary>
    Municipality = 4,

    /// <summary>The regional Wlz care office.</summary>
    Zorgkantoor = 5,

    /// <summary>GP practice, police, volunteers' organisation, ...</summary>
    Other = 6,
}
