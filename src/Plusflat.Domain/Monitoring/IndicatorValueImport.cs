using System.Globalization;
using System.Text.RegularExpressions;
using Plusflat.Domain.Common;

namespace Plusflat.Domain.Monitoring;

/// <summary>One row of a sheet as read, before any check: its row number in the file and its cells by column (0 = A).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells);

/// <summary>
/// A cell as read: its text, and for a number cell of an .xlsx the number itself (a sheet keeps 3,3 as the double
/// 3.2999999999999998, so the number, not its text, is what counts).
/// </summary>
public sealed record SheetCell(string? Text, double? Number = null)
{
    public static readonly SheetCell Empty = new(null, null);
}

/// <summary>A complex as the import matches it: by name (and postcode when two share a name), with what is stored for it.</summary>
public sealed record ImportComplex(Guid Id, string Name, string Postcode, MonitoringBaseline? Baseline, IReadOnlyList<QuarterlyValues> Quarters);

/// <summary>What a clean row will do: add a value, change one, or leave it as it is.</summary>
public enum ImportRowEffect
{
    /// <summary>The row has problems: nothing is imported.</summary>
    Refused,
    Added,
    Changed,
    Unchanged,
}

/// <summary>
/// One data row checked: the cells as typed, what they were matched to, and every problem of the row, each at its
/// column (<see cref="IndicatorValueFile"/>'s column names). <see cref="Quarter"/> is null for a baseline row.
/// </summary>
public sealed record CheckedImportRow(
    int Number,
    string Complex,
    string Postcode,
    string Indicator,
    string QuarterText,
    string ValueText,
    Guid? ComplexId,
    string? ComplexName,
    string? IndicatorKey,
    bool IsBaseline,
    Quarter? Quarter,
    decimal? Value,
    decimal? Current,
    IReadOnlyList<DomainError> Problems)
{
    public bool Clean => Problems.Count == 0;

    public ImportRowEffect Effect => !Clean ? ImportRowEffect.Refused
        : Current is null ? ImportRowEffect.Added
        : Current == Value ? ImportRowEffect.Unchanged
        : ImportRowEffect.Changed;
}

/// <summary>A whole file checked: problems of the file itself (no header, no rows) and every data row.</summary>
public sealed record ImportCheck(IReadOnlyList<DomainError> FileProblems, IReadOnlyList<CheckedImportRow> Rows)
{
    /// <summary>Only a clean file is imported: no file problem, at least one row, and no row with a problem.</summary>
    public bool Clean => FileProblems.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Clean);

    public IReadOnlyList<CheckedImportRow> Refused => [.. Rows.Where(r => !r.Clean)];

    /// <summary>The baseline values to merge, per complex (each complex once).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<IndicatorValue>> BaselineValues() => Clean
        ? Rows.Where(r => r.IsBaseline).GroupBy(r => r.ComplexId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<IndicatorValue>)[.. g.Select(r => new IndicatorValue(r.IndicatorKey!, r.Value!.Value))])
        : throw new InvalidOperationException("Only a clean file is imported.");

    /// <summary>The quarter values to merge, per complex and quarter.</summary>
    public IReadOnlyDictionary<(Guid ComplexId, Quarter Quarter), IReadOnlyList<IndicatorValue>> QuarterValues() => Clean
        ? Rows.Where(r => !r.IsBaseline).GroupBy(r => (r.ComplexId!.Value, r.Quarter!.Value))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<IndicatorValue>)[.. g.Select(r => new IndicatorValue(r.IndicatorKey!, r.Value!.Value))])
        : throw new InvalidOperationException("Only a clean file is imported.");
}

/// <summary>
/// The layout of the import file, the export and the template (one shape, so an export re-imports): one row per
/// complex, indicator and quarter. The complex is named as a lead has it in a sheet — its name, with the postcode
/// to tell apart two complexes of the same name; the indicator by its key (or its name); the quarter as
/// <c>2027Q1</c>, or <c>nulmeting</c> for the baseline's value. Informative columns (the indicator's name and unit)
/// are written by the export and ignored by the import, as is any other column, and a row whose first cell starts
/// with <c>#</c> (the template's instructions and example).
/// </summary>
public static partial class IndicatorValueFile
{
    public const string ComplexColumn = "Wooncomplex";
    public const string PostcodeColumn = "Postcode";
    public const string IndicatorColumn = "Indicator";
    public const string QuarterColumn = "Kwartaal";
    public const string ValueColumn = "Waarde";
    public const string IndicatorNameColumn = "Naam indicator";
    public const string UnitColumn = "Eenheid";

    /// <summary>What the quarter column says for the baseline's value.</summary>
    public const string BaselineWord = "nulmeting";

    /// <summary>A row whose first cell starts with this is an instruction or example, never data.</summary>
    public const string CommentMark = "#";

    /// <summary>Enough for a programme of a hundred complexes over several years; a larger file is split.</summary>
    public const int MaximumRows = 20_000;

    /// <summary>Every column in the order the export and the template write them.</summary>
    public static readonly IReadOnlyList<string> Columns = [ComplexColumn, PostcodeColumn, IndicatorColumn, QuarterColumn, ValueColumn, IndicatorNameColumn, UnitColumn];

    private static readonly string[] Required = [ComplexColumn, IndicatorColumn, QuarterColumn, ValueColumn];

    /// <summary>
    /// Checks every row of <paramref name="rows"/> (the first non-empty row is the header) against the dataset and the
    /// complexes of the programme: each bad row is listed with every reason, and only a file with no bad row is clean.
    /// </summary>
    /// <param name="complexes">The complexes the importer may write to, with their baseline and stored quarters.</param>
    /// <param name="today">For the rule that a quarter must have begun.</param>
    public static ImportCheck Check(IReadOnlyList<SheetRow> rows, IndicatorCatalogue catalogue, IReadOnlyList<ImportComplex> complexes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(complexes);
        var meaningful = rows.Where(r => r.Cells.Any(c => !IsBlank(c))).ToList();
        if (meaningful.Count == 0)
        {
            return new ImportCheck([new DomainError(null, "Het bestand is leeg: de eerste rij moet de kolomnamen hebben, daarna één rij per waarde.")], []);
        }

        var header = meaningful[0];
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = header.Cells[i].Text?.Trim();
            if (!string.IsNullOrEmpty(name))
            {
                positions.TryAdd(name, i);
            }
        }

        var missing = Required.Where(c => !positions.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new ImportCheck(
                [.. missing.Select(c => new DomainError(c, $"De kolom '{c}' ontbreekt in de eerste rij (rij {header.Number}). Gebruik de kolomnamen van het sjabloon."))], []);
        }

        var data = meaningful.Skip(1).Where(r => !(Cell(r, 0).Text?.TrimStart().StartsWith(CommentMark, StringComparison.Ordinal) ?? false)).ToList();
        if (data.Count == 0)
        {
            return new ImportCheck([new DomainError(null, "Het bestand heeft geen rijen met waarden onder de kolomnamen.")], []);
        }

        if (data.Count > MaximumRows)
        {
            return new ImportCheck([new DomainError(null, $"Het bestand heeft {data.Count} rijen met waarden; dat zijn er meer dan {MaximumRows}. Splits het in kleinere bestanden.")], []);
        }

        var byName = complexes.ToLookup(c => Normalise(c.Name), StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<(Guid, string, Quarter?), int>();
        var checkedRows = new List<CheckedImportRow>(data.Count);
        foreach (var row in data)
        {
            string Text(string column) => positions.TryGetValue(column, out var at) ? Cell(row, at).Text?.Trim() ?? "" : "";
            var complexText = Text(ComplexColumn);
            var postcodeText = Text(PostcodeColumn);
            var indicatorText = Text(IndicatorColumn);
            var quarterText = Text(QuarterColumn);
            var valueCell = Cell(row, positions[ValueColumn]);
            var valueText = valueCell.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : valueCell.Text?.Trim() ?? "";
            var problems = new List<DomainError>();

            var complex = MatchComplex(byName, complexText, postcodeText, problems);
            var indicator = MatchIndicator(catalogue, indicatorText, problems);
            var (isBaseline, quarter) = MatchQuarter(complex, quarterText, today, problems);
            var value = ReadValue(valueCell, indicator, problems);

            if (complex is not null && indicator is not null && (isBaseline || quarter is not null))
            {
                if (seen.TryGetValue((complex.Id, indicator.Key, quarter), out var first))
                {
                    var when = isBaseline ? "de nulmeting" : quarter!.Value.Dutch;
                    problems.Add(new DomainError(null, $"Dubbele rij: rij {first} geeft al {indicator.Name} van {complex.Name} voor {when}."));
                }
                else
                {
                    seen[(complex.Id, indicator.Key, quarter)] = row.Number;
                }
            }

            decimal? current = complex is null || indicator is null ? null
                : isBaseline ? complex.Baseline?.ValueOf(indicator.Key)
                : quarter is { } q ? complex.Quarters.FirstOrDefault(v => v.Quarter == q)?.ValueOf(indicator.Key)
                : null;
            checkedRows.Add(new CheckedImportRow(row.Number, complexText, postcodeText, indicatorText, quarterText, valueText,
                complex?.Id, complex?.Name, indicator?.Key, isBaseline, quarter, value, current, problems));
        }

        return new ImportCheck([], checkedRows);
    }

    private static ImportComplex? MatchComplex(ILookup<string, ImportComplex> byName, string name, string postcode, List<DomainError> problems)
    {
        if (name.Length == 0)
        {
            problems.Add(new DomainError(ComplexColumn, "Vul de naam van het wooncomplex in."));
            return null;
        }

        var named = byName[Normalise(name)].ToList();
        if (named.Count == 0)
        {
            problems.Add(new DomainError(ComplexColumn, $"Het wooncomplex '{name}' is onbekend in dit programma."));
            return null;
        }

        if (postcode.Length > 0)
        {
            var at = named.Where(c => SamePostcode(c.Postcode, postcode)).ToList();
            if (at.Count == 0)
            {
                problems.Add(new DomainError(PostcodeColumn, $"Het wooncomplex '{name}' met postcode {postcode} is onbekend in dit programma."));
                return null;
            }

            named = at;
        }

        if (named.Count > 1)
        {
            problems.Add(new DomainError(ComplexColumn, $"Er zijn {named.Count} wooncomplexen met de naam '{name}'; vul de postcode in om ze uit elkaar te houden."));
            return null;
        }

        return named[0];
    }

    private static Indicator? MatchIndicator(IndicatorCatalogue catalogue, string text, List<DomainError> problems)
    {
        if (text.Length == 0)
        {
            problems.Add(new DomainError(IndicatorColumn, "Vul de indicator in (de sleutel of de naam uit de dataset)."));
            return null;
        }

        if (catalogue.FindByKeyOrName(text) is { } indicator)
        {
            return indicator;
        }

        problems.Add(new DomainError(IndicatorColumn, $"De indicator '{text}' staat niet in de dataset (versie {catalogue.Version})."));
        return null;
    }

    private static (bool IsBaseline, Quarter? Quarter) MatchQuarter(ImportComplex? complex, string text, DateOnly today, List<DomainError> problems)
    {
        if (string.Equals(text, BaselineWord, StringComparison.OrdinalIgnoreCase))
        {
            if (complex is { Baseline: null })
            {
                problems.Add(new DomainError(QuarterColumn, "Dit wooncomplex heeft nog geen nulmeting; leg die eerst vast op de monitoringpagina van het wooncomplex (met de datum)."));
            }

            return (true, null);
        }

        if (Quarter.TryParse(text) is not { } quarter)
        {
            problems.Add(new DomainError(QuarterColumn, text.Length == 0
                ? "Vul het kwartaal in als JJJJQn (bijvoorbeeld 2027Q1), of 'nulmeting' voor de nulmeting."
                : $"'{text}' is geen kwartaal: schrijf het als JJJJQn (bijvoorbeeld 2027Q1), of 'nulmeting' voor de nulmeting."));
            return (false, null);
        }

        if (complex is not null)
        {
            try
            {
                // The one rule of every quarter's values (ADR 0032): not before the baseline, not one that has not begun.
                QuarterlyValues.CheckQuarter(complex.Baseline, quarter, today);
            }
            catch (DomainException ex)
            {
                problems.AddRange(ex.Errors.Select(e => e with { Field = QuarterColumn }));
            }
        }
        else if (quarter > Quarter.Of(today))
        {
            problems.Add(new DomainError(QuarterColumn, $"{quarter.Dutch} is nog niet begonnen."));
        }

        return (false, quarter);
    }

    private static decimal? ReadValue(SheetCell cell, Indicator? indicator, List<DomainError> problems)
    {
        decimal? value;
        if (cell.Number is { } number)
        {
            // A double of a sheet to the decimal it shows: (decimal) keeps 15 significant digits, so 3.2999999999999998 is 3.3.
            value = double.IsFinite(number) && Math.Abs(number) < 1e15 ? (decimal)number : null;
            if (value is null)
            {
                problems.Add(new DomainError(ValueColumn, "Deze waarde is geen getal dat de dataset kan bewaren."));
                return null;
            }
        }
        else
        {
            var text = cell.Text?.Trim() ?? "";
            if (text.Length == 0)
            {
                problems.Add(new DomainError(ValueColumn, "Vul een waarde in, of laat de rij weg als de indicator niet is gemeten."));
                return null;
            }

            value = ParseNumber(text);
            if (value is null)
            {
                problems.Add(new DomainError(ValueColumn, $"'{text}' is geen getal. Schrijf het zonder eenheid of scheidingsteken voor duizendtallen, met een komma voor decimalen (bijvoorbeeld 2,5)."));
                return null;
            }
        }

        if (indicator?.Problem(value.Value) is { } problem)
        {
            problems.Add(new DomainError(ValueColumn, problem));
        }

        return value;
    }

    /// <summary>
    /// A number as typed in a Dutch or English sheet: "2,5" and "2.5" are 2.5. "1.250" is refused: in Dutch it is
    /// twelve hundred and fifty, in English one and a quarter, and a wrong guess would import a value a thousand times off.
    /// </summary>
    public static decimal? ParseNumber(string? text)
    {
        var match = NumberPattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var fraction = match.Groups["fraction"];
        if (fraction.Success && match.Groups["separator"].Value == "." && fraction.Value.Length == 3)
        {
            return null;
        }

        var invariant = match.Groups["sign"].Value + match.Groups["whole"].Value + (fraction.Success ? "." + fraction.Value : "");
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static SheetCell Cell(SheetRow row, int column) => column < row.Cells.Count ? row.Cells[column] ?? SheetCell.Empty : SheetCell.Empty;

    private static bool IsBlank(SheetCell? cell) => cell is null || (cell.Number is null && string.IsNullOrWhiteSpace(cell.Text));

    private static string Normalise(string name) => WhiteSpace().Replace(name.Trim(), " ");

    private static bool SamePostcode(string stored, string typed) =>
        string.Equals(WhiteSpace().Replace(stored, ""), WhiteSpace().Replace(typed, ""), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<sign>-?)(?<whole>\d{1,15})(?:(?<separator>[.,])(?<fraction>\d{1,10}))?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
