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

    /// <summary>
    /// The details as the domain wants them; a refusal names every bad field at once (a missing date or year as well as what
    /// the domain refuses), each under the name of the form's own field (coalition rows keep their row number).
    /// </summary>
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

        var rows = Coalition.Select((a, i) => (Agreement: a, Index: i))
            .Where(r => r.Agreement.AgreedOn is not null || !string.IsNullOrWhiteSpace(r.Agreement.Organisation) || !string.IsNullOrWhiteSpace(r.Agreement.AgreedBy))
            .ToList();
        foreach (var row in rows.Where(r => r.Agreement.AgreedOn is null))
        {
            errors.Add(new($"Coalition[{row.Index}].AgreedOn", "Vul de datum van instemming in."));
        }

        var anyEstablishment = !string.IsNullOrWhiteSpace(EstablishmentBody) || !string.IsNullOrWhiteSpace(EstablishmentReference) || EstablishmentOn is not null;
        if (anyEstablishment && EstablishmentOn is null)
        {
            errors.Add(new("Establishment.EstablishedOn", "Vul de datum van de regionale vaststelling in."));
        }

        var first = FirstYear ?? LastYear ?? 2027;
        var last = LastYear ?? first;
        try
        {
            var details = DosApplicationDetails.Create(Submitter,
                [.. rows.Select(r => new CoalitionAgreement(r.Agreement.Party, r.Agreement.Organisation ?? "", r.Agreement.AgreedBy ?? "", r.Agreement.AgreedOn ?? default))],
                anyEstablishment ? new RegionalEstablishment(EstablishmentBody ?? "", EstablishmentOn ?? default, EstablishmentReference ?? "") : null,
                first, last, [.. Requested.Select(r => new YearAmount(r.Year, r.Amount ?? 0m))]);
            if (errors.Count == 0)
            {
                return details;
            }
        }
        catch (DomainException ex)
        {
            // Without both years the period's checks say nothing the missing year does not already say.
            var periodUnknown = FirstYear is null || LastYear is null;
            errors.AddRange(ex.Errors
                .Select(e => e with { Field = RowField(e.Field, rows.Select(r => r.Index).ToList()) })
                .Where(e => !(periodUnknown && e.Field is nameof(FirstYear) or nameof(LastYear) or nameof(Requested)))
                .Where(e => errors.All(known => known.Field != e.Field)));
        }

        throw new DomainException(errors);
    }

    /// <summary>The domain numbers the coalition rows it was given; the form shows every party's row, filled in or not.</summary>
    private static string? RowField(string? field, IReadOnlyList<int> indexes)
    {
        const string Prefix = "Coalition[";
        if (field is null || !field.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return field;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(field.AsSpan(Prefix.Length, close - Prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var given) && given < indexes.Count
            ? $"{Prefix}{indexes[given]}{field[close..]}"
            : field;
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
