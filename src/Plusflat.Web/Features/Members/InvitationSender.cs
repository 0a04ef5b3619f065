namespace Plusflat.Web.Features.Members;

/// <summary>Delivers an invitation link. There is no e-mail here: the link is shown to the admin and logged.</summary>
public interface IInvitationSender
{
    Task SendAsync(string email, string tenantName, Uri link, CancellationToken cancellationToken);
}

public sealed class LoggingInvitationSender(ILogger<LoggingInvitationSender> logger) : IInvitationSender
{
    public Task SendAsync(string email, string tenantName, Uri link, CancellationToken cancellationToken)
    {
        // Never log the link itself: it carries the secret token.
        logger.LogInformation("Invitation for {Email} to {Tenant} created; the link is shown to the admin", email, tenantName);
        return Task.CompletedTask;
    }
}
