using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Tests.Complexes;

/// <summary>The detail page's read use case: what it reads, what it hides, and that it survives the prerender-to-circuit hand-over.</summary>
public sealed class ComplexDetailsTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";

    [Fact]
    public async Task GetAsync_RoundTripsThroughSystemTextJson_AsPersistentStateNeedsIt()
    {
        await SignInAsync(Lead, Tenant);
        var id = await TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var phases = Services.GetRequiredService<PhaseHandler>();
        var item = (await phases.GetAsync(id, CancellationToken.None))!.OpenItems[0];
        await phases.TickAsync(id, new TickInput { ItemId = item.ItemId, TickedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), Note = "n" }, CancellationToken.None);
        var version = (await phases.GetAsync(id, CancellationToken.None))!.Version;
        Assert.True((await phases.TransitionAsync(id, new TransitionInput { ToPhase = 1, Reason = "Versneld", Version = version }, CancellationToken.None)).Succeeded);

        var details = (await Services.GetRequiredService<ComplexDetailsHandler>().GetAsync(id, CancellationToken.None))!;
        var json = JsonSerializer.Serialize(details, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<ComplexDetails>(json, JsonSerializerOptions.Web)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, JsonSerializerOptions.Web));
        Assert.Equal(PhaseStatus.SkippedWithReason, back.Phases[0].Status);
        Assert.Equal("Versneld", back.Phases[0].OverrideReason);
        Assert.Equal([TimelineKind.Advanced, TimelineKind.Ticked, TimelineKind.Created], back.Timeline.Select(t => t.Kind));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), back.Timeline[1].Day);
        Assert.Equal(1, back.CurrentPhase);
        Assert.Equal(130, back.Facts.DwellingCount);
    }

    [Fact]
    public async Task GetAsync_ComplexOfAnotherTenant_IsNotFound()
    {
        var foreign = await TestComplexes.CreateAsync(App.Services, "thuisplusflat-rotterdam", "lead@thuisplusflat-rotterdam.demo");
        await SignInAsync(Lead, Tenant);

        Assert.Null(await Services.GetRequiredService<ComplexDetailsHandler>().GetAsync(foreign, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_WithoutATenant_IsRefused()
    {
        await SignInAsync(Lead, Tenant);
        Services.GetRequiredService<CurrentTenant>().Clear();

        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<ComplexDetailsHandler>().GetAsync(Guid.NewGuid(), CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => Services.GetRequiredService<PhaseHandler>().GetAsync(Guid.NewGuid(), CancellationToken.None));
    }
}
