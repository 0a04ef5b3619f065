using Plusflat.Domain.Common;
using Plusflat.Domain.DosApplications;
using static Plusflat.Domain.Tests.DosApplications.DosTestData;

namespace Plusflat.Domain.Tests.DosApplications;

public class DosBudgetTests
{
    [Fact]
    public void Available_IsTotalMinusCommitted() =>
        Assert.Equal(250m, new BudgetPosition(2027, 1000m, 750m).Available);

    [Fact]
    public void CommittedPerYear_SumsEveryLabelPerYear()
    {
        var committed = BudgetPosition.CommittedPerYear([[new(2027, 10m), new(2028, 20m)], [new(2027, 5m)]]);

        Assert.Equal(15m, committed[2027]);
        Assert.Equal(20m, committed[2028]);
        Assert.False(committed.ContainsKey(2029));
    }

    [Fact]
    public void Check_AmountsThatFitExactly_PassFor()
    {
        Assert.Empty(BudgetPosition.Check([new(2027, 100m, 40m)], [new(2027, 60m)]));
    }

    [Fact]
    public void Check_OneCentTooMuchAndAYearWithoutBudget_NamesBothYears()
    {
        var errors = BudgetPosition.Check([new(2027, 100m, 40m)], [new(2028, 1m), new(2027, 60.01m)]);

        Assert.Equal(2, errors.Count);
        Assert.Contains("2027 is ontoereikend", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("Er is geen DOS-budget voor 2028.", errors[1].Message);
    }

    [Fact]
    public void Check_ZeroAmountInAYearWithoutBudget_IsFine() =>
        Assert.Empty(BudgetPosition.Check([], [new(2030, 0m)]));

    [Fact]
    public void SetTotal_BelowCommitted_IsRefused()
    {
        var budget = new DosBudget(Zorgkantoor, 2027, 1000m, Now);

        var error = Assert.Throws<DomainException>(() => budget.SetTotal(499m, 500m, Now));

        Assert.Equal("Total", error.Field);
        Assert.Equal(1000m, budget.Total);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0.001)]
    public void Create_NegativeOrSubCentTotal_IsRefused(double total) =>
        Assert.Throws<DomainException>(() => new DosBudget(Zorgkantoor, 2027, (decimal)total, Now));

    [Fact]
    public void Create_YearOutOfRange_IsRefused() =>
        Assert.Equal("Year", Assert.Throws<DomainException>(() => new DosBudget(Zorgkantoor, 1999, 1m, Now)).Field);

    [Fact]
    public void SetTotal_AtCommitted_IsAllowed()
    {
        var budget = new DosBudget(Zorgkantoor, 2027, 1000m, Now);
        budget.SetTotal(500m, 500m, Now.AddDays(1));
        Assert.Equal(500m, budget.Total);
        Assert.Equal(Now.AddDays(1), budget.UpdatedAt);
    }
}

public class DosDeadlineTests
{
    [Fact]
    public void Next_Submitted_IsADecisionEightWeeksAfterComplete()
    {
        var next = DosDeadlines.Next(DosApplicationStatus.Submitted, Today, null, DosDeadlineSettings.Default, Today.AddDays(10))!;

        Assert.Equal(Today.AddDays(56), next.DueOn);
        Assert.Equal("Besluit", next.What);
        Assert.False(next.Overdue);
        Assert.Equal(46, next.DaysLeft);
    }

    [Fact]
    public void Next_Resubmitted_CountsFromTheResubmission()
    {
        var next = DosDeadlines.Next(DosApplicationStatus.Resubmitted, Today.AddDays(20), null, DosDeadlineSettings.Default, Today)!;
        Assert.Equal(Today.AddDays(76), next.DueOn);
    }

    [Fact]
    public void Next_DayAfterTheDueDate_IsOverdue_OnTheDueDateItIsNot()
    {
        Assert.False(DosDeadlines.Next(DosApplicationStatus.Submitted, Today, null, DosDeadlineSettings.Default, Today.AddDays(56))!.Overdue);
        var late = DosDeadlines.Next(DosApplicationStatus.Submitted, Today, null, DosDeadlineSettings.Default, Today.AddDays(57))!;
        Assert.True(late.Overdue);
        Assert.Equal(-1, late.DaysLeft);
    }

    [Fact]
    public void Next_ConfiguredDecisionTerm_IsUsed() =>
        Assert.Equal(Today.AddDays(84), DosDeadlines.Next(DosApplicationStatus.Submitted, Today, null, new DosDeadlineSettings(DecisionWeeks: 12), Today)!.DueOn);

    [Fact]
    public void Next_QuestionOpen_IsTheProgrammesAnswerTerm()
    {
        var next = DosDeadlines.Next(DosApplicationStatus.MoreInformationRequested, Today, Today.AddDays(7), DosDeadlineSettings.Default, Today)!;
        Assert.Equal(Today.AddDays(35), next.DueOn);
        Assert.Equal("Antwoord van het programma", next.What);
    }

    [Theory]
    [InlineData(DosApplicationStatus.Draft)]
    [InlineData(DosApplicationStatus.Granted)]
    [InlineData(DosApplicationStatus.Rejected)]
    [InlineData(DosApplicationStatus.Withdrawn)]
    public void Next_DraftOrFinal_HasNoDeadline(DosApplicationStatus status) =>
        Assert.Null(DosDeadlines.Next(status, Today, Today, DosDeadlineSettings.Default, Today));

    [Fact]
    public void ObjectionDeadline_DefaultsToSixWeeks() =>
        Assert.Equal(new DateOnly(2026, 12, 14), DosDeadlines.ObjectionDeadline(Today, DosDeadlineSettings.Default));

    [Fact]
    public void DaysSinceReceipt_CountsWholeDaysNeverNegative()
    {
        Assert.Equal(0, DosDeadlines.DaysSinceReceipt(Today, Today));
        Assert.Equal(9, DosDeadlines.DaysSinceReceipt(Today, Today.AddDays(9)));
        Assert.Equal(0, DosDeadlines.DaysSinceReceipt(Today, Today.AddDays(-1)));
    }

    [Fact]
    public void Settings_OutOfRange_AreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DosDeadlineSettings(DecisionWeeks: 0).Checked());
}

public class DosCriteriaTests
{
    [Fact]
    public void Current_IsTheNewestValidVersion()
    {
        var current = DosCriteriaCatalogue.Current(Today);
        Assert.Equal(1, current.Version);
        Assert.Equal(8, current.Criteria.Count);
        Assert.Equal(current.Criteria.Sum(c => c.Weight) * 3, current.MaxTotal);
    }

    [Fact]
    public void OfVersion_Unknown_IsRefused() =>
        Assert.Throws<DomainException>(() => DosCriteriaCatalogue.OfVersion(99));

    [Fact]
    public void Evaluate_AllSufficient_IsCompleteAndPositive()
    {
        var scoring = DosScoring.Evaluate(DosCriteriaCatalogue.OfVersion(1), AllScored(2));

        Assert.True(scoring.Complete);
        Assert.True(scoring.Positive);
        Assert.Equal(scoring.MaxTotal * 2 / 3, scoring.Total);
    }

    [Fact]
    public void Evaluate_OneInsufficient_IsNotPositive()
    {
        var scores = AllScored(3).Select((s, i) => i == 0 ? s with { Score = 0 } : s).ToList();

        var scoring = DosScoring.Evaluate(DosCriteriaCatalogue.OfVersion(1), scores);

        Assert.True(scoring.Complete);
        Assert.False(scoring.Positive);
        Assert.Equal(["concentration"], scoring.Insufficient);
    }

    [Fact]
    public void Evaluate_AllWeak_IsBelowTheThreshold() =>
        Assert.False(DosScoring.Evaluate(DosCriteriaCatalogue.OfVersion(1), AllScored(1)).Positive);

    [Fact]
    public void Evaluate_Missing_IsIncompleteAndNamesThem()
    {
        var scoring = DosScoring.Evaluate(DosCriteriaCatalogue.OfVersion(1), AllScored().Take(6).ToList());
        Assert.False(scoring.Complete);
        Assert.Equal(["measurement", "open-entry"], scoring.Unscored);
        Assert.False(scoring.Positive);
    }

    [Fact]
    public void Checked_UnknownDuplicateOutOfRangeAndUnjustified_NamesEach()
    {
        var error = Assert.Throws<DomainException>(() => DosScoring.Checked(DosCriteriaCatalogue.OfVersion(1),
        [
            new("bogus", 2, "x"), new("standard", 2, "x"), new("standard", 2, "x"), new("coalition", 4, "x"), new("regional", 2, " "),
        ]));

        Assert.Equal(["Scores[bogus]", "Scores[standard]", "Scores[coalition].Score", "Scores[regional].Justification"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Checked_Valid_ComesInCatalogueOrder()
    {
        var scores = DosScoring.Checked(DosCriteriaCatalogue.OfVersion(1), [new("open-entry", 1, "a"), new("concentration", 3, "b")]);
        Assert.Equal(["concentration", "open-entry"], scores.Select(s => s.Key));
    }

    [Fact]
    public void Assessment_Save_KeepsVersionScoresAndComments()
    {
        var assessment = new DosAssessment(Zorgkantoor, Guid.CreateVersion7(), DosCriteriaCatalogue.OfVersion(1), AllScored(), " Goed dossier ", "Anna", Now);

        Assert.Equal(1, assessment.CatalogueVersion);
        Assert.Equal("Goed dossier", assessment.Comments);
        Assert.True(assessment.Scoring.Positive);
    }

    [Fact]
    public void Assessment_BadScoresAndBadComments_NamesBoth()
    {
        var error = Assert.Throws<DomainException>(() =>
            new DosAssessment(Zorgkantoor, Guid.CreateVersion7(), DosCriteriaCatalogue.OfVersion(1), [new("x", 1, "a")], "a\u0000b", "Anna", Now));
        Assert.Equal(2, error.Errors.Count);
    }
}
