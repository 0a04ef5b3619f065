using Plusflat.Domain.Partners;

namespace Plusflat.Web.Features.Partners;

/// <summary>
/// The partner choice as the form and the API send it: the chosen preferred care provider and welfare party, the
/// candidates with their scores, the residents' voice, the dates of the four steps and the open-entry providers.
/// <see cref="Version"/>: the stored version the form was loaded from (null: nothing recorded yet).
/// </summary>
public sealed class PartnerSelectionInput
{
    public Guid? PreferredCareProviderId { get; set; }

    public Guid? WelfarePartyId { get; set; }

    public List<CandidateInput> Candidates { get; set; } = [];

    public ResidentsInput Residents { get; set; } = new();

    public List<StepInput> Steps { get; set; } = [.. Enum.GetValues<SelectionStep>().Select(s => new StepInput { Step = s })];

    public List<OpenEntryInput> OpenEntry { get; set; } = [];

    public uint? Version { get; set; }
}

public sealed class CandidateInput
{
    public Guid OrganisationId { get; set; }

    public bool CommittedToGoals { get; set; }

    public bool CooperatesInHandover { get; set; }

    public List<ScoreInput> Scores { get; set; } = [.. Enum.GetValues<WeighingAspect>().Select(a => new ScoreInput { Aspect = a })];
}

public sealed class ScoreInput
{
    public WeighingAspect Aspect { get; set; }

    /// <summary>0..3; null: not scored yet.</summary>
    public int? Score { get; set; }

    public string? Justification { get; set; }
}

public sealed class ResidentsInput
{
    public DateTime? ConsultedOn { get; set; }

    public string? How { get; set; }

    public string? Priorities { get; set; }

    public string? Objections { get; set; }

    public string? Answers { get; set; }
}

public sealed class StepInput
{
    public SelectionStep Step { get; set; }

    public DateTime? DoneOn { get; set; }
}

public sealed class OpenEntryInput
{
    public Guid OrganisationId { get; set; }

    public string? ContactPerson { get; set; }

    public List<OpenEntryRule> AgreedRules { get; set; } = [];
}
