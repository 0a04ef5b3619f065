using Microsoft.Extensions.Localization;
using Plusflat.Domain.Partners;
using Plusflat.Domain.Standard;
using Plusflat.Web.Features.Admission;
using Plusflat.Web.Features.Partners;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Standard;

/// <summary>
/// The printable assessment report of a complex (PDF) for the regional establishment meeting: the admission gate with its
/// reasons, the partner choice, and the product standard's outcome with every item and its evidence — from the same
/// views the pages show.
/// </summary>
public sealed class StandardReportHandler(
    GetStandardHandler standards, GetAdmissionHandler gates, GetPartnerSelectionHandler partners, CurrentTenant tenant, TimeProvider clock,
    IStringLocalizer<SharedResource> L)
{
    public async Task<byte[]?> PdfAsync(Guid complexId, CancellationToken ct)
    {
        var view = await standards.GetAsync(complexId, ct);
        if (view is null)
        {
            return null;
        }

        var report = new PdfReport(string.Format(L["Beoordelingsrapport {0}"], view.ComplexName),
            string.Format(L["Plusflat portal · {0} · gemaakt op {1}"], tenant.Name, Dates.Show(clock.GetUtcNow())));
        report.Line(L["Programma"], tenant.Name).Line(L["Wooncomplex"], view.ComplexName);

        if (await gates.GetAsync(complexId, ct) is { } gate)
        {
            report.Section(L["Toelatingspoort"])
                .Strong(gate.Passed ? L["De toelatingspoort is gehaald."] : L["De toelatingspoort is niet gehaald of nog niet vastgelegd."]);
            foreach (var threshold in gate.Thresholds)
            {
                report.Bullet($"{ThresholdName(threshold.Key)}: {(threshold.Passed ? L["Gehaald"] : L["Niet gehaald"])}");
                foreach (var reason in threshold.Reasons)
                {
                    report.Bullet(string.Format(L[reason.Template], [.. reason.Arguments]), 1);
                }
            }
        }

        if (await partners.GetAsync(complexId, ct) is { } choice)
        {
            report.Section(L["Partnerkeuze"])
                .Line(L["Voorkeurszorgaanbieder"], choice.PreferredCareProviderName ?? L["Nog niet gekozen"])
                .Line(L["Welzijnspartij"], choice.WelfarePartyName ?? L["Nog niet gekozen"]);
            foreach (var candidate in choice.Candidates)
            {
                report.Bullet($"{candidate.Name}: {(candidate.Failing.Count == 0 ? L["Kan gekozen worden"] : L["Kan niet gekozen worden"])}, "
                              + $"{L["Totaalscore (opgeslagen)"]} {candidate.TotalScore}");
                foreach (var failing in candidate.Failing)
                {
                    report.Bullet(L[failing], 1);
                }
            }

            var residents = choice.Input.Residents;
            if (residents.ConsultedOn is { } consulted)
            {
                report.Line(L["Bewoners geraadpleegd op"], Dates.Show(DateOnly.FromDateTime(consulted)) + (residents.How is { } how ? $" ({how})" : ""));
            }

            report.Paragraph(string.Format(L["{0} van de 4 stappen gezet."], choice.Input.Steps.Count(step => step.DoneOn is not null)));
        }

        report.Section(L["Uitkomst"])
            .Strong(view.Eligible ? L["Komt in aanmerking voor het Plusflat-label."] : L["Komt (nog) niet in aanmerking voor het Plusflat-label."])
            .Bullet(view.GatePassed ? L["De toelatingspoort is gehaald."] : L["De toelatingspoort is niet gehaald of nog niet vastgelegd."]);
        if (!view.Assessed)
        {
            report.Bullet(L["Nog niet beoordeeld."]);
        }
        else
        {
            report.Bullet(view.MissingMusts.Count == 0 ? L["Aan alle musts is voldaan."] : string.Format(L["Ontbrekende musts ({0}):"], view.MissingMusts.Count));
            foreach (var key in view.MissingMusts)
            {
                report.Bullet(view.TextOf(key), 1);
            }

            report.Bullet(view.Exclusions.Count == 0 ? L["Geen enkele uitsluiting is van toepassing."] : L["Valt buiten het label door:"]);
            foreach (var key in view.Exclusions)
            {
                report.Bullet(view.TextOf(key), 1);
            }

            report.Bullet(string.Format(L["Versnellers aanwezig: {0}."], view.Accelerators.Count));
            foreach (var key in view.Accelerators)
            {
                report.Bullet(view.TextOf(key), 1);
            }

            report.Paragraph(string.Format(L["Beoordeeld op {0} door {1}, met versie {2} ({3})."],
                Dates.Show(view.AssessedAt!.Value), view.AssessedBy, view.CatalogueVersion, view.CatalogueName));
            if (view.DueOn is { } due)
            {
                report.Paragraph(string.Format(L["Herbeoordeling op {0}."], Dates.Show(due)));
            }
        }

        foreach (var domain in StandardNames.Domains)
        {
            report.Section(L[StandardNames.Of(domain)]);
            foreach (var item in view.Items.Where(i => i.Domain == domain))
            {
                var status = item.Status is { } s ? L[StandardNames.Of(s)].Value : L["Nog niet beoordeeld"].Value;
                report.Bullet($"{L[StandardNames.Of(item.Kind)]}: {item.Text}");
                report.Bullet(string.IsNullOrEmpty(item.Evidence) ? status : $"{status} — {item.Evidence}", 1);
            }
        }

        return report.ToBytes();
    }

    private string ThresholdName(string key) => key switch
    {
        "concentration" => L["1. Concentratie"],
        "need" => L["2. Aantoonbare opgave"],
        _ => L["3. Regionale vaststelling"],
    };
}
