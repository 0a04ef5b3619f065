using Plusflat.Domain.Common;

namespace Plusflat.Domain.Signalling;

/// <summary>What was done with signal details (NEN 7513).</summary>
public enum AccessAction
{
    View,
    Create,
    Change,
    Export,

    /// <summary>The retention job removed a closed signal's code and description.</summary>
    Remove,
}

/// <summary>One entry of the access log: who, when, which complex / meeting / signal, what, from which address. Written once, never changed.</summary>
public sealed class AccessLogEntry : ITenantOwned
{
    private AccessLogEntry()
    {
        UserName = "";
    }

    public AccessLogEntry(Guid tenantId, DateTimeOffset at, Guid userId, string userName, AccessAction action,
        Guid? complexId, Guid? meetingId, Guid? signalId, string? detail, string? address)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        At = at;
        UserId = userId;
        UserName = userName.Length > 256 ? userName[..256] : userName;
        Action = action;
        ComplexId = complexId;
        MeetingId = meetingId;
        SignalId = signalId;
        Detail = detail is { Length: > 300 } ? detail[..300] : detail;
        Address = address is { Length: > 64 } ? address[..64] : address;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid UserId { get; private set; }

    public string UserName { get; private set; }

    public AccessAction Action { get; private set; }

    public Guid? ComplexId { get; private set; }

    public Guid? MeetingId { get; private set; }

    public Guid? SignalId { get; private set; }

    public string? Detail { get; private set; }

    public string? Address { get; private set; }
}
