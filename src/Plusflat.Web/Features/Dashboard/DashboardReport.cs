using System.Globalization;
using Microsoft.Extensions.Localization;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Dashboard;

/// <summary>The programme dashboard as a PDF: the same figures as the page and the print view (one <see cref="DashboardView"/>), charts drawn as bars with their numbers as text, every table.</summary>
public sealed class DashboardReportHandler(GetDashboardHandler dashboards, CurrentTenant tenant, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<byte[]> PdfAsync(DashboardFilter filter, CancellationToken ct)
    {
        var view = await dashboards.GetAsync(filter, ct);
        var text = new DashboardText(L);
        var report = new PdfReport(L["Programmadashboard"] + " " + tenant.Name,
            string.Format(CultureInfo.CurrentCulture, L["Plusflat portal · {0} · gemaakt op {1}"], tenant.Name, Dates.Show(clock.GetUtcNow())));
        report.Line(L["Programma"], tenant.Name).Line(L["Selectie"], text.Filter(view)).Line(L["Stand op"], Dates.Show(view.On))
            .Line(L["Wooncomplexen"], view.Complexes.ToString(CultureInfo.CurrentCulture));

        if (view.Complexes == 0)
        {
            report.Paragraph(L["Geen wooncomplexen in deze selectie."]);
            return report.ToBytes();
        }

        report.Section(L["Wooncomplexen per fase"])
            .BarChart([.. view.PerPhase.Select(p => ($"{L["Fase"]} {p.Phase}", (decimal)p.Count))], v => v.ToString("0", CultureInfo.CurrentCulture), height: 150)
            .Table([L["Fase"], L["Wooncomplexen"]], view.PerPhase.Select(p => (IReadOnlyList<string>)[$"{p.Phase} — {L[p.Name]}", Number(p.Count)]));

        report.Section(L["Voortgang naar de ambitie"]).Paragraph(Ambition(view.Ambition));

        report.Section(L["Toelating, productstandaard en label"])
            .Table([L["Onderdeel"], L["Stand"], L["Wooncomplexen"]], text.Standing(view.Standing).Select(s => (IReadOnlyList<string>)[s.Group, s.Name, Number(s.Count)]));

        report.Section(L["Acties over datum"]);
        if (view.OverdueActions.ComplexesWithOverdue == 0)
        {
            report.Paragraph(L["Geen acties over datum bij de flatteams."]);
        }
        else
        {
            report.Table([L["Wooncomplex"], L["Acties over datum"]], view.OverdueActions.Complexes.Select(c => (IReadOnlyList<string>)[c.ComplexName, c.Shown]))
                .Paragraph(L["Alleen aantallen; een aantal van 1 of 2 staat er als “< 3”."]);
        }

        report.Section(L["Kwartaalreviews"])
            .Paragraph(string.Format(CultureInfo.CurrentCulture, L["{0} te laat, {1} nodig, {2} bij, {3} nog niet begonnen (geen nulmeting)."],
                view.Reviews.Overdue, view.Reviews.Due, view.Reviews.UpToDate, view.Reviews.NotStarted));
        if (view.Reviews.Complexes.Count > 0)
        {
            report.Table([L["Wooncomplex"], L["Kwartaalreview"], L["Kwartaal"], L["Uiterlijk op"]],
                view.Reviews.Complexes.Select(r => (IReadOnlyList<string>)[r.ComplexName, text.ReviewStatus(r.Status), text.Quarter(r.Quarter), Dates.Show(r.DueOn)]));
        }

        report.Section(L["Indicatoren tegen de nulmeting"]);
        var measured = view.Indicators.Where(i => i.Programme.MedianPercent is not null).ToList();
        if (measured.Count > 0)
        {
            report.Paragraph(L["Mediaan van de verandering per wooncomplex ten opzichte van de eigen nulmeting (laatste kwartaal), in procenten."])
                .BarChart([.. measured.Select(i => (i.Name, i.Programme.MedianPercent!.Value))], v => DashboardText.Percent(v), height: 170);
        }

        report.Table([L["Indicator"], L["Richting"], L["Mediaan"], L["Beter (aantal)"], L["Gelijk (aantal)"], L["Slechter (aantal)"]],
            view.Indicators.Select(i => (IReadOnlyList<string>)[i.Name, text.Direction(i.Direction), DashboardText.Percent(i.Programme.MedianPercent),
                Number(i.Programme.Better), Number(i.Programme.Unchanged), Number(i.Programme.Worse)]));
        foreach (var indicator in view.Indicators.Where(i => i.Complexes.Count > 0))
        {
            report.Strong($"{indicator.Name} ({indicator.Unit}, {text.Direction(indicator.Direction)})");
            if (indicator.PerQuarter.Count > 0)
            {
                report.Table([L["Kwartaal"], L["Wooncomplexen"], L["Mediaan"], L["Oordeel"]],
                    indicator.PerQuarter.Select(q => (IReadOnlyList<string>)[text.Quarter(q.Quarter), Number(q.Change.Complexes), DashboardText.Percent(q.Change.MedianPercent), text.Judgement(q.Change.Judgement)]));
            }

            report.Table([L["Wooncomplex"], L["Nulmeting"], L["Laatste kwartaal"], L["Waarde"], L["Verandering"], L["Oordeel"]],
                indicator.Complexes.Select(c => (IReadOnlyList<string>)[c.ComplexName, DashboardText.Value(c.Baseline), text.Quarter(c.LatestQuarter),
                    DashboardText.Value(c.Latest), DashboardText.Percent(c.VersusBaseline.Percent), text.Judgement(c.VersusBaseline.Judgement)]));
        }

        report.Section(L["Toegekende DOS-financiering per jaar"]);
        if (view.Funding.PerYear.Count == 0)
        {
            report.Paragraph(L["Nog geen toegekende DOS-aanvragen voor deze wooncomplexen."]);
        }
        else
        {
            report.BarChart([.. view.Funding.PerYear.Select(y => (y.Year.ToString(CultureInfo.InvariantCulture), y.Amount))], DashboardText.Euro, height: 160)
                .Table([L["Jaar"], L["Toegekend"]], [.. view.Funding.PerYear.Select(y => (IReadOnlyList<string>)[y.Year.ToString(CultureInfo.InvariantCulture), DashboardText.Euro(y.Amount)]),
                    [L["Totaal"], DashboardText.Euro(view.Funding.Total)]]);
        }

        return report.ToBytes();
    }

    private string Ambition(DashboardAmbition ambition) => ambition.Target is { } target
        ? string.Format(CultureInfo.CurrentCulture, L["{0} van de {1} beoogde Plusflats in uitvoering (fase 3 of verder), doel in {2}."], ambition.InExecution, target, ambition.TargetYear)
          + " " + string.Format(CultureInfo.CurrentCulture, L["{0}% van het doel"], ambition.Percent?.ToString("0.#", CultureInfo.CurrentCulture))
        : string.Format(CultureInfo.CurrentCulture, L["Er is nog geen ambitie ingesteld; {0} in uitvoering (fase 3 of verder)."], ambition.InExecution);

    private static string Number(int value) => value.ToString(CultureInfo.CurrentCulture);
}
