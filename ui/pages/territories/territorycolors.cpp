#include "territorycolors.h"

#include "style/theme.h"
#include "views/bookview.h"

#include <QHash>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <array>
#include <cmath>

namespace tp::ui::territorycolors {

namespace {

// Tableau 10 without its grey (which reads as "no territory"), and two more.
constexpr std::array<QRgb, 12> hues{ 0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2, 0xedc948,
                                     0xb07aa1, 0xff9da7, 0x9c755f, 0x86bcb6, 0x8cd17d, 0xd37295 };

Id keyOf(const territories::Layout &layout, const BookView &view, std::size_t entry)
{
    const territories::Layout::Entry &e = layout.entries[entry];
    if (e.territory >= 0 && std::size_t(e.territory) < view.territories.size())
        return view.territories[std::size_t(e.territory)].id;
    if (e.territory < 0 && e.rep >= 0 && std::size_t(e.rep) < view.reps.size())
        return view.reps[std::size_t(e.rep)].id;
    return 0;
}

} // namespace

QColor ofSlot(int slot, bool dark)
{
    if (slot < 0)
        return {};
    QColor color = QColor::fromRgb(hues[std::size_t(slot) % hues.size()]);
    // Past twelve: the same hues a little turned, lighter or darker by turns, but never so light
    // or dark that they read as the map's grey, its background or another hue's shade (a book of
    // 50 territories stays legible).
    const int round = slot / int(hues.size());
    if (round > 0) {
        constexpr std::array<float, 6> shifts{ 0.13F, -0.15F, 0.22F, -0.24F, 0.06F, -0.07F };
        float hue = 0, saturation = 0, lightness = 0;
        color.getHslF(&hue, &saturation, &lightness);
        const float shift = shifts[std::size_t(round - 1) % shifts.size()];
        lightness = std::clamp(lightness + shift, 0.24F, 0.74F);
        hue = std::fmod(hue + 0.03F * float(round) + 1.0F, 1.0F);
        color = QColor::fromHslF(hue, std::max(saturation, 0.35F), lightness);
    }
    if (dark)
        color = color.lighter(108);
    return QColor::fromRgb(color.rgb());
}

int slotOf(const territories::Layout &layout, const BookView &view, int entry)
{
    if (entry < 0 || std::size_t(entry) >= layout.entries.size())
        return -1;
    const Id key = keyOf(layout, view, std::size_t(entry));
    int rank = 0;
    for (std::size_t e = 0; e < layout.entries.size(); ++e) {
        const Id other = keyOf(layout, view, e);
        if (other < key || (other == key && int(e) < entry))
            ++rank;
    }
    return rank;
}

std::vector<QColor> ofLayout(const territories::Layout &layout, const BookView &view, bool dark)
{
    std::vector<std::size_t> order(layout.entries.size());
    std::vector<Id> keys(order.size());
    for (std::size_t e = 0; e < order.size(); ++e) {
        order[e] = e;
        keys[e] = keyOf(layout, view, e);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&keys](std::size_t x, std::size_t y) { return keys[x] < keys[y]; });
    std::vector<QColor> colors(order.size());
    for (std::size_t rank = 0; rank < order.size(); ++rank)
        colors[order[rank]] = ofSlot(int(rank), dark);
    return colors;
}

QColor noTerritory(const QPalette &palette)
{
    const bool dark = theme::isDark(palette);
    return QColor::fromRgb(theme::blend(palette.color(QPalette::Base),
                                        palette.color(QPalette::Text), dark ? 0.42 : 0.38)
                                   .rgb());
}

QIcon swatch(const QColor &color)
{
    // data() asks on every paint.
    static QHash<QRgb, QIcon> cache;
    const auto it = cache.constFind(color.rgba());
    if (it != cache.constEnd())
        return *it;
    QIcon icon = theme::drawnIcon([&color](QPainter &painter, int size) {
        painter.setPen(QPen(color.darker(140), 1));
        painter.setBrush(color);
        const qreal inset = size * 0.15;
        const QRectF box(inset, inset, size - 2 * inset, size - 2 * inset);
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), size * 0.15, size * 0.15);
    });
    cache.insert(color.rgba(), icon);
    return icon;
}

} // namespace tp::ui::territorycolors
