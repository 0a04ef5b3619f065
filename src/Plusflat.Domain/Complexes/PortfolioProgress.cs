using Plusflat.Domain.Phases;

namespace Plusflat.Domain.Complexes;

/// <summary>
/// A programme's progress towards its <see cref="ProgrammeAmbition"/>: complexes in execution
/// (phase 3 <i>Uitvoeren</i> or 4) against the target, and the number of complexes per phase.
/// </summary>
/// <param name="Total">Number of complexes.</param>
/// <param name="InExecution">Complexes in phase <see cref="ExecutionPhase"/> or later.</param>
/// <param name="Target">The ambition's target count; <c>null</c> when the programme has no ambition yet.</param>
/// <param name="PercentOfTarget">
/// <see cref="InExecution"/> as a percentage of <see cref="Target"/>, one decimal, rounded half away from
/// zero; above 100 when the target is passed; <c>null</c> without a target.
/// </param>
/// <param name="PerPhase">Always five entries, phases 0..4 in order, zeros included.</param>
public sealed record PortfolioProgress(
    int Total, int InExecution, int? Target, decimal? PercentOfTarget, IReadOnlyList<PhaseCount> PerPhase)
{
    /// <summary>The first phase that counts towards the ambition.</summary>
    public const int ExecutionPhase = 3;

    public bool TargetReached => Target is { } target && InExecution >= target;

    /// <summary>Computes the progress from the current phase of every complex in the programme.</summary>
    public static PortfolioProgress Compute(IEnumerable<int> currentPhases, int? targetCount)
    {
        ArgumentNullException.ThrowIfNull(currentPhases);
        if (targetCount is < ProgrammeAmbition.MinTargetCount)
        {
            throw new ArgumentOutOfRangeException(nameof(targetCount), targetCount, "A target is at least 1.");
        }

        var counts = new int[PhaseNames.Last + 1];
        foreach (var phase in currentPhases)
        {
            if (!PhaseNames.IsValid(phase))
            {
                throw new ArgumentOutOfRangeException(nameof(currentPhases), phase, "A phase is 0 to 4.");
            }

            counts[phase]++;
        }

        var inExecution = counts[ExecutionPhase..].Sum();
        decimal? percent = targetCount is { } target
            ? decimal.Round(inExecution * 100m / target, 1, MidpointRounding.AwayFromZero)
            : null;
        var perPhase = PhaseNames.Numbers.Select(phase => new PhaseCount(phase, PhaseNames.Of(phase), counts[phase])).ToList();
        return new PortfolioProgress(counts.Sum(), inExecution, targetCount, percent, perPhase);
    }
}
