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

public sealed record TeamView(Guid ComplexId, string ComplexName, IReadOnlyList<TeamMemberView> Members);

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
        return new TeamView(complexId, complex, [.. (await TeamQueries.TeamAsync(db, complexId, ct))
            .Select(m => new TeamMemberView(m.Id, m.Name, m.Organisation, m.Role, m.Contact, m.StartsOn, m.EndsOn, m.UserId, m.IsActiveOn(today)))]);
    }
}

/// <summary>
/// A programme lead sets the complex's flat team. Members left out are ended (end date today), never deleted: their
/// actions keep their owner. A linked account must be a flat-team member of this tenant.
/// </summary>
public sealed class SaveTeamHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant, SignallingGate gate)
{
    public async Task<HandlerResult> SaveAsync(Guid complexId, IReadOnlyList<TeamMemberInput> members, CancellationToken ct)
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
