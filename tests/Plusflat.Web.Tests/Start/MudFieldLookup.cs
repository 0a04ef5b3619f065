using AngleSharp.Dom;
using Bunit;

namespace Plusflat.Web.Tests.Start;

/// <summary>Finds a MudBlazor input by its data-testid (MudBlazor puts it on the input) and what the user sees at it.</summary>
public static class MudFieldLookup
{
    /// <summary>The error text shown under the field (MudBlazor's helper line in its error state); null when none.</summary>
    public static string? ErrorAt(IElement input) =>
        input.Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>Opens a MudSelect (found by its input's data-testid) and clicks the option with this text.</summary>
    public static void Choose<T>(IRenderedComponent<T> cut, IRenderedComponent<MudBlazor.MudPopoverProvider> popovers, string testId, string option)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        cut.Find($"[data-testid='{testId}']").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == option));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == option).Click();
    }
}
