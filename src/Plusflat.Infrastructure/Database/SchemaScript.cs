using Microsoft.EntityFrameworkCore;
using Plusflat.Infrastructure.Persistence;
using Plusflat.Infrastructure.Tenancy;

namespace Plusflat.Infrastructure.Database;

public static class SchemaScript
{
    /// <summary>The CREATE script of the EF model, without touching a database.</summary>
    public static string FromModel()
    {
        using var db = new PlusflatDbContext(DependencyInjection.OptionsFor("Host=localhost;Database=unused"), new TenantScope());
        return db.Database.GenerateCreateScript();
    }
}
