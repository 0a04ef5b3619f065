using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Admission;
using Plusflat.Web.Features.Admission;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;
using Plusflat.Web.Tests.Start;
using static Plusflat.Web.Tests.Admission.AdmissionTestData;

namespace Plusflat.Web.Tests.Admission;

/// <summary>The admission handlers on the real database: recording, kept assessments, the computed outcome, conflicts, bad input and roles.</summary>
public sealed class AdmissionHandlerTests(PlusflatApp app) : ComponentTest(app)
{
    private RecordAdmissionHandler Record => Services.GetRequiredService<RecordAdmissionHandler>();

    private GetAdmissionHandler Get => Services.GetRequiredService<GetAdmissionHandler>();

    private async Task<AdmissionView> ViewAsync(Guid id) => (await Get.GetAsync(id, CancellationToken.None))!;

    private static ThresholdView Threshold(AdmissionView view, string key) => view.Thresholds.Single(t => t.Key == key);

    [Fact]
    public async Task Get_NothingRecorded_FailsEveryThresholdWithVersionZero()
    {
        await SignInAsync(Lead, Amsterdam);
        var id = await App.ComplexAsync(150);

        var view = await ViewAsync(id);

        Assert.False(view.Passed);
        Assert.All(view.Thresholds, t => Assert.False(t.Passed));
        Assert.Equal(0, view.Version);
        Assert.Null(view.AssessedAt);
        Assert.Empty(view.History);
    }

    [Fact]
    public async Task Record_PassingFacts_KeepsTheAssessmentWithWhoAndTheGatePasses()
    {
        await SignInAsync(Lead, Amsterdam);
        var id = await App.ComplexAsync(150);

        var result = await Record.RecordAsync(id, Passing(), CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var view = await ViewAsync(id);
        Assert.True(view.Passed);
        Assert.Equal(1, view.Version);
        Assert.Equal("Lotte de Leeuw", view.AssessedBy);
        Assert.Equal("Veel alleenstaanden", view.Input.Loneliness);
        Assert.Single(view.History);
    }

    [Fact]
    public async Task Record_Again_KeepsEveryAssessmentAndTheLatestCounts()
    {
        await SignInAsync(Lead, Amsterdam);
        var id = await App.ComplexAsync(150);
        Assert.True((await Record.RecordAsync(id, Passing(), CancellationToken.None)).Succeeded);
        var second = Passing(version: 1);
        second.SharedEntrance = false;

        Assert.True((await Record.RecordAsync(id, second, CancellationToken.None)).Succeeded);

        var view = await ViewAsync(id);
        Assert.False(view.Passed);
        Assert.Equal([2, 1], view.History.Select(h => h.Sequence));
        Assert.Equal(2, view.Version);
        Assert.Contains(Threshold(view, "concentration").Reasons, r => r.Blocks && r.Template == AdmissionReasons.NoSharedEntrance);
    }

    [Fact]
    public async Task Record_StaleVersion_IsAConflictAndTheFirstStays()
    {
        await SignInAsync(Lead, Amsterdam);
        var id = await App.ComplexAsync(150);
        Assert.True((await Record.RecordAsync(id, Passing(), CancellationToken.None)).Succeeded);
        var late = Passing(version: 0);
        late.SharedEntrance = false;

        var result = await Record.RecordAsync(id, late, CancellationToken.None);

        Assert.Equal(ResultKind.Conflict, result.Kind);
        var view = await ViewAsync(id);
        Assert.True(view.Passed);
        Assert.Single(view.History);
    }

    [Fact]
    public async Task Record_VersionOfAnAssessmentThatDoesNotExist_IsAConflict()
    {
        await SignInAsync(Lead, Amsterdam);
        var id = await App.ComplexAsync(150);

        var result = await Record.RecordAsync(id, Passing(version: 3), CancellationToken.None);

        Assert.Equal(ResultKind.Conflict, result.Kind);
        Assert.Empty((await ViewAsync(id)).History);
    }

    [Fact]
    public async Task Record_UnknownComplex_IsNotFound()
    {
        await SignInAsync(Lead, Amsterdam);

        Assert.Equal(ResultKind.NotFound, (await Record.RecordAsync(Guid.NewGuid(), Passing(), CancellationToken.None)).Kind);
    }

    [Fact]
    public async Task Record_SeveralWrongFields_NamesEachAndSavesNothing()
    {
        await SignInAsync(Lead, Amsterdam);
        var id = await App.ComplexAsync(150);
        var input = Passing();
        input.GroupedWith = [id];
        input.Loneliness = new string('x', AdmissionFacts.NeedNoteMaxLength + 1);
        input.CorporationAgreedOn = null;
        input.CareProviderAgreedBy = " ";
        input.MunicipalityReference = "";

        var result = await Record.RecordAsync(id, input, CancellationToken.None);

        Assert.Equal(ResultKind.Invalid, result.Kind);
        var byField = result.Errors.ToLookup(e => e.Field);
        Assert.Equal("Een complex kan niet met zichzelf gegroepeerd worden.", Assert.Single(byField["GroupedWith"]).Message);
        Assert.Single(byField["Loneliness"]);
        Assert.Equal("Vul de datum in waarop de woningcorporatie instemde.", Assert.Single(byField["CorporationAgreedOn"]).Message);
        Assert.Equal("Vul in wie namens de zorgaanbieder heeft ingestemd.", Assert.Single(byField["CareProviderAgreedBy"]).Message);
        Assert.Single(byField["MunicipalityReference"]);
        Assert.Empty((await ViewAsync(id)).History);
    }

    [Fact]
    public async Task Record_GroupedWithAnotherProgrammesComplex_IsRefusedAtGroupedWith()
    {
        var rotterdam = await App.ComplexAsync(60, tenant: "thuisplusflat-rotterdam");
        await SignInAsync(Lead, Amsterdam);
        var id = await App.ComplexAsync(60);
        var input = Passing();
        input.GroupedWith = [rotterdam];
        input.CoreFunctionsSecured = true;

        var result = await Record.RecordAsync(id, input, CancellationToken.None);

        Assert.Equal("GroupedWith", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task Get_LightRoutePairTogetherAtTheBoundWithCoreFunctions_Passes()
    {
        await SignInAsync(Lead, Amsterdam);
        var small = await App.ComplexAsync(55);
        var neighbour = await App.ComplexAsync(45, "Buurflat " + Guid.NewGuid().ToString("N")[..6]);
        var input = Passing();
        input.GroupedWith = [neighbour];
        input.CoreFunctionsSecured = true;

        Assert.True((await Record.RecordAsync(small, input, CancellationToken.None)).Succeeded);

        var view = await ViewAsync(small);
        Assert.True(view.Passed);
        var reason = Threshold(view, "concentration").Reasons.Single(r => r.Template == AdmissionReasons.GroupedReachesBound);
        Assert.Contains("100 woningen", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_GroupedNeighbourShrinks_OutcomeFollowsTheDwellingsAsTheyAre()
    {
        await SignInAsync(Lead, Amsterdam);
        var small = await App.ComplexAsync(55);
        var neighbour = await App.ComplexAsync(45);
        var input = Passing();
        input.GroupedWith = [neighbour];
        input.CoreFunctionsSecured = true;
        Assert.True((await Record.RecordAsync(small, input, CancellationToken.None)).Succeeded);

        await App.ExecuteAsync("UPDATE complexes SET dwelling_count = 44 WHERE id = @p0", neighbour);

        var view = await ViewAsync(small);
        Assert.False(view.Passed);
        Assert.Contains(Threshold(view, "concentration").Reasons, r => r.Blocks && r.Template == AdmissionReasons.GroupedBelowBound);
    }

    [Fact]
    public async Task Get_ProgrammeRaisesItsBound_AComplexAtTheOldBoundNoLongerPasses()
    {
        await SignInAsync(Lead, Amsterdam);
        var id = await App.ComplexAsync(100);
        Assert.True((await Record.RecordAsync(id, Passing(), CancellationToken.None)).Succeeded);
        Assert.True((await ViewAsync(id)).Passed);
        var settings = await Services.GetRequiredService<GetAdmissionSettingsHandler>().GetAsync(CancellationToken.None);

        settings.MinimumDwellings = 101;
        var saved = await Services.GetRequiredService<SaveAdmissionSettingsHandler>().SaveAsync(settings, CancellationToken.None);

        Assert.True(saved.Succeeded);
        var view = await ViewAsync(id);
        Assert.False(view.Passed);
        Assert.Equal(101, view.MinimumDwellings);
        Assert.Contains(Threshold(view, "concentration").Reasons, r => r.Blocks && r.Template == AdmissionReasons.BelowBoundNotGrouped);

        settings = await Services.GetRequiredService<GetAdmissionSettingsHandler>().GetAsync(CancellationToken.None);
        settings.MinimumDwellings = 100;
        Assert.True((await Services.GetRequiredService<SaveAdmissionSettingsHandler>().SaveAsync(settings, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Get_AgreementDatedTomorrow_FailsGovernanceNamingTheParty()
    {
        await SignInAsync(Lead, Amsterdam);
        var id = await App.ComplexAsync(150);
        var input = Passing();
        input.MunicipalityAgreedOn = DateTime.Today.AddDays(2);

        Assert.True((await Record.RecordAsync(id, input, CancellationToken.None)).Succeeded);

        var governance = Threshold(await ViewAsync(id), "governance");
        Assert.False(governance.Passed);
        Assert.Equal(AdmissionReasons.MunicipalityFuture, Assert.Single(governance.Reasons, r => r.Blocks).Template);
    }

    [Fact]
    public async Task SaveSettings_OutOfRangeOrEmpty_NamesMinimumDwellings()
    {
        await SignInAsync(Lead, Amsterdam);
        var handler = Services.GetRequiredService<SaveAdmissionSettingsHandler>();
        var version = (await Services.GetRequiredService<GetAdmissionSettingsHandler>().GetAsync(CancellationToken.None)).Version;

        var zero = await handler.SaveAsync(new AdmissionSettingsInput { MinimumDwellings = 0, Version = version }, CancellationToken.None);
        var empty = await handler.SaveAsync(new AdmissionSettingsInput { MinimumDwellings = null, Version = version }, CancellationToken.None);

        Assert.Equal("De ondergrens moet tussen 1 en 10.000 woningen liggen.", Assert.Single(zero.Errors, e => e.Field == "MinimumDwellings").Message);
        Assert.Equal("Vul de ondergrens in, bijvoorbeeld 100 woningen.", Assert.Single(empty.Errors, e => e.Field == "MinimumDwellings").Message);
    }

    [Fact]
    public async Task SaveSettings_TwoSavesFromTheSameVersion_SecondIsAConflict()
    {
        await SignInAsync(Lead, Amsterdam);
        var get = Services.GetRequiredService<GetAdmissionSettingsHandler>();
        var save = Services.GetRequiredService<SaveAdmissionSettingsHandler>();
        var loaded = await get.GetAsync(CancellationToken.None);

        var first = await save.SaveAsync(new AdmissionSettingsInput { MinimumDwellings = loaded.MinimumDwellings + 5, Version = loaded.Version }, CancellationToken.None);
        var second = await save.SaveAsync(new AdmissionSettingsInput { MinimumDwellings = 90, Version = loaded.Version }, CancellationToken.None);

        Assert.True(first.Succeeded);
        Assert.Equal(ResultKind.Conflict, second.Kind);
        var stored = await get.GetAsync(CancellationToken.None);
        Assert.Equal(loaded.MinimumDwellings + 5, stored.MinimumDwellings);
        Assert.True((await save.SaveAsync(new AdmissionSettingsInput { MinimumDwellings = 100, Version = stored.Version }, CancellationToken.None)).Succeeded);
    }

    [Theory]
    [InlineData(Team)]
    [InlineData(Admin)]
    public async Task Record_NotAProgrammeLead_IsForbiddenButMayRead(string email)
    {
        var id = await App.ComplexAsync(150);
        await SignInAsync(email, Amsterdam);

        await Assert.ThrowsAsync<ForbiddenException>(() => Record.RecordAsync(id, Passing(), CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Services.GetRequiredService<SaveAdmissionSettingsHandler>().SaveAsync(new AdmissionSettingsInput { MinimumDwellings = 50 }, CancellationToken.None));
        Assert.Empty((await ViewAsync(id)).History);
        Assert.Equal(100, (await Services.GetRequiredService<GetAdmissionSettingsHandler>().GetAsync(CancellationToken.None)).MinimumDwellings);
    }

    [Fact]
    public async Task Get_ZorgkantoorAssessor_IsForbidden()
    {
        await SignInAsync("assessor@zorgkantoor-amsterdam.demo", "zorgkantoor-amsterdam");

        await Assert.ThrowsAsync<ForbiddenException>(() => Get.GetAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Demo_AmsterdamGates_ShowEachState()
    {
        await SignInAsync(Team, Amsterdam);
        var ids = await App.InTenantAsync(Amsterdam, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(db.Complexes, c => c.Name, c => c.Id));

        var klimop = await ViewAsync(ids["De Klimop"]);
        var lindenhove = await ViewAsync(ids["Lindenhove"]);
        var vlierhof = await ViewAsync(ids["Het Vlierhof"]);
        var sleutelbloem = await ViewAsync(ids["De Sleutelbloem"]);
        var parkzicht = await ViewAsync(ids["Parkzicht"]);
        var zonnehof = await ViewAsync(ids["Het Zonnehof"]);

        Assert.True(klimop.Passed);
        Assert.False(lindenhove.Passed);
        Assert.Equal([AdmissionReasons.BelowBoundNotGrouped], Threshold(lindenhove, "concentration").Reasons.Where(r => r.Blocks).Select(r => r.Template));
        Assert.True(vlierhof.Passed);
        Assert.True(sleutelbloem.Passed);
        Assert.True(vlierhof.Dwellings < 100 && sleutelbloem.Dwellings < 100);
        Assert.Contains(Threshold(parkzicht, "need").Reasons, r => r.Blocks && r.Template == AdmissionReasons.ExcludedSelfSufficient);
        Assert.Contains(Threshold(zonnehof, "governance").Reasons, r => r.Blocks && r.Template == AdmissionReasons.CorporationFuture);
    }

    [Fact]
    public async Task ListOutcomes_Demo_CountsEachOutcomeAndFiltersOnIt()
    {
        await SignInAsync(Team, Amsterdam);
        var handler = Services.GetRequiredService<ListAdmissionOutcomesHandler>();

        var all = await handler.ListAsync(GateOutcomeFilter.All, CancellationToken.None);
        var passed = await handler.ListAsync(GateOutcomeFilter.Passed, CancellationToken.None);
        var failed = await handler.ListAsync(GateOutcomeFilter.Failed, CancellationToken.None);
        var notAssessed = await handler.ListAsync(GateOutcomeFilter.NotAssessed, CancellationToken.None);

        Assert.Equal(all.Rows.Count, passed.Rows.Count + failed.Rows.Count + notAssessed.Rows.Count);
        Assert.All(passed.Rows, r => Assert.True(r.Passed));
        Assert.Contains(passed.Rows, r => r.Name == "De Klimop");
        Assert.Contains(passed.Rows, r => r.Name == "Het Vlierhof");
        var lindenhove = Assert.Single(failed.Rows, r => r.Name == "Lindenhove");
        Assert.Equal(["concentration"], lindenhove.FailedThresholds);
        Assert.Equal(["need"], Assert.Single(failed.Rows, r => r.Name == "Parkzicht").FailedThresholds);
        Assert.All(notAssessed.Rows, r => Assert.Null(r.Passed));
        Assert.Equal(passed.Rows.Count, all.PassedCount);
    }
}
