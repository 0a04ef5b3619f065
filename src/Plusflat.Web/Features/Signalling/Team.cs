using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;
using Plusflat.Domain.FlatTeams;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.Signalling;

public sealed class TeamMemberInput
{
    /// <summary>Null: a new member.</summary>
    public Guid? Id { get; set; }

    public string? Name { get; set; }

    public string? Organisation { get; set; }

    public TeamRole Role { get; set; } = TeamRole.Other;

    public string? Contact { get; set; }

    public DateTime? StartsOn { get; set; }

    public DateTime? EndsOn { get; set; }

    /// <summary>The member's portal account (a flat-team member of this tenant), or none.</summary>
    public Guid? UserId { get; set; }
}

public sealed record TeamMemberView(Guid Id, string Name, string Organisation, TeamRole Role, string? Contact, DateOnly StartsOn, DateOnly? EndsOn, Guid? UserId, bool Active);

public sealed record TeamTextView(Guid Id, TeamTextKind Kind, string Text, DateOnly DatedOn, string RecordedByName, DateTimeOffset RecordedAt);

/// <summary>The flat team of a complex: members, escalation lines (null version: none agreed yet), ambition and work agenda with their history.</summary>
public sealed record TeamView(Guid ComplexId, string ComplexName, IReadOnlyList<TeamMemberView> Members,
    EscalationContent Escalation, uint? EscalationVersion, TeamTextView? Ambition, TeamTextView? WorkAgenda, IReadOnlyList<TeamTextView> History,
    bool CanEditTeam, bool CanEditAgenda);

public sealed class GetTeamHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate)
{
    public async Task<TeamView?> GetAsync(Guid complexId, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!gate.SeesProgrammeWide && !await gate.IsOnTeamAsync(db, complexId, ct))
        {
            return null;
        }

        var complex = await db.Complexes.AsNoTracking().Where(c => c.Id == complexId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (complex is null)
        {
            return null;
        }

        var today = gate.Today;
        var lines = await db.EscalationLines.AsNoTracking().FirstOrDefaultAsync(e => e.ComplexId == complexId, ct);
        var texts = await db.TeamAgenda.AsNoTracking().Where(e => e.ComplexId == complexId).OrderByDescending(e => e.RecordedAt).ToListAsync(ct);
        var onTeam = await gate.IsOnTeamAsync(db, complexId, ct);
        return new TeamView(complexId, complex, [.. (await TeamQueries.TeamAsync(db, complexId, ct))
            .Select(m => new TeamMemberView(m.Id, m.Name, m.Organisation, m.Role, m.Contact, m.StartsOn, m.EndsOn, m.UserId, m.IsActiveOn(today)))],
            lines?.Content ?? EscalationContent.None, lines?.Version,
            Text(TeamAgendaEntry.Current(texts, TeamTextKind.Ambition)), Text(TeamAgendaEntry.Current(texts, TeamTextKind.WorkAgenda)),
            [.. texts.Select(e => Text(e)!)],
            tenant.Can(Permission.EditProgramme), tenant.Can(Permission.EditProgramme) || onTeam);
    }

    private static TeamTextView? Text(TeamAgendaEntry? e) => e is null ? null : new(e.Id, e.Kind, e.Text, e.DatedOn, e.RecordedByName, e.RecordedAt);
}

/// <summary>The escalation lines as a PUT of the team hands them in, with the version last read (null: none agreed yet).</summary>
public sealed record EscalationInput(EscalationContent Content, uint? Version);

/// <summary>
/// A new version of the team's ambition or work agenda. The lead and the complex's own team write it; the earlier
/// versions stay (history). Free text, so the text rule applies; it is no place for signal details.
/// </summary>
public sealed class RecordTeamTextHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate, TimeProvider clock)
{
    public async Task<HandlerResult> RecordAsync(Guid complexId, TeamTextKind kind, string? text, DateOnly? datedOn, CancellationToken ct)
    {
        tenant.Demand(Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!tenant.Can(Permission.EditProgramme) && !await gate.IsOnTeamAsync(db, complexId, ct))
        {
            return HandlerResult.NotFound();
        }

        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (!await db.Complexes.AnyAsync(c => c.Id == complexId, ct))
            {
                return HandlerResult.NotFound();
            }

            var actor = await Actor.CurrentAsync(db, tenant, ct);
            var entry = new TeamAgendaEntry(tenant.Id, complexId, kind, text, datedOn, tenant.UserId, actor.Name, clock.GetUtcNow());
            db.TeamAgenda.Add(entry);
            return HandlerResult.Ok(entry.Id);
        }, ct);
    }
}

/// <summary>
/// A programme lead sets the complex's flat team. Members left out are ended (end date today), never deleted: their
/// actions keep their owner. A linked account must be a flat-team member of this tenant.
/// </summary>
public sealed class SaveTeamHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate, TimeProvider clock)
{
    public Task<HandlerResult> SaveAsync(Guid complexId, IReadOnlyList<TeamMemberInput> members, CancellationToken ct) => SaveAsync(complexId, members, null, ct);

    /// <summary>The escalation lines' own save (the team page); a stale version is a conflict, nothing else changes.</summary>
    public async Task<HandlerResult> SaveEscalationAsync(Guid complexId, EscalationInput escalation, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (!await db.Complexes.AnyAsync(c => c.Id == complexId, ct))
            {
                return HandlerResult.NotFound();
            }

            var errors = await ApplyEscalationAsync(db, complexId, escalation, "", ct);
            return errors is null ? HandlerResult.Ok(complexId) : errors;
        }, ct);
    }

    /// <summary>Null when applied; otherwise the refusal (fields prefixed with <paramref name="prefix"/>) or a conflict.</summary>
    private async Task<HandlerResult?> ApplyEscalationAsync(PlusflatDbContext db, Guid complexId, EscalationInput escalation, string prefix, CancellationToken ct)
    {
        var lines = await db.EscalationLines.FirstOrDefaultAsync(e => e.ComplexId == complexId, ct);
        var content = escalation.Content;
        if (lines is null && escalation.Version is null && content.WhoSignals is null && content.WhoActs is null && content.WhoDecides is null && content.Levels.Count == 0)
        {
            return null; // none agreed, none sent: nothing to store
        }

        if ((lines is null) != (escalation.Version is null) || (lines is not null && lines.Version != escalation.Version))
        {
            return HandlerResult.Conflict();
        }

        try
        {
            if (lines is null)
            {
                db.EscalationLines.Add(new EscalationLines(tenant.Id, complexId, escalation.Content, tenant.UserId, clock.GetUtcNow()));
            }
            else
            {
                db.Entry(lines).Property(e => e.Version).OriginalValue = escalation.Version!.Value;
                lines.Change(escalation.Content, tenant.UserId, clock.GetUtcNow());
                db.Entry(lines).Property(e => e.UpdatedAt).IsModified = true;
            }
        }
        catch (DomainException ex)
        {
            return HandlerResult.Invalid([.. ex.Errors.Select(e => new FieldError(prefix + e.Field, e.Message))]);
        }

        return null;
    }

    public async Task<HandlerResult> SaveAsync(Guid complexId, IReadOnlyList<TeamMemberInput> members, EscalationInput? escalation, CancellationToken ct)
    {
        tenant.Demand(Permission.EditProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HandlerExecution.SaveAsync(db, async () =>
        {
            if (!await db.Complexes.AnyAsync(c => c.Id == complexId, ct))
            {
                return HandlerResult.NotFound();
            }

            var existing = await db.FlatTeamMembers.Where(m => m.ComplexId == complexId).ToListAsync(ct);
            var accounts = (await db.Memberships.Where(m => m.TenantId == tenant.Id && m.Role == TenantRole.FlatTeamMember)
                .Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
            var errors = new List<FieldError>();
            var kept = new HashSet<Guid>();
            for (var i = 0; i < members.Count; i++)
            {
                var input = members[i];
                var prefix = $"Members[{i}].";
                if (input.StartsOn is null)
                {
                    errors.Add(new FieldError(prefix + nameof(TeamMemberInput.StartsOn), "Vul de startdatum in."));
                    continue;
                }

                if (input.UserId is { } user && !accounts.Contains(user))
                {
                    errors.Add(new FieldError(prefix + nameof(TeamMemberInput.UserId), "Kies een account met de rol flatteamlid in deze omgeving."));
                }

                var starts = DateOnly.FromDateTime(input.StartsOn.Value);
                var ends = input.EndsOn is { } e ? DateOnly.FromDateTime(e) : (DateOnly?)null;
                try
                {
                    var member = input.Id is { } id ? existing.FirstOrDefault(m => m.Id == id) : null;
                    if (input.Id is not null && member is null)
                    {
                        errors.Add(new FieldError(prefix + nameof(TeamMemberInput.Id), "Dit teamlid hoort niet bij dit complex."));
                        continue;
                    }

                    if (member is null)
                    {
                        db.FlatTeamMembers.Add(new FlatTeamMember(tenant.Id, complexId, input.Name ?? "", input.Organisation ?? "", input.Role, input.Contact, starts, ends, input.UserId));
                    }
                    else
                    {
                        member.Change(input.Name ?? "", input.Organisation ?? "", input.Role, input.Contact, starts, ends, input.UserId);
                        kept.Add(member.Id);
                    }
                }
                catch (DomainException ex)
                {
                    errors.AddRange(ex.Errors.Select(x => new FieldError(prefix + x.Field, x.Message)));
                }
            }

            if (escalation is not null && await ApplyEscalationAsync(db, complexId, escalation, "Escalation.", ct) is { } refused)
            {
                if (refused.Kind == ResultKind.Conflict)
                {
                    return refused;
                }

                errors.AddRange(refused.Errors);
            }

            if (errors.Count > 0)
            {
                return HandlerResult.Invalid([.. errors]);
            }

            var today = gate.Today;
            foreach (var gone in existing.Where(m => !kept.Contains(m.Id) && (m.EndsOn is null || m.EndsOn > today)))
            {
                gone.Change(gone.Name, gone.Organisation, gone.Role, gone.Contact, gone.StartsOn, gone.StartsOn > today ? gone.StartsOn : today, gone.UserId);
            }

            return HandlerResult.Ok(complexId);
        }, ct);
    }
}
