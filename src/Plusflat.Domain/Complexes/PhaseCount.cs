namespace Plusflat.Domain.Complexes;

/// <summary>How many complexes are in one phase; <paramref name="Name"/> is the phase's Dutch name.</summary>
public sealed record PhaseCount(int Phase, string Name, int Count);
