using Plusflat.Domain.Common;
using Plusflat.Domain.FlatTeams;
using Plusflat.Domain.Signalling;

namespace Plusflat.Domain.Tests.Signalling;

public class SignalMeetingTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Complex = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly HashSet<Guid> Team = [Member];
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    internal static SignalDraft Draft(string code = "B-017", string? description = "Gaat minder naar buiten", params ActionDraft[] actions) =>
        new(code, SignalCategory.GoingOutLess, NoticedBy.Housing, description, actions);

    private static SignalMeeting Hold(DateOnly date, params SignalDraft[] signals) =>
        SignalMeeting.Hold(Tenant, Complex, date, [Member], signals, Team, ResidentCodePattern.Default, Member, Now);

    [Fact]
    public void Hold_ValidMeeting_RaisesSignalsWithActions()
    {
        var meeting = Hold(new DateOnly(2026, 11, 30), Draft(actions: new ActionDraft(Member, new DateOnly(2026, 12, 7), 1, true)));

        var signal = Assert.Single(meeting.Signals);
        Assert.Equal(SignalStatus.PickedUp, signal.Status);
        Assert.Equal(meeting.Id, signal.MeetingId);
        Assert.Equal(Complex, Assert.Single(signal.Actions).ComplexId);
    }

    [Fact]
    public void Hold_SignalWithoutActions_IsNotYetPickedUp()
    {
        Assert.Equal(SignalStatus.NotPickedUp, Assert.Single(Hold(new DateOnly(2026, 11, 30), Draft()).Signals).Status);
    }

    [Fact]
    public void Hold_EveryWrongField_IsNamedAtOnce()
    {
        var ex = Assert.Throws<DomainException>(() => SignalMeeting.Hold(Tenant, Complex, new DateOnly(2027, 1, 1), [], [
            Draft(),
            Draft("Jansen", "bel 0612345678", new ActionDraft(Guid.NewGuid(), new DateOnly(2026, 12, 7), 9, false)),
        ], Team, ResidentCodePattern.Default, Member, Now));

        Assert.Equal(
            ["HeldOn", "AttendeeIds", "Signals[1].ResidentCode", "Signals[1].Description", "Signals[1].Actions[0].OwnerId", "Signals[1].Actions[0].EscalationLevel"],
            ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Hold_AttendeeFromOutsideTheTeam_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => SignalMeeting.Hold(Tenant, Complex, new DateOnly(2026, 11, 30), [Guid.NewGuid()], [],
            Team, ResidentCodePattern.Default, Member, Now));

        Assert.Equal("AttendeeIds", ex.Field);
    }

    [Fact]
    public void SetStatus_CloseWithOpenAction_IsRefused()
    {
        var signal = Hold(new DateOnly(2026, 11, 30), Draft(actions: new ActionDraft(Member, new DateOnly(2026, 12, 7), 0, false))).Signals[0];

        Assert.Throws<DomainException>(() => signal.SetStatus(SignalStatus.Closed, new DateOnly(2026, 12, 1)));

        signal.Actions[0].Finish(ActionStatus.Done, "Opgepakt door de buurtwerker");
        signal.SetStatus(SignalStatus.Closed, new DateOnly(2026, 12, 1));
        Assert.Equal(new DateOnly(2026, 12, 1), signal.ClosedOn);
    }

    [Fact]
    public void Finish_WithoutOutcome_IsRefused()
    {
        var action = Hold(new DateOnly(2026, 11, 30), Draft(actions: new ActionDraft(Member, new DateOnly(2026, 12, 7), 0, false))).Signals[0].Actions[0];

        Assert.Equal("Outcome", Assert.Throws<DomainException>(() => action.Finish(ActionStatus.Done, " ")).Field);
        Assert.Equal("Outcome", Assert.Throws<DomainException>(() => action.Finish(ActionStatus.Done, "mail a@b.nl")).Field);
    }

    [Theory]
    [InlineData(6, false)] // due tomorrow
    [InlineData(7, false)] // due today
    [InlineData(8, true)]  // due yesterday
    public void IsOverdue_OpenPastItsDueDate(int today, bool expected)
    {
        var action = Hold(new DateOnly(2026, 11, 30), Draft(actions: new ActionDraft(Member, new DateOnly(2026, 12, 7), 0, false))).Signals[0].Actions[0];

        Assert.Equal(expected, action.IsOverdue(new DateOnly(2026, 12, today)));
    }

    [Fact]
    public void IsOverdue_FinishedAction_NeverOverdue()
    {
        var action = Hold(new DateOnly(2026, 11, 30), Draft(actions: new ActionDraft(Member, new DateOnly(2026, 12, 1), 0, false))).Signals[0].Actions[0];
        action.Finish(ActionStatus.Done, "Gesprek gevoerd");

        Assert.False(action.IsOverdue(new DateOnly(2026, 12, 20)));
    }

    [Fact]
    public void CarriedOver_OpenActionsOfEarlierMeetingsOnly()
    {
        var first = Hold(new DateOnly(2026, 11, 16), Draft(actions: [new ActionDraft(Member, new DateOnly(2026, 11, 20), 0, false), new ActionDraft(Member, new DateOnly(2026, 11, 30), 1, false)]));
        first.Signals[0].Actions[1].Finish(ActionStatus.Done, "Klaar");
        var second = Hold(new DateOnly(2026, 11, 23), Draft("B-018", null, new ActionDraft(Member, new DateOnly(2026, 12, 14), 0, false)));
        var later = Hold(new DateOnly(2026, 12, 1), Draft("B-019", null, new ActionDraft(Member, new DateOnly(2026, 12, 14), 0, false)));

        var agenda = Agenda.CarriedOver([later, second, first], new DateOnly(2026, 11, 30));

        Assert.Equal([first.Signals[0].Actions[0].Id, second.Signals[0].Actions[0].Id], agenda.Select(a => a.ActionId));
        Assert.True(agenda[0].Overdue);
        Assert.False(agenda[1].Overdue);
    }

    [Fact]
    public void RemoveDetails_ClosedBeforeTheCutOff_RemovesCodeAndDescriptionKeepsTheCount()
    {
        var meeting = Hold(new DateOnly(2024, 1, 8), Draft(), Draft("B-018"));
        meeting.Signals[0].SetStatus(SignalStatus.Closed, new DateOnly(2024, 2, 1));
        var cutOff = Retention.CutOff(new DateOnly(2026, 12, 2));

        Assert.True(meeting.Signals[0].RemoveDetails(cutOff, Now));
        Assert.False(meeting.Signals[0].RemoveDetails(cutOff, Now)); // twice is safe
        Assert.False(meeting.Signals[1].RemoveDetails(cutOff, Now)); // still open

        Assert.Null(meeting.Signals[0].ResidentCode);
        Assert.Null(meeting.Signals[0].Description);
        Assert.Equal("B-018", meeting.Signals[1].ResidentCode);
        Assert.Equal(2, Assert.Single(Retention.Counts([meeting])).Count);
    }

    [Fact]
    public void RemoveDetails_ClosedAfterTheCutOff_KeepsEverything()
    {
        var meeting = Hold(new DateOnly(2025, 1, 6), Draft());
        meeting.Signals[0].SetStatus(SignalStatus.Closed, new DateOnly(2025, 1, 6));

        Assert.False(meeting.Signals[0].RemoveDetails(Retention.CutOff(new DateOnly(2026, 12, 2)), Now));
        Assert.Equal("B-017", meeting.Signals[0].ResidentCode);
    }
}

public class MeetingTimelineTests
{
    [Fact]
    public void GapWeeks_WeeksWithoutAMeetingBetweenFirstMeetingAndThisWeek()
    {
        var gaps = MeetingTimeline.GapWeeks([new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 18)], new DateOnly(2026, 12, 2));

        Assert.Equal(["2026-W46", "2026-W48"], gaps.Select(g => g.ToString()));
    }

    [Fact]
    public void GapWeeks_NoMeetings_NoGaps()
    {
        Assert.Empty(MeetingTimeline.GapWeeks([], new DateOnly(2026, 12, 2)));
    }

    [Fact]
    public void GapWeeks_AcrossTheYearEnd_UsesIsoWeeks()
    {
        var gaps = MeetingTimeline.GapWeeks([new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 6)], new DateOnly(2027, 1, 8));

        Assert.Equal(["2026-W53"], gaps.Select(g => g.ToString()));
    }
}

public class SmallCountTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "< 3")]
    [InlineData(2, "< 3")]
    [InlineData(3, "3")]
    [InlineData(12, "12")]
    public void Show_OneOrTwo_IsSuppressed(int count, string expected)
    {
        Assert.Equal(expected, SmallCount.Show(count));
        Assert.Equal(expected == "< 3" ? null : count, SmallCount.Value(count));
    }
}

public class FlatTeamMemberTests
{
    [Fact]
    public void MaySeeDetails_OnlyAnActiveMemberOfThatComplex()
    {
        var user = Guid.NewGuid();
        var complexX = Guid.NewGuid();
        var complexY = Guid.NewGuid();
        var ended = new FlatTeamMember(Guid.NewGuid(), complexY, "Ex", "Woonstad", TeamRole.Caretaker, null, new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), user);
        FlatTeamMember[] members =
        [
            new(Guid.NewGuid(), complexX, "Thijs", "Zorggroep", TeamRole.FlatCoach, "thijs@example.nl", new DateOnly(2026, 1, 1), null, user),
            ended,
        ];
        var today = new DateOnly(2026, 12, 2);

        Assert.True(TeamAccess.MaySeeDetails(members, complexX, user, today));
        Assert.False(TeamAccess.MaySeeDetails(members, complexY, user, today));
        Assert.False(TeamAccess.MaySeeDetails(members, complexX, Guid.NewGuid(), today));
        Assert.False(TeamAccess.MaySeeDetails(members, complexX, user, new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Change_EveryWrongField_IsNamed()
    {
        var ex = Assert.Throws<DomainException>(() => new FlatTeamMember(Guid.NewGuid(), Guid.NewGuid(), " ", "", (TeamRole)99, null,
            new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), null));

        Assert.Equal(["Name", "Organisation", "Role", "EndsOn"], ex.Errors.Select(e => e.Field));
    }
}
