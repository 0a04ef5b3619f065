using Plusflat.Domain.Common;
using Plusflat.Domain.Standard;
using Plusflat.Web.Features.Standard;

namespace Plusflat.Web.Features.Complexes;

/// <summary>Filters, sorting and paging of the complex list; bookmarkable through the query string.</summary>
public sealed record ComplexFilter
{
    public const int DefaultPageSize = 25;

    public int? Phase { get; init; }

    public string? Municipality { get; init; }

    public string? District { get; init; }

    public Guid? CorporationId { get; init; }

    public string? Text { get; init; }

    /// <summary>Only complexes at this state of the admission gate (computed, see <see cref="ProgrammeEligibility"/>).</summary>
    public GateState? Gate { get; init; }

    /// <summary>Only complexes at this state against the product standard.</summary>
    public StandardState? Standard { get; init; }

    /// <summary>Only complexes that are (true) or are not (false) eligible for the Plusflat label.</summary>
    public bool? Eligible { get; init; }

    /// <summary>Only complexes whose yearly re-assessment of the standard is in this state.</summary>
    public AssessmentDue? Reassessment { get; init; }

    /// <summary>Whether a filter needs the computed gate and standard (which SQL cannot filter on).</summary>
    public bool FiltersOnStanding => Gate is not null || Standard is not null || Eligible is not null || Reassessment is not null;

    /// <summary>Show the archived complexes instead of the active ones (the archive is never mixed into the list).</summary>
    public bool Archived { get; init; }

    public ComplexSort Sort { get; init; } = ComplexSort.Name;

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The highest page number accepted; beyond it the offset would overflow (and no programme has that many).</summary>
    public const int MaxPage = 100_000;

    public ComplexFilter Normalised() => this with
    {
        Page = Math.Clamp(Page, 1, MaxPage),
        PageSize = Math.Clamp(PageSize, 1, 200),
        Municipality = Blank(Municipality),
        District = Blank(District),
        Text = Blank(Text),
        Phase = Phase is >= 0 and <= 4 ? Phase : null,
        Gate = Gate is { } gate && Enum.IsDefined(gate) ? gate : null,
        Standard = Standard is { } standard && Enum.IsDefined(standard) ? standard : null,
        Reassessment = Reassessment is { } due && Enum.IsDefined(due) ? due : null,
    };

    /// <summary>A filter from a URL never fails: characters that cannot be searched for are dropped (see <see cref="PlainText.Clean"/>).</summary>
    private static string? Blank(string? text) => PlainText.Clean(text);
}

public enum ComplexSort
{
    Name,
    Municipality,
    District,
    Dwellings,
    Phase,
}
