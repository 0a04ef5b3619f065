using System.Globalization;
using Microsoft.Extensions.Localization;
using Plusflat.Domain.BusinessCases;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.BusinessCases;

/// <summary>
/// The printable PDF of a frozen version, as the zorgkantoor reads it: who froze it, the outcome in words, the totals per
/// year and the cumulative net, every line, the PM items, and who pays against who gains. The numbers come from the same
/// calculation as the page and the API.
/// </summary>
public sealed class BusinessCaseReportHandler(GetBusinessCaseHandler cases, CurrentTenant tenant, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<byte[]?> VersionPdfAsync(Guid complexId, int number, CancellationToken ct)
    {
        var view = await cases.VersionAsync(complexId, number, ct);
        if (view is null)
        {
            return null;
        }

        var result = view.Result;
        var report = new PdfReport(string.Format(L["Business case {0}, versie {1}"], view.ComplexName, view.Number),
            string.Format(L["Plusflat portal · {0} · gemaakt op {1}"], tenant.Name, Dates.Show(clock.GetUtcNow())));
        report.Line(L["Programma"], tenant.Name).Line(L["Wooncomplex"], view.ComplexName)
            .Line(L["Bevroren op"], Dates.Show(view.FrozenAt)).Line(L["Door"], view.FrozenBy);
        if (view.Note is { Length: > 0 } note)
        {
            report.Line(L["Notitie"], note);
        }

        report.Section(L["Uitkomst"])
            .Strong(result.Positive ? L["Positieve business case"] : L["Geen positieve business case"])
            .Paragraph(Plusflat.Web.Localization.DomainText.Translate(result.Explanation))
            .Paragraph(L["Kosten plus-laag (totaal)"] + ": " + Euro(result.TotalCosts) + Pm(result))
            .Paragraph(L["Baten (totaal)"] + ": " + Euro(result.TotalBenefits) + Pm(result))
            .Paragraph(L["Saldo"] + ": " + Euro(result.TotalNet))
            .Paragraph(L["Baten/kosten-verhouding"] + ": " + (result.Ratio?.ToString("0.00", CultureInfo.CurrentCulture) ?? "—"))
            .Paragraph(L["Eerste jaar met positief cumulatief saldo"] + ": " + (result.BreakEvenYear?.ToString(CultureInfo.InvariantCulture) ?? L["niet binnen de looptijd"]))
            .Paragraph(L["Investeringen (apart, niet in de lopende kosten)"] + ": " + Euro(result.TotalCapex))
            .Paragraph(L["Niet gedekt door betalers (totaal)"] + ": " + Euro(result.TotalFinancingGap));

        report.Section(L["Per jaar"]);
        foreach (var year in result.PerYear)
        {
            report.Line(year.Year.ToString(CultureInfo.InvariantCulture), string.Format(L["kosten {0} · baten {1} · saldo {2} · cumulatief saldo {3}"],
                Euro(year.Costs), Euro(year.Benefits), Euro(year.Net), Euro(year.CumulativeNet)));
        }

        report.Section(L["Cumulatief saldo per jaar"])
            .BarChart([.. result.PerYear.Select(y => (y.Year.ToString(CultureInfo.InvariantCulture), y.CumulativeNet))], Euro);

        report.Section(L["Kosten"]);
        foreach (var line in result.CostLines)
        {
            report.Bullet(line.Name + ": " + (line.Pm ? "PM" : string.Join(" · ", line.Amounts.Select((a, i) => $"{result.FirstYear + i}: {Euro(a)}")) + $" — {L["Totaal"]} {Euro(line.Total)}"));
        }

        report.Section(L["Baten"]);
        foreach (var line in view.Input.BenefitLines)
        {
            report.Bullet((line.Name ?? "") + ": " + (line.Pm ? "PM" : string.Join(" · ", line.Amounts.Select(a => $"{a.Year}: {Euro(a.Amount ?? 0m)}")) + $" ({L[BusinessCaseTerms.NameOf(line.Domain!.Value)]})"));
        }

        if (result.PmItems.Count > 0)
        {
            report.Section(L["PM-posten"]);
            foreach (var item in result.PmItems)
            {
                report.Bullet(item);
            }
        }

        report.Section(L["Wie betaalt (per jaar)"]);
        foreach (var year in result.PerYear)
        {
            var paid = year.Payers.Where(p => p.Percentage != 0m)
                .Select(p => $"{L[BusinessCaseTerms.NameOf(p.Payer)]} {p.Percentage.ToString("0.##", CultureInfo.CurrentCulture)} % ({Euro(p.Amount)})");
            report.Line(year.Year.ToString(CultureInfo.InvariantCulture),
                string.Join(" · ", paid.Append($"{L["Niet gedekt"]} {Euro(year.FinancingGap)}")));
        }

        report.Section(L["Waar de baten terechtkomen (per jaar)"]);
        foreach (var year in result.PerYear)
        {
            var landed = year.BenefitsByDomain.Where(d => d.Amount != 0m)
                .Select(d => $"{L[BusinessCaseTerms.NameOf(d.Domain)]} {Euro(d.Amount)} ({PercentOf(d.Share)})");
            report.Line(year.Year.ToString(CultureInfo.InvariantCulture), landed.Any() ? string.Join(" · ", landed) : L["geen baten"]);
        }

        report.Section(L["Wie betaalt, wie baat"]);
        foreach (var party in result.Parties)
        {
            report.Bullet(L[BusinessCaseTerms.NameOf(party.Domain)] + ": " + string.Format(L["draagt {0} · ontvangt {1} · verschil {2}"],
                Euro(party.CostsCarried), Euro(party.BenefitsReceived), Euro(party.Balance)));
        }

        return report.ToBytes();
    }

    private string Pm(BusinessCaseResult result) => result.PmItems.Count switch
    {
        0 => "",
        1 => $" ({L["exclusief 1 PM-post"]})",
        var n => $" ({string.Format(L["exclusief {0} PM-posten"], n)})",
    };

    private static string PercentOf(decimal? share) => share is { } s ? (s * 100m).ToString("0.#", CultureInfo.CurrentCulture) + " %" : "—";

    private static string Euro(decimal amount) =>
        "€ " + amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.CurrentCulture);
}
