#include "opportunitiespage.h"

#include "delegates/datedelegate.h"
#include "delegates/forecastdelegate.h"
#include "delegates/moneydelegate.h"
#include "delegates/ownerdelegate.h"
#include "delegates/spinboxdelegate.h"
#include "delegates/stagedelegate.h"
#include "edits/bookeditor.h"
#include "models/opportunitytablemodel.h"
#include "session/booksession.h"
#include "style/icons.h"
#include "style/theme.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QTableView>

namespace tp::ui {

OpportunitiesPage::OpportunitiesPage(BookSession *session, ScopeState *scope, QWidget *parent)
    : TablePage(session, scope, parent),
      m_model(new OpportunityTableModel(session, this)),
      m_stageFilter(new QComboBox(this)),
      m_statusFilter(new QComboBox(this)),
      m_ownerFilter(new QComboBox(this))
{
    using Column = OpportunityColumn;
    setModel(m_model, { 28, 24, 14, 10, 7, 12, 8, 12, 10, 9, 9, 9, 18 },
             { int(Column::Name), int(Column::Account) });
    QTableView *view = tableView();
    view->setItemDelegateForColumn(int(Column::Stage), new StageDelegate(this));
    view->setItemDelegateForColumn(int(Column::Amount), new MoneyDelegate(false, this));
    view->setItemDelegateForColumn(int(Column::CloseDate), new DateDelegate(this));
    view->setItemDelegateForColumn(int(Column::Probability), SpinBoxDelegate::probability(this));
    view->setItemDelegateForColumn(int(Column::Owner), new OwnerDelegate(session, this));
    view->setItemDelegateForColumn(int(Column::Forecast), new ForecastDelegate(this));

    m_stageFilter->setToolTip(tr("Show one stage"));
    m_stageFilter->addItem(tr("All stages"), -1);
    m_stageFilter->insertSeparator(1);
    for (Stage stage : allStages)
        m_stageFilter->addItem(theme::stageIcon(stage), stageName(stage), int(stage));
    connect(m_stageFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int stage = m_stageFilter->currentData().toInt();
        m_model->setStageFilter(stage > 0 ? std::optional<Stage>(Stage(stage)) : std::nullopt);
    });

    m_statusFilter->setToolTip(tr("Show one status; removed opportunities show only here"));
    m_statusFilter->addItem(tr("All statuses"), -1);
    m_statusFilter->insertSeparator(1);
    for (Status status : { Status::Open, Status::Won, Status::Lost, Status::Removed })
        m_statusFilter->addItem(statusName(status), int(status));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int status = m_statusFilter->currentData().toInt();
        m_model->setStatusFilter(status >= 0 ? std::optional<Status>(Status(status))
                                             : std::nullopt);
    });

    m_ownerFilter->setToolTip(tr("Show one owner's opportunities"));
    m_ownerFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillOwnerCombo(m_ownerFilter, session);
    connect(m_ownerFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setOwnerFilter(m_ownerFilter->currentData().toInt()); });

    addFilterWidget(m_stageFilter);
    addFilterWidget(m_statusFilter);
    addFilterWidget(m_ownerFilter);

    m_clearOverrideAction = new QAction(themeIcon(QStringLiteral("edit-clear")),
                                        tr("C&lear Probability Override"), this);
    m_clearOverrideAction->setStatusTip(tr(
            "Use the stage's (or the import's) probability again for the selected opportunities"));
    connect(m_clearOverrideAction, &QAction::triggered, this,
            &OpportunitiesPage::clearProbabilityOverrides);
    addPageAction(m_clearOverrideAction);
    updateActions();
}

void OpportunitiesPage::changeEvent(QEvent *event)
{
    TablePage::changeEvent(event);
    // The stage swatches are drawn for the palette: a combo keeps the icons it was given.
    if (event->type() != QEvent::PaletteChange && event->type() != QEvent::ApplicationPaletteChange)
        return;
    for (int i = 0; i < m_stageFilter->count(); ++i)
        if (const int stage = m_stageFilter->itemData(i).toInt(); stage > 0)
            m_stageFilter->setItemIcon(i, theme::stageIcon(Stage(stage)));
}

QIcon OpportunitiesPage::icon() const
{
    return pageIcon(QStringLiteral("opportunities"));
}

void OpportunitiesPage::onBookLoaded()
{
    // The model carries its owner filter across a reload of the book (BookSession).
    fillOwnerCombo(m_ownerFilter, m_session,
                   m_session->carriedRepIndex(m_ownerFilter->currentData().toInt()));
    // Another book starts without stage and status filters (the model drops them); a reload
    // of the same book keeps them.
    if (m_session->wasReloaded())
        return;
    const QSignalBlocker stage(m_stageFilter), status(m_statusFilter);
    m_stageFilter->setCurrentIndex(0);
    m_statusFilter->setCurrentIndex(0);
}

QString OpportunitiesPage::countLabel(int shown, int total) const
{
    if (shown == total)
        return tr("%Ln opportunities", nullptr, total);
    return tr("%1 of %Ln opportunities", nullptr, total).arg(m_model->formatter().number(shown));
}

QString OpportunitiesPage::emptyBookText() const
{
    return tr("This book has no opportunities yet.");
}

QString OpportunitiesPage::noMatchText() const
{
    return tr("No opportunities match the search, the filters and the scope.");
}

void OpportunitiesPage::updateActions()
{
    TablePage::updateActions();
    if (!m_clearOverrideAction) // called while the page is still being built
        return;
    bool any = false;
    const BookView *view = m_session->view();
    if (view) {
        for (int row : selectedRows()) {
            if (view->opportunities.override[std::size_t(m_model->sourceRow(row))] >= 0) {
                any = true;
                break;
            }
        }
    }
    m_clearOverrideAction->setEnabled(any);
}

void OpportunitiesPage::clearProbabilityOverrides()
{
    const BookView *view = m_session->view();
    if (!view)
        return;
    QList<Id> ids;
    for (int row : selectedRows())
        if (view->opportunities.override[std::size_t(m_model->sourceRow(row))] >= 0)
            ids.append(m_model->idAt(row));
    if (ids.isEmpty())
        return;
    const std::vector<Id> deals(ids.begin(), ids.end());
    m_session->edit(&BookEditor::setProbabilityOverride, deals, std::nullopt);
}

} // namespace tp::ui
