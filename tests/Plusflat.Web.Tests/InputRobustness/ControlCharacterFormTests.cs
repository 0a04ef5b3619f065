using AngleSharp.Dom;
using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Plusflat.Domain.Common;
using Plusflat.Web.Features.Complexes;
using Plusflat.Web.Features.Members;
using Plusflat.Web.Features.Organisations;
using Plusflat.Web.Features.Phases;
using Plusflat.Web.Features.Shared;

namespace Plusflat.Web.Tests.InputRobustness;

/// <summary>
/// Control and bidi characters typed into the portal's forms (bunit on the real pages, or the forms' handlers):
/// a Dutch message at the field, the typed values kept, nothing saved — never the error page.
/// </summary>
public sealed class ControlCharacterFormTests(PlusflatApp app) : ComponentTest(app)
{
    private const string Tenant = "lltf-amsterdam";
    private const string Lead = "lead@lltf-amsterdam.demo";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    [Theory]
    [InlineData("Name", "Flat\0naam", PlainText.ControlCharacterMessage)]
    [InlineData("Name", "Flat\u202enaam", PlainText.BidiMessage)]
    [InlineData("Address", "Straat\u00071", PlainText.ControlCharacterMessage)]
    [InlineData("Notes", "Notitie\0", PlainText.ControlCharacterMessage)]
    public async Task ComplexForm_RefusedCharacter_ShowsTheMessageAtTheFieldKeepsTheValueAndSavesNothing(string field, string value, string message)
    {
        await SignInAsync(Lead, Tenant);
        var name = Unique("Stuurformflat");
        var form = RenderWithProviders<EditComplex>(p => p.Add(x => x.Tenant, Tenant));
        form.WaitForElement("[data-testid=save]", Wait);
        Input(form, "Name").Change(name);
        Input(form, "Address").Change("Teststraat 1");
        Input(form, "Postcode").Change("1011ab");
        Input(form, "Municipality").Change("Amsterdam");
        Input(form, "DwellingCount").Change("50");

        Input(form, field).Change(value);
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Equal(message, ErrorAt(Input(form, field))), Wait);
        // The HTML parser shows a NUL as U+FFFD; the value itself is kept as typed.
        Assert.Equal(value.Replace('\0', '\uFFFD'), Input(form, field).GetAttribute("value") ?? Input(form, field).TextContent);
        Assert.Null(ErrorAt(Input(form, "Municipality")));
        Assert.DoesNotContain("Er ging iets mis", form.Markup, StringComparison.Ordinal);
        var list = await Services.GetRequiredService<ListComplexesHandler>().ListAsync(new ComplexFilter { Text = name[^8..] }, CancellationToken.None);
        Assert.Equal(0, list.TotalCount);
    }

    [Fact]
    public async Task OrganisationForm_NulInTheName_ShowsTheMessageAtTheNameAndSavesNothing()
    {
        await SignInAsync(Lead, Tenant);
        var name = Unique("Stuurstichting");
        var form = RenderWithProviders<EditOrganisation>(p => p.Add(x => x.Tenant, Tenant).Add(x => x.Id, (Guid?)null));
        form.WaitForAssertion(() => Assert.Empty(form.FindAll(".mud-progress-linear")), Wait);

        form.Find(".field-name input").Change(name + "\0");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal(
            PlainText.ControlCharacterMessage,
            form.FindAll(".field-name .mud-input-helper-text.mud-input-error").SingleOrDefault()?.TextContent.Trim()), Wait);
        Assert.DoesNotContain("Er ging iets mis", form.Markup, StringComparison.Ordinal);
        var found = await Services.GetRequiredService<ListOrganisationsHandler>().ListAsync(new OrganisationListQuery(name), CancellationToken.None);
        Assert.Empty(found);
    }

    [Fact]
    public async Task TickAndUntick_NulInTheNoteOrReason_AreRefusedAtThatField()
    {
        await SignInAsync(Lead, Tenant);
        var id = await Plusflat.Web.Tests.Complexes.TestComplexes.CreateAsync(App.Services, Tenant, Lead);
        var phases = Services.GetRequiredService<PhaseHandler>();
        var item = (await phases.GetAsync(id, CancellationToken.None))!.CurrentItems[0].ItemId;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));

        var tick = await phases.TickAsync(id, new TickInput { ItemId = item, TickedOn = today, Note = "Besproken\0" }, CancellationToken.None);
        var link = await phases.TickAsync(id, new TickInput { ItemId = item, TickedOn = today, EvidenceUrl = "https://example.org/a\0b" }, CancellationToken.None);
        Assert.True((await phases.TickAsync(id, new TickInput { ItemId = item, TickedOn = today, Note = "Regel 1\nRegel 2" }, CancellationToken.None)).Succeeded);
        var untick = await phases.UntickAsync(id, new UntickInput { ItemId = item, UntickReason = "Vergissing\u202e" }, CancellationToken.None);

        Assert.Equal(new FieldError(nameof(TickInput.Note), PlainText.ControlCharacterMessage), Assert.Single(tick.Errors));
        Assert.Equal(new FieldError(nameof(TickInput.EvidenceUrl), PlainText.ControlCharacterMessage), Assert.Single(link.Errors));
        Assert.Equal(new FieldError(nameof(UntickInput.UntickReason), PlainText.BidiMessage), Assert.Single(untick.Errors));
        Assert.True((await phases.GetAsync(id, CancellationToken.None))!.CurrentItems[0].Ticked);
    }

    [Fact]
    public async Task ChecklistItemAndInvitation_ControlCharacter_AreRefusedAtTheField()
    {
        await SignInAsync("admin@plusflat.demo", Tenant);

        var item = await Services.GetRequiredService<PhaseCatalogueHandler>().AddAsync(new AddItemInput { Phase = 1, Title = "Sleutel\0beheer" }, CancellationToken.None);
        var (errors, link) = await Services.GetRequiredService<InviteHandler>().InviteAsync(
            new InviteInput { Email = "nieuw\0@example.org", Role = Plusflat.Domain.Tenancy.TenantRole.FlatTeamMember }, new Uri("http://localhost/"), CancellationToken.None);

        Assert.Equal(new FieldError(nameof(AddItemInput.Title), PlainText.ControlCharacterMessage), Assert.Single(item.Errors));
        Assert.Contains(new FieldError(nameof(InviteInput.Email), PlainText.ControlCharacterMessage), errors);
        Assert.Null(link);
    }

    [Fact]
    public async Task TenantResolver_SlugWithANul_NamesNoTenantInsteadOfFailing()
    {
        await SignInAsync(Lead, Tenant);
        var resolver = Services.GetRequiredService<Plusflat.Web.Tenancy.TenantResolver>();
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Services.GetRequiredService<Plusflat.Web.Tenancy.CurrentTenant>().UserId.ToString())], "Test"));

        Assert.NotNull(await resolver.ResolveAsync(Tenant, principal, CancellationToken.None));
        Assert.Null(await resolver.ResolveAsync("lltf\0amsterdam", principal, CancellationToken.None));
        Assert.Null(await resolver.FindPublicAsync("lltf\0amsterdam", principal, CancellationToken.None));
    }

    [Fact]
    public void EveryValidatorOfThePortal_DerivesFromInputValidator()
    {
        var validators = typeof(InputValidator<>).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            .ToList();

        Assert.NotEmpty(validators);
        Assert.All(validators, v => Assert.True(DerivesFromInputValidator(v), $"{v.Name} does not derive from InputValidator<T>: its text fields are not checked."));
    }

    private static bool DerivesFromInputValidator(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(InputValidator<>))
            {
                return true;
            }
        }

        return false;
    }

    private static IElement Input(IRenderedComponent<EditComplex> form, string field) =>
        form.Find($"input[data-field={field}], textarea[data-field={field}]");

    private static string? ErrorAt(IElement input) =>
        input.Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
}
