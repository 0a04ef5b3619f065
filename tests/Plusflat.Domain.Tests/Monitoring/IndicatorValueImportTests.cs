using Plusflat.Domain.Common;
using Plusflat.Domain.Monitoring;
using static Plusflat.Domain.Tests.Monitoring.MonitoringTestData;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Monitoring;

/// <summary>The import's pure rules: the header, the match of complex, indicator and quarter, the value, duplicates, and all-or-nothing.</summary>
public class IndicatorValueImportTests
{
    private static readonly string[] Header = ["Wooncomplex", "Postcode", "Indicator", "Kwartaal", "Waarde"];

    private static readonly Guid Other = Guid.Parse("0195f000-0000-7000-8000-0000000000c4");

    private static readonly Guid Twin = Guid.Parse("0195f000-0000-7000-8000-0000000000c5");

    private static readonly Guid Bare = Guid.Parse("0195f000-0000-7000-8000-0000000000c6");

    /// <summary>Het Vlierhof with a baseline in Q1 2027 and values for Q2 2027 (Wlz inflow 3); two complexes called De Linde; one without a baseline.</summary>
    private static List<ImportComplex> Complexes()
    {
        var catalogue = Indicators();
        var baseline = Baseline(catalogue);
        var q2 = new QuarterlyValues(TenantId, baseline, new Quarter(2027, 2), catalogue, [new("wlz-instroom", 3m)], Late2027, LeadName, Now);
        return
        [
            new(ComplexId, "Het Vlierhof", "1011 AB", baseline, [q2]),
            new(Other, "De Linde", "1012 CD", Baseline(catalogue), []),
            new(Twin, "De Linde", "3011 EF", Baseline(catalogue), []),
            new(Bare, "De Boomgaard", "1013 GH", null, []),
        ];
    }

    private static ImportCheck Check(params string?[][] rows) =>
        IndicatorValueFile.Check(Sheet([Header, .. rows]), Indicators(), Complexes(), Late2027);

    private static List<SheetRow> Sheet(IEnumerable<string?[]> rows) =>
        [.. rows.Select((cells, i) => new SheetRow(i + 1, [.. cells.Select(c => new SheetCell(c))]))];

    private static CheckedImportRow Single(ImportCheck check) => Assert.Single(check.Rows);

    [Fact]
    public void CleanFile_MatchesEveryRowAndIsClean()
    {
        var check = Check(
            ["Het Vlierhof", "", "wlz-instroom", "2027Q3", "2,5"],
            ["het vlierhof", "", "Eenzaamheid en mentaal welzijn", "2027 q3", "7.25"],
            ["Het Vlierhof", "", "wlz-instroom", "nulmeting", "4,5"]);

        Assert.True(check.Clean);
        Assert.Equal([2, 3, 4], check.Rows.Select(r => r.Number));
        Assert.All(check.Rows, r => Assert.Equal(ComplexId, r.ComplexId));
        Assert.Equal(["wlz-instroom", "mentaal-welzijn", "wlz-instroom"], check.Rows.Select(r => r.IndicatorKey));
        Assert.Equal([2.5m, 7.25m, 4.5m], check.Rows.Select(r => r.Value!.Value));
        Assert.Equal(new Quarter(2027, 3), check.Rows[0].Quarter);
        Assert.True(check.Rows[2].IsBaseline);
        Assert.Null(check.Rows[2].Quarter);
    }

    [Fact]
    public void CleanFile_GroupsValuesPerComplexAndQuarter_AndTheBaselineApart()
    {
        var check = Check(
            ["Het Vlierhof", "", "wlz-instroom", "2027Q3", "2"],
            ["Het Vlierhof", "", "valincidenten", "2027Q3", "5"],
            ["Het Vlierhof", "", "valincidenten", "2027Q4", "6"],
            ["De Linde", "1012 CD", "valincidenten", "2027Q3", "1"],
            ["Het Vlierhof", "", "valincidenten", "nulmeting", "7"]);

        var quarters = check.QuarterValues();
        Assert.Equal(3, quarters.Count);
        Assert.Equal([new IndicatorValue("wlz-instroom", 2m), new IndicatorValue("valincidenten", 5m)], quarters[(ComplexId, new Quarter(2027, 3))]);
        Assert.Equal([new IndicatorValue("valincidenten", 1m)], quarters[(Other, new Quarter(2027, 3))]);
        Assert.Equal([new IndicatorValue("valincidenten", 7m)], Assert.Single(check.BaselineValues()).Value);
    }

    [Fact]
    public void CleanRow_SaysWhetherItAddsChangesOrKeepsTheStoredValue()
    {
        var check = Check(
            ["Het Vlierhof", "", "wlz-instroom", "2027Q2", "3"],
            ["Het Vlierhof", "", "wlz-instroom", "2027Q3", "3"],
            ["Het Vlierhof", "", "mentaal-welzijn", "nulmeting", "7"],
            ["Het Vlierhof", "", "huisartsbezoeken", "2027Q2", "40"]);

        Assert.Equal([ImportRowEffect.Unchanged, ImportRowEffect.Added, ImportRowEffect.Changed, ImportRowEffect.Added], check.Rows.Select(r => r.Effect));
        Assert.Equal(6.5m, check.Rows[2].Current);
    }

    [Fact]
    public void OneBadRow_MakesTheWholeFileUnclean_AndOnlyThatRowIsListed()
    {
        var check = Check(
            ["Het Vlierhof", "", "wlz-instroom", "2027Q3", "2"],
            ["Het Vlierhof", "", "wlz-instroom", "2027Q4", "veel"],
            ["Het Vlierhof", "", "valincidenten", "2027Q3", "1"]);

        Assert.False(check.Clean);
        var bad = Assert.Single(check.Refused);
        Assert.Equal(3, bad.Number);
        Assert.Equal(ImportRowEffect.Refused, bad.Effect);
        Assert.Throws<InvalidOperationException>(() => check.QuarterValues());
    }

    [Fact]
    public void UnknownComplex_IsRefusedAtTheComplexColumn()
    {
        var problem = Assert.Single(Single(Check(["Het Onbekende Hof", "", "wlz-instroom", "2027Q3", "2"])).Problems);

        Assert.Equal(new DomainError("Wooncomplex", "Het wooncomplex 'Het Onbekende Hof' is onbekend in dit programma."), problem);
    }

    [Fact]
    public void EmptyComplex_AsksForTheName()
    {
        Assert.Equal("Wooncomplex", Assert.Single(Single(Check(["", "", "wlz-instroom", "2027Q3", "2"])).Problems).Field);
    }

    [Fact]
    public void TwoComplexesOfTheSameName_NeedThePostcode_WhichThenPicksOne()
    {
        var ambiguous = Assert.Single(Single(Check(["De Linde", "", "wlz-instroom", "2027Q3", "2"])).Problems);
        var picked = Single(Check(["De Linde", "3011ef", "wlz-instroom", "2027Q3", "2"]));
        var wrongPostcode = Assert.Single(Single(Check(["De Linde", "9999 ZZ", "wlz-instroom", "2027Q3", "2"])).Problems);

        Assert.Contains("vul de postcode in", ambiguous.Message, StringComparison.Ordinal);
        Assert.Equal(Twin, picked.ComplexId);
        Assert.Equal("Postcode", wrongPostcode.Field);
    }

    [Theory]
    [InlineData("bewonerstevredenheid")]
    [InlineData("")]
    public void UnknownOrMissingIndicator_IsRefusedAtTheIndicatorColumn(string indicator)
    {
        var problem = Assert.Single(Single(Check(["Het Vlierhof", "", indicator, "2027Q3", "2"])).Problems);

        Assert.Equal("Indicator", problem.Field);
        if (indicator.Length > 0)
        {
            Assert.Equal("De indicator 'bewonerstevredenheid' staat niet in de dataset (versie 1).", problem.Message);
        }
    }

    [Fact]
    public void QuarterBeforeTheBaseline_IsRefusedByTheQuarterRule()
    {
        var problem = Assert.Single(Single(Check(["Het Vlierhof", "", "wlz-instroom", "2026Q4", "2"])).Problems);

        Assert.Equal("Kwartaal", problem.Field);
        Assert.Equal("4e kwartaal 2026 ligt vóór de nulmeting (15-02-2027, 1e kwartaal 2027).", problem.Message);
    }

    [Fact]
    public void QuarterNotBegun_IsRefused_EvenForAnUnknownComplex()
    {
        Assert.Equal("1e kwartaal 2028 is nog niet begonnen.", Assert.Single(Single(Check(["Het Vlierhof", "", "wlz-instroom", "2028Q1", "2"])).Problems).Message);
        var unknown = Single(Check(["Onbekend", "", "wlz-instroom", "2028Q1", "2"])).Problems;
        Assert.Equal(["Wooncomplex", "Kwartaal"], unknown.Select(p => p.Field));
    }

    [Fact]
    public void QuarterOfAComplexWithoutBaseline_AsksForTheBaselineFirst()
    {
        var problem = Assert.Single(Single(Check(["De Boomgaard", "", "wlz-instroom", "2027Q3", "2"])).Problems);

        Assert.Equal(new DomainError("Kwartaal", "Leg eerst de nulmeting van dit wooncomplex vast; daarna de kwartaalwaarden."), problem);
    }

    [Fact]
    public void BaselineRowOfAComplexWithoutBaseline_IsRefused()
    {
        var problem = Assert.Single(Single(Check(["De Boomgaard", "", "wlz-instroom", "Nulmeting", "2"])).Problems);

        Assert.Equal("Kwartaal", problem.Field);
        Assert.Contains("nog geen nulmeting", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027Q5")]
    [InlineData("maart 2027")]
    [InlineData("")]
    public void NoQuarter_IsRefusedAtTheQuarterColumn(string quarter)
    {
        var problem = Assert.Single(Single(Check(["Het Vlierhof", "", "wlz-instroom", quarter, "2"])).Problems);

        Assert.Equal("Kwartaal", problem.Field);
        Assert.Contains("JJJJQn", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateRow_IsRefusedNamingTheFirst_EvenWithTheSameValueOrAnotherSpelling()
    {
        var check = Check(
            ["Het Vlierhof", "", "wlz-instroom", "2027Q3", "2"],
            ["Het Vlierhof", "", "valincidenten", "2027Q3", "2"],
            ["HET VLIERHOF", "1011AB", "Wlz-instroom / verpleeghuisopnames", "2027-Q3", "2"],
            ["Het Vlierhof", "", "wlz-instroom", "nulmeting", "2"],
            ["Het Vlierhof", "", "wlz-instroom", "Nulmeting", "3"]);

        Assert.Equal([4, 6], check.Refused.Select(r => r.Number));
        Assert.Equal("Dubbele rij: rij 2 geeft al Wlz-instroom / verpleeghuisopnames van Het Vlierhof voor 3e kwartaal 2027.", Assert.Single(check.Rows[2].Problems).Message);
        Assert.Contains("rij 5", check.Rows[4].Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("de nulmeting", check.Rows[4].Problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("veel")]
    [InlineData("2,5 per 100")]
    [InlineData("1.250")]
    [InlineData("1.250,5")]
    [InlineData("2,5,1")]
    public void NotANumber_IsRefusedAtTheValueColumn(string value)
    {
        var problem = Assert.Single(Single(Check(["Het Vlierhof", "", "huisartsbezoeken", "2027Q3", value])).Problems);

        Assert.Equal("Waarde", problem.Field);
        Assert.StartsWith($"'{value}' is geen getal.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyValue_IsRefused()
    {
        Assert.Equal("Waarde", Assert.Single(Single(Check(["Het Vlierhof", "", "wlz-instroom", "2027Q3", " "])).Problems).Field);
    }

    [Theory]
    [InlineData("mentaal-welzijn", "10,5", "buiten het bereik")]
    [InlineData("wlz-instroom", "-1", "buiten het bereik")]
    [InlineData("wlz-instroom", "2,555", "twee decimalen")]
    public void ValueOutOfTheIndicatorsRange_IsRefusedWithTheIndicatorsRule(string indicator, string value, string message)
    {
        var problem = Assert.Single(Single(Check(["Het Vlierhof", "", indicator, "2027Q3", value])).Problems);

        Assert.Equal("Waarde", problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3.2999999999999998, 3.3)]
    [InlineData(2.5, 2.5)]
    [InlineData(1250, 1250)]
    public void NumberCellOfASheet_IsTheDecimalItShows(double cell, double expected)
    {
        var rows = Sheet([Header]).Append(new SheetRow(2, [new("Het Vlierhof"), new(""), new("huisartsbezoeken"), new("2027Q3"), new(null, cell)])).ToList();

        var row = Assert.Single(IndicatorValueFile.Check(rows, Indicators(), Complexes(), Late2027).Rows);

        Assert.True(row.Clean);
        Assert.Equal((decimal)expected, row.Value);
    }

    [Fact]
    public void EveryProblemOfARow_IsListed()
    {
        var problems = Single(Check(["Onbekend", "", "onbekend", "morgen", "veel"])).Problems;

        Assert.Equal(["Wooncomplex", "Indicator", "Kwartaal", "Waarde"], problems.Select(p => p.Field));
    }

    [Fact]
    public void CommentRowsBlankRowsAndExtraColumns_AreSkipped_AndRowNumbersAreTheFilesOwn()
    {
        var rows = Sheet([
            ["Naam indicator", "Kwartaal", "Wooncomplex", "Waarde", "Indicator", "Eenheid"],
            ["# Voorbeeld", "2027Q3", "Het Vlierhof", "2", "wlz-instroom", ""],
            [null, null, null, null, null, null],
            ["Wlz", "2027Q3", "Het Vlierhof", "2", "wlz-instroom", "per 100"],
        ]);

        var check = IndicatorValueFile.Check(rows, Indicators(), Complexes(), Late2027);

        Assert.True(check.Clean);
        Assert.Equal(4, Single(check).Number);
    }

    [Fact]
    public void MissingColumns_AreFileProblems_NamingEachColumn()
    {
        var check = IndicatorValueFile.Check(Sheet([["Wooncomplex", "Indicator"], ["Het Vlierhof", "wlz-instroom"]]), Indicators(), Complexes(), Late2027);

        Assert.False(check.Clean);
        Assert.Equal(["Kwartaal", "Waarde"], check.FileProblems.Select(p => p.Field));
        Assert.Empty(check.Rows);
    }

    [Fact]
    public void EmptyFileOrOnlyAHeader_IsNotClean()
    {
        var empty = IndicatorValueFile.Check([], Indicators(), Complexes(), Late2027);
        var headerOnly = Check(["# alleen een voorbeeld", "", "wlz-instroom", "2027Q3", "2"]);

        Assert.False(empty.Clean);
        Assert.Contains("leeg", Assert.Single(empty.FileProblems).Message, StringComparison.Ordinal);
        Assert.False(headerOnly.Clean);
        Assert.Contains("geen rijen", Assert.Single(headerOnly.FileProblems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyRows_IsAFileProblem()
    {
        var rows = Enumerable.Range(0, IndicatorValueFile.MaximumRows + 1).Select(_ => new string?[] { "Het Vlierhof", "", "wlz-instroom", "2027Q3", "2" });

        var check = IndicatorValueFile.Check(Sheet([Header, .. rows]), Indicators(), Complexes(), Late2027);

        Assert.Contains("Splits het", Assert.Single(check.FileProblems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2,5", 2.5)]
    [InlineData("2.5", 2.5)]
    [InlineData(" 12 ", 12)]
    [InlineData("-0,25", -0.25)]
    [InlineData("1250", 1250)]
    [InlineData("1.25", 1.25)]
    [InlineData("1,250", 1.25)]
    public void ParseNumber_ReadsDutchAndEnglishDecimals(string text, double expected)
    {
        Assert.Equal((decimal)expected, IndicatorValueFile.ParseNumber(text));
    }

    [Theory]
    [InlineData("1.250")]
    [InlineData("1 250")]
    [InlineData("2,5%")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseNumber_RefusesWhatCouldBeMisread(string? text)
    {
        Assert.Null(IndicatorValueFile.ParseNumber(text));
    }

    [Fact]
    public void MergeValues_OfTheBaseline_SetsTheGivenIndicatorsAndKeepsDateNotesAndTheOthers()
    {
        var baseline = Baseline();

        baseline.MergeValues(Indicators(), [new("mentaal-welzijn", 7m), new("valincidenten", 2m)], "Import", Now.AddDays(1));

        Assert.Equal(new DateOnly(2027, 2, 15), baseline.MeasuredOn);
        Assert.Equal(4m, baseline.ValueOf("wlz-instroom"));
        Assert.Equal(7m, baseline.ValueOf("mentaal-welzijn"));
        Assert.Equal(2m, baseline.ValueOf("valincidenten"));
        Assert.Equal("Import", baseline.UpdatedBy);
        Assert.Throws<DomainException>(() => baseline.MergeValues(Indicators(), [], "Import", Now));
        Assert.Throws<DomainException>(() => baseline.MergeValues(Indicators(), [new("mentaal-welzijn", 11m)], "Import", Now));
    }
}
