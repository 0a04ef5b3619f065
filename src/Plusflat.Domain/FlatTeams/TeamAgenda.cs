using Plusflat.Domain.Common;

namespace Plusflat.Domain.FlatTeams;

/// <summary>The two texts a flat team keeps: its one ambition and its one work agenda.</summary>
public enum TeamTextKind
{
    Ambition,
    WorkAgenda,
}

/// <summary>
/// One version of the team's ambition or work agenda: free text with the date it holds from. Never changed: a new
/// version is a new entry, so the history shows every earlier one with who wrote it and when.
/// </summary>
public sealed class TeamAgendaEntry : ITenantOwned
{
    public const int TextMax = 4000;

    private TeamAgendaEntry()
    {
        Text = "";
        RecordedByName = "";
    }

    public TeamAgendaEntry(Guid tenantId, Guid complexId, TeamTextKind kind, string? text, DateOnly? datedOn, Guid recordedBy, string recordedByName, DateTimeOffset now)
    {
        string? checkedText = null;
        DomainException.ThrowAll(
            () => checkedText = Guard.RequiredText(text, TextMax, nameof(Text), kind == TeamTextKind.Ambition ? "De ambitie" : "De werkagenda", multiline: true),
            () =>
            {
                if (datedOn is null)
                {
                    throw new DomainException("Vul de datum in waarop deze versie ingaat.", nameof(DatedOn));
                }
            },
            () =>
            {
                if (!Enum.IsDefined(kind))
                {
                    throw new DomainException("Kies ambitie of werkagenda.", nameof(Kind));
                }
            });
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        Kind = kind;
        Text = checkedText!;
        DatedOn = datedOn!.Value;
        RecordedBy = recordedBy;
        RecordedByName = recordedByName.Length > 256 ? recordedByName[..256] : recordedByName;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public TeamTextKind Kind { get; private set; }

    public string Text { get; private set; }

    public DateOnly DatedOn { get; private set; }

    public Guid RecordedBy { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The version that holds now: the latest recorded (a newer entry replaces an older one, whatever its date).</summary>
    public static TeamAgendaEntry? Current(IEnumerable<TeamAgendaEntry> entries, TeamTextKind kind) =>
        entries.Where(e => e.Kind == kind).OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).FirstOrDefault();
}
