using Plusflat.Domain.Common;
using Plusflat.Domain.Organisations;

namespace Plusflat.Domain.Tests.Common;

public class FieldValuesTests
{
    public static TheoryData<object?, string?> Values => new()
    {
        { null, null },
        { "Tekst", "Tekst" },
        { true, "true" },
        { false, "false" },
        { 1200, "1200" },
        { 72.50m, "72.5" },
        { 72.5m, "72.5" },
        { 80m, "80" },
        { 0.01m, "0.01" },
        { Guid.Parse("0195f000-0000-7000-8000-000000000001"), "0195f000-0000-7000-8000-000000000001" },
        { OrganisationKind.CareProvider, "CareProvider" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Of_WritesInvariantText(object? value, string? text) => Assert.Equal(text, FieldValues.Of(value));

    [Fact]
    public void Of_IgnoresTheCurrentCulture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            Assert.Equal("72.5", FieldValues.Of(72.5m));
            Assert.Equal("10000", FieldValues.Of(10_000));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Changes_OnlyTheDifferentFields_InTheOrderGiven()
    {
        var changes = FieldValues.Changes(
            [("A", "1"), ("B", "x"), ("C", null), ("D", "y")],
            [("A", "2"), ("B", "x"), ("C", "z"), ("D", null)]);

        Assert.Equal([new FieldChange("A", "1", "2"), new FieldChange("C", null, "z"), new FieldChange("D", "y", null)], changes);
    }

    [Fact]
    public void Changes_CaseMatters() =>
        Assert.Single(FieldValues.Changes([("Name", "klimop")], [("Name", "Klimop")]));

    [Fact]
    public void Changes_SnapshotsOfDifferentFields_Throw()
    {
        Assert.Throws<ArgumentException>(() => FieldValues.Changes([("A", "1")], [("B", "1")]));
        Assert.Throws<ArgumentException>(() => FieldValues.Changes([("A", "1")], [("A", "1"), ("B", "2")]));
    }
}
