using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Plusflat.Infrastructure.Messaging;
using Plusflat.Infrastructure.Persistence;

namespace Plusflat.Web.Messaging;

/// <summary>Puts a message into the outbox (a table); the <see cref="OutboxDispatcher"/> sends it.</summary>
public sealed class Outbox(IDbContextFactory<PlusflatDbContext> contexts, TimeProvider clock, OutboxSignal signal)
{
    public async Task EnqueueAsync(string recipient, string subject, string body, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.OutboxMessages.Add(new OutboxMessage(recipient, subject, body, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        signal.Wake();
    }
}

/// <summary>Wakes the dispatcher when a message was queued, so it need not wait for its next round.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already awake
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}

/// <summary>
/// Sends what is in the outbox, oldest first, through the configured <see cref="IMessageSender"/>. Rows are
/// claimed with FOR UPDATE SKIP LOCKED, so several instances never send one message twice. A failed message
/// is tried again in a later round, at most five times.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IMessageSender sender, OutboxSignal signal, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    public const int MaxAttempts = 5;

    private static readonly TimeSpan Round = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendBatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox round failed");
            }

            try
            {
                await signal.WaitAsync(Round, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends up to 20 waiting messages; returns how many it handled.</summary>
    public async Task<int> SendBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlusflatDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL AND attempts < {MaxAttempts} ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var message in batch)
        {
            try
            {
                await sender.SendAsync(message, ct);
                message.MarkSent(clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sending message {MessageId} failed (attempt {Attempt})", message.Id, message.Attempts + 1);
                message.MarkFailed(ex.Message);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return batch.Count;
    }
}

/// <summary>
/// Whether the development mailbox page may show the outbox: only on a developer's machine (Development, which is what
/// `dotnet run` and the embedded default use, and the tests' Testing), never with SMTP configured. Not in Staging or
/// Production: the page is anonymous and its messages carry password-reset links.
/// </summary>
public sealed class DevelopmentMailbox(IHostEnvironment environment, IOptions<MailOptions> options)
{
    public bool IsAvailable => IsDeveloperMachine(environment) && !options.Value.SmtpConfigured;

    public static bool IsDeveloperMachine(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");
}

public static class MessagingSetup
{
    public static IServiceCollection AddPlusflatMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        var smtp = configuration.GetSection(MailOptions.Section).Get<MailOptions>()?.SmtpConfigured == true;
        if (smtp)
        {
            services.AddSingleton<IMessageSender, SmtpMessageSender>();
        }
        else
        {
            services.AddSingleton<IMessageSender, LogMessageSender>();
        }

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DevelopmentMailbox>();
        services.AddScoped<Outbox>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
