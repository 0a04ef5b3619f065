using System.Reflection;
using System.Text.Json;

namespace Plusflat.Web.Components.Forms;

/// <summary>
/// A three-way merge of a form's input after an optimistic-concurrency conflict: what the user loaded
/// (<c>loaded</c>), what they typed (<c>mine</c>) and what is stored now (<c>stored</c>). A field the user did
/// not touch takes the stored value, so a second save can never overwrite another person's change to it;
/// a field only the user changed keeps their value. Every field where the result would differ from the
/// stored value is listed, so the conflict dialog can show both values and let the user keep either.
/// </summary>
public static class ConflictMerge
{
    public sealed record Field(string Name, object? Mine, object? Stored, bool ChangedByMe, bool ChangedByOther)
    {
        /// <summary>The default choice: keep mine only where I changed the field.</summary>
        public bool KeepMine { get; set; } = ChangedByMe;
    }

    public static IReadOnlyList<Field> Compare<TInput>(TInput loaded, TInput mine, TInput stored, params string[] ignore)
        where TInput : class =>
        Properties<TInput>(ignore)
            .Select(p => (p, Loaded: p.GetValue(loaded), Mine: p.GetValue(mine), Stored: p.GetValue(stored)))
            .Where(v => !Equals(v.Mine, v.Stored))
            .Select(v => new Field(v.p.Name, v.Mine, v.Stored, !Equals(v.Mine, v.Loaded), !Equals(v.Stored, v.Loaded)))
            .ToList();

    /// <summary>The stored input with the fields the user chose to keep taken from theirs: what to save next.</summary>
    public static TInput Apply<TInput>(TInput mine, TInput stored, IEnumerable<Field> choices)
        where TInput : class
    {
        var result = Copy(stored);
        foreach (var choice in choices.Where(c => c.KeepMine))
        {
            var property = typeof(TInput).GetProperty(choice.Name)!;
            property.SetValue(result, property.GetValue(mine));
        }

        return result;
    }

    /// <summary>A deep copy of an input (a snapshot of what was loaded).</summary>
    public static TInput Copy<TInput>(TInput input)
        where TInput : class =>
        JsonSerializer.Deserialize<TInput>(JsonSerializer.Serialize(input))!;

    private static IEnumerable<PropertyInfo> Properties<TInput>(string[] ignore) =>
        typeof(TInput).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p is { CanRead: true, CanWrite: true } && p.Name != "Version" && !ignore.Contains(p.Name, StringComparer.Ordinal));
}
