namespace Plusflat.Domain.Standard;

/// <summary>The five domains of the minimal product standard (position paper, ch. 5).</summary>
public enum StandardDomain
{
    Housing,
    TargetGroup,
    Organisation,
    Prevention,
    Governance,
}

/// <summary>
/// Must: required for the label and the funding of the plus layer. Should: an accelerator, not required.
/// Not: an explicit exclusion — when it applies, the complex falls outside the label.
/// </summary>
public enum StandardItemKind
{
    Must,
    Should,
    Not,
}

/// <summary>One item of a standard catalogue version. <see cref="Key"/> is stable across versions (assessments refer to it).</summary>
public sealed record StandardItem(string Key, StandardDomain Domain, StandardItemKind Kind, string Text);

/// <summary>Dutch names of the domains and kinds, as the position paper words them.</summary>
public static class StandardNames
{
    public static IReadOnlyList<StandardDomain> Domains { get; } = Enum.GetValues<StandardDomain>();

    public static string Of(StandardDomain domain) => domain switch
    {
        StandardDomain.Housing => "Wonen (gebouw)",
        StandardDomain.TargetGroup => "Doelgroep en instroom",
        StandardDomain.Organisation => "Organisatie sociaal, welzijn en zorg",
        StandardDomain.Prevention => "Preventie en vroegsignalering",
        StandardDomain.Governance => "Governance en monitoring",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };

    public static string Of(StandardItemKind kind) => kind switch
    {
        StandardItemKind.Must => "Must",
        StandardItemKind.Should => "Should (versneller)",
        StandardItemKind.Not => "Niet (valt buiten het label)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(StandardItemStatus status) => status switch
    {
        StandardItemStatus.Met => "Voldaan",
        StandardItemStatus.NotMet => "Niet voldaan",
        StandardItemStatus.NotApplicable => "Niet van toepassing",
        StandardItemStatus.Applies => "Is van toepassing",
        StandardItemStatus.DoesNotApply => "Is niet van toepassing",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
