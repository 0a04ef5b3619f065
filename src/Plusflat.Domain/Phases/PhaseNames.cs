using Plusflat.Domain.Common;

namespace Plusflat.Domain.Phases;

/// <summary>
/// The five phases of the structured approach (<i>gestructureerde aanpak</i>), numbered 0 to 4, with
/// their Dutch names. Phase numbers are plain <see cref="int"/>s everywhere; this class holds the range.
/// </summary>
public static class PhaseNames
{
    public const int First = 0;

    public const int Last = 4;

    private static readonly string[] Names =
    [
        "Programma opzet",
        "Verkennen samenwerking",
        "Inrichten",
        "Uitvoeren",
        "Uitbreiden en opschalen",
    ];

    /// <summary>0, 1, 2, 3, 4.</summary>
    public static IReadOnlyList<int> Numbers { get; } = [0, 1, 2, 3, 4];

    public static bool IsValid(int phase) => phase is >= First and <= Last;

    /// <summary>The Dutch name, e.g. "Verkennen samenwerking" for phase 1.</summary>
    public static string Of(int phase) => IsValid(phase)
        ? Names[phase]
        : throw new ArgumentOutOfRangeException(nameof(phase), phase, "A phase is 0 to 4.");

    /// <summary>"fase 1 (Verkennen samenwerking)", for use inside Dutch sentences.</summary>
    public static string Label(int phase) => $"fase {phase} ({Of(phase)})";

    /// <summary>Refuses a phase number outside 0..4 with a message the user can act on.</summary>
    public static int Valid(int phase, string field) => IsValid(phase)
        ? phase
        : throw new DomainException($"Kies een fase van {First} tot en met {Last}.", field);
}
