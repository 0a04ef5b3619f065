using System.Net.Http.Json;
using System.Text.Json;

namespace Plusflat.Web.Tests.Complexes;

public sealed class ComplexFormTests(PlusflatApp app) : IClassFixture<PlusflatApp>
{
    private const string Tenant = "lltf-amsterdam";

    private static Dictionary<string, string> ValidForm(string name, string municipality = "Amsterdam") => new()
    {
        ["Input.Name"] = name,
        ["Input.Address"] = "Teststraat 1",
        ["Input.Postcode"] = "1011ab",
        ["Input.Municipality"] = municipality,
        ["Input.District"] = "Centrum",
        ["Input.DwellingCount"] = "120",
        ["Input.ShareAged65Plus"] = "72,5",
        ["Input.ZeroStepDwellings"] = "100",
        ["Input.ShareSocialRent"] = "80",
        ["Input.HasCommonRoom"] = "true",
        ["Input.Version"] = "0",
    };

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task Create_ValidForm_SavesAndShowsDetail()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var name = Unique("Flat Het Anker");

        var response = await client.PostFormAsync($"/{Tenant}/complexen/nieuw", "wooncomplex", ValidForm(name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await client.GetAsync(response.Headers.Location);
        var html = await detail.TextAsync();
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("1011 AB", html, StringComparison.Ordinal);
        Assert.Contains("72,5%", html, StringComparison.Ordinal);
        Assert.Contains("Programma opzet", html, StringComparison.Ordinal);
        Assert.Contains("Wooncomplex opgeslagen.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.DwellingCount", "0", "Het aantal woningen moet tussen 1 en 10.000 liggen.")]
    [InlineData("Input.DwellingCount", "10001", "Het aantal woningen moet tussen 1 en 10.000 liggen.")]
    [InlineData("Input.DwellingCount", "-5", "Het aantal woningen moet tussen 1 en 10.000 liggen.")]
    [InlineData("Input.DwellingCount", "12a", "Vul het aantal woningen in als heel getal, bijvoorbeeld 120.")]
    [InlineData("Input.ShareAged65Plus", "120", "Een percentage moet tussen 0 en 100 liggen.")]
    [InlineData("Input.ShareSocialRent", "-1", "Een percentage moet tussen 0 en 100 liggen.")]
    [InlineData("Input.Name", "", "Vul de naam van het wooncomplex in.")]
    [InlineData("Input.Postcode", "12345", "postcode")]
    [InlineData("Input.ZeroStepDwellings", "500", "nultreden")]
    public async Task Create_BadInput_ShowsDutchFieldMessageKeepsValuesAndSavesNothing(string field, string value, string expected)
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var name = Unique("Foutflat");
        var form = ValidForm(name);
        form[field] = value;
        var before = await CountAsync(client);

        var response = await client.PostFormAsync($"/{Tenant}/complexen/nieuw", "wooncomplex", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains(expected, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"value=\"{value}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Teststraat 1\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Create_SeveralWrongFields_NamesEveryFieldInFormAndApi()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var form = ValidForm(Unique("Veelfoutenflat"));
        form["Input.Postcode"] = "12";
        form["Input.DwellingCount"] = "0";
        form["Input.ShareAged65Plus"] = "150";
        form["Input.ShareSocialRent"] = "-3";
        form["Input.ZeroStepDwellings"] = "-1";

        var page = await client.PostFormAsync($"/{Tenant}/complexen/nieuw", "wooncomplex", form);
        var api = await client.PostAsJsonAsync($"/api/v1/{Tenant}/complexes", new
        {
            name = "", address = "Straat 1", postcode = "12", municipality = "Amsterdam", dwellingCount = 0,
            shareAged65Plus = 150, shareSocialRent = -3, zeroStepDwellings = -1, housingCorporationId = Guid.NewGuid(),
        });

        var html = await page.TextAsync();
        Assert.Contains("Controleer de gemarkeerde velden (5).", html, StringComparison.Ordinal);
        Assert.Contains("Het aantal woningen moet tussen 1 en 10.000 liggen.", html, StringComparison.Ordinal);
        Assert.Contains("Een percentage moet tussen 0 en 100 liggen.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "postcode", "dwellingCount", "shareAged65Plus", "shareSocialRent", "zeroStepDwellings", "housingCorporationId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Create_TooLongName_IsRefusedAtTheField()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var form = ValidForm(new string('x', 201));

        var response = await client.PostFormAsync($"/{Tenant}/complexen/nieuw", "wooncomplex", form);

        Assert.Contains("De naam mag hoogstens 200 tekens lang zijn.", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_TwoPeopleFromSameVersion_SecondGetsConflictWithCurrentValues()
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var admin = await app.SignedInClientAsync("admin@plusflat.demo");
        var id = await CreateAsync(lead, Unique("Conflictflat"));
        var editUrl = $"/{Tenant}/complexen/{id}/bewerken";
        var version = (await lead.GetJsonAsync($"/api/v1/{Tenant}/complexes/{id}")).GetProperty("version").GetUInt32();
        var leadPage = await lead.GetStringAsync(editUrl);
        var adminPage = await admin.GetStringAsync(editUrl);

        var first = ValidForm("Eerste naam");
        first["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var firstResponse = await lead.PostAsync(editUrl, Form(first, "wooncomplex", leadPage));
        var second = ValidForm("Tweede naam");
        second["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var secondResponse = await admin.PostAsync(editUrl, Form(second, "wooncomplex", adminPage));

        Assert.Equal(HttpStatusCode.Redirect, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
        var html = await secondResponse.TextAsync();
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd", html, StringComparison.Ordinal);
        Assert.Contains("Huidige gegevens", html, StringComparison.Ordinal);
        Assert.Contains("Eerste naam", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Tweede naam\"", html, StringComparison.Ordinal);
        var stored = await lead.GetJsonAsync($"/api/v1/{Tenant}/complexes/{id}");
        Assert.Equal("Eerste naam", stored.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Create_FlatTeamMember_IsForbiddenButCanRead()
    {
        var team = await app.SignedInClientAsync("team@lltf-amsterdam.demo");

        var list = await team.GetAsync($"/{Tenant}/complexen");
        var form = await team.GetAsync($"/{Tenant}/complexen/nieuw");
        var api = await team.PostAsJsonAsync($"/api/v1/{Tenant}/complexes", new { name = "Mag niet" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("Nieuw wooncomplex", await list.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task ComplexOfAnotherTenant_IsNotFoundForPageAndApi()
    {
        var rotterdam = await app.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var amsterdam = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var list = await rotterdam.GetJsonAsync("/api/v1/thuisplusflat-rotterdam/complexes");
        var id = list.GetProperty("items")[0].GetProperty("id").GetGuid();

        var viaOwnTenantUrl = await amsterdam.GetAsync($"/{Tenant}/complexen/{id}");
        var viaApi = await amsterdam.GetAsync($"/api/v1/{Tenant}/complexes/{id}");
        var viaOtherTenantUrl = await amsterdam.GetAsync($"/api/v1/thuisplusflat-rotterdam/complexes/{id}");

        Assert.Equal(HttpStatusCode.NotFound, viaOwnTenantUrl.StatusCode);
        Assert.DoesNotContain(list.GetProperty("items")[0].GetProperty("name").GetString()!, await viaOwnTenantUrl.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, viaApi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOtherTenantUrl.StatusCode);
    }

    [Theory]
    [InlineData("/{0}/complexen/{1}")]
    [InlineData("/{0}/complexen/{1}/bewerken")]
    public async Task Page_UnknownComplexId_Returns404(string pattern)
    {
        var lead = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");

        var response = await lead.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Tenant, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Export_NameThatIsASpreadsheetFormula_IsWrittenAsText()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        const string formula = "=HYPERLINK(\"http://x\")";
        await CreateAsync(client, formula);

        var csv = await client.GetStringAsync($"/{Tenant}/complexen/export.csv?zoek=HYPERLINK");

        var lines = csv.Trim('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var row = Assert.Single(lines.Skip(1));
        // CsvHelper's InjectionOptions.Escape puts an apostrophe in front (and quotes the field, which holds quotes):
        // a spreadsheet shows the text instead of running the formula.
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\";", row, StringComparison.Ordinal);
        Assert.False(FirstField(row).StartsWith('='), $"The exported name starts a formula: {row}");
    }

    /// <summary>The first field of a CSV line, unquoted as a spreadsheet reads it.</summary>
    private static string FirstField(string line)
    {
        if (!line.StartsWith('"'))
        {
            return line.Split(';')[0];
        }

        var value = new System.Text.StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                value.Append('"');
                i++;
            }
            else if (line[i] == '"')
            {
                break;
            }
            else
            {
                value.Append(line[i]);
            }
        }

        return value.ToString();
    }

    [Fact]
    public async Task List_FiltersSortsPagesAndExportsTheSameSelection()
    {
        var client = await app.SignedInClientAsync("lead@lltf-amsterdam.demo");
        var town = "Testdorp" + Guid.NewGuid().ToString("N")[..6];
        foreach (var (name, dwellings) in new[] { ("Alfa", 150), ("Bravo", 90), ("Charlie", 300) })
        {
            var form = ValidForm($"{name} {town}", town);
            form["Input.DwellingCount"] = dwellings.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form["Input.ZeroStepDwellings"] = "";
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/{Tenant}/complexen/nieuw", "wooncomplex", form)).StatusCode);
        }

        var html = await (await client.GetAsync($"/{Tenant}/complexen?gemeente={town}&sorteer=woningen&richting=af")).TextAsync();
        var api = await client.GetJsonAsync($"/api/v1/{Tenant}/complexes?municipality={town}&sort=dwellings&descending=true&pageSize=2&page=2");
        var csv = await client.GetStringAsync($"/{Tenant}/complexen/export.csv?gemeente={town}&sorteer=woningen&richting=af");

        Assert.Contains("3 wooncomplexen gevonden", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Charlie", StringComparison.Ordinal) < html.IndexOf("Alfa", StringComparison.Ordinal));
        Assert.True(html.IndexOf("Alfa", StringComparison.Ordinal) < html.IndexOf("Bravo", StringComparison.Ordinal));
        Assert.Equal(3, api.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, api.GetProperty("items").GetArrayLength());
        Assert.StartsWith("Bravo", api.GetProperty("items")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        var lines = csv.Trim('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Naam;Adres;Postcode;Gemeente", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Charlie", lines[1], StringComparison.Ordinal);
        Assert.Contains(";300;0;Programma opzet", lines[1], StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields, string formName, string page) =>
        new(new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = PlusflatApp.AntiforgeryToken(page),
        });

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetJsonAsync($"/api/v1/{Tenant}/complexes?pageSize=1")).GetProperty("totalCount").GetInt32();

    private static async Task<Guid> CreateAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/{Tenant}/complexes", new
        {
            name, address = "Apistraat 2", postcode = "1011 AB", municipality = "Amsterdam", dwellingCount = 110,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
