#pragma once

#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QIODevice;
class QPdfWriter;

namespace tp {

// A PDF laid out top to bottom in points (QPdfWriter at 72 dpi): headings, paragraphs that wrap,
// figure grids, tables that repeat their header on a new page, and bar charts drawn as vectors.
// Black, greys and outlines only, so that it reads printed in black and white; the text stays
// text (extractable). A block that does not fit on the rest of the page starts the next one.
class PackPainter
{
public:
    PackPainter(QIODevice *device, const QPageSize &pageSize, const QString &title);
    ~PackPainter(); // ends the document
    void finish();
    PackPainter(const PackPainter &) = delete;
    PackPainter &operator=(const PackPainter &) = delete;

    bool isOpen() const;
    int pageCount() const { return m_pages; }
    double width() const { return m_width; }

    void newPage();
    // Starts a new page unless `height` points fit below the cursor.
    void need(double height);
    void space(double points) { m_y += points; }

    void title(const QString &text, const QString &subtitle);
    void heading(const QString &text);
    void paragraph(const QString &text, bool small = false);
    // Label above value, in columns across the page.
    struct Figure
    {
        QString label;
        QString value;
    };
    void figures(const std::vector<Figure> &figures, int columns = 4);
    // A table; `widths` are shares of the page width, `rightAligned` per column.
    void table(const QStringList &headers, const std::vector<QStringList> &rows,
               const std::vector<double> &widths, const std::vector<bool> &rightAligned);
    // Horizontal bars from zero (value ≥ 0), each with its label and value text.
    struct Bar
    {
        QString label;
        double value = 0;
        QString valueText;
        bool emphasis = false; // filled dark rather than grey
    };
    void bars(const std::vector<Bar> &bars);
    // A waterfall: a start column, steps up or down, an end column (values in the same unit).
    struct Step
    {
        QString label;
        double delta = 0; // signed; the start and end steps give their level
        QString valueText;
        bool total = false; // start or end: drawn from zero
    };
    void waterfall(const std::vector<Step> &steps, double height = 150);

private:
    double textHeight(const QString &text, const QFont &font, double width) const;
    void footer();

    std::unique_ptr<QPdfWriter> m_writer;
    QPainter m_painter;
    QFont m_body, m_small, m_bold, m_heading, m_title;
    QString m_footerText;
    double m_width = 0, m_height = 0, m_y = 0;
    int m_pages = 1;
};

} // namespace tp
