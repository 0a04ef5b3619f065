using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.FlatTeams;
using Plusflat.Domain.Signalling;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Infrastructure.Demo;

/// <summary>
/// Demo flat teams and half a year of weekly early-signalling meetings for two Amsterdam complexes: De Klimop (with
/// team@lltf-amsterdam.demo) and Het Zonnehof (with team-zonnehof@lltf-amsterdam.demo). A few weeks have no meeting
/// (gaps) and some actions are past their due date. Signals are written as a team member of the complex, as the
/// row-level security on the signal tables demands. Added only when the complex has no team yet. Each team also has
/// escalation lines, an ambition and a work agenda with an earlier version.
/// </summary>
public sealed class DemoSignallingContent : IDemoTenantContent
{
    public const string KlimopComplex = "De Klimop";
    public const string ZonnehofComplex = "Het Zonnehof";

    private static readonly (string Complex, string Account, (string Name, string Organisation, TeamRole Role)[] Members, int[] GapWeeks)[] Teams =
    [
        (KlimopComplex, "team@lltf-amsterdam.demo",
        [
            ("Thijs Bakker", "Zorggroep Amstelzorg", TeamRole.FlatCoach),
            ("Mirjam Kok", "Woningcorporatie Amstelgoed", TeamRole.ProjectLeader),
            ("Ahmed Bouzid", "Woningcorporatie Amstelgoed", TeamRole.ResidentConsultant),
            ("Kees Molenaar", "Woningcorporatie Amstelgoed", TeamRole.Caretaker),
            ("Ilse Vermeer", "Welzijn Amsterdam Buurtwerk", TeamRole.CommunityWorker),
            ("Naima el Idrissi", "Zorggroep Amstelzorg", TeamRole.CareWorker),
            ("Henk de Boer", "Bewonerscommissie De Klimop", TeamRole.ResidentRepresentative),
        ], [5, 11, 19]),
        (ZonnehofComplex, "team-zonnehof@lltf-amsterdam.demo",
        [
            ("Sara Yilmaz", "Zorggroep Amstelzorg", TeamRole.FlatCoach),
            ("Bart Smit", "Stichting Woonhaven Amsterdam", TeamRole.Caretaker),
            ("Fenna Dijkstra", "Welzijn Amsterdam Buurtwerk", TeamRole.CommunityWorker),
        ], [8]),
    ];

    private static readonly string[] Descriptions =
    [
        "Komt de laatste weken bijna niet meer naar de koffieochtend.",
        "Twee keer gevallen in de hal, rollator staat vaak binnen.",
        "Vergeet afspraken en laat de deur openstaan.",
        "Post stapelt zich op, woning ziet er minder verzorgd uit.",
        "Trekt zich terug na overlijden partner, weinig contact met buren.",
        "Buren maken zich zorgen: 's avonds vaak lawaai en onrust.",
    ];

    public async Task SeedAsync(PlusflatDbContext db, Guid tenantId, string tenantSlug, DateTimeOffset now)
    {
        if (tenantSlug != "lltf-amsterdam")
        {
            return;
        }

        foreach (var team in Teams)
        {
            var complexId = await db.Complexes.Where(c => c.Name == team.Complex).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
            var userId = await db.Users.Where(u => u.Email == team.Account).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            if (complexId is null || userId is null)
            {
                continue;
            }

            // Each part on its own, so a database seeded before a part existed gets it on the next start.
            await SeedWorkingAgreementsAsync(db, tenantId, complexId.Value, team.Complex, userId.Value, team.Members[0].Name, now);
            if (await db.FlatTeamMembers.AnyAsync(m => m.ComplexId == complexId))
            {
                continue;
            }

            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var start = today.AddDays(-200);
            var members = team.Members.Select((m, i) => new FlatTeamMember(tenantId, complexId.Value, m.Name, m.Organisation, m.Role,
                null, start, null, i == 0 ? userId : null)).ToList();
            db.FlatTeamMembers.AddRange(members);
            await db.SaveChangesAsync();

            // The signal tables only accept rows from a team member of the complex: act as the team's account.
            await db.Database.OpenConnectionAsync();
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT set_config('app.user_id', {0}, false)", userId.Value.ToString());
                db.SignalMeetings.AddRange(Meetings(tenantId, complexId.Value, members, team.GapWeeks, userId.Value, today, now));
                await db.SaveChangesAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// The team's escalation lines (who signals, who acts, who decides, and levels 0–3 with their criteria), its
    /// ambition, and its work agenda in two versions (so the history shows), each added when the complex has none yet.
    /// </summary>
    private static async Task SeedWorkingAgreementsAsync(PlusflatDbContext db, Guid tenantId, Guid complexId, string complex, Guid userId, string userName, DateTimeOffset now)
    {
        if (!await db.EscalationLines.AnyAsync(e => e.ComplexId == complexId))
        {
            db.EscalationLines.Add(new EscalationLines(tenantId, complexId, Escalation, userId, now));
        }

        if (!await db.TeamAgenda.AnyAsync(e => e.ComplexId == complexId))
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            db.TeamAgenda.AddRange(
                new TeamAgendaEntry(tenantId, complexId, TeamTextKind.Ambition,
                    $"Niemand in {complex} hoeft alleen oud te worden: we zien kleine signalen op tijd en bieden snel en dichtbij steun, met de bewoners samen.",
                    today.AddDays(-200), userId, userName, now.AddDays(-200)),
                new TeamAgendaEntry(tenantId, complexId, TeamTextKind.WorkAgenda,
                    "Wekelijks vroegsignaleringsoverleg op dinsdag. Koffieochtend op woensdag in de ontmoetingsruimte. Huisbezoeken bij nieuwe bewoners.",
                    today.AddDays(-200), userId, userName, now.AddDays(-200)),
                new TeamAgendaEntry(tenantId, complexId, TeamTextKind.WorkAgenda,
                    "Wekelijks vroegsignaleringsoverleg op dinsdag. Koffieochtend op woensdag en beweegochtend op vrijdag. Huisbezoeken bij nieuwe bewoners; " +
                    "valpreventie met de fysiotherapeut in het najaar; warme overdracht naar de huisarts volgens de escalatielijnen.",
                    today.AddDays(-60), userId, userName, now.AddDays(-60)));
        }

        await db.SaveChangesAsync();
    }

    private static readonly EscalationContent Escalation = new(
        "Iedereen van het flatteam, en bewoners en buren via de huismeester of de buurtwerker.",
        "De flatcoach (Langer Thuiscoach) zet het signaal uit en houdt de regie tot het is opgepakt.",
        "De projectleider beslist over opschalen buiten het team.",
        [
            new EscalationLevel(0, "In het team", "Een eerste klein signaal: het team houdt een vinger aan de pols en bespreekt het in het volgende overleg.", null),
            new EscalationLevel(1, "Gesprek en ondersteuning", "Een tweede signaal binnen een maand, of de bewoner vraagt zelf om hulp: de flatcoach gaat op huisbezoek.", "Flatcoach"),
            new EscalationLevel(2, "Wijkverpleging of huisarts", "Een val, duidelijk minder zelfzorg of zorg die niet rond komt: warme overdracht naar wijkverpleging of huisarts.", "Wijkverpleegkundige"),
            new EscalationLevel(3, "Casuïstiekoverleg", "Onveilige situatie of zorg die vastloopt: het wijkteam of de casemanager dementie wordt ingeschakeld.", "Projectleider"),
        ]);

    private static IEnumerable<SignalMeeting> Meetings(Guid tenantId, Guid complexId, List<FlatTeamMember> members, int[] gaps, Guid userId, DateOnly today, DateTimeOffset now)
    {
        var ids = members.Select(m => m.Id).ToHashSet();
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var code = 1;
        for (var week = 26; week >= 1; week--)
        {
            if (gaps.Contains(week))
            {
                continue;
            }

            var heldOn = thisMonday.AddDays(-7 * week + 1); // Tuesdays
            var count = (week * 7 % 4); // 0..3 signals
            var drafts = Enumerable.Range(0, count).Select(i =>
            {
                var n = week * 3 + i;
                var owner = members[(n % (members.Count - 1)) + 1].Id;
                return new SignalDraft($"{(members.Count > 3 ? "K" : "Z")}-{code++:000}", (SignalCategory)(n % 6), (NoticedBy)(n % 4), Descriptions[n % Descriptions.Length],
                    [new ActionDraft(owner, heldOn.AddDays(7 + (n % 3) * 7), n % 3, n % 2 == 0)]);
            }).ToList();
            var meeting = SignalMeeting.Hold(tenantId, complexId, heldOn, [.. members.Take(Math.Min(members.Count, 4 + week % 3)).Select(m => m.Id)],
                drafts, ids, ResidentCodePattern.Default, userId, now.AddDays(-7 * week));
            foreach (var (signal, i) in meeting.Signals.Select((s, i) => (s, i)))
            {
                var action = signal.Actions[0];
                // Older actions are mostly done and their signals closed; a few stay open past their due date (overdue).
                if (action.Due < today && (week + i) % 5 != 0)
                {
                    action.Finish(ActionStatus.Done, "Gesprek gevoerd; ondersteuning loopt via de wijkverpleging.");
                    signal.SetStatus(week % 2 == 0 ? SignalStatus.Closed : SignalStatus.Monitoring, action.Due);
                }
            }

            yield return meeting;
        }
    }
}
