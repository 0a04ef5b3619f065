using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Complexes;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>
/// A history without holes (real handlers on real PostgreSQL, the detail page in bunit): creation and every fact and
/// partner change are kept with who, when, field, old and new value, and the timeline reads them newest first in one
/// stable order, worded as people read them.
/// </summary>
public sealed class ComplexHistoryTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private const string LeadName = "Lotte de Leeuw";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private EditComplexHandler Complexes => Services.GetRequiredService<EditComplexHandler>();

    private static ComplexInput Input(string name) => new()
    {
        Name = name, Address = TestComplexes.UniqueAddress("Geschiedenisweg"), Postcode = "1011 AB", Municipality = "Amsterdam",
        DwellingCount = 120, ShareAged65Plus = 70m,
    };

    private async Task<Guid> CreateAsync(ComplexInput input)
    {
        var result = await Complexes.CreateAsync(input, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Id!.Value;
    }

    private async Task UpdateAsync(Guid id, Action<ComplexInput> change)
    {
        var input = (await Complexes.GetAsync(id, CancellationToken.None))!.Input;
        change(input);
        var result = await Complexes.UpdateAsync(id, input, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    private async Task<ComplexDetails> DetailsAsync(Guid id) =>
        (await Services.GetRequiredService<ComplexDetailsHandler>().GetAsync(id, CancellationToken.None))!;

    [Fact]
    public async Task Create_IsOnTheTimelineWithWhoAndWhen()
    {
        await SignInAsync(Lead, Tenant);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var id = await CreateAsync(Input(Unique("Nieuwflat")));

        var created = Assert.Single((await DetailsAsync(id)).Timeline);
        Assert.Equal(TimelineKind.Created, created.Kind);
        Assert.Equal(LeadName, created.Who);
        Assert.InRange(created.At, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Update_FactsAndPartners_EachChangedFieldIsKeptWithOldAndNewValue()
    {
        await SignInAsync(Lead, Tenant);
        var partners = await Services.GetRequiredService<PartnerOptionsHandler>().GetAsync(CancellationToken.None);
        var corporation = partners.Corporations[0];
        var id = await CreateAsync(Input(Unique("Wijzigflat")));

        await UpdateAsync(id, i =>
        {
            i.DwellingCount = 1400;
            i.HousingCorporationId = corporation.Id;
            i.HasCommonRoom = true;
            i.ShareAged65Plus = 72.5m;
            i.Notes = "  Lift vernieuwd  ";
        });

        var changes = (await DetailsAsync(id)).Timeline.Where(t => t.Kind == TimelineKind.FactChanged).ToList();
        Assert.Equal(
            [
                ("HousingCorporationId", null, corporation.Name),
                ("DwellingCount", "120", "1400"),
                ("ShareAged65Plus", "70", "72.5"),
                ("HasCommonRoom", "false", "true"),
                ("Notes", null, "Lift vernieuwd"),
            ],
            changes.Select(c => (c.Field!, c.OldValue, c.NewValue)));
        Assert.All(changes, c => Assert.Equal(LeadName, c.Who));
        Assert.Single(changes.Select(c => c.At).Distinct());
    }

    [Fact]
    public async Task Update_NothingChanged_AddsNothingToTheTimeline()
    {
        await SignInAsync(Lead, Tenant);
        var id = await CreateAsync(Input(Unique("Stilflat")));

        await UpdateAsync(id, i => i.Name = "  " + i.Name + " ");

        Assert.Equal([TimelineKind.Created], (await DetailsAsync(id)).Timeline.Select(t => t.Kind));
    }

    [Fact]
    public async Task Timeline_TwoChangesOfOneSave_ReadInTheFormsOrderWhateverOrderTheDatabaseReturns()
    {
        await SignInAsync(Lead, Tenant);
        var id = await CreateAsync(Input(Unique("Volgordeflat")));
        // The form's order (name, then address) is not the alphabetical one, so no accidental tie-break can produce it.
        await UpdateAsync(id, i => { i.Address = TestComplexes.UniqueAddress("Nieuwe weg"); i.Name += " (Zuid)"; });
        var first = (await DetailsAsync(id)).Timeline.Select(t => t.Field).ToList();

        // An update writes a new row version at the end of the table: the name's entry now comes back after the notes'.
        await App.ExecuteAsync("UPDATE complex_history SET by_name = by_name WHERE complex_id = @p0 AND field = 'Name'", id);
        var again = (await DetailsAsync(id)).Timeline.Select(t => t.Field).ToList();

        Assert.Equal(["Name", "Address", null], first);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Timeline_TicksOfOneDay_NewestFirstByTheMomentTheyWereEntered()
    {
        await SignInAsync(Lead, Tenant);
        var id = await CreateAsync(Input(Unique("Dagflat")));
        var phases = Services.GetRequiredService<PhaseHandler>();
        var items = (await phases.GetAsync(id, CancellationToken.None))!.OpenItems;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        foreach (var item in items)
        {
            Assert.True((await phases.TickAsync(id, new TickInput { ItemId = item.ItemId, TickedOn = today }, CancellationToken.None)).Succeeded);
        }

        var ticks = (await DetailsAsync(id)).Timeline.Where(t => t.Kind == TimelineKind.Ticked).Select(t => t.ItemTitle).ToList();
        var api = (await phases.GetAsync(id, CancellationToken.None))!.Timeline.Select(t => t.What).ToList();

        Assert.Equal(items.Select(i => i.Title).Reverse(), ticks);
        Assert.StartsWith($"Afgevinkt: {items[^1].Title}", api[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_ATickEnteredAfterAFactChange_ComesFirstEvenWhenDatedEarlier()
    {
        await SignInAsync(Lead, Tenant);
        var id = await CreateAsync(Input(Unique("Terugdateerflat")));
        await UpdateAsync(id, i => i.DwellingCount = 121);
        var phases = Services.GetRequiredService<PhaseHandler>();
        var item = (await phases.GetAsync(id, CancellationToken.None))!.OpenItems[0];
        await phases.TickAsync(id, new TickInput { ItemId = item.ItemId, TickedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)) }, CancellationToken.None);

        Assert.Equal([TimelineKind.Ticked, TimelineKind.FactChanged, TimelineKind.Created], (await DetailsAsync(id)).Timeline.Select(t => t.Kind));
    }

    [Fact]
    public async Task TimelineTab_ShowsLabelsAndValuesAsPeopleReadThem_NeverCodes()
    {
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture =
            System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        await SignInAsync(Lead, Tenant);
        var partners = await Services.GetRequiredService<PartnerOptionsHandler>().GetAsync(CancellationToken.None);
        var care = partners.CareProviders.Single(c => c.Name == "Zorggroep Amstelzorg");
        var id = await CreateAsync(Input(Unique("Leesbaarflat")));
        // A preferred provider must be the complex's candidate first (its agreements are part of the hard criteria).
        await ApiTestData.RecordCandidateAsync(await App.SignedInClientAsync(Lead), Tenant, id, care.Id);
        await UpdateAsync(id, i =>
        {
            i.DwellingCount = 1400;
            i.PreferredCareProviderId = care.Id;
            i.HasCommonRoom = true;
            i.ShareAged65Plus = 72.5m;
        });

        var page = RenderWithProviders<ComplexDetail>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, id));
        page.WaitForElement("[data-testid=timeline]", Wait);

        string Line(string field) => page.Find($"[data-testid=timeline] li[data-field={field}]").TextContent;
        Assert.Equal(
            ["Voorkeurszorgaanbieder gewijzigd", "Aantal woningen gewijzigd", "Aandeel 65-plussers gewijzigd", "Ontmoetingsruimte gewijzigd", "Wooncomplex toegevoegd"],
            page.FindAll("[data-testid=timeline-what]").Select(e => e.TextContent.Trim()));
        Assert.Contains($"Nog niet gekozen → {care.Name}", Line("PreferredCareProviderId"), StringComparison.Ordinal);
        Assert.Contains("120 → 1.400", Line("DwellingCount"), StringComparison.Ordinal);
        Assert.Contains("70% → 72,5%", Line("ShareAged65Plus"), StringComparison.Ordinal);
        Assert.Contains("nee → ja", Line("HasCommonRoom"), StringComparison.Ordinal);
        Assert.Contains(LeadName, Line("HasCommonRoom"), StringComparison.Ordinal);
        Assert.DoesNotContain(care.Id.ToString(), page.Find("[data-testid=timeline]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("true", page.Find("[data-testid=timeline]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoData_AComplexWithARealisticHistory_ShowsItsCreationAndAFactChange()
    {
        await SignInAsync(Lead, Tenant);
        var id = (await Services.GetRequiredService<ListComplexesHandler>().ListAsync(new ComplexFilter { Text = "De Klimop" }, CancellationToken.None)).Items.Single().Id;

        var timeline = (await DetailsAsync(id)).Timeline;

        Assert.Equal(TimelineKind.Created, timeline[^1].Kind);
        Assert.Contains(timeline, t => t is { Kind: TimelineKind.FactChanged, Field: "DwellingCount", OldValue: "180", NewValue: "186" });
        Assert.Contains(timeline, t => t is { Kind: TimelineKind.FactChanged, Field: "WelfarePartyId", OldValue: null, NewValue: "Welzijn Amsterdam Buurtwerk" });
    }

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";
}
