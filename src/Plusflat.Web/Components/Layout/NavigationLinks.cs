using Plusflat.Domain.Tenancy;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Components.Layout;

/// <summary>The main navigation, by permission: each feature adds its entry here.</summary>
public static class NavigationLinks
{
    public sealed record Link(string Path, string Label, Permission Permission);

    private static readonly Link[] All =
    [
        new("overzicht", "Programma-overzicht", Permission.ViewProgramme),
        new("complexen", "Wooncomplexen", Permission.ViewProgramme),
        new("organisaties", "Organisaties", Permission.ViewProgramme),
        new("fasechecklist", "Fasechecklist", Permission.ViewProgramme),
        new("beheer/leden", "Leden en uitnodigingen", Permission.ManageMembers),
    ];

    public static IEnumerable<Link> For(CurrentTenant tenant) => All.Where(l => tenant.Can(l.Permission));
}
