using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using Plusflat.Infrastructure.Messaging;

namespace Plusflat.Web.Messaging;

/// <summary>Delivers one message of the outbox. Throws when it could not; the dispatcher tries again later.</summary>
public interface IMessageSender
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends over SMTP (<c>Mail:Smtp:*</c>).</summary>
public sealed class SmtpMessageSender(IOptions<MailOptions> options) : IMessageSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        using var client = new SmtpClient(mail.Smtp.Host!, mail.Smtp.Port) { EnableSsl = mail.Smtp.EnableSsl };
        if (!string.IsNullOrEmpty(mail.Smtp.UserName))
        {
            client.Credentials = new NetworkCredential(mail.Smtp.UserName, mail.Smtp.Password);
        }

        using var email = new MailMessage { From = new MailAddress(mail.From), Subject = message.Subject, Body = message.Body, IsBodyHtml = false };
        email.To.Add(message.Recipient);
        await client.SendMailAsync(email, cancellationToken);
    }
}

/// <summary>
/// No SMTP configured: the message is written to the log. On a developer's machine with its text (a developer reads
/// the link there or on the mailbox page); elsewhere (Staging, Production) only that it was not delivered — links carry secrets.
/// </summary>
public sealed class LogMessageSender(ILogger<LogMessageSender> logger, IHostEnvironment environment) : IMessageSender
{
    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!DevelopmentMailbox.IsDeveloperMachine(environment))
        {
            logger.LogWarning("No SMTP server configured (Mail:Smtp:Host): message {MessageId} \"{Subject}\" to {Recipient} was not delivered",
                message.Id, message.Subject, message.Recipient);
        }
        else
        {
            logger.LogInformation("Message (no SMTP configured; also on /account/postvak) to {Recipient}: {Subject}{NewLine}{Body}",
                message.Recipient, message.Subject, Environment.NewLine, message.Body);
        }

        return Task.CompletedTask;
    }
}
