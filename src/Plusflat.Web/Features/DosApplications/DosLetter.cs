using Microsoft.EntityFrameworkCore;
using Plusflat.Domain.DosApplications;
using Plusflat.Domain.Tenancy;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Web.Features.Shared;
using Plusflat.Web.Tenancy;

namespace Plusflat.Web.Features.DosApplications;

/// <summary>The decision letter as PDF: for the programme that applied and the zorgkantoor that decided; only once decided.</summary>
public sealed class DosLetterHandler(IDbContextFactory<PlusflatDbContext> contexts, CurrentTenant tenant)
{
    public async Task<byte[]?> PdfAsync(Guid id, CancellationToken ct)
    {
        var receiving = tenant.Kind == TenantKind.Zorgkantoor;
        tenant.Demand(receiving ? Permission.ViewReceivedApplications : Permission.ViewProgramme);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var a = await db.DosApplications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a?.Decision is not { } d || (receiving ? a.ZorgkantoorTenantId != tenant.Id : a.TenantId != tenant.Id))
        {
            return null;
        }

        var zorgkantoor = await db.Tenants.AsNoTracking().Where(t => t.Id == a.ZorgkantoorTenantId).Select(t => t.Name).FirstAsync(ct);
        var granted = d.Outcome == DosApplicationStatus.Granted;
        var report = new PdfReport($"Besluit op de DOS-aanvraag voor {a.Snapshot.Complex.Name}", $"{zorgkantoor} · besluit van {Dates.Show(d.DecidedOn)}");
        report.Line("Aan", $"{a.Details.Submitter} namens {a.ProgrammeName}")
            .Line("Wooncomplex", $"{a.Snapshot.Complex.Name}, {a.Snapshot.Complex.Address}, {a.Snapshot.Complex.Municipality}")
            .Line("Periode", $"{a.Details.FirstYear}–{a.Details.LastYear}")
            .Line("Ingediend", a.SubmittedAt is { } s ? Dates.Show(s) : "—")
            .Line("Besluit", granted ? "Toegekend: Plusflat-label en DOS-financiering" : "Afgewezen")
            .Line("Besluitdatum", Dates.Show(d.DecidedOn));
        if (granted)
        {
            report.Line("Labelnummer", d.LabelNumber ?? "—")
                .Line("Ingangsdatum", d.EffectiveOn is { } e ? Dates.Show(e) : "—")
                .Line("Herbeoordeling", d.ReviewOn is { } r ? Dates.Show(r) : "—");
            report.Section("Toegekende financiering per jaar");
            foreach (var amount in d.Amounts)
            {
                report.Line(amount.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{DosApi.Euro(amount.Amount)} (gevraagd {DosApi.Euro(a.Details.RequestedIn(amount.Year))})");
            }

            report.Line("Totaal", DosApi.Euro(d.Total));
        }

        if (d.Reasons.Length > 0)
        {
            report.Section(granted ? "Motivering" : "Redenen van afwijzing").Paragraph(d.Reasons);
        }

        report.Section("Bezwaar").Paragraph(
            $"Bent u het niet eens met dit besluit? Dan kunt u tot en met {Dates.Show(d.ObjectionDeadline)} bezwaar maken bij {zorgkantoor} (artikel 6:7 Awb: zes weken na de dag van bekendmaking).");
        return report.ToBytes();
    }
}
