using static Plusflat.Web.Tests.Organisations.OrganisationForms;

namespace Plusflat.Web.Tests.Organisations;

public sealed class OrganisationPageTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Lead = "lead@lltf-amsterdam.demo";

    private const string ConflictMessage =
        "Iemand anders heeft dit intussen gewijzigd. De pagina toont nu de actuele gegevens en je eigen invoer staat nog in het formulier: controleer ze en sla opnieuw op.";

    [Fact]
    public async Task CreateForm_ValidInput_RedirectsToListWithConfirmationAndIsFoundBySearch()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = UniqueName("Woonstichting Zuid");

        var response = await CreateAsync(client, Fields(name, "HousingCorporation", "Els de Vries", "els@woonzuid.nl", "020-1234567"));

        var id = SavedId(response);
        var list = Text(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains($"Organisatie {name} is opgeslagen.", list, StringComparison.Ordinal);
        var row = RowOf(list, name);
        Assert.Contains($"/{Amsterdam}/organisaties/{id}/bewerken", row, StringComparison.Ordinal);
        Assert.Contains("Woningcorporatie", row, StringComparison.Ordinal);
        Assert.Contains("Els de Vries", row, StringComparison.Ordinal);
        Assert.Contains("els@woonzuid.nl", row, StringComparison.Ordinal);

        var found = Text(await client.GetStringAsync($"{ListUrl()}?q={Uri.EscapeDataString(name[^12..].ToUpperInvariant())}"));
        Assert.Contains(name, found, StringComparison.Ordinal);
        Assert.Contains("1 organisatie", found, StringComparison.Ordinal);

        var byContact = Text(await client.GetStringAsync($"{ListUrl()}?q=els%40woonzuid"));
        Assert.Contains(name, byContact, StringComparison.Ordinal);

        var notFound = Text(await client.GetStringAsync($"{ListUrl()}?q={Guid.NewGuid():N}"));
        Assert.DoesNotContain(name, notFound, StringComparison.Ordinal);
        Assert.Contains("0 organisaties", notFound, StringComparison.Ordinal);
        Assert.Contains("Geen organisaties gevonden", notFound, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_KindFilter_ShowsOnlyThatKindAndKeepsTheChoiceInTheForm()
    {
        var client = await app.SignedInClientAsync(Lead);
        var welfare = UniqueName("Welzijn Noord");
        var municipality = UniqueName("Gemeente Noord");
        SavedId(await CreateAsync(client, Fields(welfare, "WelfareParty")));
        SavedId(await CreateAsync(client, Fields(municipality, "Municipality")));

        var html = Text(await client.GetStringAsync($"{ListUrl()}?soort=WelfareParty&q=Noord"));

        Assert.Contains(welfare, html, StringComparison.Ordinal);
        Assert.DoesNotContain(municipality, html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"WelfareParty\" selected", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Noord\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PageStructure_IsAccessible()
    {
        var client = await app.SignedInClientAsync(Lead);
        SavedId(await CreateAsync(client, Fields(UniqueName("Toegankelijk"), "Other")));

        var html = await client.GetStringAsync(ListUrl());

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1"));
        Assert.Contains("<th class=\"utrecht-table__header-cell\" scope=\"col\">", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"utrecht-form-label\" for=\"zoek\">", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"utrecht-form-label\" for=\"soort\">", html, StringComparison.Ordinal);
        Assert.Contains("method=\"get\"", html, StringComparison.Ordinal);
        Assert.Contains("Nieuwe organisatie", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "Vul de naam van de organisatie in.")]
    [InlineData("LONG", "", "De naam mag hoogstens 200 tekens lang zijn.")]
    [InlineData("Zorggroep Oost", "geen-e-mailadres", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl.")]
    public async Task CreateForm_BadInput_ShowsDutchMessageKeepsTypedValuesSavesNothing(string name, string email, string message)
    {
        var client = await app.SignedInClientAsync(Lead);
        if (name == "LONG")
        {
            name = new string('x', 201);
        }

        var contact = UniqueName("Contact");
        var before = await CountViaApiAsync(client);

        var response = await CreateAsync(client, Fields(name, "CareProvider", contact, email, facts: ["WlzMpt"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{contact}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"mpt\"[^>]*checked|checked[^>]*id=\"mpt\"", html);
        Assert.Equal(before, await CountViaApiAsync(client));
    }

    [Fact]
    public async Task CreateForm_DomainRefusesPhone_ShowsMessageAtFieldSavesNothing()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = UniqueName("Huisartsenpraktijk");

        var response = await CreateAsync(client, Fields(name, "Other", contactPhone: "bel mij"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vul een geldig telefoonnummer in", html, StringComparison.Ordinal);
        Assert.Contains("value=\"bel mij\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(name, Text(await client.GetStringAsync(ListUrl())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditForm_TwoEditsFromSameVersion_SecondGetsConflictAndDatabaseKeepsFirst()
    {
        var first = await app.SignedInClientAsync(Lead);
        var second = await app.SignedInClientAsync("admin@plusflat.demo");
        var id = SavedId(await CreateAsync(first, Fields(UniqueName("Zorggroep"), "CareProvider")));
        var firstForm = await OpenAsync(first, EditUrl(id));
        var secondForm = await OpenAsync(second, EditUrl(id));
        Assert.Equal(firstForm.Version, secondForm.Version);
        var firstName = UniqueName("Zorggroep Eerst");
        var secondName = UniqueName("Zorggroep Tweede");

        var saved = await PostAsync(first, EditUrl(id), firstForm.Token, Fields(firstName, "CareProvider", version: firstForm.Version));
        var conflict = await PostAsync(second, EditUrl(id), secondForm.Token, Fields(secondName, "CareProvider", version: secondForm.Version));

        Assert.Equal(id, SavedId(saved));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = Text(await conflict.Content.ReadAsStringAsync());
        Assert.Contains(ConflictMessage, html, StringComparison.Ordinal);
        Assert.Contains("Huidige gegevens", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"current-name\">{firstName}<", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{secondName}\"", html, StringComparison.Ordinal);
        var stored = await GetViaApiAsync(first, id);
        Assert.Equal(firstName, stored.GetProperty("name").GetString());

        // The form now carries the current version: saving again knowingly overwrites.
        Assert.Equal(stored.GetProperty("version").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), HiddenVersion(html));
        var overwrite = await PostAsync(second, EditUrl(id), PlusflatApp.AntiforgeryToken(html), Fields(secondName, "CareProvider", version: HiddenVersion(html)));
        Assert.Equal(id, SavedId(overwrite));
        Assert.Equal(secondName, (await GetViaApiAsync(first, id)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task EditForm_Opened_ShowsStoredValuesAndTickedFacts()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = UniqueName("Zorg Centrum");
        var id = SavedId(await CreateAsync(client, Fields(name, "CareProvider", "Piet Jansen", facts: ["WlzVpt", "KnownInNeighbourhood"])));

        var (_, _, raw) = await OpenAsync(client, EditUrl(id));
        var html = Text(raw);

        Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Piet Jansen\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"CareProvider\" selected", html);
        Assert.Matches("id=\"vpt\"[^>]*checked|checked[^>]*id=\"vpt\"", html);
        Assert.Matches("id=\"wijk\"[^>]*checked|checked[^>]*id=\"wijk\"", html);
        Assert.DoesNotMatch("id=\"mpt\"[^>]*checked|checked[^>]*id=\"mpt\"", html);
        Assert.Contains("<legend", html, StringComparison.Ordinal);
        Assert.Contains("Zorgaanbieder</legend>", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"huisartsen\">Afspraken met huisartsen/eerste lijn</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditForm_CareProviderBecomesMunicipality_FactsAreCleared()
    {
        var client = await app.SignedInClientAsync(Lead);
        var name = UniqueName("Van Zorg Naar Gemeente");
        var id = SavedId(await CreateAsync(client, Fields(name, "CareProvider", facts: AllHardCriteria)));
        var (token, version, _) = await OpenAsync(client, EditUrl(id));

        // The ticks are still posted (the form cannot hide them without script); they are not saved for a municipality.
        var response = await PostAsync(client, EditUrl(id), token, Fields(name, "Municipality", version: version, facts: AllHardCriteria));

        SavedId(response);
        var stored = await GetViaApiAsync(client, id);
        Assert.Equal("Municipality", stored.GetProperty("kind").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.GetProperty("careProviderFacts").ValueKind);
    }

    [Fact]
    public async Task List_CareProviders_ShowHardCriteriaAndWeighingScore()
    {
        var client = await app.SignedInClientAsync(Lead);
        var meets = UniqueName("Zorg Voldoet");
        var misses = UniqueName("Zorg Mist");
        SavedId(await CreateAsync(client, Fields(meets, "CareProvider", facts: [.. AllHardCriteria, "KnownInNeighbourhood", "GpFirstLineAgreements"])));
        SavedId(await CreateAsync(client, Fields(misses, "CareProvider", facts: ["ZvwDistrictNursing", "WlzMpt", "ContractedByZorgkantoor", "IntramuralLocationNearby"])));

        var html = await client.GetStringAsync($"{ListUrl()}?soort=CareProvider");

        var meetsRow = RowOf(html, meets);
        Assert.Contains("Voldoet aan alle harde criteria", meetsRow, StringComparison.Ordinal);
        Assert.Contains("2/3", meetsRow, StringComparison.Ordinal);
        var missesRow = RowOf(html, misses);
        Assert.Contains("Voldoet niet", missesRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Voldoet aan alle harde criteria", missesRow, StringComparison.Ordinal);
        Assert.Contains("Levert geen volledig pakket thuis (Wlz VPT)", missesRow, StringComparison.Ordinal);
        Assert.Contains("Heeft geen casemanagers dementie", missesRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Levert geen wijkverpleging", missesRow, StringComparison.Ordinal);
        Assert.Contains("1/3", missesRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlatTeamMember_CanReadListButNotCreate()
    {
        var lead = await app.SignedInClientAsync(Lead);
        var existing = UniqueName("Gezien Door Team");
        var id = SavedId(await CreateAsync(lead, Fields(existing, "WelfareParty")));
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");
        var name = UniqueName("Team Poging");

        var list = await team.GetAsync(ListUrl());
        var listHtml = Text(await list.Content.ReadAsStringAsync());
        var newPage = await team.GetAsync(NewUrl());
        var editPage = await team.GetAsync(EditUrl(id));
        var post = await PostAsync(team, NewUrl(), PlusflatApp.AntiforgeryToken(listHtml), Fields(name, "Other"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(existing, listHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Nieuwe organisatie", listHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"{id}/bewerken", listHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, newPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain(name, Text(await lead.GetStringAsync(ListUrl())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationOfAnotherTenant_IsNotFoundForThisTenantsUsers()
    {
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var name = UniqueName("Rotterdamse Zorg");
        var (id, version) = await CreateViaApiAsync(rotterdam, new { name, kind = "CareProvider" }, Rotterdam);
        var amsterdam = await app.SignedInClientAsync(Lead);

        var viaOwnTenant = await amsterdam.GetAsync(EditUrl(id));
        var viaOtherTenant = await amsterdam.GetAsync(EditUrl(id, Rotterdam));
        var list = Text(await amsterdam.GetStringAsync($"{ListUrl()}?q={Uri.EscapeDataString(name)}"));
        list = list[list.IndexOf("data-testid=\"organisation-count\"", StringComparison.Ordinal)..];
        var (token, _, _) = await OpenAsync(amsterdam, NewUrl());
        var post = await PostAsync(amsterdam, EditUrl(id), token, Fields("Overgenomen", "CareProvider", version: version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.NotFound, viaOwnTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOtherTenant.StatusCode);
        Assert.DoesNotContain(name, await viaOwnTenant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(name, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(name, (await GetViaApiAsync(rotterdam, id, Rotterdam)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task EditForm_UnknownId_Returns404()
    {
        var client = await app.SignedInClientAsync(Lead);

        var response = await client.GetAsync(EditUrl(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
