using Microsoft.Extensions.Localization;
using MudBlazor;
using Plusflat.Domain.DosApplications;

namespace Plusflat.Web.Features.DosApplications;

/// <summary>Dutch names for statuses and history entries on the pages (through the localizer), and their colours.</summary>
public static class DosText
{
    public static string Status(IStringLocalizer l, DosApplicationStatus status) => l[DosTransitions.Name(status)];

    /// <summary>
    /// A coalition party as a label: the domain's lowercase name ("gemeente", made for sentences) in Dutch, the capitalised
    /// name's translation ("Municipality") in English — one resx cannot hold both "gemeente" and "Gemeente".
    /// </summary>
    public static string Party(IStringLocalizer l, CoalitionParty party)
    {
        var dutch = DosSubmitConditions.PartyName(party);
        var english = l[char.ToUpperInvariant(dutch[0]) + dutch[1..]];
        return english.ResourceNotFound ? dutch : english.Value;
    }

    public static Color Colour(DosApplicationStatus status) => status switch
    {
        DosApplicationStatus.Granted => Color.Success,
        DosApplicationStatus.Rejected or DosApplicationStatus.Withdrawn => Color.Default,
        DosApplicationStatus.MoreInformationRequested => Color.Warning,
        DosApplicationStatus.Draft => Color.Default,
        _ => Color.Info,
    };

    public static string Event(IStringLocalizer l, DosEventKind kind) => kind switch
    {
        DosEventKind.Created => l["Aangemaakt"],
        DosEventKind.Submitted => l["Ingediend"],
        DosEventKind.QuestionAsked => l["Vraag gesteld"],
        DosEventKind.Resubmitted => l["Beantwoord en opnieuw ingediend"],
        DosEventKind.Granted => l["Toegekend"],
        DosEventKind.Rejected => l["Afgewezen"],
        DosEventKind.Withdrawn => l["Ingetrokken"],
        _ => kind.ToString(),
    };

    public static string Euro(decimal amount) => DosApi.Euro(amount);
}
