using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Standard;
using Plusflat.Web.Features.Admission;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Standard;
using Plusflat.Web.Tests.Admission;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// The complexes exports a lead works with: partners by name, percentages, phase and since when, checklist progress —
/// as CSV and as .xlsx with typed cells (read back with the Open XML SDK), from the list's buttons and the API.
/// </summary>
public sealed class ComplexExportTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";

    private static readonly string[] Headers =
    [
        "Naam", "Adres", "Postcode", "Gemeente", "Wijk", "Woningcorporatie", "Voorkeurszorgaanbieder", "Welzijnspartij", "Woningen",
        "Aandeel 65-plus (%)", "Nultredenwoningen", "Aandeel sociale huur (%)", "Fase", "Fasenaam", "In fase sinds", "Checklist afgevinkt", "Checklist punten",
        "Toelatingspoort", "Niet gehaalde drempels", "Productstandaard", "Ontbrekende musts", "Uitsluitingen", "Plusflat-label", "Herbeoordeling", "Herbeoordeling op",
    ];

    /// <summary>The standing columns of a complex with neither a gate nor a standard recorded.</summary>
    private static readonly string[] NothingAssessed = ["Nog niet vastgelegd", "", "Nog niet beoordeeld", "", "", "Niet geschikt", "Nog niet beoordeeld", ""];

    private sealed record Arranged(string Town, string Name, string Corporation, string CareProvider, string Welfare, int ItemsInPhase1);

    /// <summary>A complex with three partners and percentages, moved to phase 1 today (lead's override) with one item of phase 1 ticked.</summary>
    private async Task<Arranged> ArrangeAsync(HttpClient client)
    {
        var town = "Exportdorp" + Guid.NewGuid().ToString("N")[..8];
        async Task<(Guid Id, string Name)> OrganisationAsync(string prefix, string kind, object? careProviderFacts = null)
        {
            var name = $"{prefix} {town}";
            var response = await client.PostAsJsonAsync($"/api/v1/{Tenant}/organisations", new { name, kind, careProviderFacts });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), name);
        }

        var corporation = await OrganisationAsync("Woonstichting", "HousingCorporation");
        var care = await OrganisationAsync("Zorggroep", "CareProvider", ApiTestData.EveryHardCriterion);
        var welfare = await OrganisationAsync("Welzijn", "WelfareParty");
        var name = $"Exportflat {town}";
        var created = await client.PostAsJsonAsync($"/api/v1/{Tenant}/complexes?allowDuplicate=true", new
        {
            name, address = "Exportstraat 5", postcode = "1011 AB", municipality = town, district = "Centrum",
            housingCorporationId = corporation.Id, welfarePartyId = welfare.Id,
            dwellingCount = 80, shareAged65Plus = 72.5m, zeroStepDwellings = 40, shareSocialRent = 55m,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The preferred provider is chosen through the partner choice (it must be the complex's candidate).
        await ApiTestData.RecordCandidateAsync(client, Tenant, id, care.Id, choose: true);
        // A second complex whose name is a formula: it must stay text in both files.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/{Tenant}/complexes?allowDuplicate=true", new
        {
            name = "=SUM(1;2)", address = "Exportstraat 6", postcode = "1011 AB", municipality = town, dwellingCount = 12,
        })).StatusCode);

        await SignInAsync(Lead, Tenant);
        var phases = Services.GetRequiredService<PhaseHandler>();
        var version = (await phases.GetAsync(id, CancellationToken.None))!.Version;
        Assert.True((await phases.TransitionAsync(id, new TransitionInput { ToPhase = 1, Reason = "Versneld gestart", Version = version }, CancellationToken.None)).Succeeded);
        var phase1 = (await phases.GetAsync(id, CancellationToken.None))!.CurrentItems;
        Assert.True((await phases.TickAsync(id, new TickInput { ItemId = phase1[0].ItemId, TickedOn = Today.AddDays(-1) }, CancellationToken.None)).Succeeded);
        return new Arranged(town, name, corporation.Name, care.Name, welfare.Name, phase1.Count);
    }

    private static DateOnly Today => Dates.Today(TimeProvider.System);

    [Fact]
    public async Task Csv_FilteredList_HoldsPartnersPercentagesPhaseSinceWhenAndChecklistProgress()
    {
        var client = await App.SignedInClientAsync(Lead);
        var a = await ArrangeAsync(client);

        var csv = await client.GetStringAsync($"/{Tenant}/complexen/export.csv?gemeente={a.Town}");

        var lines = csv.Trim('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', Headers), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"'=SUM(1;2)\";", lines[1], StringComparison.Ordinal);
        Assert.Equal(
            string.Join(';', a.Name, "Exportstraat 5", "1011 AB", a.Town, "Centrum", a.Corporation, a.CareProvider, a.Welfare, "80", "72,5", "40", "55",
                "1", PhaseNames.Of(1), Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "1", a.ItemsInPhase1.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(';', NothingAssessed)),
            lines[2]);
    }

    [Fact]
    public async Task Xlsx_FilteredList_HasTypedNumberAndDateCellsAndTextThatIsNeverAFormula()
    {
        var client = await App.SignedInClientAsync(Lead);
        var a = await ArrangeAsync(client);

        var response = await client.GetAsync($"/{Tenant}/complexen/export.xlsx?gemeente={a.Town}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportComplexesHandler.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        var sheet = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Headers, sheet.Rows[0].Select(c => c.Text).ToArray());
        Assert.Equal(3, sheet.Rows.Count);
        Assert.Equal("=SUM(1;2)", sheet.Rows[1][0].Text);
        Assert.False(sheet.HasFormulas);
        Assert.Empty(sheet.SchemaErrors); // a file Excel opens without "repair"
        var row = sheet.Rows[2];
        Assert.Equal([a.Name, "Exportstraat 5", "1011 AB", a.Town, "Centrum", a.Corporation, a.CareProvider, a.Welfare], row.Take(8).Select(c => c.Text).ToArray());
        Assert.All(row.Take(8), c => Assert.Equal(CellValues.InlineString, c.Type));
        Assert.Equal((CellValues.Number, 80d), (row[8].Type, row[8].Number));
        Assert.Equal((CellValues.Number, 72.5d), (row[9].Type, row[9].Number));
        Assert.Equal((CellValues.Number, 40d), (row[10].Type, row[10].Number));
        Assert.Equal((CellValues.Number, 55d), (row[11].Type, row[11].Number));
        Assert.Equal((CellValues.Number, 1d), (row[12].Type, row[12].Number));
        Assert.Equal(PhaseNames.Of(1), row[13].Text);
        Assert.Equal(CellValues.Number, row[14].Type);
        Assert.Equal(Today, DateOnly.FromDateTime(DateTime.FromOADate(row[14].Number!.Value)));
        Assert.Equal("dd-mm-yyyy", row[14].NumberFormat);
        Assert.Equal((CellValues.Number, 1d), (row[15].Type, row[15].Number));
        Assert.Equal((CellValues.Number, (double)a.ItemsInPhase1), (row[16].Type, row[16].Number));
        Assert.Null(sheet.Rows[1][9].Number); // no share known: an empty cell, not 0
    }

    [Fact]
    public async Task Exports_AComplexsGateStandardLabelAndReassessment_AsTheListComputesThem()
    {
        await SignInAsync(Lead, Tenant);
        var name = "Standingflat " + Guid.NewGuid().ToString("N")[..8];
        var small = await App.ComplexAsync(60, name + " klein");
        var good = await App.ComplexAsync(150, name + " groot");
        foreach (var id in new[] { small, good })
        {
            Assert.True((await Services.GetRequiredService<RecordAdmissionHandler>().RecordAsync(id, AdmissionTestData.Passing(), CancellationToken.None)).Succeeded);
        }

        await AssessAsync(small, notMet: "organisatie-bewonersstem");
        await AssessAsync(good);
        var client = await App.SignedInClientAsync(Lead);

        var csv = (await client.GetStringAsync($"/{Tenant}/complexen/export.csv?zoek={Uri.EscapeDataString(name)}"))
            .Trim('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        var sheet = Read(await client.GetByteArrayAsync($"/{Tenant}/complexen/export.xlsx?zoek={Uri.EscapeDataString(name)}"));

        Assert.Equal(3, csv.Length);
        var dueOn = Today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith(string.Join(';', "Door de poort", "", "Voldoet aan de musts", "", "", "Geschikt", "Herbeoordeling op tijd", dueOn), csv[1], StringComparison.Ordinal);
        Assert.EndsWith(string.Join(';', "Niet door de poort", "concentratie", "Voldoet niet",
            "De bewonersstem is herkenbaar geborgd in de uitvoering en de complexregie.", "", "Niet geschikt", "Herbeoordeling op tijd", dueOn), csv[2], StringComparison.Ordinal);
        var row = sheet.Rows[2];
        Assert.Equal(["Niet door de poort", "concentratie", "Voldoet niet"], row.Skip(17).Take(3).Select(c => c.Text).ToArray());
        Assert.Equal("Niet geschikt", row[22].Text);
        Assert.Equal(CellValues.Number, row[24].Type);
        Assert.Equal(Today.AddYears(1), DateOnly.FromDateTime(DateTime.FromOADate(row[24].Number!.Value)));
        Assert.Empty(sheet.SchemaErrors);
    }

    private async Task AssessAsync(Guid id, string? notMet = null)
    {
        var input = new StandardAssessmentInput
        {
            Items = [.. StandardCatalogue.DefaultItems.Select(i => new StandardItemInput
            {
                Key = i.Key,
                Status = i.Key == notMet ? StandardItemStatus.NotMet : i.Kind == StandardItemKind.Not ? StandardItemStatus.DoesNotApply : StandardItemStatus.Met,
                Evidence = "Vastgelegd in de samenwerkingsovereenkomst",
            })],
        };
        var result = await Services.GetRequiredService<SaveStandardAssessmentHandler>().SaveAsync(id, input, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task Xlsx_NameStoredWithAControlCharacterBeforeTheyWereRefused_IsExportedWithoutIt()
    {
        var client = await App.SignedInClientAsync(Lead);
        var a = await ArrangeAsync(client);
        await App.ExecuteAsync("UPDATE complexes SET name = @p0 WHERE municipality = @p1 AND address = 'Exportstraat 5'", "Oud\u0007flat", a.Town);

        var response = await client.GetAsync($"/{Tenant}/complexen/export.xlsx?gemeente={a.Town}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(sheet.Rows.Skip(1), r => r[0].Text == "Oudflat");
        Assert.Empty(sheet.SchemaErrors);
    }

    [Fact]
    public async Task ApiExports_SameSelectionByTheApiParameters_AndABadParameterIsA400NamingIt()
    {
        var client = await App.SignedInClientAsync(Lead);
        var a = await ArrangeAsync(client);

        var xlsx = await client.GetAsync($"/api/v1/{Tenant}/complexes/export.xlsx?municipality={a.Town}&sort=dwellings&descending=true");
        var csv = await client.GetStringAsync($"/api/v1/{Tenant}/complexes/export.csv?municipality={a.Town}&phase=1");
        var bad = await client.GetAsync($"/api/v1/{Tenant}/complexes/export.xlsx?phase=een");

        var sheet = Read(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal([a.Name, "=SUM(1;2)"], sheet.Rows.Skip(1).Select(r => r[0].Text).ToArray());
        Assert.Equal(2, csv.Trim('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("phase", out _));
    }

    [Fact]
    public async Task ComplexesPage_FilteredList_OffersTheXlsxNextToTheCsvWithTheSameFilter()
    {
        var client = await App.SignedInClientAsync(Lead);
        var town = "Knopdorp" + Guid.NewGuid().ToString("N")[..6];

        var html = await client.GetStringAsync($"/{Tenant}/complexen?gemeente={town}&sorteer=woningen");

        var csv = System.Text.RegularExpressions.Regex.Match(html, "<a href=\"([^\"]+)\" download=\"[^\"]+\"[^>]*data-testid=\"export-csv\"");
        var xlsx = System.Text.RegularExpressions.Regex.Match(html, "<a href=\"([^\"]+)\" download=\"([^\"]+)\"[^>]*data-testid=\"export-xlsx\"[^>]*>\\s*<span[^>]*>([^<]+)<");
        Assert.True(xlsx.Success, html);
        Assert.Equal($"/{Tenant}/complexen/export.xlsx?gemeente={town}&amp;sorteer=woningen", xlsx.Groups[1].Value);
        Assert.Equal(csv.Groups[1].Value.Replace("export.csv", "export.xlsx", StringComparison.Ordinal), xlsx.Groups[1].Value);
        Assert.Equal($"wooncomplexen-{Tenant}.xlsx", xlsx.Groups[2].Value);
        Assert.Equal("Exporteren als Excel (.xlsx)", xlsx.Groups[3].Value.Trim());
    }

    private sealed record ReadCell(CellValues? Type, string Text, double? Number, string? NumberFormat);

    private sealed record ReadSheet(List<List<ReadCell>> Rows, bool HasFormulas, IReadOnlyList<string> SchemaErrors);

    /// <summary>The first sheet as the Open XML SDK reads it: each cell's type, text, number and number format.</summary>
    private static ReadSheet Read(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var formats = workbook.WorkbookStylesPart!.Stylesheet;
        string? FormatOf(Cell cell)
        {
            if (cell.StyleIndex is null)
            {
                return null;
            }

            var id = formats.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex.Value).NumberFormatId?.Value;
            return formats.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value ?? id?.ToString();
        }

        var rows = sheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => new ReadCell(
            c.DataType?.Value,
            c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "",
            c.DataType?.Value == CellValues.Number && c.CellValue is { } v ? double.Parse(v.Text, System.Globalization.CultureInfo.InvariantCulture) : null,
            FormatOf(c))).ToList()).ToList();
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        return new ReadSheet(rows, sheet.Worksheet.Descendants<CellFormula>().Any(), errors);
    }
}
