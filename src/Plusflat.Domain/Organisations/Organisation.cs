using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Organisations;

/// <summary>
/// A partner organisation in a programme: housing corporation, care provider, welfare party,
/// municipality, zorgkantoor or other.
/// </summary>
/// <remarks>
/// <see cref="CareProviderFacts"/> belong to care providers only. Facts passed for any other kind
/// are refused rather than dropped, so a form never loses what the user ticked without saying so;
/// the form shows the facts only for a care provider and sends <c>null</c> otherwise. Changing a
/// care provider into another kind therefore means passing <c>null</c> facts, which clears them.
/// A care provider may have <c>null</c> facts: not assessed yet.
/// </remarks>
public sealed partial class Organisation : ITenantOwned
{
    public const int NameMaxLength = 200;

    public const int ContactNameMaxLength = 200;

    public const int ContactEmailMaxLength = 254;

    public const int ContactPhoneMaxLength = 30;

    public const int NotesMaxLength = 2000;

    private readonly List<OrganisationHistoryEntry> _history = [];

    public Organisation(
        Guid tenantId,
        string name,
        OrganisationKind kind,
        string? contactName,
        string? contactEmail,
        string? contactPhone,
        string? notes,
        CareProviderFacts? careProviderFacts)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Apply(name, kind, contactName, contactEmail, contactPhone, notes, careProviderFacts);
    }

    /// <summary>Adds an organisation and starts its history with who added it and when.</summary>
    public Organisation(
        Guid tenantId,
        string name,
        OrganisationKind kind,
        string? contactName,
        string? contactEmail,
        string? contactPhone,
        string? notes,
        CareProviderFacts? careProviderFacts,
        Guid by,
        string byName,
        DateTimeOffset now)
        : this(tenantId, name, kind, contactName, contactEmail, contactPhone, notes, careProviderFacts)
    {
        _history.Add(new OrganisationHistoryEntry(TenantId, Id, OrganisationHistoryKind.Created, now, 0, by, ValidActor(by, byName)));
    }

    private Organisation()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public string? ContactName { get; private set; }

    /// <summary>Lower-cased e-mail address of the contact person.</summary>
    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Toewijzingskader 2.3 facts; only for a care provider, <c>null</c> when not assessed.</summary>
    public CareProviderFacts? CareProviderFacts { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Creation and field changes; only what was loaded plus what this instance added.</summary>
    public IReadOnlyList<OrganisationHistoryEntry> History => _history;

    /// <summary>
    /// Saves the edited details of the organisation (see the class remarks for the care-provider facts) and records
    /// each changed field in its history, in the form's order, all at <paramref name="now"/>. Returns the changes.
    /// </summary>
    public IReadOnlyList<FieldChange> Update(
        string name,
        OrganisationKind kind,
        string? contactName,
        string? contactEmail,
        string? contactPhone,
        string? notes,
        CareProviderFacts? careProviderFacts,
        Guid by,
        string byName,
        DateTimeOffset now)
    {
        var actorName = ValidActor(by, byName);
        var before = Snapshot();
        Apply(name, kind, contactName, contactEmail, contactPhone, notes, careProviderFacts);
        var changes = FieldValues.Changes(before, Snapshot());
        for (var i = 0; i < changes.Count; i++)
        {
            _history.Add(new OrganisationHistoryEntry(
                TenantId, Id, OrganisationHistoryKind.FieldChanged, now, i, by, actorName, changes[i].Field, changes[i].OldValue, changes[i].NewValue));
        }

        return changes;
    }

    /// <summary>Every field as invariant text, in the form's order; each care-provider criterion on its own (<c>null</c>: not assessed).</summary>
    public IReadOnlyList<(string Field, string? Value)> Snapshot()
    {
        var facts = CareProviderFacts;
        const string prefix = nameof(CareProviderFacts) + ".";
        return
        [
            (nameof(Name), Name),
            (nameof(Kind), FieldValues.Of(Kind)),
            (nameof(ContactName), ContactName),
            (nameof(ContactEmail), ContactEmail),
            (nameof(ContactPhone), ContactPhone),
            (nameof(Notes), Notes),
            (prefix + nameof(Organisations.CareProviderFacts.ZvwDistrictNursing), FieldValues.Of(facts?.ZvwDistrictNursing)),
            (prefix + nameof(Organisations.CareProviderFacts.WlzMpt), FieldValues.Of(facts?.WlzMpt)),
            (prefix + nameof(Organisations.CareProviderFacts.WlzVpt), FieldValues.Of(facts?.WlzVpt)),
            (prefix + nameof(Organisations.CareProviderFacts.DementiaCaseManagers), FieldValues.Of(facts?.DementiaCaseManagers)),
            (prefix + nameof(Organisations.CareProviderFacts.ContractedByZorgkantoor), FieldValues.Of(facts?.ContractedByZorgkantoor)),
            (prefix + nameof(Organisations.CareProviderFacts.IntramuralLocationNearby), FieldValues.Of(facts?.IntramuralLocationNearby)),
            (prefix + nameof(Organisations.CareProviderFacts.KnownInNeighbourhood), FieldValues.Of(facts?.KnownInNeighbourhood)),
            (prefix + nameof(Organisations.CareProviderFacts.GpFirstLineAgreements), FieldValues.Of(facts?.GpFirstLineAgreements)),
        ];
    }

    /// <summary>Who acts comes from the signed-in user, never from a form, so a bad value is a bug.</summary>
    private static string ValidActor(Guid by, string byName)
    {
        if (by == Guid.Empty)
        {
            throw new ArgumentException("The acting user is missing.", nameof(by));
        }

        var name = byName?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            throw new ArgumentException("The acting user's display name must be 1 to 200 characters.", nameof(byName));
        }

        return name;
    }

    [MemberNotNull(nameof(Name))]
    private void Apply(
        string name,
        OrganisationKind kind,
        string? contactName,
        string? contactEmail,
        string? contactPhone,
        string? notes,
        CareProviderFacts? careProviderFacts)
    {
        // Every rule is checked before anything is refused, so a form hears about all wrong fields at once.
        var errors = new List<DomainError>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add(new DomainError(nameof(Kind), "Kies een geldig soort organisatie."));
        }
        else if (careProviderFacts is not null && kind != OrganisationKind.CareProvider)
        {
            errors.Add(new DomainError(nameof(CareProviderFacts), "Criteria voor de voorkeursaanbieder horen alleen bij een zorgaanbieder."));
        }

        var validName = Collect(errors, () => Guard.RequiredText(name, NameMaxLength, nameof(Name), "Naam"));
        var validContactName = Collect(errors, () => Guard.OptionalText(contactName, ContactNameMaxLength, nameof(ContactName), "Naam contactpersoon"));
        var validEmail = Collect(errors, () => ValidEmail(contactEmail));
        var validPhone = Collect(errors, () => ValidPhone(contactPhone));
        var validNotes = Collect(errors, () => Guard.OptionalText(notes, NotesMaxLength, nameof(Notes), "Notities", multiline: true));
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }

        Name = validName!;
        Kind = kind;
        ContactName = validContactName;
        ContactEmail = validEmail;
        ContactPhone = validPhone;
        Notes = validNotes;
        CareProviderFacts = careProviderFacts;
    }

    private static string? Collect(List<DomainError> errors, Func<string?> check)
    {
        try
        {
            return check();
        }
        catch (DomainException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
    }

    private static string? ValidEmail(string? email)
    {
        var value = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > ContactEmailMaxLength || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value)
        {
            throw new DomainException("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.", nameof(ContactEmail));
        }

        return value;
    }

    private static string? ValidPhone(string? phone)
    {
        var value = phone?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var digits = value.Count(char.IsAsciiDigit);
        if (value.Length > ContactPhoneMaxLength || !PhonePattern().IsMatch(value) || digits is < 6 or > 15)
        {
            throw new DomainException(
                "Vul een geldig telefoonnummer in: cijfers, eventueel met +, spaties, koppeltekens of haakjes.",
                nameof(ContactPhone));
        }

        return value;
    }

    [GeneratedRegex(@"^\+?[0-9(][0-9 ()\-]*[0-9]$")]
    private static partial Regex PhonePattern();
}
