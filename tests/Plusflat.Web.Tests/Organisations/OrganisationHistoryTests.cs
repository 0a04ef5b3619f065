using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Organisations;
using Plusflat.Web.Features.Organisations;

namespace Plusflat.Web.Tests.Organisations;

/// <summary>An organisation's history (handlers on real PostgreSQL, the organisation page in bunit): who added it and every field a save changed.</summary>
public sealed class OrganisationHistoryTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<Guid> CreateAndChangeAsync(string name)
    {
        var save = Services.GetRequiredService<SaveOrganisationHandler>();
        var created = await save.CreateAsync(new OrganisationInput { Name = name, Kind = OrganisationKind.HousingCorporation }, CancellationToken.None);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        var id = created.Id!.Value;
        var input = (await Services.GetRequiredService<GetOrganisationHandler>().GetAsync(id, CancellationToken.None))!.ToInput();
        input.Name = name + " Noord";
        input.Kind = OrganisationKind.WelfareParty;
        input.ContactPhone = "020 765 4321";
        var updated = await save.UpdateAsync(id, input, CancellationToken.None);
        Assert.True(updated.Succeeded, string.Join("; ", updated.Errors.Select(e => e.Message)));
        return id;
    }

    [Fact]
    public async Task CreateAndUpdate_AreKeptWithWhoAndEachFieldsOldAndNewValue()
    {
        await SignInAsync(Lead, Tenant);
        var name = "Woonstichting " + Guid.NewGuid().ToString("N")[..6];

        var id = await CreateAndChangeAsync(name);

        var history = await Services.GetRequiredService<GetOrganisationHistoryHandler>().GetAsync(id, CancellationToken.None);
        Assert.Equal(
            [
                (OrganisationHistoryKind.FieldChanged, "Name", name, name + " Noord"),
                (OrganisationHistoryKind.FieldChanged, "Kind", "HousingCorporation", "WelfareParty"),
                (OrganisationHistoryKind.FieldChanged, "ContactPhone", null, "020 765 4321"),
                (OrganisationHistoryKind.Created, null, null, null),
            ],
            history.Select(h => (h.Kind, h.Field, h.OldValue, h.NewValue)));
        Assert.All(history, h => Assert.Equal("Lotte de Leeuw", h.Who));
    }

    [Fact]
    public async Task OrganisationPage_ShowsTheHistoryInWords()
    {
        await SignInAsync(Lead, Tenant);
        var name = "Corporatie " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateAndChangeAsync(name);

        var page = RenderWithProviders<EditOrganisation>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));
        page.WaitForElement("[data-testid=organisation-history]", Wait);

        Assert.Equal(["Naam gewijzigd", "Soort gewijzigd", "Telefoonnummer contactpersoon gewijzigd", "Organisatie toegevoegd"],
            page.FindAll("[data-testid=organisation-history-what]").Select(e => e.TextContent.Trim()));
        Assert.Equal("Woningcorporatie → Welzijnspartij", page.Find("[data-testid=organisation-history] li[data-field=Kind] [data-testid=organisation-history-change]").TextContent.Trim());
        Assert.Equal("leeg → 020 765 4321", page.Find("[data-testid=organisation-history] li[data-field=ContactPhone] [data-testid=organisation-history-change]").TextContent.Trim());
    }
}
