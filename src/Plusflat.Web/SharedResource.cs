namespace Plusflat.Web;

/// <summary>
/// Marker for the UI texts. Keys are the Dutch texts themselves (Dutch is the default language);
/// <c>Resources/SharedResource.en.resx</c> holds the English switch.
/// </summary>
public sealed class SharedResource;
