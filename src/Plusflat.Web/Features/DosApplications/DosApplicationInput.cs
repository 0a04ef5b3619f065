using FluentValidation;
using Plusflat.Domain.Common;
using Plusflat.Domain.DosApplications;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Features.DosApplications;

public sealed class CoalitionInput
{
    public CoalitionParty Party { get; set; }

    public string? Organisation { get; set; }

    public string? AgreedBy { get; set; }

    public DateOnly? AgreedOn { get; set; }
}

public sealed class YearAmountInput
{
    public int Year { get; set; }

    public decimal? Amount { get; set; }
}

/// <summary>What the programme fills in for an application (page form and API body).</summary>
public sealed class DosApplicationInput
{
    public Guid? ComplexId { get; set; }

    public Guid? ZorgkantoorTenantId { get; set; }

    public string? Submitter { get; set; }

    public List<CoalitionInput> Coalition { get; set; } = [];

    public string? EstablishmentBody { get; set; }

    public DateOnly? EstablishmentOn { get; set; }

    public string? EstablishmentReference { get; set; }

    public int? FirstYear { get; set; }

    public int? LastYear { get; set; }

    public List<YearAmountInput> Requested { get; set; } = [];

    /// <summary>The frozen business-case version to attach; null: the newest.</summary>
    public int? BusinessCaseVersion { get; set; }

    public uint? Version { get; set; }

    /// <summary>The details as the domain wants them; a refusal names every bad field.</summary>
    public DosApplicationDetails ToDetails()
    {
        var errors = new List<DomainError>();
        if (FirstYear is null)
        {
            errors.Add(new(nameof(FirstYear), "Vul het eerste jaar in."));
        }

        if (LastYear is null)
        {
            errors.Add(new(nameof(LastYear), "Vul het laatste jaar in."));
        }

        foreach (var (agreement, index) in Coalition.Select((a, i) => (a, i)))
        {
            if (agreement.AgreedOn is null && (!string.IsNullOrWhiteSpace(agreement.Organisation) || !string.IsNullOrWhiteSpace(agreement.AgreedBy)))
            {
                errors.Add(new($"Coalition[{index}].AgreedOn", "Vul de datum van instemming in."));
            }
        }

        var anyEstablishment = !string.IsNullOrWhiteSpace(EstablishmentBody) || !string.IsNullOrWhiteSpace(EstablishmentReference) || EstablishmentOn is not null;
        if (anyEstablishment && EstablishmentOn is null)
        {
            errors.Add(new("Establishment.EstablishedOn", "Vul de datum van de regionale vaststelling in."));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        var coalition = Coalition.Where(a => a.AgreedOn is not null || !string.IsNullOrWhiteSpace(a.Organisation) || !string.IsNullOrWhiteSpace(a.AgreedBy))
            .Select(a => new CoalitionAgreement(a.Party, a.Organisation ?? "", a.AgreedBy ?? "", a.AgreedOn!.Value)).ToList();
        var establishment = anyEstablishment ? new RegionalEstablishment(EstablishmentBody ?? "", EstablishmentOn!.Value, EstablishmentReference ?? "") : null;
        return DosApplicationDetails.Create(Submitter, coalition, establishment, FirstYear!.Value, LastYear!.Value,
            [.. Requested.Select(r => new YearAmount(r.Year, r.Amount ?? 0m))]);
    }
}

public sealed class DosApplicationInputValidator : InputValidator<DosApplicationInput>
{
    public DosApplicationInputValidator()
    {
        RuleFor(i => i.ComplexId).NotNull().WithMessage("Kies het complex.");
        RuleFor(i => i.ZorgkantoorTenantId).NotNull().WithMessage("Kies het zorgkantoor waaraan de aanvraag is gericht.");
    }
}

/// <summary>The zorgkantoor's decision (page dialog and API body).</summary>
public sealed class DosDecisionInput
{
    /// <summary>grant | reject | moreInformation.</summary>
    public string? Outcome { get; set; }

    public List<YearAmountInput> Amounts { get; set; } = [];

    [MultilineText]
    public string? Reasons { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public DateOnly? ReviewOn { get; set; }
}

public sealed class DosDecisionInputValidator : InputValidator<DosDecisionInput>
{
    public DosDecisionInputValidator()
    {
        RuleFor(i => i.Outcome).Must(o => o is "grant" or "reject" or "moreInformation")
            .WithMessage("Kies toekennen (grant), afwijzen (reject) of om aanvullende informatie vragen (moreInformation).");
        RuleFor(i => i.Reasons).NotEmpty().When(i => i.Outcome is "reject" or "moreInformation")
            .WithMessage("Vul de reden of de vraag in.");
    }
}
