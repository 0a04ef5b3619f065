namespace Plusflat.Web.Features.Complexes;

/// <summary>
/// Compatibility for the complex detail page while it is rebuilt in its own change (same method signatures as
/// before; the input now has typed numbers). New code calls <see cref="EditComplexHandler"/>,
/// <see cref="ListComplexesHandler"/>, <see cref="ExportComplexesHandler"/> or <see cref="PartnerOptionsHandler"/>
/// directly; delete this class when nothing uses it any more.
/// </summary>
public sealed class ComplexHandler(EditComplexHandler edit, PartnerOptionsHandler partners)
{
    public async Task<(ComplexInput Input, string Name, int CurrentPhase)?> GetForEditAsync(Guid id, CancellationToken ct) =>
        await edit.GetAsync(id, ct) is { } stored ? (stored.Input, stored.Name, stored.CurrentPhase) : null;

    public Task<PartnerOptions> PartnerOptionsAsync(CancellationToken ct) => partners.GetAsync(ct);
}
