#include "territorymappanel.h"

#include "session/booksession.h"
#include "style/menubutton.h"
#include "style/theme.h"
#include "territorycolors.h"
#include "territorystate.h"
#include "views/bookview.h"
#include "widgets/exportpath.h"
#include "widgets/regionmap.h"
#include "widgets/regionmapexport.h"

#include <QComboBox>
#include <QDataStream>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tp::ui {

namespace {

constexpr quint32 stateVersion = 1;
// Territories named in a region's tooltip before "and n more".
constexpr int tooltipTerritories = 6;
// Regions named in the accounts table's title before "and n more".
constexpr int titleRegions = 3;

const geo::RegionCatalogue &catalogue()
{
    return geo::RegionCatalogue::instance();
}

QString linkTo(const QString &target, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(target, text.toHtmlEscaped());
}

} // namespace

TerritoryMapPanel::TerritoryMapPanel(TerritoryState *state, QWidget *parent)
    : QWidget(parent),
      m_state(state),
      m_map(new RegionMap(this)),
      m_view(new QComboBox(this)),
      m_lasso(new QToolButton(this)),
      m_export(new MenuButton(tr("Export Map"), this)),
      m_notOnMap(new QLabel(this))
{
    auto *bar = new QWidget(this);
    buildBar(bar);
    m_map->setToolTipProvider([this](int region) { return toolTip(region); });
    m_map->setMinimumSize(160, 100);
    m_notOnMap->setWordWrap(true);
    m_notOnMap->setTextFormat(Qt::RichText);
    m_notOnMap->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_notOnMap->setObjectName(QStringLiteral("notOnMap"));
    connect(m_notOnMap, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("unplaced"))
            chooseUnplaced();
        else if (link == QLatin1String("without-state"))
            chooseWithoutState();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(bar);
    layout->addWidget(m_map, 1);
    layout->addWidget(m_notOnMap);

    connect(m_map, &RegionMap::regionsSelected, this, [this] {
        const QList<int> selected = m_map->selectedRegions();
        setChoice(selected.isEmpty() ? Choice::None : Choice::Regions, selected);
    });
    BookSession *session = m_state->session();
    connect(session, &BookSession::aboutToSwitchBook, this, [this] { bookSwitched(); });
    connect(session, &BookSession::loaded, this, [this, session] {
        bookSwitched();
        if (!session->wasReloaded()) {
            // Another book: its accounts choose the view, and nothing of it is chosen yet.
            m_viewChosen = false;
            if (m_choice != Choice::None) {
                m_map->setSelectedRegions({});
                setChoice(Choice::None, {});
            }
        }
        figuresChanged();
    });
    connect(m_state, &TerritoryState::changed, this, [this] { figuresChanged(); });
}

void TerritoryMapPanel::buildBar(QWidget *bar)
{
    auto *label = new QLabel(tr("&Map:"), bar);
    label->setBuddy(m_view);
    m_view->addItem(tr("World"), int(geo::MapView::World));
    m_view->addItem(tr("United States"), int(geo::MapView::UnitedStates));
    m_view->setAccessibleName(tr("Map view"));
    connect(m_view, &QComboBox::activated, this, [this] { chooseView(true); });

    m_lasso->setText(tr("Lasso"));
    m_lasso->setCheckable(true);
    m_lasso->setToolTip(tr("Drag around regions to select them (Shift+drag does so too); "
                           "without it a drag pans the map"));
    connect(m_lasso, &QToolButton::toggled, m_map, &RegionMap::setLassoMode);

    m_export->setObjectName(QStringLiteral("exportMap"));
    m_export->setToolTip(tr("Write the map as it is shown as an image or a PDF"));
    auto *menu = new QMenu(m_export);
    menu->addAction(tr("As &PNG Image…"), this, [this] { exportDialog(QStringLiteral("png")); });
    menu->addAction(tr("As P&DF…"), this, [this] { exportDialog(QStringLiteral("pdf")); });
    m_export->setMenu(menu);

    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label);
    row->addWidget(m_view);
    row->addWidget(m_lasso);
    row->addStretch(1);
    row->addWidget(m_export);
    m_map->setWhatsThis(tr("Each region in the colour of the territory holding most of its "
                           "accounts. Click a region, or lasso several, to list their accounts; "
                           "drag a selected region onto a territory to move its accounts there. "
                           "The wheel, + and − zoom; 0 shows it all."));
}

void TerritoryMapPanel::bookSwitched()
{
    m_figuresStale = true;
    m_fitPending = true;
}

QSize TerritoryMapPanel::sizeHint() const
{
    return { 480, 280 };
}

void TerritoryMapPanel::figuresChanged()
{
    m_figuresStale = true;
    if (isVisible())
        refresh();
}

void TerritoryMapPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void TerritoryMapPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange
        || event->type() == QEvent::ApplicationPaletteChange) {
        // The territories' colours have a dark variant.
        m_figuresStale = true;
        if (isVisible())
            refresh();
    }
}

const territories::RegionGrouping &TerritoryMapPanel::grouping()
{
    const territories::RegionGrouping &g = m_state->regionGrouping();
    if (m_state->regionGroupingGeneration() != m_groupingSeen) {
        m_groupingSeen = m_state->regionGroupingGeneration();
        m_figuresStale = true;
    }
    return g;
}

const std::vector<territories::RegionFigures> &TerritoryMapPanel::figures()
{
    const territories::RegionGrouping &g = grouping();
    if (m_figuresStale) {
        m_figuresStale = false;
        const BookView *view = m_state->session()->view();
        if (!view) {
            m_figures.clear();
            m_entryColors.clear();
        } else {
            const territories::Layout &layout = m_state->layout();
            m_figures = territories::regionFigures(*view, g, layout, m_state->report());
            m_entryColors = territorycolors::ofLayout(layout, *view, theme::isDark(palette()));
        }
    }
    return m_figures;
}

const territories::RegionFigures *TerritoryMapPanel::figuresOf(int region)
{
    const std::vector<territories::RegionFigures> &all = figures();
    const int i = grouping().indexOf(region);
    return i >= 0 && std::size_t(i) < all.size() ? &all[std::size_t(i)] : nullptr;
}

QColor TerritoryMapPanel::entryColor(int entry)
{
    figures();
    return entry >= 0 && std::size_t(entry) < m_entryColors.size()
            ? m_entryColors[std::size_t(entry)]
            : QColor();
}

void TerritoryMapPanel::refresh()
{
    figures();
    if (!m_viewChosen && m_fitPending)
        chooseView(false);
    if (m_fitPending)
        fitToAccounts();
    recolour();
    updateNotOnMap();
}

void TerritoryMapPanel::recolour()
{
    const QColor none = territorycolors::noTerritory(palette());
    QHash<int, QColor> colors;
    colors.reserve(qsizetype(m_figures.size()));
    for (const territories::RegionFigures &f : m_figures)
        colors.insert(f.region,
                      f.majority >= 0 && std::size_t(f.majority) < m_entryColors.size()
                              ? m_entryColors[std::size_t(f.majority)]
                              : none);
    if (colors != m_map->regionColors())
        m_map->setRegionColors(colors);
}

void TerritoryMapPanel::updateNotOnMap()
{
    const territories::RegionGrouping &g = grouping();
    QStringList parts;
    if (!g.unplaced.empty())
        parts.append(tr("%n account(s) with no recognised region", nullptr, int(g.unplaced.size()))
                     + QStringLiteral(" — ") + linkTo(QStringLiteral("unplaced"), tr("Show")));
    if (const auto withoutState = int(g.accountsOf(catalogue().unitedStates()).size()))
        parts.append(tr("%n account(s) in the United States without a state", nullptr, withoutState)
                     + QStringLiteral(" — ") + linkTo(QStringLiteral("without-state"), tr("Show")));
    const bool grey =
            std::any_of(m_figures.begin(), m_figures.end(),
                        [](const territories::RegionFigures &f) { return f.majority < 0; });
    if (grey)
        parts.prepend(QStringLiteral("<span style=\"color:%1\">■</span> ")
                              .arg(territorycolors::noTerritory(palette()).name())
                      + tr("in no territory").toHtmlEscaped());
    m_notOnMap->setText(parts.join(QStringLiteral(" · ")));
    m_notOnMap->setVisible(!parts.isEmpty());
}

void TerritoryMapPanel::chooseView(bool byUser)
{
    auto view = geo::MapView(m_view->currentData().toInt());
    if (byUser) {
        m_viewChosen = true;
    } else {
        // The United States when every account placed is there, else the World.
        const territories::RegionGrouping &g = grouping();
        const bool american = !g.regions.empty()
                && std::all_of(g.regions.begin(), g.regions.end(), [](int region) {
                       return catalogue().region(region).country == catalogue().unitedStates();
                   });
        view = american ? geo::MapView::UnitedStates : geo::MapView::World;
        m_view->setCurrentIndex(m_view->findData(int(view)));
    }
    if (view != m_map->view()) {
        m_map->setView(view);
        m_fitPending = true;
    }
    if (byUser && m_fitPending)
        fitToAccounts();
}

void TerritoryMapPanel::fitToAccounts()
{
    if (!isVisible())
        return; // when shown
    m_fitPending = false;
    // The regions holding accounts, with a little sea around them.
    const geo::MapGeometry &geometry = m_map->renderer().geometry();
    QRectF area;
    for (const int region : grouping().regions)
        if (const geo::RegionShape *shape = geometry.shape(m_map->view(), region))
            area = area.united(shape->bounds);
    if (!area.isEmpty()) {
        const qreal margin = std::max(area.width(), area.height()) * 0.04;
        area.adjust(-margin, -margin, margin, margin);
    }
    m_map->showArea(area);
}

void TerritoryMapPanel::setChoice(Choice choice, const QList<int> &regions)
{
    m_choice = choice;
    m_chosenRegions = choice == Choice::Regions ? regions : QList<int>();
    emit choiceChanged();
}

void TerritoryMapPanel::clearChoice()
{
    m_choice = Choice::None;
    m_chosenRegions.clear();
    m_map->setSelectedRegions({});
}

void TerritoryMapPanel::chooseUnplaced()
{
    m_map->setSelectedRegions({});
    setChoice(Choice::Unplaced, {});
}

void TerritoryMapPanel::chooseWithoutState()
{
    m_map->setSelectedRegions({});
    setChoice(Choice::WithoutState, {});
}

std::vector<Id> TerritoryMapPanel::idsOf(std::span<const int> rows) const
{
    std::vector<Id> ids;
    const BookView *view = m_state->session()->view();
    if (!view)
        return ids;
    ids.reserve(rows.size());
    for (const int row : rows)
        if (row >= 0 && row < view->accounts.size())
            ids.push_back(view->accounts.id[std::size_t(row)]);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<Id> TerritoryMapPanel::accountsOf(const QList<int> &regions)
{
    const territories::RegionGrouping &g = grouping();
    std::vector<int> rows;
    for (const int region : regions) {
        const std::span<const int> of = g.accountsOf(region);
        rows.insert(rows.end(), of.begin(), of.end());
    }
    return idsOf(rows);
}

std::vector<Id> TerritoryMapPanel::chosenAccounts()
{
    switch (m_choice) {
    case Choice::None:
        return {};
    case Choice::Regions:
        return accountsOf(m_chosenRegions);
    case Choice::Unplaced:
        return idsOf(grouping().unplaced);
    case Choice::WithoutState:
        return idsOf(grouping().accountsOf(catalogue().unitedStates()));
    }
    return {};
}

QString TerritoryMapPanel::choiceTitle()
{
    const int count = int(chosenAccounts().size());
    switch (m_choice) {
    case Choice::None:
        return {};
    case Choice::Regions: {
        QStringList names;
        for (const int region :
             std::as_const(m_chosenRegions)
                     .first(std::min<qsizetype>(m_chosenRegions.size(), titleRegions)))
            names.append(catalogue().region(region).name.toHtmlEscaped());
        const auto more = int(m_chosenRegions.size() - names.size());
        QString where = names.join(QStringLiteral(", "));
        if (more > 0)
            where = tr("%1 and %n more region(s)", nullptr, more).arg(where);
        if (count == 0)
            return tr("<b>No accounts in %1</b>: select a region in a territory's colour, or "
                      "a territory above.")
                    .arg(where);
        return tr("<b>Accounts in %1</b> (%2), whatever their territory: drag them onto a "
                  "territory, or Move Accounts To in their menu.")
                .arg(where, m_format.number(count));
    }
    case Choice::Unplaced:
        return tr("<b>Accounts with no recognised region</b> (%1): their billing state and "
                  "country name no place the map knows. Drag them onto a territory, or Move "
                  "Accounts To in their menu.")
                .arg(m_format.number(count));
    case Choice::WithoutState:
        return tr("<b>Accounts in the United States without a state</b> (%1): the map shows "
                  "them as the country's colour under the states with none of their own.")
                .arg(m_format.number(count));
    }
    return {};
}

QString TerritoryMapPanel::toolTip(int region)
{
    QString text = QStringLiteral("<b>%1</b>").arg(catalogue().region(region).name.toHtmlEscaped());
    const territories::RegionFigures *f = figuresOf(region);
    if (!f)
        return text + QStringLiteral("<br>") + tr("No accounts");
    const territories::Layout &layout = m_state->layout();
    const BookView *view = m_state->session()->view();
    const QString currency = view ? view->settings.currency : QString();
    text += QStringLiteral("<br>") + tr("%n account(s)", nullptr, f->accounts);
    int shown = 0;
    int rest = 0;
    for (const territories::RegionFigures::Share &s : f->shares) {
        if (shown == tooltipTerritories) {
            rest += s.accounts;
            continue;
        }
        ++shown;
        const QString name = s.entry >= 0 && std::size_t(s.entry) < layout.entries.size()
                ? layout.entries[std::size_t(s.entry)].name
                : QString();
        text += QStringLiteral("<br><span style=\"color:%1\">■</span> ")
                        .arg(entryColor(s.entry).name())
                + tr("%1: %2").arg(name.toHtmlEscaped(), m_format.number(s.accounts));
    }
    if (const int others = int(f->shares.size()) - shown; others > 0)
        text += QStringLiteral("<br>")
                + tr("%n more territory(ies): %1", nullptr, others).arg(m_format.number(rest));
    if (f->unassigned > 0)
        text += QStringLiteral("<br><span style=\"color:%1\">■</span> ")
                        .arg(territorycolors::noTerritory(palette()).name())
                + tr("In no territory: %1").arg(m_format.number(f->unassigned));
    text += QStringLiteral("<br>") + tr("Potential: %1").arg(m_format.money(f->potential, currency))
            + QStringLiteral("<br>")
            + tr("Expected value: %1").arg(m_format.money(f->ev, currency));
    return text;
}

QString TerritoryMapPanel::exportTitle() const
{
    const QString book = QFileInfo(m_state->session()->path()).completeBaseName();
    return book.isEmpty() ? tr("Territories: %1").arg(m_view->currentText())
                          : tr("Territories of %1: %2").arg(book, m_view->currentText());
}

RegionMapLegend TerritoryMapPanel::exportLegend()
{
    RegionMapLegend legend;
    figures();
    const territories::Layout &layout = m_state->layout();
    for (std::size_t e = 0; e < layout.entries.size(); ++e)
        legend.append({ layout.entries[e].name, entryColor(int(e)) });
    const bool grey =
            std::any_of(m_figures.begin(), m_figures.end(),
                        [](const territories::RegionFigures &f) { return f.majority < 0; });
    if (grey)
        legend.append({ tr("In no territory"), territorycolors::noTerritory(palette()) });
    return legend;
}

bool TerritoryMapPanel::exportPng(const QString &path, QString *error)
{
    // At least 1,600 points wide, in the map's proportions, at twice the pixels.
    QSize size = m_map->size();
    if (size.width() < 1600 && !size.isEmpty())
        size = QSize(1600, std::max(1, size.height() * 1600 / size.width()));
    return exportRegionMapPng(*m_map, path, size, 2.0, error, exportLegend());
}

bool TerritoryMapPanel::exportPdf(const QString &path, QString *error)
{
    return exportRegionMapPdf(*m_map, path, exportTitle(), error, exportLegend());
}

void TerritoryMapPanel::exportDialog(const QString &suffix)
{
    const bool pdf = suffix == QLatin1String("pdf");
    const QString path =
            exportpath::ask(this, tr("Export Map"), tr("territory-map.%1").arg(suffix),
                            pdf ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)"), suffix);
    if (path.isEmpty())
        return;
    QString error;
    if (pdf ? exportPdf(path, &error) : exportPng(path, &error))
        emit statusMessage(tr("Exported the map to %1.").arg(QFileInfo(path).fileName()));
    else
        m_state->session()->reportError(error);
}

QByteArray TerritoryMapPanel::saveState() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << stateVersion << m_viewChosen << qint32(m_view->currentData().toInt())
        << m_lasso->isChecked();
    return data;
}

void TerritoryMapPanel::restoreState(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    QDataStream in(state);
    quint32 version = 0;
    bool chosen = false;
    qint32 view = 0;
    bool lasso = false;
    in >> version >> chosen >> view >> lasso;
    if (in.status() != QDataStream::Ok || version != stateVersion)
        return;
    m_lasso->setChecked(lasso);
    const int index = m_view->findData(view);
    if (chosen && index >= 0) {
        m_view->setCurrentIndex(index);
        chooseView(true);
    }
}

} // namespace tp::ui
