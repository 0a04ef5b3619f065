using Microsoft.Extensions.Localization;
using Plusflat.Web.Messaging;

namespace Plusflat.Web.Features.Members;

/// <summary>Delivers an invitation link. The link is also shown to the admin, for when no mail is configured.</summary>
public interface IInvitationSender
{
    Task SendAsync(string email, string tenantName, Uri link, CancellationToken cancellationToken);
}

/// <summary>Puts the invitation into the outbox: sent over SMTP when configured, else logged and on the development mailbox.</summary>
public sealed class OutboxInvitationSender(Outbox outbox, IStringLocalizer<SharedResource> L, ILogger<OutboxInvitationSender> logger) : IInvitationSender
{
    public async Task SendAsync(string email, string tenantName, Uri link, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(
            email,
            string.Format(L["Uitnodiging voor {0} in de Plusflat portal"], tenantName),
            string.Join('\n',
                L["Hallo,"],
                "",
                string.Format(L["Je bent uitgenodigd voor {0} in de Plusflat portal. Open deze link om deel te nemen; hij is 7 dagen geldig en werkt één keer:"], tenantName),
                "",
                link.ToString(),
                "",
                L["Verwachtte je deze uitnodiging niet? Dan kun je dit bericht negeren."]),
            cancellationToken);
        // Never log the link itself: it carries the secret token.
        logger.LogInformation("Invitation for {Email} to {Tenant} queued in the outbox", email, tenantName);
    }
}
