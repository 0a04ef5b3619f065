namespace Plusflat.Domain.BusinessCases;

/// <summary>What a cost line pays for. <see cref="Capex"/> is a one-off investment (e.g. building a meeting room): kept apart from the plus layer's running costs.</summary>
public enum CostCategory
{
    Staff,
    ProjectManagement,
    Overhead,
    Training,
    Activities,
    Building,
    Communication,
    MeetingRoom,
    Other,
    Capex,
}

/// <summary>The domain a benefit lands in. Benefits of the plus layer land across domains, not at one payer.</summary>
public enum BenefitDomain
{
    Wlz,
    Zvw,
    Wmo,
    Corporation,
    Society,
}

/// <summary>Who carries a share of the plus layer's running costs.</summary>
public enum Payer
{
    ZorgkantoorDos,
    MunicipalityWmo,
    InsurerZvw,
    CorporationInKind,
    Welfare,
    Other,
}

/// <summary>Dutch names of the terms, for messages, explanations and reports.</summary>
public static class BusinessCaseTerms
{
    public static string NameOf(CostCategory category) => category switch
    {
        CostCategory.Staff => "Personeel",
        CostCategory.ProjectManagement => "Projectmanagement",
        CostCategory.Overhead => "Overhead",
        CostCategory.Training => "Scholing",
        CostCategory.Activities => "Activiteiten",
        CostCategory.Building => "Inrichting",
        CostCategory.Communication => "PR en communicatie",
        CostCategory.MeetingRoom => "Ontmoetingsruimte (exploitatie)",
        CostCategory.Other => "Overig",
        CostCategory.Capex => "Investering (eenmalig, apart)",
        _ => category.ToString(),
    };

    public static string NameOf(BenefitDomain domain) => domain switch
    {
        BenefitDomain.Wlz => "Wlz",
        BenefitDomain.Zvw => "Zvw",
        BenefitDomain.Wmo => "Wmo",
        BenefitDomain.Corporation => "Woningcorporatie",
        BenefitDomain.Society => "Maatschappij",
        _ => domain.ToString(),
    };

    public static string NameOf(Payer payer) => payer switch
    {
        Payer.ZorgkantoorDos => "Zorgkantoor (DOS/Wlz)",
        Payer.MunicipalityWmo => "Gemeente (Wmo)",
        Payer.InsurerZvw => "Zorgverzekeraar (Zvw)",
        Payer.CorporationInKind => "Woningcorporatie (in natura)",
        Payer.Welfare => "Welzijn",
        Payer.Other => "Overig",
        _ => payer.ToString(),
    };

    /// <summary>
    /// The domain whose budget a payer spends, so costs carried and benefits received can be set side by side.
    /// Welfare and other payers are counted with society: their money is not one of the four statutory budgets.
    /// </summary>
    public static BenefitDomain DomainOf(Payer payer) => payer switch
    {
        Payer.ZorgkantoorDos => BenefitDomain.Wlz,
        Payer.InsurerZvw => BenefitDomain.Zvw,
        Payer.MunicipalityWmo => BenefitDomain.Wmo,
        Payer.CorporationInKind => BenefitDomain.Corporation,
        _ => BenefitDomain.Society,
    };

    /// <summary>"€ 1.234,50" the Dutch way, for explanations and reports.</summary>
    public static string Euro(decimal amount) =>
        "€ " + amount.ToString(amount == decimal.Truncate(amount) ? "#,##0" : "#,##0.00", Dutch);

    public static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
}
