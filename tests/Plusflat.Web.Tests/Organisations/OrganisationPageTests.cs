using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Organisations;
using Plusflat.Web.Tenancy;
using static Plusflat.Web.Tests.Organisations.OrganisationForms;
using OrganisationList = Plusflat.Web.Features.Organisations.Organisations;

namespace Plusflat.Web.Tests.Organisations;

/// <summary>
/// The organisation list and form as interactive components (bunit, real handlers on real PostgreSQL), replacing
/// the former HTML form-post tests; plus the 404 of the prerendered edit page over HTTP.
/// </summary>
public sealed class OrganisationPageTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Lead = "lead@lltf-amsterdam.demo";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task CreateForm_ValidInput_ConfirmsWithASnackbarAndIsFoundBySearch()
    {
        await SignInAsync(Lead, Amsterdam);
        var name = UniqueName("Woonstichting Zuid");
        var form = RenderEdit(null);

        Type(form, "field-name", name);
        ChooseKind(form, "Woningcorporatie");
        Type(form, "field-contact-name", "Els de Vries");
        Type(form, "field-contact-email", "Els@WoonZuid.nl");
        Type(form, "field-contact-phone", "020-1234567");
        form.Find("form").Submit();

        Snackbars.WaitForAssertion(() => Assert.Contains($"Organisatie {name} is opgeslagen.", Snackbars.Markup, StringComparison.Ordinal), Wait);
        Assert.EndsWith($"/{Amsterdam}/organisaties", Navigation.Uri, StringComparison.Ordinal);

        Navigation.NavigateTo($"/{Amsterdam}/organisaties");
        var list = RenderList();
        list.Find(".field-search input").Input(name[^12..].ToUpperInvariant());

        list.WaitForAssertion(() => Assert.Equal("1 organisatie", list.Find("[data-testid=organisation-count]").TextContent.Trim()), Wait);
        Assert.Contains($"q={name[^12..].ToUpperInvariant()}", Navigation.Uri, StringComparison.Ordinal);
        var row = RowOf(list, name);
        Assert.Equal("Woningcorporatie", row.QuerySelector("[data-testid=organisation-kind]")!.TextContent.Trim());
        Assert.Contains("els@woonzuid.nl", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Els de Vries", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateForm_SeveralWrongFields_MarksEachAtItsFieldAtOnceKeepsTypedValuesAndSavesNothing()
    {
        await SignInAsync(Lead, Amsterdam);
        var client = await App.SignedInClientAsync(Lead);
        var before = await CountViaApiAsync(client);
        var contact = UniqueName("Contact");
        var form = RenderEdit(null);

        Type(form, "field-contact-name", contact);
        Type(form, "field-contact-email", "geen-e-mailadres");
        Type(form, "field-contact-phone", "bel mij");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Vul de naam van de organisatie in.", ErrorAt(form, "field-name")), Wait);
        Assert.Equal("Kies het soort organisatie.", ErrorAt(form, "field-kind"));
        Assert.Equal("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.", ErrorAt(form, "field-contact-email"));
        Assert.StartsWith("Vul een geldig telefoonnummer in", ErrorAt(form, "field-contact-phone"), StringComparison.Ordinal);
        Assert.Null(ErrorAt(form, "field-contact-name"));
        Assert.Equal(contact, ValueOf(form, "field-contact-name"));
        Assert.Equal("geen-e-mailadres", ValueOf(form, "field-contact-email"));
        Assert.Equal("bel mij", ValueOf(form, "field-contact-phone"));
        Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "plusflat.focusFirstInvalid");
        Assert.DoesNotContain("opgeslagen", Snackbars.Markup, StringComparison.Ordinal);
        Assert.Equal(before, await CountViaApiAsync(client));
    }

    [Fact]
    public async Task CreateForm_NameTooLongForACareProvider_KeepsTheTicksAndSavesNothing()
    {
        await SignInAsync(Lead, Amsterdam);
        var client = await App.SignedInClientAsync(Lead);
        var before = await CountViaApiAsync(client);
        var form = RenderEdit(null);

        Type(form, "field-name", new string('x', 201));
        ChooseKind(form, "Zorgaanbieder");
        form.Find("[data-testid=fact-mpt]").Change(true);
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("De naam mag hoogstens 200 tekens lang zijn.", ErrorAt(form, "field-name")), Wait);
        Assert.Equal(new string('x', 201), ValueOf(form, "field-name"));
        Assert.True(Checked(form, "fact-mpt"));
        Assert.False(Checked(form, "fact-vpt"));
        Assert.Equal(before, await CountViaApiAsync(client));
    }

    [Fact]
    public async Task EditForm_Opened_ShowsStoredValuesAndTickedFacts()
    {
        await SignInAsync(Lead, Amsterdam);
        var client = await App.SignedInClientAsync(Lead);
        var name = UniqueName("Zorg Centrum");
        var (id, _) = await CreateViaApiAsync(client, new
        {
            name, kind = "CareProvider", contactName = "Piet Jansen",
            careProviderFacts = new { wlzVpt = true, knownInNeighbourhood = true },
        });

        var form = RenderEdit(id);

        Assert.Equal("Organisatie bewerken", Assert.Single(form.FindAll("h1")).TextContent.Trim());
        Assert.Equal(name, form.Find(".mud-breadcrumb-item.mud-disabled").TextContent.Trim());
        Assert.Equal(name, ValueOf(form, "field-name"));
        Assert.Equal("Zorgaanbieder", ValueOf(form, "field-kind"));
        Assert.Equal("Piet Jansen", ValueOf(form, "field-contact-name"));
        Assert.True(Checked(form, "fact-vpt"));
        Assert.True(Checked(form, "fact-neighbourhood"));
        Assert.False(Checked(form, "fact-mpt"));
        Assert.Equal("Weging: 1 van 3", form.Find("[data-testid=weighing-summary]").TextContent.Trim());
        Assert.Equal("Voldoet niet aan alle harde criteria", form.Find("[data-testid=hard-criteria-summary]").TextContent.Trim());
    }

    [Fact]
    public async Task EditForm_CareProviderBecomesMunicipality_HidesAndClearsTheFacts()
    {
        await SignInAsync(Lead, Amsterdam);
        var client = await App.SignedInClientAsync(Lead);
        var name = UniqueName("Van Zorg Naar Gemeente");
        var (id, _) = await CreateViaApiAsync(client, new
        {
            name, kind = "CareProvider",
            careProviderFacts = new { zvwDistrictNursing = true, wlzMpt = true, wlzVpt = true, dementiaCaseManagers = true, contractedByZorgkantoor = true },
        });
        var form = RenderEdit(id);
        Assert.NotEmpty(form.FindAll("[data-testid=care-provider-facts]"));

        ChooseKind(form, "Gemeente");
        Assert.Empty(form.FindAll("[data-testid=care-provider-facts]"));
        form.Find("form").Submit();

        Snackbars.WaitForAssertion(() => Assert.Contains($"Organisatie {name} is opgeslagen.", Snackbars.Markup, StringComparison.Ordinal), Wait);
        var stored = await GetViaApiAsync(client, id);
        Assert.Equal("Municipality", stored.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("careProviderFacts").ValueKind);
    }

    [Fact]
    public async Task EditForm_TwoEditsFromTheSameVersion_SecondGetsTheConflictDialogAndTheDatabaseKeepsTheFirst()
    {
        await SignInAsync(Lead, Amsterdam);
        var client = await App.SignedInClientAsync(Lead);
        var name = UniqueName("Zorggroep");
        var (id, version) = await CreateViaApiAsync(client, new { name, kind = "WelfareParty", contactName = "Anna" });
        var form = RenderEdit(id);

        // Someone else saves first, from the same version: a new contact person.
        var first = await client.PutAsJsonAsync($"{ApiUrl()}/{id}", ApiPut.Complete<OrganisationRequest>(new { name, kind = "WelfareParty", contactName = "Bram", version }));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var myName = UniqueName("Zorggroep Tweede");
        Type(form, "field-name", myName);
        form.Find("form").Submit();

        Dialogs.WaitForAssertion(() => Assert.NotEmpty(Dialogs.FindAll("tr[data-field]")), Wait);
        var nameRow = Dialogs.Find("tr[data-field=Name]");
        Assert.Contains(myName, nameRow.Children[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(name, nameRow.Children[2].TextContent, StringComparison.Ordinal);
        var contactRow = Dialogs.Find("tr[data-field=ContactName]");
        Assert.Contains("Anna", contactRow.Children[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Bram", contactRow.Children[2].TextContent, StringComparison.Ordinal);
        var stored = await GetViaApiAsync(client, id);
        Assert.Equal(name, stored.GetProperty("name").GetString());
        Assert.Equal("Bram", stored.GetProperty("contactName").GetString());

        // Saving with the default choices keeps my name and the other person's contact, which I did not touch.
        Dialogs.FindAll("button").Single(b => b.TextContent.Contains("Opslaan met deze keuzes", StringComparison.Ordinal)).Click();

        Snackbars.WaitForAssertion(() => Assert.Contains($"Organisatie {myName} is opgeslagen.", Snackbars.Markup, StringComparison.Ordinal), Wait);
        var merged = await GetViaApiAsync(client, id);
        Assert.Equal(myName, merged.GetProperty("name").GetString());
        Assert.Equal("Bram", merged.GetProperty("contactName").GetString());
    }

    [Fact]
    public async Task FlatTeamMember_ReadsTheListButSeesNoCreateButtonAndTheHandlerRefusesToSave()
    {
        var lead = await App.SignedInClientAsync(Lead);
        var existing = UniqueName("Gezien Door Team");
        var (id, version) = await CreateViaApiAsync(lead, new { name = existing, kind = "WelfareParty" });
        await SignInAsync("team@lltf-amsterdam.demo", Amsterdam);
        Navigation.NavigateTo($"/{Amsterdam}/organisaties?q={Uri.EscapeDataString(existing)}");

        var list = RenderList();

        var row = RowOf(list, existing);
        Assert.Equal([$"/{Amsterdam}/organisaties/{id}"], row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));  // the page, never the edit form
        Assert.Empty(list.FindAll("[data-testid=new-organisation]"));
        var save = Services.GetRequiredService<SaveOrganisationHandler>();
        var name = UniqueName("Team Poging");
        await Assert.ThrowsAsync<ForbiddenException>(() => save.CreateAsync(new OrganisationInput { Name = name, Kind = Domain.Organisations.OrganisationKind.Other }, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => save.UpdateAsync(id, new OrganisationInput { Name = name, Kind = Domain.Organisations.OrganisationKind.WelfareParty, Version = version }, CancellationToken.None));
        Assert.Equal(existing, (await GetViaApiAsync(lead, id)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task List_CareProviders_ShowTheHardCriteriaMetAndTheWeighingScore()
    {
        await SignInAsync(Lead, Amsterdam);
        var client = await App.SignedInClientAsync(Lead);
        var meets = UniqueName("Zorg Voldoet");
        var misses = UniqueName("Zorg Mist");
        await CreateViaApiAsync(client, new
        {
            name = meets, kind = "CareProvider",
            careProviderFacts = new
            {
                zvwDistrictNursing = true, wlzMpt = true, wlzVpt = true, dementiaCaseManagers = true, contractedByZorgkantoor = true,
                knownInNeighbourhood = true, gpFirstLineAgreements = true,
            },
        });
        await CreateViaApiAsync(client, new
        {
            name = misses, kind = "CareProvider",
            careProviderFacts = new { zvwDistrictNursing = true, wlzMpt = true, contractedByZorgkantoor = true, intramuralLocationNearby = true },
        });
        Navigation.NavigateTo($"/{Amsterdam}/organisaties?soort=CareProvider");

        var list = RenderList();

        var meetsRow = RowOf(list, meets);
        Assert.Equal("Voldoet aan alle harde criteria", meetsRow.QuerySelector("[data-testid=hard-criteria]")!.TextContent.Trim());
        Assert.Equal("2/3", meetsRow.QuerySelector("[data-testid=weighing-score]")!.TextContent.Trim());
        var missesRow = RowOf(list, misses);
        Assert.StartsWith("Voldoet niet:", missesRow.QuerySelector("[data-testid=hard-criteria]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(
            ["Levert geen volledig pakket thuis (Wlz VPT)", "Heeft geen casemanagers dementie"],
            missesRow.QuerySelectorAll("[data-testid=hard-criteria] li").Select(li => li.TextContent.Trim()).ToArray());
        Assert.Equal("1/3", missesRow.QuerySelector("[data-testid=weighing-score]")!.TextContent.Trim());
    }

    [Fact]
    public async Task List_KindFilterFromTheQueryString_ShowsOnlyThatKindAndAChangeGoesBackIntoTheUrl()
    {
        await SignInAsync(Lead, Amsterdam);
        var client = await App.SignedInClientAsync(Lead);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var welfare = $"Welzijn Noord {marker}";
        var municipality = $"Gemeente Noord {marker}";
        await CreateViaApiAsync(client, new { name = welfare, kind = "WelfareParty" });
        await CreateViaApiAsync(client, new { name = municipality, kind = "Municipality" });
        Navigation.NavigateTo($"/{Amsterdam}/organisaties?soort=WelfareParty&q={marker}");

        var list = RenderList();

        Assert.Equal([welfare], Names(list));
        Assert.Equal("Welzijnspartij", ValueOf(list, "field-kind"));
        Assert.Equal(marker, ValueOf(list, "field-search"));

        ChooseKind(list, "Gemeente");

        list.WaitForAssertion(() => Assert.Equal([municipality], Names(list)), Wait);
        Assert.Contains("soort=Municipality", Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains($"q={marker}", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnknownKindInTheQueryString_SaysSoAndShowsAllKinds()
    {
        await SignInAsync(Lead, Amsterdam);
        Navigation.NavigateTo($"/{Amsterdam}/organisaties?soort=Ziekenhuis");

        var list = RenderList();

        Assert.Equal("Dit soort organisatie bestaat niet; alle soorten worden getoond.", list.Find("[data-testid=unknown-kind]").TextContent.Trim());
        Assert.True(list.FindAll("tbody tr").Count > 1);
    }

    [Fact]
    public async Task OrganisationOfAnotherTenant_IsNotFoundForThisTenantsUsers()
    {
        var rotterdam = await App.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var name = UniqueName("Rotterdamse Zorg");
        var (id, version) = await CreateViaApiAsync(rotterdam, new { name, kind = "CareProvider" }, Rotterdam);
        await SignInAsync(Lead, Amsterdam);
        var notFound = false;
        Navigation.OnNotFound += (_, _) => notFound = true;

        var form = RenderEdit(id);
        Navigation.NavigateTo($"/{Amsterdam}/organisaties?q={Uri.EscapeDataString(name)}");
        var list = RenderList();
        var save = await Services.GetRequiredService<SaveOrganisationHandler>().UpdateAsync(
            id, new OrganisationInput { Name = "Overgenomen", Kind = Domain.Organisations.OrganisationKind.CareProvider, Version = version }, CancellationToken.None);

        Assert.True(notFound);
        Assert.Empty(form.FindAll("form"));
        Assert.DoesNotContain(name, form.Markup, StringComparison.Ordinal);
        Assert.Equal("0 organisaties", list.Find("[data-testid=organisation-count]").TextContent.Trim());
        Assert.Equal(Features.Shared.ResultKind.NotFound, save.Kind);
        Assert.Equal(name, (await GetViaApiAsync(rotterdam, id, Rotterdam)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task EditPage_UnknownOrForeignId_Answers404WhilePrerendering()
    {
        var rotterdam = await App.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var name = UniqueName("Rotterdam Prerender");
        var (foreign, _) = await CreateViaApiAsync(rotterdam, new { name, kind = "Other" }, Rotterdam);
        var client = await App.SignedInClientAsync(Lead);

        var unknown = await client.GetAsync(EditUrl(Guid.NewGuid()));
        var viaOwnTenant = await client.GetAsync(EditUrl(foreign));
        var viaOtherTenant = await client.GetAsync(EditUrl(foreign, Rotterdam));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOwnTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOtherTenant.StatusCode);
        Assert.DoesNotContain(name, await viaOwnTenant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private bool _providers;

    private IRenderedComponent<T> RenderOnce<T>(Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        if (_providers)
        {
            return Context.Render(parameters);
        }

        _providers = true;
        return RenderWithProviders(parameters);
    }

    /// <summary>The edit page once it has loaded (or, for an id it cannot find, has stopped loading).</summary>
    private IRenderedComponent<EditOrganisation> RenderEdit(Guid? id)
    {
        var cut = RenderOnce<EditOrganisation>(p => p.Add(x => x.Tenant, Amsterdam).Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")), Wait);
        return cut;
    }

    /// <summary>The list page for the current URL once its rows have loaded.</summary>
    private IRenderedComponent<OrganisationList> RenderList()
    {
        var cut = RenderOnce<OrganisationList>(p => p.Add(x => x.Tenant, Amsterdam));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")), Wait);
        return cut;
    }

    private static void Type<T>(IRenderedComponent<T> cut, string field, string text)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($".{field} input").Change(text);

    /// <summary>Opens a MudSelect and clicks the option with this text (options render in the popover provider).</summary>
    private void ChooseKind<T>(IRenderedComponent<T> cut, string kind)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        cut.Find(".field-kind").MouseDown();
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == kind), Wait);
        Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == kind).Click();
        cut.WaitForAssertion(() => Assert.Equal(kind, ValueOf(cut, "field-kind")), Wait);
    }

    /// <summary>The message shown under the field (MudBlazor's helper text in its error state), or null.</summary>
    private static string? ErrorAt<T>(IRenderedComponent<T> cut, string field)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll($".{field} .mud-input-helper-text.mud-input-error").SingleOrDefault()?.TextContent.Trim();

    private static string? ValueOf<T>(IRenderedComponent<T> cut, string field)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        ((IHtmlInputElement)cut.Find($".{field} input")).Value;

    private static bool Checked<T>(IRenderedComponent<T> cut, string testId)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        ((IHtmlInputElement)cut.Find($"[data-testid={testId}]")).IsChecked;

    private static string[] Names(IRenderedComponent<OrganisationList> list) =>
        list.FindAll("[data-testid=organisation-name]").Select(c => c.TextContent.Trim()).ToArray();

    private static IElement RowOf(IRenderedComponent<OrganisationList> list, string name) =>
        list.FindAll("tbody tr").Single(r => r.QuerySelector("[data-testid=organisation-name]")!.TextContent.Trim() == name);
}
