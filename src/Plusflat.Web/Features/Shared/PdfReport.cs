using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Plusflat.Web.Features.Shared;

/// <summary>
/// A printable report as a PDF (PDFsharp): headings, paragraphs, bullets and label/value lines that wrap and flow
/// over A4 pages, with the portal's name and a page number in the footer. Text only, on purpose: the reports are read
/// at a table (the regional establishment meeting) and must say the same as the page.
/// </summary>
public sealed class PdfReport
{
    private const double Margin = 56;
    private const double FooterHeight = 24;
    private const string Family = EmbeddedFonts.Family;

    // First of the static fields: PDFsharp must know the font resolver before the fonts below are made.
    private static readonly bool FontsRegistered = EmbeddedFonts.Register();

    private static readonly XFont Title = new(Family, 18, XFontStyleEx.Bold);
    private static readonly XFont Heading = new(Family, 13, XFontStyleEx.Bold);
    private static readonly XFont Body = new(Family, 10);
    private static readonly XFont Bold = new(Family, 10, XFontStyleEx.Bold);
    private static readonly XFont Small = new(Family, 8);

    private readonly PdfDocument _document = new();
    private readonly string _footer;
    private XGraphics _page = null!;
    private double _y;
    private int _pages;

    public PdfReport(string title, string footer)
    {
        _document.Info.Title = title;
        _document.Info.Creator = "Plusflat portal";
        _footer = footer;
        NewPage();
        Write(title, Title, 0, spaceAfter: 10);
    }

    public PdfReport Section(string text)
    {
        _y += 8;
        KeepRoom(Heading.Height * 3);
        return Write(text, Heading, 0, spaceAfter: 4);
    }

    public PdfReport Paragraph(string text) => Write(text, Body, 0, spaceAfter: 4);

    public PdfReport Strong(string text) => Write(text, Bold, 0, spaceAfter: 4);

    public PdfReport Bullet(string text, int level = 0)
    {
        var indent = 14.0 * (level + 1);
        KeepRoom(Body.Height);
        _page.DrawString(level == 0 ? "•" : "–", Body, XBrushes.Black, Margin + indent - 10, _y + Body.Height * 0.8);
        return Write(text, Body, indent, spaceAfter: 2);
    }

    public PdfReport Line(string label, string value)
    {
        KeepRoom(Body.Height);
        var width = _page.MeasureString(label + ": ", Bold).Width;
        _page.DrawString(label + ": ", Bold, XBrushes.Black, Margin, _y + Body.Height * 0.8);
        return Write(value, Body, Math.Min(width, 160), spaceAfter: 2);
    }

    /// <summary>
    /// A bar chart of one value per label (e.g. per year), drawn as vector graphics: a value axis with its scale, one bar per
    /// label (negative bars below the zero line, in another colour), the label under each bar and the value printed at its
    /// end, so the chart reads as text too. Added for the business case's cumulative net; usable by any report.
    /// </summary>
    public PdfReport BarChart(IReadOnlyList<(string Label, decimal Value)> bars, Func<decimal, string> format, double height = 190)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(format);
        if (bars.Count == 0)
        {
            return this;
        }

        KeepRoom(height + 10);
        var top = _y + Small.Height * 1.5; // room for a value above the highest bar
        var bottom = _y + height - Small.Height * 2.5; // room for a value under the lowest bar and the labels
        var max = Math.Max(0d, bars.Max(b => (double)b.Value));
        var min = Math.Min(0d, bars.Min(b => (double)b.Value));
        if (max - min < 1e-9)
        {
            max = 1;
        }

        var scale = (bottom - top) / (max - min);
        double Y(double value) => top + (max - value) * scale;
        var axisLabels = new[] { max, min, 0d }.Distinct().Select(v => (Value: v, Text: format((decimal)Math.Round(v)))).ToList();
        var axisWidth = axisLabels.Max(a => _page.MeasureString(a.Text, Small).Width) + 6;
        var left = Margin + axisWidth;
        var right = _page.PageSize.Width - Margin;
        var zero = Y(0);

        // The value axis with its scale (highest, lowest and zero), and the zero line across the chart.
        _page.DrawLine(XPens.Gray, left, top, left, bottom);
        foreach (var (value, text) in axisLabels)
        {
            var y = Y(value);
            _page.DrawLine(XPens.Gray, left - 3, y, left, y);
            _page.DrawString(text, Small, XBrushes.Gray, left - 4 - _page.MeasureString(text, Small).Width, y + Small.Height * 0.3);
        }

        _page.DrawLine(new XPen(XColors.Black, 0.8), left, zero, right, zero);

        var slot = (right - left) / bars.Count;
        var width = Math.Min(slot * 0.6, 60);
        var positive = new XSolidBrush(XColor.FromArgb(0x2E, 0x7D, 0x32));
        var negative = new XSolidBrush(XColor.FromArgb(0xC6, 0x28, 0x28));
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, amount) = bars[i];
            var centre = left + slot * (i + 0.5);
            var end = Y((double)amount);
            var (from, to) = amount >= 0 ? (end, zero) : (zero, end);
            if (to - from > 0.1)
            {
                _page.DrawRectangle(amount >= 0 ? positive : negative, centre - width / 2, from, width, to - from);
            }

            var text = format(amount);
            var textWidth = _page.MeasureString(text, Small).Width;
            var valueY = amount >= 0 ? end - 3 : end + Small.Height;
            _page.DrawString(text, Small, XBrushes.Black, centre - textWidth / 2, valueY);
            var labelWidth = _page.MeasureString(label, Small).Width;
            _page.DrawString(label, Small, XBrushes.Black, centre - labelWidth / 2, bottom + Small.Height * 2.3);
        }

        _y += height + 6;
        return this;
    }

    /// <summary>
    /// A table: a bold header row and one row per entry, the first column as wide as the others together (names), the
    /// others right-aligned (numbers); a cell too wide for its column is cut with "…". Rows flow over pages, and a new page
    /// repeats the header. Added for the programme dashboard; usable by any report.
    /// </summary>
    public PdfReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var width = _page.PageSize.Width - 2 * Margin;
        var others = Math.Max(1, headers.Count - 1);
        var first = headers.Count == 1 ? width : Math.Max(width / 3, width / (others + 1) * 2);
        var column = headers.Count == 1 ? 0 : (width - first) / others;
        var height = Small.Height * 1.5;

        void Row(IReadOnlyList<string> cells, XFont font)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                var room = (i == 0 ? first : column) - 6;
                var text = Fit(i < cells.Count ? cells[i] ?? "" : "", font, room);
                var x = i == 0 ? Margin : Margin + first + column * i - _page.MeasureString(text, font).Width - 2;
                _page.DrawString(text, font, XBrushes.Black, x, _y + font.Height * 0.9);
            }

            _y += height;
            _page.DrawLine(XPens.LightGray, Margin, _y - 2, Margin + width, _y - 2);
        }

        var bold = new XFont(Family, 8, XFontStyleEx.Bold);
        KeepRoom(height * 3);
        Row(headers, bold);
        foreach (var row in rows)
        {
            if (_y + height > _page.PageSize.Height - Margin - FooterHeight)
            {
                KeepRoom(height * 2);
                Row(headers, bold);
            }

            Row(row, Small);
        }

        _y += 6;
        return this;
    }

    private string Fit(string text, XFont font, double room)
    {
        if (_page.MeasureString(text, font).Width <= room)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && _page.MeasureString(text[..length] + "…", font).Width > room)
        {
            length--;
        }

        return text[..length] + "…";
    }

    public byte[] ToBytes()
    {
        Footer();
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private PdfReport Write(string text, XFont font, double indent, double spaceAfter)
    {
        var width = _page.PageSize.Width - 2 * Margin - indent;
        foreach (var line in Wrap(text, font, width))
        {
            KeepRoom(font.Height);
            _page.DrawString(line, font, XBrushes.Black, Margin + indent, _y + font.Height * 0.8);
            _y += font.Height * 1.15;
        }

        _y += spaceAfter;
        return this;
    }

    /// <summary>Words onto lines no wider than <paramref name="width"/>; a word longer than a line is cut.</summary>
    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        foreach (var paragraph in (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (_page.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    yield return line;
                }

                line = word;
                while (line.Length > 1 && _page.MeasureString(line, font).Width > width)
                {
                    var fits = line.Length - 1;
                    while (fits > 1 && _page.MeasureString(line[..fits], font).Width > width)
                    {
                        fits--;
                    }

                    yield return line[..fits];
                    line = line[fits..];
                }
            }

            yield return line;
        }
    }

    private void KeepRoom(double height)
    {
        if (_y + height > _page.PageSize.Height - Margin - FooterHeight)
        {
            Footer();
            NewPage();
        }
    }

    private void NewPage()
    {
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _page = XGraphics.FromPdfPage(page);
        _pages++;
        _y = Margin;
    }

    private void Footer()
    {
        var y = _page.PageSize.Height - Margin + 6;
        _page.DrawLine(XPens.Gray, Margin, y - 10, _page.PageSize.Width - Margin, y - 10);
        _page.DrawString(_footer, Small, XBrushes.Gray, Margin, y);
        var number = $"{_pages}";
        _page.DrawString(number, Small, XBrushes.Gray, _page.PageSize.Width - Margin - _page.MeasureString(number, Small).Width, y);
        _page.Dispose();
    }
}

/// <summary>Liberation Sans, embedded in the portal (Resources/Fonts, SIL Open Font License), as PDFsharp's only font.</summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "Liberation Sans";

    private static readonly EmbeddedFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static bool Register()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                // PDFsharp takes one resolver per process, set before the first font is used.
                GlobalFontSettings.FontResolver = Instance;
                _registered = true;
            }

            return true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "LiberationSans-Bold" : "LiberationSans-Regular");

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
