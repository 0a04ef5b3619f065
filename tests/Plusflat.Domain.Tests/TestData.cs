using Plusflat.Domain.Complexes;
using Plusflat.Domain.Phases;

namespace Plusflat.Domain.Tests;

/// <summary>Fixed values and small builders shared by the domain tests.</summary>
internal static class TestData
{
    public static readonly Guid TenantId = Guid.Parse("0195f000-0000-7000-8000-000000000001");

    public static readonly Guid OtherTenantId = Guid.Parse("0195f000-0000-7000-8000-000000000002");

    public static readonly Guid LeadId = Guid.Parse("0195f000-0000-7000-8000-0000000000a1");

    public static readonly Guid MemberId = Guid.Parse("0195f000-0000-7000-8000-0000000000b2");

    public const string LeadName = "Lotte de Leider";

    public const string MemberName = "Mo Teamlid";

    public static readonly DateTimeOffset Now = new(2025, 3, 14, 10, 30, 0, TimeSpan.FromHours(1));

    public static readonly DateOnly Today = new(2025, 3, 14);

    public static ComplexFacts Facts() => new()
    {
        Name = "De Klaverhof",
        Address = "Klaverweg 1",
        Postcode = "1234 AB",
        Municipality = "Amsterdam",
        DwellingCount = 120,
    };

    public static PhaseCatalogue Catalogue() => PhaseCatalogue.CreateDefault(TenantId, Now);

    public static Complex Complex(PhaseCatalogue catalogue) => new(TenantId, Facts(), catalogue, LeadId, LeadName, Now);

    public static Complex Complex(ComplexFacts facts) => new(TenantId, facts, Catalogue(), LeadId, LeadName, Now);

    /// <summary>Ticks every open item of the complex's current phase.</summary>
    public static void TickAll(Complex complex, PhaseCatalogue catalogue)
    {
        foreach (var item in complex.OpenItems(catalogue))
        {
            complex.TickItem(catalogue, item.Id, Today, MemberId, MemberName, null, null, Today, Now);
        }
    }

    /// <summary>Moves the complex forward, ticking every checklist on the way, until it is in <paramref name="phase"/>.</summary>
    public static void AdvanceTo(Complex complex, PhaseCatalogue catalogue, int phase)
    {
        while (complex.CurrentPhase < phase)
        {
            TickAll(complex, catalogue);
            complex.AdvancePhase(catalogue, MemberId, MemberName, Now, null, mayOverride: false);
        }
    }

    public static PhaseChecklistItem ItemOf(PhaseCatalogue catalogue, string code) =>
        catalogue.Items.Single(item => item.Code == code);
}
