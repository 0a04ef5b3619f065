namespace Plusflat.Infrastructure.Messaging;

/// <summary>
/// A message waiting to be sent (or sent): written in the same place as the change that causes it, delivered
/// afterwards by the outbox dispatcher through the configured sender (SMTP, or the log in development).
/// Not tenant-owned: a password reset belongs to no tenant, and the dispatcher serves all of them.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>For EF Core.</summary>
    private OutboxMessage()
    {
        Recipient = null!;
        Subject = null!;
        Body = null!;
    }

    public OutboxMessage(string recipient, string subject, string body, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Recipient = recipient;
        Subject = subject;
        Body = body;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Recipient { get; private set; }

    public string Subject { get; private set; }

    /// <summary>Plain text.</summary>
    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}
