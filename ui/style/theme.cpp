#include "theme.h"

#include <QApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace tp::ui::theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

bool isDark()
{
    return isDark(QApplication::palette());
}

QColor derivedText()
{
    // Between text and background, readable on both.
    return isDark() ? QColor(0x9a, 0xa7, 0xb4) : QColor(0x6b, 0x75, 0x80);
}

QColor warningText()
{
    return isDark() ? QColor(0xff, 0xb3, 0x47) : QColor(0xb3, 0x5c, 0x00);
}

QColor positiveText()
{
    return isDark() ? QColor(0x6f, 0xcf, 0x8b) : QColor(0x1e, 0x7b, 0x3c);
}

QColor negativeText()
{
    return isDark() ? QColor(0xf0, 0x84, 0x7f) : QColor(0xb0, 0x2a, 0x24);
}

QColor stageColor(Stage stage)
{
    const bool dark = isDark();
    switch (stage) {
    case Stage::Qualify:
        return dark ? QColor(0x8f, 0xb8, 0xe6) : QColor(0x5b, 0x93, 0xc7);
    case Stage::Prove:
        return dark ? QColor(0x5f, 0x9f, 0xe0) : QColor(0x2c, 0x6a, 0xa0);
    case Stage::Propose:
        return dark ? QColor(0xff, 0xc0, 0x4d) : QColor(0xf2, 0x9a, 0x1f);
    case Stage::Negotiate:
        return dark ? QColor(0xf5, 0x8f, 0x3b) : QColor(0xd2, 0x6b, 0x0c);
    case Stage::Won:
        return positiveText();
    case Stage::Lost:
        return dark ? QColor(0x8a, 0x8f, 0x96) : QColor(0x9a, 0x9f, 0xa6);
    }
    return {};
}

QColor quadrantColor(int quadrant, bool dark)
{
    switch (quadrant) {
    case 0: // pursue
        return dark ? QColor(0x5c, 0xc9, 0x7b) : QColor(0x1e, 0x8e, 0x3e);
    case 1: // develop access
        return dark ? QColor(0x6e, 0xa8, 0xf0) : QColor(0x1f, 0x6f, 0xc5);
    case 2: // quick wins
        return dark ? QColor(0xf2, 0xb4, 0x4a) : QColor(0xd9, 0x82, 0x0b);
    default: // deprioritize
        return dark ? QColor(0x9a, 0xa0, 0xa8) : QColor(0x8a, 0x90, 0x98);
    }
}

QColor healthColor(int level, bool dark)
{
    switch (level) {
    case 0: // healthy
        return dark ? QColor(0x5c, 0xc9, 0x7b) : QColor(0x2e, 0x9d, 0x4f);
    case 1: // at risk
        return dark ? QColor(0xf2, 0xb4, 0x4a) : QColor(0xe0, 0x8e, 0x12);
    default: // stalled
        return dark ? QColor(0xf0, 0x71, 0x6b) : QColor(0xd0, 0x3b, 0x32);
    }
}

QColor iconColor()
{
    // A blue-grey at least 3:1 on the window, the base and the tinted info banner.
    return isDark() ? QColor(0xa7, 0xb1, 0xbc) : QColor(0x7a, 0x87, 0x93);
}

QColor blend(const QColor &base, const QColor &tint, qreal share)
{
    return QColor::fromRgbF(float(base.redF() * (1 - share) + tint.redF() * share),
                            float(base.greenF() * (1 - share) + tint.greenF() * share),
                            float(base.blueF() * (1 - share) + tint.blueF() * share));
}

QIcon stageIcon(Stage stage)
{
    // Cached per palette variant: data() asks for it on every paint.
    static QHash<int, QIcon> cache;
    const int key = int(stage) * 2 + (isDark() ? 1 : 0);
    const auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;
    const QColor color = stageColor(stage);
    QIcon icon = drawnIcon([&color](QPainter &painter, int size) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        const qreal inset = size * 0.2;
        painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset));
    });
    cache.insert(key, icon);
    return icon;
}

QIcon drawnIcon(const std::function<void(QPainter &painter, int size)> &paint)
{
    QIcon icon;
    for (const int size : { 12, 16, 24, 32 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(painter, size);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace tp::ui::theme
