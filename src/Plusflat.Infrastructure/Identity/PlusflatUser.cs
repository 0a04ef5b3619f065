using Microsoft.AspNetCore.Identity;

namespace Plusflat.Infrastructure.Identity;

/// <summary>A person who can sign in. What they may do is decided per tenant by their memberships.</summary>
public sealed class PlusflatUser : IdentityUser<Guid>
{
    public PlusflatUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";
}
