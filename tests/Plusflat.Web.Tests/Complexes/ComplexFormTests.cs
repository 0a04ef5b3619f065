using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// The complex form (bunit, real handlers on real PostgreSQL): every wrong field marked at once at its field,
/// typed values kept, nothing saved; a snackbar and the detail page after a save; conflicts that lose nothing.
/// </summary>
public sealed class ComplexFormTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private IRenderedComponent<EditComplex> RenderForm(Guid? id = null)
    {
        var form = RenderWithProviders<EditComplex>(p =>
        {
            p.Add(x => x.Tenant, Tenant);
            if (id is not null)
            {
                p.Add(x => x.Id, id);
            }
        });
        form.WaitForElement("[data-testid=save]", Wait);
        return form;
    }

    private static IElement Field(IRenderedComponent<EditComplex> form, string field) =>
        form.Find($"input[data-field={field}], textarea[data-field={field}]");

    /// <summary>The message under a field, where the user reads it (its helper-text element marked as error), or null.</summary>
    private static string? ErrorAt(IRenderedComponent<EditComplex> form, string field) =>
        Field(form, field).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    /// <summary>Fills a valid complex; returns the (unique) address it typed.</summary>
    private static string Fill(IRenderedComponent<EditComplex> form, string name, string dwellings = "120")
    {
        var address = TestComplexes.UniqueAddress("Teststraat");
        Field(form, "Name").Change(name);
        Field(form, "Address").Change(address);
        Field(form, "Postcode").Change("1011ab");
        Field(form, "Municipality").Change("Amsterdam");
        Field(form, "District").Change("Centrum");
        Field(form, "DwellingCount").Change(dwellings);
        Field(form, "ShareAged65Plus").Change("72,5");
        Field(form, "ZeroStepDwellings").Change("100");
        Field(form, "ShareSocialRent").Change("80");
        return address;
    }

    private async Task<int> CountAsync(string? text = null) =>
        (await Services.GetRequiredService<ListComplexesHandler>().ListAsync(new ComplexFilter { Text = text, PageSize = 1 }, CancellationToken.None)).TotalCount;

    [Fact]
    public async Task Create_ValidInput_SavesTypedValuesConfirmsAndOpensTheDetailPage()
    {
        await SignInAsync(Lead, Tenant);
        var name = Unique("Flat Het Anker");
        var form = RenderForm();

        Fill(form, name);
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Matches($"/{Tenant}/complexen/[0-9a-f-]{{36}}$", Navigation.Uri), Wait);
        var id = Guid.Parse(Navigation.Uri[^36..]);
        var stored = (await Services.GetRequiredService<EditComplexHandler>().GetAsync(id, CancellationToken.None))!.Input;
        Assert.Equal(name, stored.Name);
        Assert.Equal("1011 AB", stored.Postcode);
        Assert.Equal(120, stored.DwellingCount);
        Assert.Equal(72.5m, stored.ShareAged65Plus);
        Assert.Equal(100, stored.ZeroStepDwellings);
        Snackbars.WaitForAssertion(() => Assert.Contains("Wooncomplex opgeslagen.", Snackbars.Find(".mud-snackbar").TextContent, StringComparison.Ordinal), Wait);
    }

    [Theory]
    [InlineData("DwellingCount", "0", "Het aantal woningen moet tussen 1 en 10.000 liggen.")]
    [InlineData("DwellingCount", "10001", "Het aantal woningen moet tussen 1 en 10.000 liggen.")]
    [InlineData("DwellingCount", "-5", "Het aantal woningen moet tussen 1 en 10.000 liggen.")]
    [InlineData("DwellingCount", "", "Vul het aantal woningen in.")]
    [InlineData("ShareAged65Plus", "120", "Een percentage moet tussen 0 en 100 liggen.")]
    [InlineData("ShareSocialRent", "-1", "Een percentage moet tussen 0 en 100 liggen.")]
    [InlineData("Name", "", "Vul de naam van het wooncomplex in.")]
    [InlineData("Postcode", "12345", "postcode")]
    [InlineData("ZeroStepDwellings", "500", "Het aantal nultredenwoningen kan niet groter zijn dan het aantal woningen (120).")]
    public async Task Create_BadInput_ShowsTheDutchMessageAtTheFieldKeepsTheValuesAndSavesNothing(string field, string value, string expected)
    {
        await SignInAsync(Lead, Tenant);
        var name = Unique("Foutflat");
        var before = await CountAsync();
        var form = RenderForm();
        var address = Fill(form, name);

        Field(form, field).Change(value);
        var uriBefore = Navigation.Uri;
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Contains(expected, ErrorAt(form, field) ?? "", StringComparison.OrdinalIgnoreCase), Wait);
        Assert.Equal(value, Field(form, field).GetAttribute("value") ?? "");
        Assert.Equal(address, Field(form, "Address").GetAttribute("value"));
        Assert.Equal(field == "ShareAged65Plus" ? value : "72,5", Field(form, "ShareAged65Plus").GetAttribute("value"));
        Assert.Null(ErrorAt(form, "Address"));
        Assert.Equal(before, await CountAsync());
        Assert.Empty(Snackbars.FindAll(".mud-snackbar"));
        Assert.Equal(uriBefore, Navigation.Uri);
    }

    [Fact]
    public async Task Create_SeveralWrongFields_MarksEveryFieldAtOnceAndFocusesTheFirst()
    {
        await SignInAsync(Lead, Tenant);
        var form = RenderForm();
        Fill(form, Unique("Veelfoutenflat"));
        Field(form, "Postcode").Change("12");
        Field(form, "DwellingCount").Change("0");
        Field(form, "ShareAged65Plus").Change("150");
        Field(form, "ShareSocialRent").Change("-3");
        Field(form, "ZeroStepDwellings").Change("-1");

        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Equal("Controleer de gemarkeerde velden (5).", form.Find("[data-testid=form-errors]").TextContent.Trim()), Wait);
        Assert.Equal("Het aantal woningen moet tussen 1 en 10.000 liggen.", ErrorAt(form, "DwellingCount"));
        Assert.Equal("Een percentage moet tussen 0 en 100 liggen.", ErrorAt(form, "ShareAged65Plus"));
        Assert.Equal("Een percentage moet tussen 0 en 100 liggen.", ErrorAt(form, "ShareSocialRent"));
        Assert.Equal("Het aantal nultredenwoningen kan niet negatief zijn.", ErrorAt(form, "ZeroStepDwellings"));
        Assert.NotNull(ErrorAt(form, "Postcode"));
        Assert.Equal("true", Field(form, "Postcode").GetAttribute("aria-invalid"));
        form.WaitForAssertion(() => Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "plusflat.focusFirstInvalid"), Wait);
    }

    [Fact]
    public async Task Create_TooLongName_IsRefusedAtTheField()
    {
        await SignInAsync(Lead, Tenant);
        var form = RenderForm();
        Fill(form, new string('x', 201));

        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Equal("Naam mag hoogstens 200 tekens lang zijn.", ErrorAt(form, "Name")), Wait);
    }

    [Fact]
    public async Task Create_OpenToNeighbourhoodWithoutCommonRoom_IsMarkedAtTheCheckbox()
    {
        await SignInAsync(Lead, Tenant);
        var form = RenderForm();
        Fill(form, Unique("Buurtflat"));

        form.Find("input[data-field=CommonRoomOpenToNeighbourhood]").Change(true);
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Equal(
            "Een ontmoetingsruimte kan alleen open zijn voor de buurt als het complex er een heeft.",
            form.Find("[data-error-for=CommonRoomOpenToNeighbourhood]").TextContent.Trim()), Wait);
    }

    [Fact]
    public async Task Edit_SomeoneChangedTheNoteMeanwhile_DialogShowsBothAndConfirmingKeepsTheirNoteAndMyName()
    {
        await SignInAsync(Lead, Tenant);
        var handler = Services.GetRequiredService<EditComplexHandler>();
        var id = await CreateAsync(handler, Unique("Conflictflat"));
        var form = RenderForm(id);

        // Another person saves a note while this form is open...
        var theirs = (await handler.GetAsync(id, CancellationToken.None))!.Input;
        theirs.Notes = "Notitie van de ander";
        Assert.True((await handler.UpdateAsync(id, theirs, CancellationToken.None)).Succeeded);

        // ...and I change the name (not the note) and save.
        var myName = Unique("Mijn naam");
        Field(form, "Name").Change(myName);
        form.Find("[data-testid=save]").Click();

        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Find("tr[data-field=Notes]")), Wait);
        var notesRow = Dialogs.Find("tr[data-field=Notes]");
        Assert.Contains("Notitie van de ander", notesRow.TextContent, StringComparison.Ordinal);
        Assert.Contains(myName, Dialogs.Find("tr[data-field=Name]").TextContent, StringComparison.Ordinal);
        Dialogs.FindAll("button").Single(b => b.TextContent.Contains("Opslaan met deze keuzes", StringComparison.Ordinal)).Click();

        form.WaitForAssertion(() => Assert.EndsWith($"/{Tenant}/complexen/{id}", Navigation.Uri, StringComparison.Ordinal), Wait);
        var stored = (await handler.GetAsync(id, CancellationToken.None))!.Input;
        Assert.Equal("Notitie van de ander", stored.Notes);
        Assert.Equal(myName, stored.Name);
    }

    [Fact]
    public async Task Edit_ConflictCancelledThenSavedAgain_AsksAgainAndNeverOverwritesTheOtherPersonsNote()
    {
        await SignInAsync(Lead, Tenant);
        var handler = Services.GetRequiredService<EditComplexHandler>();
        var id = await CreateAsync(handler, Unique("Annuleerflat"));
        var form = RenderForm(id);

        var theirs = (await handler.GetAsync(id, CancellationToken.None))!.Input;
        theirs.Notes = "Notitie van de ander";
        Assert.True((await handler.UpdateAsync(id, theirs, CancellationToken.None)).Succeeded);

        var myName = Unique("Mijn naam");
        Field(form, "Name").Change(myName);
        form.Find("[data-testid=save]").Click();
        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Find("tr[data-field=Notes]")), Wait);
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Annuleren").Click();
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("tr[data-field=Notes]")), Wait);
        Assert.Equal(myName, Field(form, "Name").GetAttribute("value"));

        // Saving again after the cancel meets the same conflict again: the stale (empty) note must not win silently.
        form.Find("[data-testid=save]").Click();
        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Find("tr[data-field=Notes]")), Wait);
        Assert.Equal("Notitie van de ander", (await handler.GetAsync(id, CancellationToken.None))!.Input.Notes);
        Dialogs.FindAll("button").Single(b => b.TextContent.Contains("Opslaan met deze keuzes", StringComparison.Ordinal)).Click();

        form.WaitForAssertion(() => Assert.EndsWith($"/{Tenant}/complexen/{id}", Navigation.Uri, StringComparison.Ordinal), Wait);
        var stored = (await handler.GetAsync(id, CancellationToken.None))!.Input;
        Assert.Equal("Notitie van de ander", stored.Notes);
        Assert.Equal(myName, stored.Name);
    }

    [Fact]
    public async Task Edit_WhileTheSaveIsRunning_TheSaveButtonIsDisabledUntilItFinishes()
    {
        await SignInAsync(Lead, Tenant);
        var handler = Services.GetRequiredService<EditComplexHandler>();
        var id = await CreateAsync(handler, Unique("Trageflat"));
        var form = RenderForm(id);
        var myName = Unique("Trage naam");
        Field(form, "Name").Change(myName);

        // A slow save, with the real handler on the real database: another session holds the complex's row, so the
        // handler's UPDATE waits until that session lets go.
        await using var blocker = new Npgsql.NpgsqlConnection(await PostgresCluster.SuperuserConnectionStringAsync(App.Database.Name));
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new Npgsql.NpgsqlCommand("SELECT 1 FROM complexes WHERE id = @id FOR UPDATE", blocker, hold))
        {
            lockRow.Parameters.AddWithValue("id", id);
            await lockRow.ExecuteScalarAsync();
        }

        var editUri = Navigation.Uri;
        form.Find("[data-testid=save]").Click();
        form.WaitForAssertion(() => Assert.True(form.Find("[data-testid=save]").HasAttribute("disabled")), Wait);
        Assert.Contains("Bezig met opslaan", form.Find("[data-testid=save]").TextContent, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.True(form.Find("[data-testid=save]").HasAttribute("disabled"), "still saving while the row is held");
        Assert.Equal(editUri, Navigation.Uri);
        Assert.Empty(Snackbars.FindAll(".mud-snackbar"));

        await hold.RollbackAsync();

        form.WaitForAssertion(() => Assert.EndsWith($"/{Tenant}/complexen/{id}", Navigation.Uri, StringComparison.Ordinal), Wait);
        Assert.Equal(myName, (await handler.GetAsync(id, CancellationToken.None))!.Name);
        Assert.Equal(1L, await App.ScalarAsync<long>(
            "SELECT count(*) FROM complex_history WHERE complex_id = @p0 AND field = 'Name' AND new_value = @p1", id, myName));
    }

    [Fact]
    public async Task Edit_StaleVersion_IsAConflictForTheHandlerAndSavesNothing()
    {
        await SignInAsync(Lead, Tenant);
        var handler = Services.GetRequiredService<EditComplexHandler>();
        var id = await CreateAsync(handler, Unique("Oudeversieflat"));
        var first = (await handler.GetAsync(id, CancellationToken.None))!.Input;
        var second = (await handler.GetAsync(id, CancellationToken.None))!.Input;

        first.Name = "Eerste naam";
        second.Name = "Tweede naam";
        var firstResult = await handler.UpdateAsync(id, first, CancellationToken.None);
        var secondResult = await handler.UpdateAsync(id, second, CancellationToken.None);

        Assert.True(firstResult.Succeeded);
        Assert.Equal(Plusflat.Web.Features.Shared.ResultKind.Conflict, secondResult.Kind);
        Assert.Equal("Eerste naam", (await handler.GetAsync(id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task FlatTeamMember_SeesNoCreateButtonAndTheHandlerRefuses()
    {
        await SignInAsync("team@lltf-amsterdam.demo", Tenant);

        var list = RenderWithProviders<Plusflat.Web.Features.Complexes.Complexes>(p => p.Add(x => x.Tenant, Tenant));
        list.WaitForAssertion(() => Assert.Contains("gevonden", list.Find("[data-testid=complex-count]").TextContent, StringComparison.Ordinal), Wait);

        Assert.Empty(list.FindAll("[data-testid=new-complex]"));
        var handler = Services.GetRequiredService<EditComplexHandler>();
        await Assert.ThrowsAsync<ForbiddenException>(() => handler.CreateAsync(Input(Unique("Mag niet")), CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => handler.UpdateAsync(Guid.NewGuid(), Input("Mag niet"), CancellationToken.None));
    }

    [Fact]
    public async Task Lead_SeesTheCreateButton()
    {
        await SignInAsync(Lead, Tenant);

        var list = RenderWithProviders<Plusflat.Web.Features.Complexes.Complexes>(p => p.Add(x => x.Tenant, Tenant));

        list.WaitForAssertion(() => Assert.Equal($"/{Tenant}/complexen/nieuw", list.Find("[data-testid=new-complex]").GetAttribute("href")), Wait);
    }

    [Theory]
    [InlineData("/{0}/complexen/{1}/bewerken")]
    [InlineData("/{0}/complexen/{1}/bewerken?x=1")]
    public async Task EditPage_UnknownComplexId_Returns404(string pattern)
    {
        var lead = await App.SignedInClientAsync(Lead);

        var response = await lead.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Tenant, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EditPage_ComplexOfAnotherTenant_Returns404WithoutItsName()
    {
        var rotterdam = await App.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var amsterdam = await App.SignedInClientAsync(Lead);
        var foreign = (await rotterdam.GetJsonAsync("/api/v1/thuisplusflat-rotterdam/complexes")).GetProperty("items")[0];

        var response = await amsterdam.GetAsync($"/{Tenant}/complexen/{foreign.GetProperty("id").GetGuid()}/bewerken");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(foreign.GetProperty("name").GetString()!, await response.TextAsync(), StringComparison.Ordinal);
    }

    private static ComplexInput Input(string name) => new()
    {
        Name = name, Address = TestComplexes.UniqueAddress("Apistraat"), Postcode = "1011 AB", Municipality = "Amsterdam", DwellingCount = 110,
    };

    private static async Task<Guid> CreateAsync(EditComplexHandler handler, string name)
    {
        var result = await handler.CreateAsync(Input(name), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Id!.Value;
    }
}
