using Plusflat.Domain.Common;
using Plusflat.Domain.Standard;
using static Plusflat.Domain.Tests.TestData;

namespace Plusflat.Domain.Tests.Standard;

public class StandardCatalogueTests
{
    [Fact]
    public void CreateDefault_IsVersionOneNamedAfterThePositionPaper()
    {
        var catalogue = StandardCatalogue.CreateDefault(TenantId, Now);

        Assert.Equal(1, catalogue.Version);
        Assert.Equal("Position paper Plusflat 2026", catalogue.Name);
        Assert.Equal(TenantId, catalogue.TenantId);
        Assert.Equal(Now, catalogue.CreatedAt);
    }

    [Fact]
    public void CreateDefault_EveryDomainHasMustShouldAndNotItems_WithUniqueKeys()
    {
        var catalogue = StandardCatalogue.CreateDefault(TenantId, Now);

        foreach (var domain in StandardNames.Domains)
        {
            Assert.All(Enum.GetValues<StandardItemKind>(), kind => Assert.Contains(catalogue.Items, i => i.Domain == domain && i.Kind == kind));
        }

        Assert.Equal(catalogue.Items.Count, catalogue.Items.Select(i => i.Key).Distinct().Count());
    }

    [Fact]
    public void Derive_IsTheNextVersionWithItsOwnItems()
    {
        var first = StandardCatalogue.CreateDefault(TenantId, Now);
        var items = first.Items.Where(i => i.Key != "governance-kwartaalreview").ToList();

        var second = first.Derive("Amsterdam 2027", items, Now.AddDays(1));

        Assert.Equal(2, second.Version);
        Assert.Equal("Amsterdam 2027", second.Name);
        Assert.Null(second.Find("governance-kwartaalreview"));
        Assert.NotNull(first.Find("governance-kwartaalreview"));
    }

    [Theory]
    [InlineData("Hoofdletters")]
    [InlineData("met spatie")]
    [InlineData("")]
    [InlineData("-begint-met-streepje")]
    public void New_InvalidKey_IsRefused(string key)
    {
        var ex = Assert.Throws<DomainException>(() =>
            new StandardCatalogue(TenantId, 1, "X", [new(key, StandardDomain.Housing, StandardItemKind.Must, "Tekst")], Now));

        Assert.Contains(ex.Errors, e => e.Field == StandardCatalogue.KeyField(0) && e.Message.Contains("sleutel", StringComparison.Ordinal));
    }

    [Fact]
    public void New_DuplicateKeyEmptyTextNoNameAndNoMust_AreAllReportedAtOnce()
    {
        var ex = Assert.Throws<DomainException>(() => new StandardCatalogue(TenantId, 0, " ",
            [
                new("a", StandardDomain.Housing, StandardItemKind.Should, "Tekst"),
                new("a", StandardDomain.Housing, StandardItemKind.Should, " "),
            ], Now));

        Assert.Contains(ex.Errors, e => e.Field == nameof(StandardCatalogue.Version));
        Assert.Contains(ex.Errors, e => e.Field == nameof(StandardCatalogue.Name));
        Assert.Contains(ex.Errors, e => e.Message.Contains("meer dan eens", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Field == StandardCatalogue.TextField(1) && e.Message.Contains("leeg", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Field == nameof(StandardCatalogue.Items) && e.Message.Contains("minstens één must", StringComparison.Ordinal));
    }
}

public class StandardAssessmentTests
{
    private static readonly Guid ComplexId = Guid.Parse("0195f000-0000-7000-8000-0000000000c1");

    internal static StandardCatalogue Catalogue() => StandardCatalogue.CreateDefault(TenantId, Now);

    /// <summary>Every must and should met, no exclusion applying, each with evidence.</summary>
    internal static List<AssessedItem> AllGood(StandardCatalogue catalogue) =>
        [.. catalogue.Items.Select(i => new AssessedItem(i.Key, i.Kind == StandardItemKind.Not ? StandardItemStatus.DoesNotApply : StandardItemStatus.Met, "Gezien in de samenwerkingsovereenkomst"))];

    internal static List<AssessedItem> With(List<AssessedItem> items, string key, StandardItemStatus status, string? evidence = "Toelichting") =>
        [.. items.Select(i => i.Key == key ? new AssessedItem(key, status, evidence) : i)];

    internal static StandardAssessment Assess(StandardCatalogue catalogue, IEnumerable<AssessedItem> items, DateTimeOffset? at = null) =>
        new(TenantId, ComplexId, catalogue, 1, items, LeadId, LeadName, at ?? Now);

    [Fact]
    public void New_EveryItemWithAFittingStatus_IsKeptWithWhoAndWhen()
    {
        var catalogue = Catalogue();

        var assessment = Assess(catalogue, AllGood(catalogue));

        Assert.Equal(catalogue.Items.Count, assessment.Items.Count);
        Assert.Equal(catalogue.Id, assessment.CatalogueId);
        Assert.Equal(1, assessment.CatalogueVersion);
        Assert.Equal(LeadName, assessment.AssessedByName);
        Assert.Equal(Now, assessment.AssessedAt);
    }

    [Fact]
    public void New_AMissingItem_IsRefusedNamingIt()
    {
        var catalogue = Catalogue();
        var items = AllGood(catalogue).Where(i => i.Key != "wonen-toegankelijk").ToList();

        var ex = Assert.Throws<DomainException>(() => Assess(catalogue, items));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("Items[wonen-toegankelijk].Status", error.Field);
        Assert.Contains("goed toegankelijk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_AnUnknownOrTwiceAssessedItem_IsRefused()
    {
        var catalogue = Catalogue();
        var items = AllGood(catalogue);
        items.Add(new AssessedItem("bestaat-niet", StandardItemStatus.Met, "x"));
        items.Add(items[0]);

        var ex = Assert.Throws<DomainException>(() => Assess(catalogue, items));

        Assert.Contains(ex.Errors, e => e.Message.Contains("'bestaat-niet' staat niet in versie 1", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Field == StandardAssessment.StatusField(items[0].Key) && e.Message.Contains("meer dan eens", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("wonen-toegankelijk", StandardItemStatus.Applies)]
    [InlineData("wonen-werkplek-logistiek", StandardItemStatus.DoesNotApply)]
    [InlineData("doelgroep-intramuraal", StandardItemStatus.Met)]
    [InlineData("doelgroep-intramuraal", StandardItemStatus.NotApplicable)]
    [InlineData("doelgroep-intramuraal", (StandardItemStatus)42)]
    public void New_AStatusThatDoesNotFitTheKind_IsRefusedAtThatItem(string key, StandardItemStatus status)
    {
        var catalogue = Catalogue();

        var ex = Assert.Throws<DomainException>(() => Assess(catalogue, With(AllGood(catalogue), key, status)));

        Assert.Equal(StandardAssessment.StatusField(key), Assert.Single(ex.Errors).Field);
    }

    [Theory]
    [InlineData("wonen-toegankelijk", StandardItemStatus.Met)]
    [InlineData("doelgroep-intramuraal", StandardItemStatus.Applies)]
    public void New_AClaimWithoutEvidence_IsRefusedAtItsEvidence(string key, StandardItemStatus status)
    {
        var catalogue = Catalogue();

        var ex = Assert.Throws<DomainException>(() => Assess(catalogue, With(AllGood(catalogue), key, status, "  ")));

        Assert.Equal(StandardAssessment.EvidenceField(key), Assert.Single(ex.Errors).Field);
    }

    [Theory]
    [InlineData("wonen-toegankelijk", StandardItemStatus.NotMet)]
    [InlineData("wonen-toegankelijk", StandardItemStatus.NotApplicable)]
    [InlineData("doelgroep-intramuraal", StandardItemStatus.DoesNotApply)]
    public void New_AStatusThatClaimsNothing_NeedsNoEvidence(string key, StandardItemStatus status)
    {
        var catalogue = Catalogue();

        var assessment = Assess(catalogue, With(AllGood(catalogue), key, status, null));

        Assert.Null(assessment.Items.Single(i => i.Key == key).Evidence);
    }

    [Fact]
    public void New_EvidenceWithANulCharacter_IsRefusedAtItsEvidence()
    {
        var catalogue = Catalogue();

        var ex = Assert.Throws<DomainException>(() => Assess(catalogue, With(AllGood(catalogue), "wonen-toegankelijk", StandardItemStatus.Met, "lift\u0000")));

        Assert.Equal(StandardAssessment.EvidenceField("wonen-toegankelijk"), Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void New_EvidenceTooLong_IsRefused_AndEvidenceIsTrimmed()
    {
        var catalogue = Catalogue();
        var tooLong = With(AllGood(catalogue), "wonen-toegankelijk", StandardItemStatus.Met, new string('x', StandardAssessment.EvidenceMaxLength + 1));

        var ex = Assert.Throws<DomainException>(() => Assess(catalogue, tooLong));
        var kept = Assess(catalogue, With(AllGood(catalogue), "wonen-toegankelijk", StandardItemStatus.Met, "  lift en drempelvrij  "));

        Assert.Equal(StandardAssessment.EvidenceField("wonen-toegankelijk"), Assert.Single(ex.Errors).Field);
        Assert.Equal("lift en drempelvrij", kept.Items.Single(i => i.Key == "wonen-toegankelijk").Evidence);
    }
}

public class StandardOutcomeTests
{
    private static readonly StandardCatalogue Catalogue = StandardAssessmentTests.Catalogue();

    private static StandardOutcome Evaluate(List<AssessedItem> items, bool gatePassed = true, DateOnly? today = null) =>
        StandardOutcome.Evaluate(Catalogue, StandardAssessmentTests.Assess(Catalogue, items), gatePassed, today ?? Today);

    private static List<AssessedItem> AllGood() => StandardAssessmentTests.AllGood(Catalogue);

    [Fact]
    public void Evaluate_GatePassedEveryMustMetNoExclusion_IsEligible()
    {
        var outcome = Evaluate(AllGood());

        Assert.True(outcome.Eligible);
        Assert.Empty(outcome.MissingMusts);
        Assert.Empty(outcome.Exclusions);
        Assert.Equal(Catalogue.Items.Count(i => i.Kind == StandardItemKind.Should), outcome.Accelerators.Count);
    }

    [Fact]
    public void Evaluate_GateFailedWhileEveryMustIsMet_IsNotEligible()
    {
        var outcome = Evaluate(AllGood(), gatePassed: false);

        Assert.False(outcome.Eligible);
        Assert.False(outcome.GatePassed);
        Assert.Empty(outcome.MissingMusts);
    }

    [Fact]
    public void Evaluate_OneMustNotMet_IsNotEligibleAndNamesThatMust()
    {
        var outcome = Evaluate(StandardAssessmentTests.With(AllGood(), "organisatie-bewonersstem", StandardItemStatus.NotMet));

        Assert.False(outcome.Eligible);
        Assert.Equal("organisatie-bewonersstem", Assert.Single(outcome.MissingMusts).Key);
    }

    [Fact]
    public void Evaluate_AMustNotApplicable_DoesNotCountAsMissing()
    {
        var outcome = Evaluate(StandardAssessmentTests.With(AllGood(), "organisatie-zvw-wlz", StandardItemStatus.NotApplicable));

        Assert.True(outcome.Eligible);
    }

    [Fact]
    public void Evaluate_OneNotItemApplies_IsNotEligibleAndNamesTheExclusion()
    {
        var outcome = Evaluate(StandardAssessmentTests.With(AllGood(), "doelgroep-intramuraal", StandardItemStatus.Applies));

        Assert.False(outcome.Eligible);
        Assert.Empty(outcome.MissingMusts);
        Assert.Equal("doelgroep-intramuraal", Assert.Single(outcome.Exclusions).Key);
    }

    [Fact]
    public void Evaluate_ShouldsNotMet_AreNoAcceleratorsButStillEligible()
    {
        var items = AllGood();
        foreach (var should in Catalogue.Items.Where(i => i.Kind == StandardItemKind.Should))
        {
            items = StandardAssessmentTests.With(items, should.Key, StandardItemStatus.NotMet);
        }

        var outcome = Evaluate(items);

        Assert.True(outcome.Eligible);
        Assert.Empty(outcome.Accelerators);
    }

    [Fact]
    public void Evaluate_NoAssessment_IsNotEligibleWithEveryMustMissing()
    {
        var outcome = StandardOutcome.Evaluate(Catalogue, null, gatePassed: true, Today);

        Assert.False(outcome.Eligible);
        Assert.False(outcome.Assessed);
        Assert.Equal(AssessmentDue.NotAssessed, outcome.Due);
        Assert.Equal(Catalogue.Items.Count(i => i.Kind == StandardItemKind.Must), outcome.MissingMusts.Count);
    }

    [Fact]
    public void Evaluate_AssessmentOfAnotherVersion_IsAProgrammingError()
    {
        var other = StandardCatalogue.CreateDefault(TenantId, Now);
        var assessment = StandardAssessmentTests.Assess(other, StandardAssessmentTests.AllGood(other));

        Assert.Throws<ArgumentException>(() => StandardOutcome.Evaluate(Catalogue, assessment, true, Today));
    }

    [Theory]
    [InlineData(0, AssessmentDue.Current)]
    [InlineData(333, AssessmentDue.Current)]
    [InlineData(334, AssessmentDue.Due)]
    [InlineData(365, AssessmentDue.Due)]
    [InlineData(366, AssessmentDue.Overdue)]
    public void Evaluate_AYearAfterTheAssessment_IsDueThenOverdue(int daysLater, AssessmentDue expected)
    {
        // Assessed on 2025-03-14; the re-assessment is due on 2026-03-14, shown as due from 31 days before.
        var outcome = Evaluate(AllGood(), today: Today.AddDays(daysLater));

        Assert.Equal(new DateOnly(2026, 3, 14), outcome.DueOn);
        Assert.Equal(expected, outcome.Due);
    }
}
