#pragma once

#include "analytics/territoryregions.h"
#include "models/formatter.h"
#include "widgets/regionmapexport.h"

#include <QColor>
#include <QList>
#include <QWidget>

#include <span>
#include <vector>

class QComboBox;
class QLabel;
class QToolButton;

namespace tp::ui {

class RegionMap;
class TerritoryState;

// The Territories page's map (issue 19): each region filled with the colour of the territory
// holding most of its accounts (territorycolors.h; a region whose accounts are all in no
// territory grey, one without accounts plain land), its figures on hover (accounts, per
// territory, Σ potential, Σ EV), a click or lasso choosing its accounts for the page's accounts
// table, a line naming the accounts the map cannot place (Show chooses them), the World or the
// United States, and PNG and PDF export. Accounts are placed by their billing state and country
// once per loaded book (territories::groupByRegion); a move between territories only counts the
// regions again (regionFigures) and repaints the regions whose colour changed.
class TerritoryMapPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TerritoryMapPanel(TerritoryState *state, QWidget *parent = nullptr);

    RegionMap *map() const { return m_map; }
    QComboBox *viewBox() const { return m_view; }
    QLabel *notOnMapLabel() const { return m_notOnMap; }
    QToolButton *exportButton() const { return m_export; }

    // What the map offers the accounts table: the accounts of the regions selected on it, those
    // whose state and country name no region, or those in the United States without a state
    // (which neither view can draw apart).
    enum class Choice { None, Regions, Unplaced, WithoutState };
    Choice choice() const { return m_choice; }
    QList<int> chosenRegions() const { return m_chosenRegions; }
    // The accounts chosen (ids, ascending), and what the table above them says (rich text).
    std::vector<Id> chosenAccounts();
    QString choiceTitle();
    // Forgets the choice and the map's selection (a territory was selected); emits nothing.
    void clearChoice();
    // Chooses the accounts the map cannot place, or those without a state (choiceChanged()).
    void chooseUnplaced();
    void chooseWithoutState();

    // The accounts of `regions` (ids, ascending): what a drag of them moves.
    std::vector<Id> accountsOf(const QList<int> &regions);
    const territories::RegionGrouping &grouping();
    // Per region of grouping().regions.
    const std::vector<territories::RegionFigures> &figures();
    // The figures of `region`, null when it holds no account.
    const territories::RegionFigures *figuresOf(int region);
    // Each layout entry's colour, as in the territory table's swatches.
    QColor entryColor(int entry);
    // What hovering `region` shows (rich text).
    QString toolTip(int region);

    bool exportPng(const QString &path, QString *error = nullptr);
    bool exportPdf(const QString &path, QString *error = nullptr);

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

    // Half of a small screen's page: the map gives the tables their room.
    QSize sizeHint() const override;

signals:
    // The choice changed: the accounts table shows chosenAccounts() (or its own again).
    void choiceChanged();
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildBar(QWidget *bar);
    void bookSwitched();
    void figuresChanged();
    void refresh();
    void recolour();
    void updateNotOnMap();
    void chooseView(bool byUser);
    void fitToAccounts();
    void setChoice(Choice choice, const QList<int> &regions);
    void exportDialog(const QString &suffix);
    QString exportTitle() const;
    // The territories' colours (and the grey of none) under an exported map.
    RegionMapLegend exportLegend();
    std::vector<Id> idsOf(std::span<const int> rows) const;

    TerritoryState *m_state;
    RegionMap *m_map;
    QComboBox *m_view;
    QToolButton *m_lasso;
    QToolButton *m_export;
    QLabel *m_notOnMap;
    Formatter m_format;

    int m_groupingSeen = 0; // the TerritoryState grouping generation the figures are of
    std::vector<territories::RegionFigures> m_figures;
    std::vector<QColor> m_entryColors;
    bool m_figuresStale = true;
    bool m_viewChosen = false; // by the user: the book's accounts no longer choose it
    bool m_fitPending = true; // the view or the book changed: show where the accounts are

    Choice m_choice = Choice::None;
    QList<int> m_chosenRegions;
};

} // namespace tp::ui
