using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.Common;

namespace Plusflat.Web.Features.Shared;

/// <summary>What a write handler reports back: nothing (saved), field errors, a conflict, or "not found".</summary>
public sealed record HandlerResult(IReadOnlyList<FieldError> Errors, ResultKind Kind = ResultKind.Ok, Guid? Id = null)
{
    public static readonly string ConflictMessage =
        "Iemand anders heeft dit intussen gewijzigd. De pagina toont nu de actuele gegevens en je eigen invoer staat nog in het formulier: controleer ze en sla opnieuw op.";

    public bool Succeeded => Kind == ResultKind.Ok;

    public static HandlerResult Ok(Guid? id = null) => new([], ResultKind.Ok, id);

    public static HandlerResult Invalid(params FieldError[] errors) => new(errors, ResultKind.Invalid);

    public static HandlerResult Invalid(FluentValidation.Results.ValidationResult result) =>
        new(result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList(), ResultKind.Invalid);

    public static HandlerResult From(DomainException ex) => Invalid([.. ex.Errors.Select(e => new FieldError(e.Field, e.Message))]);

    public static HandlerResult Conflict() => new([new FieldError(null, ConflictMessage)], ResultKind.Conflict);

    public static HandlerResult NotFound() => new([new FieldError(null, "Niet gevonden.")], ResultKind.NotFound);
}

public enum ResultKind
{
    Ok,
    Invalid,
    Conflict,
    NotFound,
}

public static class HandlerExecution
{
    /// <summary>
    /// Validates the input's shape, runs the domain change and saves — turning domain refusals and
    /// optimistic-concurrency failures into a result instead of an exception. Nothing is saved on an error.
    /// </summary>
    public static async Task<HandlerResult> SaveAsync<TInput>(
        DbContext db, IValidator<TInput> validator, TInput input, Func<Task<HandlerResult>> change, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return HandlerResult.Invalid(validation);
        }

        return await SaveAsync(db, change, ct);
    }

    /// <remarks>
    /// The change runs in a transaction, so row locks it takes (e.g. on organisations it links) hold until
    /// the save commits; reads in it see other transactions' committed work.
    /// </remarks>
    public static async Task<HandlerResult> SaveAsync(DbContext db, Func<Task<HandlerResult>> change, CancellationToken ct)
    {
        HandlerResult result;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            result = await change();
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return result;
            }

            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return HandlerResult.From(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return HandlerResult.Conflict();
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two people did the same thing at once (e.g. ticked the same item): the database kept the first.
            db.ChangeTracker.Clear();
            return new HandlerResult([new FieldError(null, "Iemand anders heeft dit zojuist al vastgelegd. Bekijk de actuele gegevens.")], ResultKind.Conflict);
        }

        return result;
    }
}
