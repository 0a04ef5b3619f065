using Plusflat.Domain.Common;

namespace Plusflat.Domain.FlatTeams;

/// <summary>One level of scaling up: its number, a name, the criteria that bring a signal to it, and who decides there.</summary>
public sealed record EscalationLevel(int Level, string Name, string Criteria, string? Decides);

/// <summary>The agreed working lines of a complex (product standard: prevention and early signalling).</summary>
public sealed record EscalationContent(string? WhoSignals, string? WhoActs, string? WhoDecides, IReadOnlyList<EscalationLevel> Levels)
{
    public static readonly EscalationContent None = new(null, null, null, []);
}

/// <summary>
/// The escalation lines of one complex's flat team: who signals, who acts (<i>schakelt</i>), who decides, and the levels
/// with their criteria for scaling up. Levels run 0…<see cref="MaxLevel"/> without gaps, each once, matching the levels
/// an action can have.
/// </summary>
public sealed class EscalationLines : ITenantOwned
{
    public const int LineMax = 300;
    public const int NameMax = 80;
    public const int CriteriaMax = 600;
    public const int MaxLevel = 3;

    private EscalationLines()
    {
        Content = EscalationContent.None;
    }

    public EscalationLines(Guid tenantId, Guid complexId, EscalationContent content, Guid by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ComplexId = complexId;
        Content = EscalationContent.None;
        Change(content, by, now);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ComplexId { get; private set; }

    public EscalationContent Content { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Change(EscalationContent content, Guid by, DateTimeOffset now)
    {
        Content = Checked(content);
        UpdatedBy = by;
        UpdatedAt = now;
    }

    /// <summary>The content with its text normalised, or every refusal at once (<c>Levels[1].Criteria</c>…).</summary>
    public static EscalationContent Checked(EscalationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string? signals = null, acts = null, decides = null;
        var levels = new EscalationLevel[content.Levels.Count];
        var checks = new List<Action>
        {
            () => signals = Guard.OptionalText(content.WhoSignals, LineMax, nameof(content.WhoSignals), "Wie signaleert"),
            () => acts = Guard.OptionalText(content.WhoActs, LineMax, nameof(content.WhoActs), "Wie schakelt"),
            () => decides = Guard.OptionalText(content.WhoDecides, LineMax, nameof(content.WhoDecides), "Wie beslist"),
        };
        for (var i = 0; i < content.Levels.Count; i++)
        {
            var index = i;
            var level = content.Levels[i];
            var prefix = $"Levels[{i}].";
            checks.Add(() =>
            {
                string? name = null, criteria = null, who = null;
                DomainException.ThrowAll(
                    () =>
                    {
                        if (level.Level != index)
                        {
                            throw new DomainException(index == 0
                                ? "Het eerste niveau is 0 (gewoon oppakken in het team)."
                                : $"De niveaus lopen op zonder gaten: dit is niveau {index}.", prefix + nameof(level.Level));
                        }

                        if (index > MaxLevel)
                        {
                            throw new DomainException($"Er zijn hoogstens {MaxLevel + 1} niveaus (0 tot en met {MaxLevel}).", prefix + nameof(level.Level));
                        }
                    },
                    () => name = Guard.RequiredText(level.Name, NameMax, prefix + nameof(level.Name), "De naam van het niveau"),
                    () => criteria = Guard.RequiredText(level.Criteria, CriteriaMax, prefix + nameof(level.Criteria), "De criteria om op te schalen", multiline: true),
                    () => who = Guard.OptionalText(level.Decides, LineMax, prefix + nameof(level.Decides), "Wie beslist op dit niveau"));
                levels[index] = new EscalationLevel(level.Level, name!, criteria!, who);
            });
        }

        DomainException.ThrowAll([.. checks]);
        return new EscalationContent(signals, acts, decides, levels);
    }
}
