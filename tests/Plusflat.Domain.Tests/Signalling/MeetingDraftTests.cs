using Plusflat.Domain.Common;
using Plusflat.Domain.FlatTeams;
using Plusflat.Domain.Signalling;

namespace Plusflat.Domain.Tests.Signalling;

public class MeetingDraftTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Complex = Guid.NewGuid();
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly Guid Third = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static DraftSignalContent Typed(string code, string? description = null) =>
        new(code, SignalCategory.Falls, NoticedBy.Care, description, []);

    private static DraftSignal Stored(DraftSignalContent content) =>
        new(new MeetingDraft(Tenant, Complex, Monday, Me, Now), Guid.CreateVersion7(), 0, content, Me, Now);

    [Fact]
    public void IsConflict_NewSignal_IsNever()
    {
        Assert.False(DraftMerge.IsConflict(null, null, Typed("B-1")));
    }

    [Fact]
    public void IsConflict_StoredVersionIsTheOneMyEditStartedFrom_IsNot()
    {
        var stored = Stored(Typed("B-1"));

        Assert.False(DraftMerge.IsConflict(stored.Version, stored, Typed("B-1", "nieuw")));
    }

    [Fact]
    public void IsConflict_SomeoneSavedTheSameSignalSince_IsAConflict()
    {
        var stored = Stored(Typed("B-1", "hun tekst"));

        Assert.True(DraftMerge.IsConflict(stored.Version + 1, stored, Typed("B-1", "mijn tekst")));
    }

    [Fact]
    public void IsConflict_SomeoneSavedExactlyWhatITyped_IsNot()
    {
        var stored = Stored(Typed("B-1", "zelfde"));

        Assert.False(DraftMerge.IsConflict(stored.Version + 1, stored, Typed("B-1", "zelfde")));
    }

    [Fact]
    public void Header_TheyAddedAnAttendeeAndIAddedAnother_BothStay()
    {
        var merged = DraftMerge.Header(Monday, [Me], Monday, [Me, Other], Monday, [Me, Third]);

        Assert.Equal([Me, Third, Other], merged.AttendeeIds);
        Assert.False(merged.DateConflict);
    }

    [Fact]
    public void Header_IRemovedAnAttendeeTheyKept_IsRemoved()
    {
        var merged = DraftMerge.Header(Monday, [Me, Other], Monday, [Me], Monday, [Me, Other, Third]);

        Assert.Equal([Me, Third], merged.AttendeeIds);
    }

    [Fact]
    public void Header_OnlyIChangedTheDate_MineHolds()
    {
        var merged = DraftMerge.Header(Monday, [], Monday.AddDays(1), [], Monday, [Other]);

        Assert.Equal(Monday.AddDays(1), merged.HeldOn);
        Assert.False(merged.DateConflict);
    }

    [Fact]
    public void Header_OnlyTheyChangedTheDate_TheirsHolds()
    {
        var merged = DraftMerge.Header(Monday, [], Monday, [Me], Monday.AddDays(2), []);

        Assert.Equal(Monday.AddDays(2), merged.HeldOn);
        Assert.False(merged.DateConflict);
    }

    [Fact]
    public void Header_BothChangedTheDateDifferently_TheirsIsKeptAndItIsAConflict()
    {
        var merged = DraftMerge.Header(Monday, [], Monday.AddDays(1), [], Monday.AddDays(2), []);

        Assert.Equal(Monday.AddDays(2), merged.HeldOn);
        Assert.True(merged.DateConflict);
    }

    [Fact]
    public void Bounded_NulAndOverlongText_AreDroppedAndCut()
    {
        var content = new DraftSignalContent("B-1\0", SignalCategory.Other, NoticedBy.Resident, new string('x', DraftSignalContent.DescriptionMax + 50), []);

        var bounded = content.Bounded();

        Assert.Equal("B-1", bounded.ResidentCode);
        Assert.Equal(DraftSignalContent.DescriptionMax, bounded.Description!.Length);
    }

    [Fact]
    public void ToSignal_ActionWithoutOwnerOrDate_IsRefusedWhenTheMeetingIsHeld()
    {
        var content = new DraftSignalContent("B-017", SignalCategory.Falls, NoticedBy.Care, null, [new DraftActionContent(null, null, 1, false)]);

        var error = Assert.Throws<DomainException>(() => SignalMeeting.Hold(Tenant, Complex, Monday, [Me], [content.ToSignal(Monday)],
            new HashSet<Guid> { Me }, ResidentCodePattern.Default, Me, Now));

        Assert.Contains(error.Errors, e => e.Field == "Signals[0].Actions[0].OwnerId");
    }
}

public class ResidentCodeSettingsTests
{
    [Theory]
    [InlineData("[A-Z]{1,3}-[0-9]{1,4}", "B-017")]
    [InlineData("K[0-9]{3}", "K017")]
    [InlineData("^[A-Z]{2}/[0-9]{2}$", "AB/12")]
    public void Checked_StrictPatternWithMatchingExample_IsAccepted(string pattern, string example)
    {
        var settings = new ResidentCodeSettings(Guid.NewGuid(), pattern, example);

        Assert.True(settings.ToPattern().Matches(example));
    }

    [Fact]
    public void ToPattern_IsAppliedToTheWholeCode()
    {
        var pattern = new ResidentCodeSettings(Guid.NewGuid(), "K[0-9]{3}", "K017").ToPattern();

        Assert.False(pattern.Matches("xK017"));
        Assert.False(pattern.Matches("K0171"));
    }

    [Theory]
    [InlineData(".*")]
    [InlineData("[A-Za-z ]+")]
    [InlineData("[a-z.@]+")]
    [InlineData("[0-9 A-Z]+")]
    public void Checked_PatternThatLetsANameOrAddressThrough_IsRefusedAtThePattern(string pattern)
    {
        var error = Assert.Throws<DomainException>(() => ResidentCodeSettings.Checked(pattern, "B-017"));

        Assert.Equal("Pattern", error.Field);
    }

    [Fact]
    public void Checked_InvalidRegularExpression_IsRefusedWithAnExplanation()
    {
        var error = Assert.Throws<DomainException>(() => ResidentCodeSettings.Checked("[A-Z", "B"));

        Assert.Equal("Pattern", error.Field);
        Assert.Contains("geen geldig patroon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checked_ExampleOutsideThePattern_IsRefusedAtTheExample()
    {
        var error = Assert.Throws<DomainException>(() => ResidentCodeSettings.Checked("[A-Z]-[0-9]{3}", "B-17"));

        Assert.Equal("Example", error.Field);
    }

    [Fact]
    public void For_NoSettings_IsTheDefault()
    {
        Assert.Same(ResidentCodePattern.Default, ResidentCodeSettings.For(null));
        Assert.True(ResidentCodePattern.Default.Matches("ABC-1234"));
        Assert.False(ResidentCodePattern.Default.Matches("ABCD-1"));
    }
}

public class EscalationLinesTests
{
    private static EscalationLevel Level(int level) => new(level, $"Niveau {level}", "Als het team het niet alleen oplost", null);

    [Fact]
    public void Checked_LevelsFromZeroWithoutGaps_AreKeptNormalised()
    {
        var content = EscalationLines.Checked(new EscalationContent(" Iedereen in het team ", "Flatcoach", "Projectleider", [Level(0), Level(1)]));

        Assert.Equal("Iedereen in het team", content.WhoSignals);
        Assert.Equal(2, content.Levels.Count);
    }

    [Fact]
    public void Checked_GapInTheLevelsAndMissingCriteria_NamesEachField()
    {
        var error = Assert.Throws<DomainException>(() => EscalationLines.Checked(new EscalationContent(null, null, null,
            [Level(0), new EscalationLevel(2, "Huisarts", "", null)])));

        Assert.Contains(error.Errors, e => e.Field == "Levels[1].Level");
        Assert.Contains(error.Errors, e => e.Field == "Levels[1].Criteria");
    }

    [Fact]
    public void Checked_MoreLevelsThanActionsCanHave_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => EscalationLines.Checked(new EscalationContent(null, null, null,
            [Level(0), Level(1), Level(2), Level(3), Level(4)])));

        Assert.Contains(error.Errors, e => e.Field == "Levels[4].Level");
    }

    [Fact]
    public void Checked_ControlCharacterInALine_IsRefusedAtThatLine()
    {
        var error = Assert.Throws<DomainException>(() => EscalationLines.Checked(new EscalationContent("A\u202Eb", null, null, [])));

        Assert.Equal("WhoSignals", error.Field);
    }
}

public class TeamAgendaTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Complex = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static TeamAgendaEntry Entry(TeamTextKind kind, string text, int minutesLater) =>
        new(Tenant, Complex, kind, text, new DateOnly(2026, 1, 1), Guid.NewGuid(), "Lead", Now.AddMinutes(minutesLater));

    [Fact]
    public void Current_SeveralVersions_IsTheLatestRecordedOfThatKind()
    {
        var entries = new[] { Entry(TeamTextKind.Ambition, "eerste", 0), Entry(TeamTextKind.Ambition, "tweede", 5), Entry(TeamTextKind.WorkAgenda, "agenda", 10) };

        Assert.Equal("tweede", TeamAgendaEntry.Current(entries, TeamTextKind.Ambition)!.Text);
        Assert.Equal("agenda", TeamAgendaEntry.Current(entries, TeamTextKind.WorkAgenda)!.Text);
        Assert.Null(TeamAgendaEntry.Current([], TeamTextKind.Ambition));
    }

    [Fact]
    public void New_EmptyTextAndNoDate_NamesBothFields()
    {
        var error = Assert.Throws<DomainException>(() => new TeamAgendaEntry(Tenant, Complex, TeamTextKind.WorkAgenda, "  ", null, Guid.NewGuid(), "Lead", Now));

        Assert.Contains(error.Errors, e => e.Field == "Text");
        Assert.Contains(error.Errors, e => e.Field == "DatedOn");
    }
}
