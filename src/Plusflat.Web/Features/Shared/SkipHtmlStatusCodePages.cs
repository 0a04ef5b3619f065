using Microsoft.AspNetCore.Http.Metadata;

namespace Plusflat.Web.Features.Shared;

/// <summary>Endpoint metadata: the JSON API answers with its own problem details, never with the HTML error page.</summary>
public sealed class SkipHtmlStatusCodePages : ISkipStatusCodePagesMetadata;
