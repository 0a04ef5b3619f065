using System.Text.RegularExpressions;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Signalling;

/// <summary>
/// The programme's own format of pseudonymous resident codes, set by the lead. A pattern is accepted only when it is a
/// valid regular expression, matches its example, and can never match a name, an e-mail address or an address: the
/// code must stay a pseudonym.
/// </summary>
public sealed class ResidentCodeSettings : ITenantOwned
{
    public const int PatternMax = 200;
    public const int ExampleMax = 40;

    /// <summary>Text that identifies a person; no resident-code pattern may let any of it through.</summary>
    public static readonly IReadOnlyList<string> MustRefuse =
        ["", "Jansen", "mevrouw Jansen", "de Vries", "Mohamed", "j.jansen@example.nl", "1234 AB 12", "Kerkstraat 12", "0612345678", "123456782", "3-4-1941"];

    private ResidentCodeSettings()
    {
        Pattern = "";
        Example = "";
    }

    public ResidentCodeSettings(Guid tenantId, string? pattern, string? example)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Pattern = "";
        Example = "";
        Change(pattern, example);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>As the lead typed it; applied to the whole code (<see cref="ToPattern"/> anchors it).</summary>
    public string Pattern { get; private set; }

    public string Example { get; private set; }

    public uint Version { get; private set; }

    public ResidentCodePattern ToPattern() => new(Anchored(Pattern), Example);

    /// <summary>The pattern that applies: the programme's own, or the default.</summary>
    public static ResidentCodePattern For(ResidentCodeSettings? settings) => settings?.ToPattern() ?? ResidentCodePattern.Default;

    public void Change(string? pattern, string? example)
    {
        var (p, e) = Checked(pattern, example);
        Pattern = p;
        Example = e;
    }

    /// <summary>The trimmed pattern and example, or every refusal at once.</summary>
    public static (string Pattern, string Example) Checked(string? pattern, string? example)
    {
        string? p = null, e = null;
        DomainException.ThrowAll(
            () => p = Guard.RequiredText(pattern, PatternMax, nameof(Pattern), "Het patroon"),
            () => e = Guard.RequiredText(example, ExampleMax, nameof(Example), "Het voorbeeld"));
        Regex regex;
        try
        {
            regex = new Regex(Anchored(p!), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            throw new DomainException("Dit is geen geldig patroon (reguliere expressie), bijvoorbeeld [A-Z]{1,3}-[0-9]{1,4}.", nameof(Pattern));
        }

        try
        {
            if (MustRefuse.FirstOrDefault(regex.IsMatch) is { } leak)
            {
                throw new DomainException(leak.Length == 0
                    ? "Het patroon laat een lege code toe. Een code heeft altijd tekens."
                    : $"Het patroon laat ook \"{leak}\" toe: dat kan een naam, adres of ander herkenbaar gegeven zijn. Maak het strenger, bijvoorbeeld letters, een streepje en cijfers.",
                    nameof(Pattern));
            }

            if (!regex.IsMatch(e!))
            {
                throw new DomainException("Het voorbeeld past niet in het patroon.", nameof(Example));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            throw new DomainException("Dit patroon is te ingewikkeld om snel te controleren. Maak het eenvoudiger.", nameof(Pattern));
        }

        return (p!, e!);
    }

    private static string Anchored(string pattern) => $"^(?:{pattern.TrimStart('^').TrimEnd('$')})$";
}
