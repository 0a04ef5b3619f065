namespace Plusflat.Web.Messaging;

/// <summary>
/// The <c>Mail</c> section. With <c>Mail:Smtp:Host</c> set, messages go out over SMTP; without it they are
/// written to the log (and, outside Production, shown on the development mailbox page).
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender address, e.g. <c>Plusflat portal &lt;noreply@example.org&gt;</c>.</summary>
    public string From { get; set; } = "Plusflat portal <noreply@plusflat.local>";

    public SmtpOptions Smtp { get; set; } = new();

    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS/TLS to the server.</summary>
    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
