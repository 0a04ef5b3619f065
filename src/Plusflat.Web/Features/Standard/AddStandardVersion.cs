using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.Standard;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Standard;

/// <summary>A new version of the product standard as the API sends it: its name, every item, and the version it replaces.</summary>
public sealed class StandardVersionInput
{
    public string Name { get; set; } = "";

    public List<StandardItem> Items { get; set; } = [];

    /// <summary>The newest version the programme had when the user started (1 when it has none stored yet: the position paper).</summary>
    public int BasedOnVersion { get; set; }
}

/// <summary>
/// A programme lead adds a version of the product standard (the programme's adaptation of the position paper). Earlier
/// versions and the assessments made on them stay as they are; new assessments use the new one. A version made on a
/// stale one (someone added a version meanwhile) is a conflict.
/// </summary>
public sealed class AddStandardVersionHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, TimeProvider clock)
{
    public async Task<HandlerResult> AddAsync(StandardVersionInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        tenant.Demand(Permission.EditProgramme);
        var errors = new List<FieldError>();
        AddTextProblem(errors, nameof(StandardVersionInput.Name), input.Name, multiline: false);
        for (var i = 0; i < input.Items.Count; i++)
        {
            AddTextProblem(errors, StandardCatalogue.TextField(i), input.Items[i].Text, multiline: true);
        }

        if (errors.Count > 0)
        {
            return HandlerResult.Invalid([.. errors]);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            var newest = await CurrentStandard.GetOrStartAsync(db, tenant.Id, clock.GetUtcNow(), ct);
            if (newest.Version != input.BasedOnVersion)
            {
                return HandlerResult.Conflict();
            }

            // The constructor refuses bad keys, duplicates, empty or long texts and a version without a must (DomainException → 400).
            var next = newest.Derive(input.Name, input.Items.Select(i => i with { Text = PlainText.Normalise(i.Text) ?? "" }), clock.GetUtcNow());
            db.StandardCatalogues.Add(next);
            return HandlerResult.Ok(next.Id);
        }, ct);
    }

    private static void AddTextProblem(List<FieldError> errors, string field, string? text, bool multiline)
    {
        if (PlainText.Problem(text, multiline) is { } problem)
        {
            errors.Add(new FieldError(field, problem));
        }
    }
}
