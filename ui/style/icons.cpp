#include "icons.h"

#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QPixmapCache>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>

#include <utility>

// Q_INIT_RESOURCE declares a function in the current namespace: keep it at global scope.
static void initTpUiResources()
{
    Q_INIT_RESOURCE(territory_planner);
}

namespace tp::ui {

namespace {

// Our SVG icons, recoloured for the application palette each time they are drawn, so they
// follow a switch between light and dark without anyone re-setting them.
class PaletteSvgIconEngine : public QIconEngine
{
public:
    // Symbolic icons stroke in one grey (theme::iconColor()); coloured ones keep their colours
    // on light palettes and take the lighter variants below on dark ones.
    enum class Kind { Symbolic, Coloured };

    PaletteSvgIconEngine(const QString &path, Kind kind) : m_path(path), m_kind(kind) { }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override { return new PaletteSvgIconEngine(*this); }
    QString key() const override { return QStringLiteral("tp-palette-svg"); }

private:
    // What the palette asks of the icon in `mode`: a colour name, or "light" / "dark".
    QString variant(QIcon::Mode mode) const;
    QByteArray recoloured(const QString &variant) const;

    QString m_path;
    Kind m_kind;
};

QString PaletteSvgIconEngine::variant(QIcon::Mode mode) const
{
    const QPalette palette = QApplication::palette();
    if (m_kind == Kind::Coloured)
        return theme::isDark(palette) ? QStringLiteral("dark") : QStringLiteral("light");
    // On a selected row the strokes take the selection's text colour.
    return (mode == QIcon::Selected ? palette.color(QPalette::HighlightedText) : theme::iconColor())
            .name();
}

QByteArray PaletteSvgIconEngine::recoloured(const QString &variant) const
{
    QFile file(m_path);
    QByteArray svg = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (m_kind == Kind::Symbolic) {
        svg.replace("#7a8793", variant.toLatin1());
    } else if (variant == QLatin1String("dark")) {
        // Page icons: lighter variants of the accents (as theme::stageColor() has them).
        static const std::pair<const char *, const char *> lighter[] = {
            { "#2c6aa0", "#5f9fe0" }, { "#5b93c7", "#8fb8e6" }, { "#f29a1f", "#ffc04d" },
            { "#e8850c", "#ffa940" }, { "#c96d05", "#f58f3b" }, { "#2e8b57", "#4fbf7e" },
            { "#5fae7a", "#8fd6a6" },
        };
        for (const auto &[light, dark] : lighter)
            svg.replace(light, dark);
    }
    return svg;
}

QPixmap PaletteSvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(state);
    if (size.isEmpty())
        return {};
    // Disabled is the style's job (from the normal pixmap). Coloured icons need no selection
    // wash over their colours.
    const QIcon::Mode drawn =
            mode == QIcon::Disabled || m_kind == Kind::Coloured ? QIcon::Normal : mode;
    const QString colors = variant(drawn);
    const QString key = QStringLiteral("tp-icon:%1:%2x%3:%4")
                                .arg(m_path)
                                .arg(size.width())
                                .arg(size.height())
                                .arg(colors);
    QPixmap pixmap;
    if (!QPixmapCache::find(key, &pixmap)) {
        pixmap = QPixmap(size);
        pixmap.fill(Qt::transparent);
        QSvgRenderer renderer(recoloured(colors));
        QPainter painter(&pixmap);
        renderer.render(&painter, QRectF(QPointF(0, 0), size));
        painter.end();
        QPixmapCache::insert(key, pixmap);
    }
    if (mode == QIcon::Disabled) {
        QStyleOption option;
        option.palette = QApplication::palette();
        return QApplication::style()->generatedIconPixmap(QIcon::Disabled, pixmap, &option);
    }
    return pixmap;
}

void PaletteSvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                                 QIcon::State state)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QPixmap pm = pixmap(rect.size() * ratio, mode, state);
    pm.setDevicePixelRatio(ratio);
    painter->drawPixmap(rect, pm);
}

} // namespace

void initResources()
{
    static const bool done = [] {
        initTpUiResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon themeIcon(const QString &name)
{
    initResources();
    const QString fallback = QStringLiteral(":/icons/actions/%1.svg").arg(name);
    if (QFile::exists(fallback))
        return QIcon::fromTheme(
                name,
                QIcon(new PaletteSvgIconEngine(fallback, PaletteSvgIconEngine::Kind::Symbolic)));
    return QIcon::fromTheme(name);
}

QIcon appIcon()
{
    initResources();
    return QIcon(QStringLiteral(":/icons/org.territoryplanner.TerritoryPlanner.svg"));
}

QIcon pageIcon(const QString &page)
{
    initResources();
    return QIcon(new PaletteSvgIconEngine(QStringLiteral(":/icons/pages/%1.svg").arg(page),
                                          PaletteSvgIconEngine::Kind::Coloured));
}

} // namespace tp::ui
