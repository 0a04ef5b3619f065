namespace Plusflat.Domain.DosApplications;

/// <summary>Where a DOS funding application stands. Granted, rejected and withdrawn are final.</summary>
public enum DosApplicationStatus
{
    /// <summary>Being prepared by the programme; the zorgkantoor sees nothing of it.</summary>
    Draft = 1,

    /// <summary>Sent to the zorgkantoor, awaiting assessment.</summary>
    Submitted = 2,

    /// <summary>The zorgkantoor asked a question; the decision term waits for the programme's answer.</summary>
    MoreInformationRequested = 3,

    /// <summary>The programme answered (with new snapshots) and sent it again: complete again, awaiting a decision.</summary>
    Resubmitted = 4,

    /// <summary>Granted: the Plusflat label and the funding per year.</summary>
    Granted = 5,

    /// <summary>Rejected, with reasons.</summary>
    Rejected = 6,

    /// <summary>Withdrawn by the programme before a decision.</summary>
    Withdrawn = 7,
}

/// <summary>Who may move an application: the programme that sends it or the zorgkantoor that receives it.</summary>
public enum DosSide
{
    Programme = 1,
    Zorgkantoor = 2,
}

/// <summary>The allowed moves between statuses, as one pure table.</summary>
public static class DosTransitions
{
    public static bool IsFinal(DosApplicationStatus status) =>
        status is DosApplicationStatus.Granted or DosApplicationStatus.Rejected or DosApplicationStatus.Withdrawn;

    /// <summary>Received by the zorgkantoor and awaiting its decision (complete: the decision term runs).</summary>
    public static bool AwaitsDecision(DosApplicationStatus status) =>
        status is DosApplicationStatus.Submitted or DosApplicationStatus.Resubmitted;

    public static bool Allowed(DosApplicationStatus from, DosApplicationStatus to, DosSide side) => (from, to, side) switch
    {
        (DosApplicationStatus.Draft, DosApplicationStatus.Submitted, DosSide.Programme) => true,
        (DosApplicationStatus.MoreInformationRequested, DosApplicationStatus.Resubmitted, DosSide.Programme) => true,
        (DosApplicationStatus.Draft or DosApplicationStatus.Submitted or DosApplicationStatus.MoreInformationRequested or DosApplicationStatus.Resubmitted,
            DosApplicationStatus.Withdrawn, DosSide.Programme) => true,
        (DosApplicationStatus.Submitted or DosApplicationStatus.Resubmitted,
            DosApplicationStatus.MoreInformationRequested or DosApplicationStatus.Granted or DosApplicationStatus.Rejected, DosSide.Zorgkantoor) => true,
        _ => false,
    };

    public static string Name(DosApplicationStatus status) => status switch
    {
        DosApplicationStatus.Draft => "Concept",
        DosApplicationStatus.Submitted => "Ingediend",
        DosApplicationStatus.MoreInformationRequested => "Aanvullende informatie gevraagd",
        DosApplicationStatus.Resubmitted => "Opnieuw ingediend",
        DosApplicationStatus.Granted => "Toegekend",
        DosApplicationStatus.Rejected => "Afgewezen",
        DosApplicationStatus.Withdrawn => "Ingetrokken",
        _ => status.ToString(),
    };
}
