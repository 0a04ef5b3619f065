using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Complexes;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>The form's partner choices (MudSelect of organisation ids): offered by kind, saved as chosen.</summary>
public sealed class ComplexPartnerFormTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Create_ChosenCorporation_IsOfferedByNameAndSavedById()
    {
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var partners = await Services.GetRequiredService<PartnerOptionsHandler>().GetAsync(CancellationToken.None);
        var corporation = partners.Corporations[0];
        var form = RenderWithProviders<EditComplex>(p => p.Add(x => x.Tenant, Tenant));
        form.WaitForElement("[data-testid=save]", Wait);
        var name = $"Partnerflat {Guid.NewGuid().ToString("N")[..8]}";
        form.Find("input[data-field=Name]").Change(name);
        form.Find("input[data-field=Address]").Change(TestComplexes.UniqueAddress("Partnerstraat"));
        form.Find("input[data-field=Postcode]").Change("1013 AB");
        form.Find("input[data-field=DwellingCount]").Change("140");

        form.Find("[data-field=HousingCorporationId]").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-list-item")), Wait);
        var offered = Popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal(["Nog niet gekozen", .. partners.Corporations.Select(c => c.Name)], offered);
        Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == corporation.Name).Click();
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Matches($"/{Tenant}/complexen/[0-9a-f-]{{36}}$", Navigation.Uri), Wait);
        var stored = await Services.GetRequiredService<EditComplexHandler>().GetAsync(Guid.Parse(Navigation.Uri[^36..]), CancellationToken.None);
        Assert.Equal(corporation.Id, stored!.Input.HousingCorporationId);
        Assert.Null(stored.Input.PreferredCareProviderId);
    }

    [Fact]
    public async Task Save_PartnerOfTheWrongKindOrOfAnotherProgramme_IsRefusedAtEachFieldAndSavesNothing()
    {
        var rotterdam = await App.SignedInClientAsync("lead@thuisplusflat-rotterdam.demo");
        var foreignCorporation = (await rotterdam.GetJsonAsync("/api/v1/thuisplusflat-rotterdam/complexes")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("housingCorporationId")).First(id => id.ValueKind == System.Text.Json.JsonValueKind.String).GetGuid();
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var own = await Services.GetRequiredService<PartnerOptionsHandler>().GetAsync(CancellationToken.None);
        var handler = Services.GetRequiredService<EditComplexHandler>();
        var name = $"Verkeerde partners {Guid.NewGuid().ToString("N")[..8]}";

        var result = await handler.CreateAsync(new ComplexInput
        {
            Name = name, Address = TestComplexes.UniqueAddress("Partnerstraat"), Postcode = "1013 AB", Municipality = "Amsterdam", DwellingCount = 140,
            HousingCorporationId = foreignCorporation,
            PreferredCareProviderId = own.Corporations[0].Id,
            WelfarePartyId = Guid.NewGuid(),
        }, CancellationToken.None);

        Assert.Equal(Plusflat.Web.Features.Shared.ResultKind.Invalid, result.Kind);
        Assert.Equal(
            [
                ("HousingCorporationId", "Kies een woningcorporatie uit het register van organisaties."),
                ("PreferredCareProviderId", "Kies een zorgaanbieder uit het register van organisaties."),
                ("WelfarePartyId", "Kies een welzijnspartij uit het register van organisaties."),
            ],
            result.Errors.Select(e => (e.Field!, e.Message)).ToArray());
        var list = await Services.GetRequiredService<ListComplexesHandler>().ListAsync(new ComplexFilter { Text = name }, CancellationToken.None);
        Assert.Equal(0, list.TotalCount);
    }

    [Fact]
    public async Task Save_APreferredProviderFailingHardCriteria_IsRefusedAtTheFieldNamingThemAndSavesNothing()
    {
        await SignInAsync("lead@lltf-amsterdam.demo", Tenant);
        var handler = Services.GetRequiredService<EditComplexHandler>();
        var created = await handler.CreateAsync(new ComplexInput
        {
            Name = $"Voorkeursflat {Guid.NewGuid().ToString("N")[..8]}", Address = TestComplexes.UniqueAddress("Voorkeurstraat"), Postcode = "1013 AB",
            Municipality = "Amsterdam", DwellingCount = 140,
        }, CancellationToken.None);
        var id = created.Id!.Value;
        var form = RenderWithProviders<EditComplex>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));
        form.WaitForElement("[data-testid=save]", Wait);

        form.Find("[data-field=PreferredCareProviderId]").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == "Thuiszorg De Linde"), Wait);
        Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Thuiszorg De Linde").Click();
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Equal(
            "Deze zorgaanbieder kan geen voorkeursaanbieder worden: Levert geen volledig pakket thuis (Wlz VPT); Heeft geen casemanagers dementie; "
            + Plusflat.Domain.Partners.PreferredProviderRule.NotACandidate + ".",
            Start.MudFieldLookup.ErrorAt(form.Find("[data-field=PreferredCareProviderId]"))), Wait);
        Assert.Null((await handler.GetAsync(id, CancellationToken.None))!.Input.PreferredCareProviderId);
    }
}
