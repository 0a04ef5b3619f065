using FluentValidation;
using Plusflat.Domain.Organisations;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Features.Organisations;

/// <summary>What the organisation form and the API send to create or change an organisation.</summary>
public sealed class OrganisationInput
{
    public string Name { get; set; } = "";

    public OrganisationKind? Kind { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    [MultilineText]
    public string? Notes { get; set; }

    /// <summary>Toewijzingskader 2.3 facts; only for a care provider, <c>null</c> when not assessed (or another kind).</summary>
    public CareProviderFactsInput? CareProviderFacts { get; set; }

    /// <summary>The version the user loaded (PostgreSQL <c>xmin</c>); a different stored version means someone else saved in between.</summary>
    public uint Version { get; set; }

    /// <summary>
    /// What is saved and compared: care-provider facts only for a care provider (a care provider always has them,
    /// unticked when not assessed), none for any other kind; blank optional text as <c>null</c>. The form keeps
    /// the user's ticks in its own input while they try another kind, so switching back loses nothing.
    /// </summary>
    public OrganisationInput ForSave() => new()
    {
        Name = Name,
        Kind = Kind,
        ContactName = Blank(ContactName),
        ContactEmail = Blank(ContactEmail),
        ContactPhone = Blank(ContactPhone),
        Notes = Blank(Notes),
        CareProviderFacts = Kind == OrganisationKind.CareProvider ? (CareProviderFacts ?? new CareProviderFactsInput()) with { } : null,
        Version = Version,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>The eight Toewijzingskader 2.3 facts as a form (checkboxes) or a JSON object sends them.</summary>
/// <remarks>A record, so two inputs with the same ticks are equal (the conflict merge compares them as one field).</remarks>
public sealed record CareProviderFactsInput
{
    public bool ZvwDistrictNursing { get; set; }

    public bool WlzMpt { get; set; }

    public bool WlzVpt { get; set; }

    public bool DementiaCaseManagers { get; set; }

    public bool ContractedByZorgkantoor { get; set; }

    public bool IntramuralLocationNearby { get; set; }

    public bool KnownInNeighbourhood { get; set; }

    public bool GpFirstLineAgreements { get; set; }

    public static CareProviderFactsInput From(CareProviderFacts facts) => new()
    {
        ZvwDistrictNursing = facts.ZvwDistrictNursing,
        WlzMpt = facts.WlzMpt,
        WlzVpt = facts.WlzVpt,
        DementiaCaseManagers = facts.DementiaCaseManagers,
        ContractedByZorgkantoor = facts.ContractedByZorgkantoor,
        IntramuralLocationNearby = facts.IntramuralLocationNearby,
        KnownInNeighbourhood = facts.KnownInNeighbourhood,
        GpFirstLineAgreements = facts.GpFirstLineAgreements,
    };

    public CareProviderFacts ToFacts() => new(
        ZvwDistrictNursing, WlzMpt, WlzVpt, DementiaCaseManagers, ContractedByZorgkantoor,
        IntramuralLocationNearby, KnownInNeighbourhood, GpFirstLineAgreements);
}

/// <summary>The shape of the input only; the rules about organisations themselves live in <see cref="Organisation"/>.</summary>
public sealed class OrganisationInputValidator : InputValidator<OrganisationInput>
{
    public OrganisationInputValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage("Vul de naam van de organisatie in.")
            .MaximumLength(Organisation.NameMaxLength)
            .WithMessage($"De naam mag hoogstens {Organisation.NameMaxLength} tekens lang zijn.");
        RuleFor(x => x.Kind)
            .NotNull().WithMessage("Kies het soort organisatie.")
            .IsInEnum().WithMessage("Kies een geldig soort organisatie.");
        RuleFor(x => x.ContactName)
            .MaximumLength(Organisation.ContactNameMaxLength)
            .WithMessage($"De naam van de contactpersoon mag hoogstens {Organisation.ContactNameMaxLength} tekens lang zijn.");
        RuleFor(x => x.ContactEmail)
            .MaximumLength(Organisation.ContactEmailMaxLength)
            .WithMessage($"Het e-mailadres mag hoogstens {Organisation.ContactEmailMaxLength} tekens lang zijn.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.")
            .When(x => !string.IsNullOrWhiteSpace(x.ContactEmail));
        RuleFor(x => x.ContactPhone)
            .MaximumLength(Organisation.ContactPhoneMaxLength)
            .WithMessage($"Het telefoonnummer mag hoogstens {Organisation.ContactPhoneMaxLength} tekens lang zijn.");
        RuleFor(x => x.Notes)
            .MaximumLength(Organisation.NotesMaxLength)
            .WithMessage($"De notities mogen hoogstens {Organisation.NotesMaxLength} tekens lang zijn.");
    }
}
