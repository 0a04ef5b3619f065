using Plusflat.Domain.Common;

namespace Plusflat.Domain.FlatTeams;

/// <summary>The roles on a flat team (issue 9).</summary>
public enum TeamRole
{
    ProjectLeader,
    FlatCoach,
    ResidentConsultant,
    Caretaker,
    CommunityWorker,
    CareWorker,
    ResidentRepresentative,
    GpContact,
    Volunteer,
    Other,
}

/// <summary>
/// A member of one complex's flat team: name, organisation, role, contact, start and end. <see cref="UserId"/> links the
/// member to a portal account: that account sees this complex's signal details — and only this complex's — while the
/// membership is active (start ≤ today ≤ end).
/// </summary>
public sealed class FlatTeamMember : ITenantOwned
{
    public const int NameMax = 120;
    public const int OrganisationMax = 120;
    public const int ContactMax = 200;

    private FlatTeamMember()
    {
        Name = "";
        Organisation = "";
    }

    public FlatTeamMember(Guid tenantId, Guid complexId, string name, string organisation, TeamRole role, string? contact,
        DateOnly startsOn, DateOnly? endsOn, Guid? userId, Guid? id = null)
    {
        Id = id ?? Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        Name = "";
        Organisation = "";
        Change(name, organisation, role, contact, startsOn, endsOn, userId);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public string Name { get; private set; }

    public string Organisation { get; private set; }

    public TeamRole Role { get; private set; }

    public string? Contact { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    public Guid? UserId { get; private set; }

    public void Change(string name, string organisation, TeamRole role, string? contact, DateOnly startsOn, DateOnly? endsOn, Guid? userId, string fieldPrefix = "")
    {
        string? n = null, o = null, c = null;
        DomainException.ThrowAll(
            () => n = Guard.RequiredText(name, NameMax, fieldPrefix + nameof(Name), "Naam"),
            () => o = Guard.RequiredText(organisation, OrganisationMax, fieldPrefix + nameof(Organisation), "Organisatie"),
            () => c = Guard.OptionalText(contact, ContactMax, fieldPrefix + nameof(Contact), "Contactgegevens"),
            () =>
            {
                if (!Enum.IsDefined(role))
                {
                    throw new DomainException("Kies een rol uit de lijst.", fieldPrefix + nameof(Role));
                }
            },
            () =>
            {
                if (endsOn is { } end && end < startsOn)
                {
                    throw new DomainException("De einddatum ligt vóór de startdatum.", fieldPrefix + nameof(EndsOn));
                }
            });
        Name = n!;
        Organisation = o!;
        Role = role;
        Contact = c;
        StartsOn = startsOn;
        EndsOn = endsOn;
        UserId = userId;
    }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);
}

/// <summary>Who may see a complex's signal details: an account linked to an active member of THAT complex's team.</summary>
public static class TeamAccess
{
    public static bool MaySeeDetails(IEnumerable<FlatTeamMember> members, Guid complexId, Guid userId, DateOnly today) =>
        userId != Guid.Empty && members.Any(m => m.ComplexId == complexId && m.UserId == userId && m.IsActiveOn(today));
}
