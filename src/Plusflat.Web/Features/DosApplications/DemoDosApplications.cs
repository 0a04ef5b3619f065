using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Admission;
using Plusflat.Domain.BusinessCases;
using Plusflat.Domain.DosApplications;
using Plusflat.Domain.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Demo;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.DosApplications;

/// <summary>
/// Demo DOS applications, made by the portal's own handlers as the demo lead and assessor (so the snapshots, the history, the
/// budget check and the label are the real ones), on a clock set back a few days so the queue shows days since receipt.
/// Amsterdam, run in the pass of zorgkantoor-amsterdam (after its budgets): a draft for De Boomgaard (no gate or standard yet:
/// the page lists what is missing), and for the three eligible complexes of the gate and standard demos, each with a positive
/// frozen business-case version made here when it has none: Het Vlierhof asked a question, answered, scored and granted
/// (label in the register, budget committed); De Klimop with an open question; De Sleutelbloem submitted and awaiting a
/// decision. Rotterdam, in the pass of zorgkantoor-rotterdam: the complex with the positive frozen business case gets a
/// passed gate and a met standard here, and an application submitted to zorgkantoor-rotterdam. Idempotent: a programme
/// that has any DOS application gets none. Lives in the web project because the snapshots and handlers do.
/// </summary>
public sealed class DemoDosApplications(IServiceProvider services, IConfiguration configuration, ILogger<DemoDosApplications> logger) : IDemoTenantContent
{
    public const string AmsterdamZorgkantoor = "zorgkantoor-amsterdam";
    public const string RotterdamZorgkantoor = "zorgkantoor-rotterdam";

    public async Task SeedAsync(PlusflatDbContext db, Guid tenantId, string tenantSlug, DateTimeOffset now)
    {
        try
        {
            switch (tenantSlug)
            {
                case AmsterdamZorgkantoor:
                    await AmsterdamAsync(now);
                    break;
                case RotterdamZorgkantoor:
                    await RotterdamAsync(now);
                    break;
            }
        }
        catch (DemoStepFailed ex)
        {
            logger.LogWarning("Demo DOS applications for {Tenant} stopped: {Reason}", tenantSlug, ex.Message);
        }
    }

    private async Task AmsterdamAsync(DateTimeOffset now)
    {
        var clock = new DemoClock(now.AddDays(-7));
        await using var lead = await EnterAsync("lltf-amsterdam", "lead@lltf-amsterdam.demo", TenantRole.ProgrammeLead);
        await using var assessor = await EnterAsync(AmsterdamZorgkantoor, "assessor@zorgkantoor-amsterdam.demo", TenantRole.Assessor);
        if (lead is null || assessor is null || await lead.HasApplicationsAsync())
        {
            return;
        }

        var complexes = await lead.ComplexesAsync();
        if (!new[] { "De Klimop", "Het Vlierhof", "De Sleutelbloem", "De Boomgaard" }.All(complexes.ContainsKey))
        {
            return;
        }

        foreach (var name in new[] { "Het Vlierhof", "De Klimop", "De Sleutelbloem" })
        {
            await lead.EnsurePositiveFrozenVersionAsync(complexes[name], clock.GetUtcNow());
        }

        var save = lead.Save(clock);
        var decide = assessor.Decide(clock, configuration);
        var assess = assessor.Assess(clock);
        var zorgkantoor = assessor.Tenant.Id;

        clock.At = now.AddDays(-6);
        var vlierhof = await CreateAsync(save, Complete(complexes["Het Vlierhof"], zorgkantoor, 65_000m, "Stichting Woonhaven Amsterdam", "Stichting Woonhaven Amsterdam", now, reference: 11));
        var klimop = await CreateAsync(save, Complete(complexes["De Klimop"], zorgkantoor, 125_000m, "Woningcorporatie Amstelgoed", "Woningcorporatie Amstelgoed", now, reference: 12));
        clock.At = now.AddDays(-6).AddHours(2);
        Check(await save.SubmitAsync(vlierhof, default), "Het Vlierhof indienen");
        clock.At = now.AddDays(-5);
        Check(await decide.DecideAsync(vlierhof, new DosDecisionInput
        {
            Outcome = "moreInformation",
            Reasons = "Het Vlierhof en De Sleutelbloem delen het flatteam. Hoe is de inzet van de buurtwerker over de twee flats verdeeld?",
        }, default), "Het Vlierhof: vraag");
        clock.At = now.AddDays(-5).AddHours(3);
        Check(await save.SubmitAsync(klimop, default), "De Klimop indienen");
        clock.At = now.AddDays(-4);
        Check(await save.AnswerAsync(vlierhof, "De buurtwerker werkt 24 uur per week voor beide flats samen: 14 uur in Het Vlierhof, 10 uur in De Sleutelbloem. Het gedeelde flatteam overlegt wekelijks.", null, default),
            "Het Vlierhof: antwoord");
        // The draft: only the municipality has agreed and the regional establishment is not there yet.
        clock.At = now.AddDays(-3);
        var draft = Complete(complexes["De Boomgaard"], zorgkantoor, 95_000m, "Woningcorporatie Amstelgoed", "Woningcorporatie Amstelgoed", now, reference: 14);
        draft.Coalition = [.. draft.Coalition.Select(c => c.Party == CoalitionParty.Municipality ? c : new CoalitionInput { Party = c.Party })];
        draft.EstablishmentBody = null;
        draft.EstablishmentOn = null;
        draft.EstablishmentReference = null;
        await CreateAsync(save, draft);
        clock.At = now.AddDays(-3).AddHours(1);
        var sleutelbloem = await CreateAsync(save, Complete(complexes["De Sleutelbloem"], zorgkantoor, 60_000m, "Stichting Woonhaven Amsterdam", "Stichting Woonhaven Amsterdam", now, reference: 13));
        clock.At = now.AddDays(-3).AddHours(2);
        Check(await save.SubmitAsync(sleutelbloem, default), "De Sleutelbloem indienen");

        clock.At = now.AddDays(-2);
        Check(await assess.SaveAsync(vlierhof, Scores(clock, "Compleet dossier; de lichte route is aangetoond met één flatteam en één ontmoetingsruimte."), default), "Het Vlierhof: beoordeling");
        clock.At = now.AddDays(-2).AddHours(2);
        Check(await decide.DecideAsync(klimop, new DosDecisionInput
        {
            Outcome = "moreInformation",
            Reasons = "Stuur de nulmeting van de vijf indicatoren mee, en bevestig dat Zorggroep Amstelzorg de enige contractpartij is.",
        }, default), "De Klimop: vraag");
        clock.At = now.AddDays(-1);
        Check(await decide.DecideAsync(vlierhof, new DosDecisionInput
        {
            Outcome = "grant",
            Reasons = "Voldoet aan de landelijke criteria; het budget 2027–2029 is toereikend.",
        }, default), "Het Vlierhof: toekenning");
    }

    private async Task RotterdamAsync(DateTimeOffset now)
    {
        var clock = new DemoClock(now.AddDays(-3));
        await using var lead = await EnterAsync("thuisplusflat-rotterdam", "lead@thuisplusflat-rotterdam.demo", TenantRole.ProgrammeLead);
        await using var assessor = await EnterAsync(RotterdamZorgkantoor, "assessor@zorgkantoor-rotterdam.demo", TenantRole.Assessor);
        if (lead is null || assessor is null || await lead.HasApplicationsAsync())
        {
            return;
        }

        var complexId = await lead.ComplexWithPositiveFrozenVersionAsync();
        if (complexId is null)
        {
            return;
        }

        await lead.EnsureGateAndStandardAsync(complexId.Value, now.AddDays(-10));
        var save = lead.Save(clock);
        var id = await CreateAsync(save, Complete(complexId.Value, assessor.Tenant.Id, 140_000m, "Stichting Havenwonen", "Stichting Havenwonen", now,
            municipality: "Gemeente Rotterdam", careProvider: "Zorgcentrum Maasland", body: "Regiegroep Zorg en Wonen Rotterdam (IZA)", reference: 21));
        clock.At = now.AddDays(-2);
        Check(await save.SubmitAsync(id, default), "Rotterdam indienen");
    }

    private static DosApplicationInput Complete(
        Guid complexId, Guid zorgkantoor, decimal perYear, string submitter, string corporation, DateTimeOffset now,
        string municipality = "Gemeente Amsterdam", string careProvider = "Zorggroep Amstelzorg", string body = "IZA-coalitie Amsterdam", int reference = 1)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new DosApplicationInput
        {
            ComplexId = complexId,
            ZorgkantoorTenantId = zorgkantoor,
            Submitter = submitter,
            Coalition =
            [
                new() { Party = CoalitionParty.Municipality, Organisation = municipality, AgreedBy = "Wethouder Zorg en Wonen", AgreedOn = today.AddDays(-30) },
                new() { Party = CoalitionParty.HousingCorporation, Organisation = corporation, AgreedBy = "Directeur Wonen", AgreedOn = today.AddDays(-28) },
                new() { Party = CoalitionParty.CareProvider, Organisation = careProvider, AgreedBy = "Regiodirecteur", AgreedOn = today.AddDays(-27) },
            ],
            EstablishmentBody = body,
            EstablishmentOn = today.AddDays(-14),
            EstablishmentReference = $"IZA-{today.Year}-{reference:000}",
            FirstYear = 2027,
            LastYear = 2029,
            Requested = [.. Enumerable.Range(2027, 3).Select(y => new YearAmountInput { Year = y, Amount = perYear })],
        };
    }

    private static DosAssessmentInput Scores(TimeProvider clock, string comments)
    {
        var catalogue = DosCriteriaCatalogue.Current(Dates.Today(clock));
        return new DosAssessmentInput
        {
            CatalogueVersion = catalogue.Version,
            Comments = comments,
            Scores = [.. catalogue.Criteria.Select(c => new CriterionScore(c.Key, c.Weight >= 2 ? 3 : 2, "Blijkt uit de snapshots en de bijlagen van de aanvraag."))],
        };
    }

    private static async Task<Guid> CreateAsync(SaveDosApplicationHandler save, DosApplicationInput input)
    {
        var result = await save.CreateAsync(input, default);
        Check(result, "aanmaken");
        return result.Id!.Value;
    }

    private static void Check(HandlerResult result, string step)
    {
        if (!result.Succeeded)
        {
            throw new DemoStepFailed($"{step}: {string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
        }
    }

    private async Task<Side?> EnterAsync(string slug, string email, TenantRole role)
    {
        var scope = services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlusflatDbContext>>();
        var tenant = scope.ServiceProvider.GetRequiredService<CurrentTenant>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var row = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug);
            if (row is null)
            {
                await scope.DisposeAsync();
                return null;
            }

            tenant.Set(new TenantAccess(row.Id, row.Slug, row.Name, row.Kind, Guid.Empty, [role]));
        }

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            if (user is null)
            {
                await scope.DisposeAsync();
                return null;
            }

            tenant.Set(tenant.Access! with { UserId = user.Value });
        }

        return new Side(scope, tenant, contexts, scope.ServiceProvider.GetRequiredService<IValidator<DosApplicationInput>>());
    }

    /// <summary>One side of the story: a DI scope whose current tenant is the demo user's membership.</summary>
    private sealed class Side(AsyncServiceScope scope, CurrentTenant tenant, IDbContextFactory<PlusflatDbContext> contexts, IValidator<DosApplicationInput> validator) : IAsyncDisposable
    {
        public CurrentTenant Tenant => tenant;

        public SaveDosApplicationHandler Save(TimeProvider clock) =>
            new(contexts, tenant, clock, validator, new Standard.GetStandardHandler(contexts, tenant, clock));

        public DecideDosApplicationHandler Decide(TimeProvider clock, IConfiguration configuration) => new(contexts, tenant, clock, configuration);

        public SaveDosAssessmentHandler Assess(TimeProvider clock) => new(contexts, tenant, clock);

        public async Task<bool> HasApplicationsAsync()
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.DosApplications.AnyAsync(a => a.TenantId == tenant.Id);
        }

        public async Task<Dictionary<string, Guid>> ComplexesAsync()
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Complexes.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id);
        }

        /// <summary>
        /// A positive frozen business-case version for the application to carry. A complex without a case gets the template,
        /// frozen; a case whose working copy is positive is frozen as it is; otherwise a positive variant (the template) is
        /// frozen and the working copy put back, so the business-case demo keeps its not-positive scenario.
        /// </summary>
        public async Task EnsurePositiveFrozenVersionAsync(Guid complexId, DateTimeOffset at)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var dwellings = await db.Complexes.Where(c => c.Id == complexId).Select(c => c.DwellingCount.Value).FirstAsync();
            var versions = await db.BusinessCaseVersions.AsNoTracking().Where(v => v.ComplexId == complexId).ToListAsync();
            if (versions.Any(v => BusinessCaseCalculator.Compute(v.Plan, dwellings).Positive))
            {
                return;
            }

            var lead = await Actor.CurrentAsync(db, tenant, default);
            const string Note = "Ingediend bij het zorgkantoor (DOS-aanvraag)";
            var template = BusinessCaseTemplate.Create(2027);
            var businessCase = await db.BusinessCases.FirstOrDefaultAsync(b => b.ComplexId == complexId);
            if (businessCase is null)
            {
                businessCase = new BusinessCase(tenant.Id, complexId, template, lead.Id, lead.Name, at);
                db.BusinessCases.Add(businessCase);
                db.BusinessCaseVersions.Add(businessCase.Freeze(Note, lead.Id, lead.Name, at));
            }
            else if (BusinessCaseCalculator.Compute(businessCase.Plan, dwellings).Positive)
            {
                db.BusinessCaseVersions.Add(businessCase.Freeze(Note, lead.Id, lead.Name, at));
            }
            else
            {
                var working = businessCase.Plan;
                businessCase.Replace(template, lead.Id, lead.Name, at);
                db.BusinessCaseVersions.Add(businessCase.Freeze(Note, lead.Id, lead.Name, at));
                businessCase.Replace(working, lead.Id, lead.Name, at.AddMinutes(5));
            }

            await db.SaveChangesAsync();
        }

        public async Task<Guid?> ComplexWithPositiveFrozenVersionAsync()
        {
            await using var db = await contexts.CreateDbContextAsync();
            var dwellings = await db.Complexes.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.DwellingCount.Value);
            var versions = await db.BusinessCaseVersions.AsNoTracking().OrderBy(v => v.FrozenAt).ToListAsync();
            return versions.FirstOrDefault(v => dwellings.TryGetValue(v.ComplexId, out var d) && BusinessCaseCalculator.Compute(v.Plan, d).Positive)?.ComplexId;
        }

        /// <summary>A passed admission gate and a met product standard, for a complex that has neither assessment yet.</summary>
        public async Task EnsureGateAndStandardAsync(Guid complexId, DateTimeOffset at)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var lead = await Actor.CurrentAsync(db, tenant, default);
            var today = DateOnly.FromDateTime(at.UtcDateTime);
            if (!await db.AdmissionAssessments.AnyAsync(a => a.ComplexId == complexId))
            {
                db.AdmissionAssessments.Add(new AdmissionAssessment(tenant.Id, complexId, 1, new AdmissionFacts(
                    new ConcentrationFacts(true, [], false, "Eén flatgebouw met een centrale hal, lift en ontmoetingsruimte op de begane grond."),
                    new NeedFacts("Veel alleenstaande ouderen; de huismeester ziet dat bewoners zich terugtrekken.", null,
                        "Signalen van achteruitgang komen laat bij de wijkverpleging.", "Een kwart van de bewoners krijgt wijkverpleging of Wlz-zorg thuis.",
                        MostlySelfSufficient: false, HardlyAnyHomeCare: false),
                    [
                        new GovernanceAgreement(GovernanceParty.Municipality, "Gemeente Rotterdam, wethouder Zorg", today.AddDays(-40), $"GEM-RTD-{today.Year}-12"),
                        new GovernanceAgreement(GovernanceParty.Corporation, "Stichting Havenwonen, directeur wonen", today.AddDays(-38), "HW-2026-04"),
                        new GovernanceAgreement(GovernanceParty.CareProvider, "Zorgcentrum Maasland, regiodirecteur", today.AddDays(-35), "ZM-2026-09"),
                    ]), lead.Id, lead.Name, at));
            }

            if (!await db.StandardAssessments.AnyAsync(a => a.ComplexId == complexId))
            {
                var catalogue = await Standard.CurrentStandard.GetOrStartAsync(db, tenant.Id, at, default);
                db.StandardAssessments.Add(new StandardAssessment(tenant.Id, complexId, catalogue, 1, catalogue.Items.Select(i => i.Kind == StandardItemKind.Not
                    ? new AssessedItem(i.Key, StandardItemStatus.DoesNotApply, null)
                    : new AssessedItem(i.Key, StandardItemStatus.Met, "Gezien bij het schouwen van het complex en in de samenwerkingsovereenkomst.")), lead.Id, lead.Name, at.AddHours(2)));
            }

            await db.SaveChangesAsync();
        }

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    /// <summary>A clock the story moves forward step by step.</summary>
    private sealed class DemoClock(DateTimeOffset at) : TimeProvider
    {
        public DateTimeOffset At { get; set; } = at;

        public override DateTimeOffset GetUtcNow() => At;
    }

    private sealed class DemoStepFailed(string message) : Exception(message);
}
