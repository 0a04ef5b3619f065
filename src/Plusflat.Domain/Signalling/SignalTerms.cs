namespace Plusflat.Domain.Signalling;

/// <summary>The small signals of decline the team looks for (DOMAIN: Early signalling).</summary>
public enum SignalCategory
{
    GoingOutLess,
    Falls,
    Forgetfulness,
    PoorerSelfCare,
    SocialWithdrawal,
    Other,
}

/// <summary>The domain that noticed the signal.</summary>
public enum NoticedBy
{
    Housing,
    Welfare,
    Care,
    Resident,
}

/// <summary>Where a signal stands, from "nog niet opgepakt" to closed.</summary>
public enum SignalStatus
{
    NotPickedUp,
    PickedUp,
    Monitoring,
    Closed,
}

/// <summary>Where an action stands.</summary>
public enum ActionStatus
{
    Open,
    Done,
    Cancelled,
}
