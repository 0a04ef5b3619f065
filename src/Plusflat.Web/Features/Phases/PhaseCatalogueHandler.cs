using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Phases;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Phases;

public sealed class AddItemInput
{
    public int? Phase { get; set; }

    public string Title { get; set; } = "";
}

public sealed class AddItemInputValidator : InputValidator<AddItemInput>
{
    public AddItemInputValidator()
    {
        RuleFor(x => x.Phase).NotNull().WithMessage("Kies de fase.")
            .InclusiveBetween(PhaseNames.First, PhaseNames.Last).WithMessage("Kies een fase van 0 tot en met 4.");
        RuleFor(x => x.Title).NotEmpty().WithMessage("Vul de omschrijving van het punt in.")
            .MaximumLength(200).WithMessage("De omschrijving mag hoogstens 200 tekens lang zijn.");
    }
}

public sealed class RemoveItemInput
{
    public string? Code { get; set; }
}

public sealed class RemoveItemInputValidator : InputValidator<RemoveItemInput>
{
    public RemoveItemInputValidator() => RuleFor(x => x.Code).NotEmpty().WithMessage("Kies het punt dat je wilt verwijderen.");
}

/// <summary>An item of the newest version; <see cref="Code"/> is internal (the page shows the title and the phase's name).</summary>
public sealed record CatalogueItemView(int Phase, string Code, string Title);

public sealed record CatalogueVersionView(int Version, DateTimeOffset CreatedAt, int ComplexCount);

public sealed record CatalogueView(int? Version, IReadOnlyList<CatalogueItemView> Items, IReadOnlyList<CatalogueVersionView> Versions);

/// <summary>
/// The programme's phase checklist as data: a change makes a new version, new complexes use the newest,
/// existing complexes keep the version they started with.
/// </summary>
public sealed class PhaseCatalogueHandler(
    IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock, IValidator<AddItemInput> addValidator, IValidator<RemoveItemInput> removeValidator)
{
    public async Task<CatalogueView> GetAsync(CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var latest = await db.PhaseCatalogues.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct)
                     ?? PhaseCatalogue.CreateDefault(tenant.Id, clock.GetUtcNow());
        var versions = await db.PhaseCatalogues.AsNoTracking().OrderByDescending(c => c.Version)
            .Select(c => new CatalogueVersionView(c.Version, c.CreatedAt, db.Complexes.Count(x => x.CatalogueId == c.Id)))
            .ToListAsync(ct);
        var items = latest.Items.OrderBy(i => i.Phase).ThenBy(i => i.SortOrder).Select(i => new CatalogueItemView(i.Phase, i.Code, i.Title)).ToList();
        return new CatalogueView(versions.Count == 0 ? null : latest.Version, items, versions);
    }

    public async Task<HandlerResult> AddAsync(AddItemInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, addValidator, input, async () =>
        {
            var latest = await CurrentCatalogue.GetOrStartAsync(db, tenant.Id, clock.GetUtcNow(), ct);
            var code = UniqueCode(input.Phase!.Value, input.Title, latest.Items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal));
            db.PhaseCatalogues.Add(latest.Derive([new ChecklistItemDraft(input.Phase.Value, code, input.Title)], [], clock.GetUtcNow()));
            return HandlerResult.Ok();
        }, ct);
    }

    public async Task<HandlerResult> RemoveAsync(RemoveItemInput input, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, removeValidator, input, async () =>
        {
            var latest = await CurrentCatalogue.GetOrStartAsync(db, tenant.Id, clock.GetUtcNow(), ct);
            if (latest.Items.All(i => i.Code != input.Code))
            {
                return HandlerResult.Invalid(new FieldError(nameof(RemoveItemInput.Code), "Dit punt staat niet (meer) in de checklist."));
            }

            db.PhaseCatalogues.Add(latest.Derive([], [input.Code!], clock.GetUtcNow()));
            return HandlerResult.Ok();
        }, ct);
    }

    /// <summary>A stable code from the title, e.g. "p2-sleutelbeheer", unique within the catalogue.</summary>
    public static string UniqueCode(int phase, string title, IReadOnlySet<string> taken)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var words = string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        var stem = $"p{phase}-{(words.Length == 0 ? "punt" : words)}";
        stem = stem.Length > 44 ? stem[..44].TrimEnd('-') : stem;
        var code = stem;
        for (var n = 2; taken.Contains(code); n++)
        {
            code = $"{stem}-{n}";
        }

        return code;
    }
}
