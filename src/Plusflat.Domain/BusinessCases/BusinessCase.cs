using Plusflat.Domain.Common;

namespace Plusflat.Domain.BusinessCases;

/// <summary>
/// The working copy of a complex's business case (one per complex). Its content is a <see cref="BusinessCasePlan"/>; the lead
/// changes it with <see cref="Replace"/> and freezes it with <see cref="Freeze"/>. Frozen versions are separate, immutable rows.
/// </summary>
public sealed class BusinessCase : ITenantOwned
{
    public BusinessCase(Guid tenantId, Guid complexId, BusinessCasePlan plan, Guid by, string byName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        CreatedAt = now;
        Plan = plan;
        UpdatedAt = now;
        UpdatedBy = by;
        UpdatedByName = byName;
    }

    private BusinessCase()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public BusinessCasePlan Plan { get; private set; } = null!;

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public string UpdatedByName { get; private set; } = "";

    /// <summary>The number of the latest frozen version (0: none yet); the next one gets this + 1.</summary>
    public int FrozenVersions { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public void Replace(BusinessCasePlan plan, Guid by, string byName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        UpdatedAt = now;
        UpdatedBy = by;
        UpdatedByName = byName;
    }

    /// <summary>Freezes the working copy as it is now: a new numbered version that never changes. The working copy goes on.</summary>
    public BusinessCaseVersion Freeze(string? note, Guid by, string byName, DateTimeOffset now)
    {
        var text = Guard.OptionalText(note, BusinessCaseVersion.NoteMaxLength, "Note", "De notitie");
        FrozenVersions++;
        return new BusinessCaseVersion(TenantId, ComplexId, Id, FrozenVersions, Plan, text, by, byName, now);
    }
}

/// <summary>A frozen version of a business case, as the zorgkantoor reads it: who froze it, when, with which note. Never changes.</summary>
public sealed class BusinessCaseVersion : ITenantOwned
{
    public const int NoteMaxLength = 500;

    internal BusinessCaseVersion(Guid tenantId, Guid complexId, Guid businessCaseId, int number, BusinessCasePlan plan, string? note, Guid by, string byName, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        BusinessCaseId = businessCaseId;
        Number = number;
        Plan = plan;
        Note = note;
        FrozenBy = by;
        FrozenByName = byName;
        FrozenAt = now;
    }

    private BusinessCaseVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public Guid BusinessCaseId { get; private set; }

    public int Number { get; private set; }

    public BusinessCasePlan Plan { get; private set; } = null!;

    public string? Note { get; private set; }

    public Guid FrozenBy { get; private set; }

    public string FrozenByName { get; private set; } = "";

    public DateTimeOffset FrozenAt { get; private set; }
}
