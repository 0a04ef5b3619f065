using MudBlazor;
using Plusflat.Domain.Tenancy;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Components.Shell;

/// <summary>The main navigation, by permission: each feature adds its entry here (the start page's cards too).</summary>
public static class NavigationLinks
{
    public sealed record Link(string Path, string Label, Permission Permission, string Icon, string Purpose);

    private static readonly Link[] All =
    [
        new("overzicht", "Programma-overzicht", Permission.ViewProgramme, Icons.Material.Filled.Insights,
            "Hoe ver de complexen zijn: per fase, per wijk en per corporatie, en de voortgang naar de ambitie."),
        new("dashboard", "Programmadashboard", Permission.ViewDashboard, Icons.Material.Filled.Dashboard,
            "Alle cijfers op één pagina, per wijk of corporatie: fasen, label, acties en reviews, de indicatoren tegen de nulmeting en de financiering; af te drukken en als pdf."),
        new("complexen", "Wooncomplexen", Permission.ViewProgramme, Icons.Material.Filled.Apartment,
            "De seniorencomplexen van het programma, hun gegevens, partners en fasechecklist."),
        new("organisaties", "Organisaties", Permission.ViewProgramme, Icons.Material.Filled.Business,
            "Het register van partners: corporaties, zorgaanbieders en welzijnspartijen."),
        new("fasechecklist", "Fasechecklist", Permission.ViewProgramme, Icons.Material.Filled.Checklist,
            "Wat er per fase af moet zijn, als versies die het programma zelf beheert."),
        new("toelating", "Toelatingspoort", Permission.ViewProgramme, Icons.Material.Filled.Rule,
            "Welke wooncomplexen door de drie drempels van het Plusflat-label komen, en waarom niet."),
        new("signalen", "Signalen in cijfers", Permission.ViewSignalCounts, Icons.Material.Filled.QueryStats,
            "Aantallen vroegsignalen per wooncomplex, categorie en maand, met het verloop; nooit details."),
        new("monitoring", "Monitoring", Permission.ViewProgramme, Icons.Material.Filled.MonitorHeart,
            "De minimale dataset per wooncomplex: nulmeting, kwartaalwaarden met de trend en de signalen ernaast, en de kwartaalreviews."),
        new("dos-aanvragen", "DOS-aanvragen", Permission.ViewProgramme, Icons.Material.Filled.RequestQuote,
            "Aanvragen voor DOS-financiering en het Plusflat-label bij het zorgkantoor: status, vragen en besluiten."),
        new("ontvangen-aanvragen", "Ontvangen aanvragen", Permission.ViewReceivedApplications, Icons.Material.Filled.Inbox,
            "De DOS-aanvragen die aan dit zorgkantoor zijn gericht: beoordelen tegen de landelijke criteria en besluiten."),
        new("dos-budget", "DOS-budget en labels", Permission.ViewReceivedApplications, Icons.Material.Filled.AccountBalance,
            "Het DOS-budget per jaar (totaal, vastgelegd, beschikbaar) en het register van toegekende Plusflat-labels."),
        new("beheer/leden", "Leden en uitnodigingen", Permission.ViewMembers, Icons.Material.Filled.Group,
            "Wie er in deze omgeving werkt, met welke rol, en nieuwe mensen uitnodigen."),
        new("beheer/toegangslog", "Toegangslog", Permission.ViewAccessLog, Icons.Material.Filled.ManageSearch,
            "Wie welke signaalgegevens van de flatteams heeft ingezien of gewijzigd, wanneer en vanaf welk adres (NEN 7513)."),
    ];

    public static IEnumerable<Link> For(CurrentTenant tenant) => All.Where(l => tenant.Can(l.Permission));
}
