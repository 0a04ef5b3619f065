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
