using Plusflat.Domain.Common;

namespace Plusflat.Domain.DosApplications;

/// <summary>The zorgkantoor's own working assessment of an application: scores per national criterion and comments. The programme never sees it.</summary>
public sealed class DosAssessment : ITenantOwned
{
    public const int CommentsMaxLength = 4000;

    public DosAssessment(Guid tenantId, Guid applicationId, DosCriteriaCatalogue catalogue, IReadOnlyList<CriterionScore>? scores, string? comments, string by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ApplicationId = applicationId;
        Save(catalogue, scores, comments, by, now);
    }

    private DosAssessment()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The zorgkantoor tenant.</summary>
    public Guid TenantId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public int CatalogueVersion { get; private set; }

    public IReadOnlyList<CriterionScore> Scores { get; private set; } = [];

    public string? Comments { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public uint Version { get; private set; }

    public DosScoring Scoring => DosScoring.Evaluate(DosCriteriaCatalogue.OfVersion(CatalogueVersion), Scores);

    public void Save(DosCriteriaCatalogue catalogue, IReadOnlyList<CriterionScore>? scores, string? comments, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        IReadOnlyList<CriterionScore> checkedScores = [];
        string? text = null;
        DomainException.ThrowAll(
            () => checkedScores = DosScoring.Checked(catalogue, scores),
            () => text = Guard.OptionalText(comments, CommentsMaxLength, nameof(Comments), "De opmerkingen", multiline: true));
        CatalogueVersion = catalogue.Version;
        Scores = checkedScores;
        Comments = text;
        UpdatedAt = now;
        UpdatedBy = by;
    }
}

/// <summary>A Plusflat label in the zorgkantoor's register: the granted complex, programme, period and amounts.</summary>
public sealed class DosLabel : ITenantOwned
{
    public DosLabel(Guid tenantId, DosApplication application, DosDecision decision)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(decision);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ApplicationId = application.Id;
        Number = decision.LabelNumber ?? throw new ArgumentException("A grant carries a label number.", nameof(decision));
        ProgrammeName = application.ProgrammeName;
        ComplexName = application.Snapshot.Complex.Name;
        Municipality = application.Snapshot.Complex.Municipality;
        FirstYear = application.Details.FirstYear;
        LastYear = application.Details.LastYear;
        Amounts = decision.Amounts;
        GrantedOn = decision.DecidedOn;
        EffectiveOn = decision.EffectiveOn ?? decision.DecidedOn;
        ReviewOn = decision.ReviewOn ?? decision.DecidedOn.AddYears(1);
    }

    private DosLabel()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The zorgkantoor tenant.</summary>
    public Guid TenantId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string Number { get; private set; } = "";

    public string ProgrammeName { get; private set; } = "";

    public string ComplexName { get; private set; } = "";

    public string Municipality { get; private set; } = "";

    public int FirstYear { get; private set; }

    public int LastYear { get; private set; }

    public IReadOnlyList<YearAmount> Amounts { get; private set; } = [];

    public DateOnly GrantedOn { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public DateOnly ReviewOn { get; private set; }

    /// <summary>The register's numbering: PF-{year}-{sequence}, e.g. PF-2026-0003.</summary>
    public static string NumberFor(int year, int sequence) => $"PF-{year}-{sequence:0000}";
}
