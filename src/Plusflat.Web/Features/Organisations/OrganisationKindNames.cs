using Plusflat.Domain.Organisations;

namespace Plusflat.Web.Features.Organisations;

/// <summary>Dutch names of the organisation kinds (localization keys), in the order the UI offers them.</summary>
public static class OrganisationKindNames
{
    public static IReadOnlyList<OrganisationKind> All { get; } = Enum.GetValues<OrganisationKind>();

    public static string Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.HousingCorporation => "Woningcorporatie",
        OrganisationKind.CareProvider => "Zorgaanbieder",
        OrganisationKind.WelfareParty => "Welzijnspartij",
        OrganisationKind.Municipality => "Gemeente",
        OrganisationKind.Zorgkantoor => "Zorgkantoor",
        OrganisationKind.Other => "Overig",
        _ => kind.ToString(),
    };

    /// <summary>Reads a kind from a URL or API query (its English name, e.g. <c>CareProvider</c>); <c>null</c> when absent or unknown.</summary>
    public static bool TryParse(string? text, out OrganisationKind? kind)
    {
        kind = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        // Names only: Enum.TryParse would also take numbers and comma-joined names.
        var name = Enum.GetNames<OrganisationKind>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return false;
        }

        kind = Enum.Parse<OrganisationKind>(name);
        return true;
    }
}
