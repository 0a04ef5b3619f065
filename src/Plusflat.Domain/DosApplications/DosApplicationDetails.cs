using Plusflat.Domain.Common;

namespace Plusflat.Domain.DosApplications;

/// <summary>
/// What the programme fills in: the one formal submitter, the coalition's agreement, the regional establishment, the period
/// and the amount requested per year. May be incomplete while a draft (the submit conditions name what is missing), but what is
/// there must be well-formed: one agreement per party, a period of 1–10 years, exactly one amount per year of the period.
/// </summary>
public sealed record DosApplicationDetails(
    string Submitter,
    IReadOnlyList<CoalitionAgreement> Coalition,
    RegionalEstablishment? Establishment,
    int FirstYear,
    int LastYear,
    IReadOnlyList<YearAmount> Requested)
{
    public const int TextMaxLength = 200;
    public const int MaxYears = 10;

    public int Years => LastYear - FirstYear + 1;

    public decimal RequestedTotal => Requested.Sum(r => r.Amount);

    public decimal RequestedIn(int year) => Requested.FirstOrDefault(r => r.Year == year)?.Amount ?? 0m;

    /// <summary>The details normalised (texts trimmed, amounts in year order), or a refusal naming every bad field.</summary>
    public static DosApplicationDetails Create(
        string? submitter, IReadOnlyList<CoalitionAgreement>? coalition, RegionalEstablishment? establishment,
        int firstYear, int lastYear, IReadOnlyList<YearAmount>? requested)
    {
        var errors = new List<DomainError>();
        string Text(string? value, string field, string label, bool required)
        {
            try
            {
                return (required ? Guard.RequiredText(value, TextMaxLength, field, label) : Guard.OptionalText(value, TextMaxLength, field, label)) ?? "";
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors);
                return "";
            }
        }

        var name = Text(submitter, nameof(Submitter), "De indienende organisatie", required: true);
        var agreements = new List<CoalitionAgreement>();
        foreach (var (agreement, index) in (coalition ?? []).Select((a, i) => (a, i)))
        {
            var field = $"{nameof(Coalition)}[{index}]";
            if (!Enum.IsDefined(agreement.Party))
            {
                errors.Add(new DomainError($"{field}.Party", "Kies gemeente, woningcorporatie of zorgaanbieder."));
                continue;
            }

            if (agreements.Any(a => a.Party == agreement.Party))
            {
                errors.Add(new DomainError($"{field}.Party", "Elke partij van de coalitie stemt één keer in."));
                continue;
            }

            var organisation = Text(agreement.Organisation, $"{field}.Organisation", "De organisatie", required: true);
            var by = Text(agreement.AgreedBy, $"{field}.AgreedBy", "Wie instemde", required: true);
            agreements.Add(agreement with { Organisation = organisation, AgreedBy = by });
        }

        RegionalEstablishment? regional = null;
        if (establishment is not null)
        {
            var body = Text(establishment.Body, "Establishment.Body", "Het regionale orgaan", required: true);
            var reference = Text(establishment.Reference, "Establishment.Reference", "Het kenmerk", required: true);
            regional = establishment with { Body = body, Reference = reference };
        }

        if (firstYear is < 2020 or > 2100)
        {
            errors.Add(new DomainError(nameof(FirstYear), "Het eerste jaar ligt tussen 2020 en 2100."));
        }

        if (lastYear < firstYear)
        {
            errors.Add(new DomainError(nameof(LastYear), "Het laatste jaar ligt niet vóór het eerste jaar."));
        }
        else if (lastYear - firstYear + 1 > MaxYears)
        {
            errors.Add(new DomainError(nameof(LastYear), $"De periode is hoogstens {MaxYears} jaar."));
        }

        var amounts = (requested ?? []).OrderBy(r => r.Year).ToList();
        foreach (var amount in amounts)
        {
            if (amount.Year < firstYear || amount.Year > lastYear)
            {
                errors.Add(new DomainError(nameof(Requested), $"{amount.Year} valt buiten de periode {firstYear}–{lastYear}."));
            }
            else if (amount.Amount < 0 || amount.Amount != decimal.Round(amount.Amount, 2))
            {
                errors.Add(new DomainError(nameof(Requested), $"Het bedrag voor {amount.Year} is een positief bedrag in euro's en centen."));
            }
        }

        if (amounts.GroupBy(a => a.Year).Any(g => g.Count() > 1))
        {
            errors.Add(new DomainError(nameof(Requested), "Vraag per jaar één bedrag aan."));
        }
        else if (lastYear >= firstYear && lastYear - firstYear + 1 <= MaxYears && errors.All(e => e.Field != nameof(Requested)))
        {
            var missing = Enumerable.Range(firstYear, lastYear - firstYear + 1).Where(y => amounts.All(a => a.Year != y)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new DomainError(nameof(Requested), $"Vul het gevraagde bedrag in voor {string.Join(", ", missing)}."));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        return new DosApplicationDetails(name, agreements, regional, firstYear, lastYear, amounts);
    }
}
