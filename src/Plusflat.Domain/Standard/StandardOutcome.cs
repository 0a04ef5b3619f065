namespace Plusflat.Domain.Standard;

/// <summary>Where a complex stands in the yearly rhythm of assessments.</summary>
public enum AssessmentDue
{
    /// <summary>Never assessed.</summary>
    NotAssessed,

    /// <summary>Assessed, and the re-assessment is more than a month away.</summary>
    Current,

    /// <summary>The re-assessment falls within the next month, or today.</summary>
    Due,

    /// <summary>More than a year since the last assessment: the re-assessment date has passed.</summary>
    Overdue,
}

/// <summary>
/// The computed verdict of the product standard for a complex: eligible for the Plusflat label only when the
/// admission gate passed, every must is met (or not applicable) and no not-item applies. Computed from the latest
/// assessment and the gate's outcome; never stored.
/// </summary>
public sealed record StandardOutcome(
    bool Eligible,
    bool GatePassed,
    bool Assessed,
    IReadOnlyList<StandardItem> MissingMusts,
    IReadOnlyList<StandardItem> Exclusions,
    IReadOnlyList<StandardItem> Accelerators,
    DateOnly? DueOn,
    AssessmentDue Due)
{
    /// <summary>A re-assessment is due one year after the last one; it shows as due in the month before.</summary>
    public static readonly TimeSpan DueWarning = TimeSpan.FromDays(31);

    /// <param name="catalogue">The version the assessment used (not necessarily the newest).</param>
    /// <param name="assessment">The latest assessment, or null when there is none.</param>
    /// <param name="gatePassed">The admission gate's computed outcome for the complex.</param>
    /// <param name="today">The date to judge "due" against (passed in, so the rule stays pure).</param>
    public static StandardOutcome Evaluate(StandardCatalogue catalogue, StandardAssessment? assessment, bool gatePassed, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (assessment is null)
        {
            var musts = catalogue.Items.Where(i => i.Kind == StandardItemKind.Must).ToList();
            return new StandardOutcome(false, gatePassed, false, musts, [], [], null, AssessmentDue.NotAssessed);
        }

        if (assessment.CatalogueId != catalogue.Id)
        {
            throw new ArgumentException("The assessment belongs to another catalogue version.", nameof(catalogue));
        }

        var status = assessment.Items.ToDictionary(i => i.Key, i => i.Status, StringComparer.Ordinal);
        StandardItemStatus? Of(StandardItem item) => status.TryGetValue(item.Key, out var s) ? s : null;

        var missing = catalogue.Items.Where(i => i.Kind == StandardItemKind.Must
            && Of(i) is not (StandardItemStatus.Met or StandardItemStatus.NotApplicable)).ToList();
        var exclusions = catalogue.Items.Where(i => i.Kind == StandardItemKind.Not && Of(i) != StandardItemStatus.DoesNotApply).ToList();
        var accelerators = catalogue.Items.Where(i => i.Kind == StandardItemKind.Should && Of(i) == StandardItemStatus.Met).ToList();

        var assessedOn = DateOnly.FromDateTime(assessment.AssessedAt.UtcDateTime);
        var dueOn = assessedOn.AddYears(1);
        var due = today > dueOn ? AssessmentDue.Overdue
            : today.AddDays(DueWarning.Days) >= dueOn ? AssessmentDue.Due
            : AssessmentDue.Current;

        var eligible = gatePassed && missing.Count == 0 && exclusions.Count == 0;
        return new StandardOutcome(eligible, gatePassed, true, missing, exclusions, accelerators, dueOn, due);
    }
}
