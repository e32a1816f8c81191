#include "roipage.h"

#include "charts/quadrantchart.h"
#include "edits/bookeditor.h"
#include "factorspanel.h"
#include "models/formatter.h"
#include "models/modelroles.h"
#include "roistate.h"
#include "scoringpanel.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "style/icons.h"
#include "style/menubutton.h"
#include "widgets/elidedlabel.h"
#include "widgets/exportpath.h"
#include "widgets/tablekeys.h"
#include "worklistdelegate.h"
#include "worklistmodel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDataStream>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIODevice>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace tp::ui {

namespace {

constexpr quint32 stateVersion = 2;

} // namespace

RoiPage::RoiPage(BookSession *session, ScopeState *scope, AccountSelection *selection,
                 QWidget *parent)
    : Page(parent),
      m_session(session),
      m_scope(scope),
      m_state(new RoiState(session, scope, selection, this)),
      m_chart(new QuadrantChart(this)),
      m_model(new WorkListModel(m_state, this)),
      m_table(new QTableView(this)),
      m_unscoredModel(new QStringListModel(this)),
      m_unscored(new QListView(this)),
      m_scoring(new ScoringPanel(m_state, this)),
      m_factors(new FactorsPanel(session, this)),
      m_tabs(new QTabWidget(this)),
      m_vertical(new QSplitter(Qt::Vertical, this)),
      m_horizontal(new QSplitter(Qt::Horizontal, this)),
      m_side(new QSplitter(Qt::Vertical, this)),
      m_unscoredTitle(new QLabel(this)),
      m_search(new QLineEdit(this)),
      m_likelihoodBox(new QDoubleSpinBox(this)),
      m_potentialBox(new QDoubleSpinBox(this)),
      m_median(new QCheckBox(tr("&Median"), this)),
      m_logScale(new QCheckBox(tr("&Log scale"), this)),
      m_count(new ElidedLabel(this)),
      m_warning(new QLabel(this)),
      m_resetZoom(new QToolButton(this))
{
    auto *bar = new QWidget(this);
    buildToolbar(bar);

    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setAutoFillBackground(true);
    m_warning->setContentsMargins(8, 4, 8, 4);
    m_warning->hide();

    m_table->setModel(m_model);
    m_table->setItemDelegate(new WorkListDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setCornerButtonEnabled(false);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setAccessibleName(tr("Work list"));
    letTabLeave(m_table);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    const int charWidth = m_table->fontMetrics().averageCharWidth();
    const int widths[] = { 6, 28, 16, 14, 14, 14, 16, 18, 14, 10 };
    for (int c = 0; c < WorkListModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c] * charWidth + 16);
    header->setSectionResizeMode(WorkListModel::Account, QHeaderView::Stretch);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_unscored->setModel(m_unscoredModel);
    m_unscored->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_unscored->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_unscored->setUniformItemSizes(true);
    m_unscored->setAccessibleName(tr("Needs scoring"));
    m_unscored->setToolTip(tr("Accounts of the scope with no scored factor: they are not on the "
                              "chart until scored"));

    // The scoring panel scrolls when the window is small rather than set its smallest size.
    m_scoringArea = new QScrollArea(this);
    m_scoringArea->setWidget(m_scoring);
    m_scoringArea->setWidgetResizable(true);
    m_scoringArea->setFrameShape(QFrame::NoFrame);
    m_scoringArea->setFocusPolicy(Qt::NoFocus);
    m_tabs->addTab(m_scoringArea, tr("Score"));
    m_tabs->addTab(m_factors, tr("Factors && Weights"));
    auto *needs = new QWidget(this);
    auto *needsLayout = new QVBoxLayout(needs);
    needsLayout->setContentsMargins(0, 0, 0, 0);
    needsLayout->setSpacing(2);
    m_unscoredTitle->setBuddy(m_unscored);
    needsLayout->addWidget(m_unscoredTitle);
    needsLayout->addWidget(m_unscored, 1);
    m_side->addWidget(m_tabs);
    m_side->addWidget(needs);
    m_side->setStretchFactor(0, 3);
    m_side->setStretchFactor(1, 1);
    m_horizontal->addWidget(m_chart);
    m_horizontal->addWidget(m_side);
    m_horizontal->setStretchFactor(0, 3);
    m_horizontal->setStretchFactor(1, 1);
    m_horizontal->setSizes({ 3000, 2000 });
    // As wide as the scores' buttons (the factors come with the book), so the panel scrolls
    // only downwards.
    m_scoring->installEventFilter(this);
    m_horizontal->setCollapsible(0, false);
    m_vertical->addWidget(m_horizontal);
    m_vertical->addWidget(m_table);
    // The work list gets two fifths of the height: a dozen rows at 1400×900, not four.
    m_vertical->setStretchFactor(0, 1);
    m_vertical->setStretchFactor(1, 1);
    m_vertical->setSizes({ 1200, 800 });
    m_vertical->setCollapsible(0, false);
    m_chart->setMinimumSize(300, 200);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(bar);
    layout->addWidget(m_warning);
    layout->addWidget(m_vertical, 1);
    setContent(
            content, session, [](const BookView &view) { return view.accounts.size() > 0; },
            tr("This book has no accounts yet: the ROI quadrant and the work list show them "
               "once they are in."));

    auto *copy = new QAction(themeIcon(QStringLiteral("edit-copy")), tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    copy->setStatusTip(tr("Copy the selected work list rows as tab-separated text"));
    connect(copy, &QAction::triggered, this, &RoiPage::copyRows);
    addPageAction(copy);
    m_table->addAction(copy);

    m_chart->setHoverTextProvider([this](int account) { return m_state->hoverLines(account); });
    connect(m_chart, &QuadrantChart::accountClicked, this,
            [this](int account, Qt::KeyboardModifiers modifiers) {
                std::vector<int> selection;
                if (modifiers & (Qt::ControlModifier | Qt::ShiftModifier)) {
                    selection = m_state->selection();
                    const auto it = std::find(selection.begin(), selection.end(), account);
                    if (it != selection.end()) {
                        selection.erase(it);
                        m_state->select(selection, selection.empty() ? -1 : selection.back());
                        return;
                    }
                }
                selection.push_back(account);
                m_state->select(selection, account);
            });
    connect(m_chart, &QuadrantChart::thresholdsDragged, this,
            [this](double l, double r, bool potentialMoved) {
                const BookView *view = m_session->view();
                if (!view)
                    return;
                // Only a moved potential line replaces the median (or the R* set before).
                m_session->edit(&BookEditor::setRoiThresholds, l,
                                potentialMoved ? std::optional<Minor>(std::llround(r * 100.0))
                                               : view->settings.roi.potentialThreshold);
            });
    connect(m_chart, &QuadrantChart::zoomChanged, m_resetZoom, &QWidget::setEnabled);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RoiPage::selectFromWorkList);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RoiPage::selectFromWorkList);
    connect(m_unscored->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RoiPage::selectFromNeedsScoring);
    connect(m_scoring, &ScoringPanel::stepAccount, this, &RoiPage::stepAccount);
    connect(m_state, &RoiState::evaluated, this, &RoiPage::onEvaluated);
    connect(m_state, &RoiState::selectionChanged, this, &RoiPage::showSelection);
    connect(m_search, &QLineEdit::textChanged, m_model, [this](const QString &text) {
        m_model->setTextFilter(text);
        showSelection();
    });
    // Keyboard first: arrows move through the lists, digits and Delete score the selection.
    m_table->installEventFilter(this);
    m_unscored->installEventFilter(this);
    onEvaluated(true);
}

bool RoiPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scoring && event->type() == QEvent::LayoutRequest)
        m_scoringArea->setMinimumWidth(m_scoring->minimumSizeHint().width()
                                       + m_scoringArea->verticalScrollBar()->sizeHint().width());
    if ((watched == m_table || watched == m_unscored) && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool scoringKey = (key->key() >= Qt::Key_0 && key->key() <= Qt::Key_5)
                || key->key() == Qt::Key_Delete || key->key() == Qt::Key_Minus;
        if (scoringKey && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            m_tabs->setCurrentWidget(m_scoringArea);
            QApplication::sendEvent(m_scoring, event);
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

void RoiPage::buildToolbar(QWidget *bar)
{
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search the work list"));
    m_search->addAction(themeIcon(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 16);

    m_likelihoodBox->setRange(0, 100);
    m_likelihoodBox->setDecimals(0);
    m_likelihoodBox->setSuffix(QLocale().percent());
    m_likelihoodBox->setToolTip(tr("Likelihood threshold L*: the vertical line"));
    m_likelihoodBox->setKeyboardTracking(false);
    m_potentialBox->setRange(0, 1e13);
    m_potentialBox->setDecimals(0);
    m_potentialBox->setGroupSeparatorShown(true);
    m_potentialBox->setSingleStep(10000);
    m_potentialBox->setToolTip(tr("Potential threshold R*: the horizontal line"));
    m_potentialBox->setKeyboardTracking(false);
    m_median->setToolTip(tr("R* is the median potential of the scored accounts in scope"));
    m_logScale->setToolTip(tr("Revenue potential on a logarithmic scale"));
    connect(m_likelihoodBox, &QDoubleSpinBox::valueChanged, this, &RoiPage::commitThresholds);
    connect(m_potentialBox, &QDoubleSpinBox::valueChanged, this, &RoiPage::commitThresholds);
    connect(m_median, &QCheckBox::toggled, this, &RoiPage::commitThresholds);
    connect(m_logScale, &QCheckBox::toggled, m_chart, &QuadrantChart::setLogScale);
    // Potentials spread over orders of magnitude: a linear axis squeezes the accounts under R*
    // (quick wins, deprioritize) into a strip. Log by default; the choice is remembered.
    m_logScale->setChecked(true);

    m_resetZoom->setText(tr("Reset Zoom"));
    m_resetZoom->setToolTip(tr("Show the whole chart again (drag a rectangle on it to zoom)"));
    m_resetZoom->setEnabled(false);
    connect(m_resetZoom, &QToolButton::clicked, m_chart, &QuadrantChart::resetZoom);
    auto *exportButton = new MenuButton(tr("Export Chart"), bar);
    exportButton->setObjectName(QStringLiteral("exportChart"));
    exportButton->setToolTip(tr("Write the chart, with its scope, date and thresholds, as an "
                                "image or a PDF"));
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("As &PNG Image…"), this, [this] { exportDialog(QStringLiteral("png")); });
    menu->addAction(tr("As P&DF…"), this, [this] { exportDialog(QStringLiteral("pdf")); });
    exportButton->setMenu(menu);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_search);
    auto *lLabel = new QLabel(tr("L*:"), bar);
    lLabel->setBuddy(m_likelihoodBox);
    row->addSpacing(8);
    row->addWidget(lLabel);
    row->addWidget(m_likelihoodBox);
    auto *rLabel = new QLabel(tr("R*:"), bar);
    rLabel->setBuddy(m_potentialBox);
    row->addWidget(rLabel);
    row->addWidget(m_potentialBox);
    row->addWidget(m_median);
    row->addSpacing(8);
    row->addWidget(m_logScale);
    row->addStretch(1);
    row->addWidget(m_count);
    row->addWidget(m_resetZoom);
    row->addWidget(exportButton);
}

QIcon RoiPage::icon() const
{
    return pageIcon(QStringLiteral("roi"));
}

void RoiPage::setCurrent(bool current)
{
    m_state->setShownBy(this, current);
}

void RoiPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QString RoiPage::countText() const
{
    return m_count->text();
}

void RoiPage::onEvaluated(bool scopeChanged)
{
    const roi::RoiResult &r = m_state->result();
    const BookView *view = m_session->view();
    m_chart->setCurrency(view ? view->settings.currency : QString());
    m_chart->setData(quadrantData(r, view ? view->settings.roi : RoiSettings{}), scopeChanged);
    {
        const QSignalBlocker b1(m_likelihoodBox), b2(m_potentialBox), b3(m_median);
        m_likelihoodBox->setValue(r.likelihoodThreshold * 100.0);
        m_potentialBox->setValue(double(r.potentialThreshold) / 100.0);
        m_median->setChecked(r.thresholdIsMedian);
        m_potentialBox->setEnabled(!r.thresholdIsMedian);
        const bool open = view != nullptr;
        m_likelihoodBox->setEnabled(open);
        m_median->setEnabled(open);
        m_potentialBox->setEnabled(open && !r.thresholdIsMedian);
    }
    QStringList names;
    if (view) {
        names.reserve(qsizetype(r.unscored.size()));
        for (const int row : r.unscored)
            names.append(view->accounts.name.at(std::size_t(row)));
    }
    {
        const bool wasSyncing = std::exchange(m_syncing, true);
        m_unscoredModel->setStringList(names);
        m_syncing = wasSyncing;
    }
    m_unscoredTitle->setText(
            tr("&Needs scoring (%1)").arg(QLocale().toString(qsizetype(names.size()))));
    const Formatter format;
    const int thin = m_chart->data().thin;
    QString scored = tr("%1 scored").arg(format.number(qint64(r.workList.size())));
    if (thin > 0)
        scored = tr("%1 (%2 hollow)").arg(scored, format.number(thin));
    m_count->setText(
            view ? tr("%1 · capacity %2 · %3 within it")
                            .arg(scored, format.number(r.capacity), format.number(r.withinCapacity))
                 : QString());
    m_count->setToolTip(thin > 0 ? tr("Hollow points are scored on fewer than half of their "
                                      "factors: their likelihood rests on little evidence")
                                 : QString());
    updateWarning();
    showSelection();
}

void RoiPage::updateWarning()
{
    const BookView *view = m_session->view();
    const auto &over = m_state->overCapacity();
    if (!view || over.empty()) {
        m_warning->hide();
        return;
    }
    const Formatter format;
    QStringList parts;
    for (std::size_t i = 0; i < over.size() && i < 3; ++i)
        parts.append(tr("%1 (%2 of %3)")
                             .arg(view->reps[std::size_t(over[i].rep)].name,
                                  format.number(over[i].active), format.number(over[i].capacity)));
    QString text = over.size() == 1
            ? tr("%1 carries %2 active opportunities, more than a capacity of %3: close or drop "
                 "some before taking on new accounts.")
                      .arg(view->reps[std::size_t(over[0].rep)].name, format.number(over[0].active),
                           format.number(over[0].capacity))
            : tr("%n rep(s) carry more active opportunities than their capacity: %1", nullptr,
                 int(over.size()))
                      .arg(parts.join(QStringLiteral(", ")));
    if (over.size() > 3)
        text += tr(", and %n more.", nullptr, int(over.size() - 3));
    m_warning->setText(QStringLiteral("⚠ ") + text);
    QPalette palette = m_warning->palette();
    palette.setColor(QPalette::Window, palette.color(QPalette::AlternateBase));
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Text));
    m_warning->setPalette(palette);
    m_warning->show();
}

void RoiPage::showSelection()
{
    const bool wasSyncing = std::exchange(m_syncing, true);
    const std::vector<int> &selection = m_state->selection();
    m_chart->setSelection(selection, m_state->current());
    if (!selection.empty() && m_state->rankOf(m_state->current()) >= 0)
        m_tabs->setCurrentWidget(m_scoringArea);

    QItemSelection rows;
    for (const int account : selection) {
        const int row = m_model->rowOfAccount(account);
        if (row >= 0)
            rows.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
    }
    m_table->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
    if (const int current = m_model->rowOfAccount(m_state->current()); current >= 0) {
        m_table->selectionModel()->setCurrentIndex(m_model->index(current, 0),
                                                   QItemSelectionModel::NoUpdate);
        m_table->scrollTo(m_model->index(current, 0));
    }

    QItemSelection unscored;
    const auto &list = m_state->result().unscored;
    for (const int account : selection) {
        const auto it = std::find(list.begin(), list.end(), account);
        if (it != list.end()) {
            const QModelIndex index = m_unscoredModel->index(int(it - list.begin()));
            unscored.select(index, index);
        }
    }
    m_unscored->selectionModel()->select(unscored, QItemSelectionModel::ClearAndSelect);
    m_syncing = wasSyncing;
}

void RoiPage::selectFromWorkList()
{
    if (m_syncing)
        return;
    std::vector<int> accounts;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection())
        for (int row = range.top(); row <= range.bottom(); ++row)
            accounts.push_back(m_model->accountAt(row));
    const int current = m_model->accountAt(m_table->selectionModel()->currentIndex().row());
    const bool currentSelected =
            std::find(accounts.begin(), accounts.end(), current) != accounts.end();
    m_state->select(std::move(accounts), currentSelected ? current : -1);
}

void RoiPage::selectFromNeedsScoring()
{
    if (m_syncing)
        return;
    std::vector<int> accounts;
    const auto &list = m_state->result().unscored;
    for (const QModelIndex &index : m_unscored->selectionModel()->selectedIndexes())
        if (index.row() < int(list.size()))
            accounts.push_back(list[std::size_t(index.row())]);
    std::sort(accounts.begin(), accounts.end());
    m_state->select(std::move(accounts));
    if (!m_state->selection().empty())
        m_tabs->setCurrentWidget(m_scoringArea);
}

void RoiPage::stepAccount(int delta)
{
    const int current = m_state->current();
    int row = m_model->rowOfAccount(current);
    if (row >= 0 || current < 0) {
        row = std::clamp(row + delta, 0, m_model->rowCount() - 1);
        if (m_model->rowCount() > 0)
            m_state->select({ m_model->accountAt(row) });
        return;
    }
    const auto &list = m_state->result().unscored;
    const auto it = std::find(list.begin(), list.end(), current);
    if (it == list.end() || list.empty())
        return;
    const int next = std::clamp(int(it - list.begin()) + delta, 0, int(list.size()) - 1);
    m_state->select({ list[std::size_t(next)] });
}

void RoiPage::commitThresholds()
{
    const std::optional<Minor> potential = m_median->isChecked()
            ? std::nullopt
            : std::optional<Minor>(std::llround(m_potentialBox->value() * 100.0));
    m_session->edit(&BookEditor::setRoiThresholds, m_likelihoodBox->value() / 100.0, potential);
}

void RoiPage::copyRows()
{
    QString text;
    QList<int> rows;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection())
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.append(row);
    std::sort(rows.begin(), rows.end());
    for (const int row : rows) {
        QStringList cells;
        for (int c = 0; c < m_model->columnCount(); ++c)
            if (c != WorkListModel::Contributions)
                cells.append(m_model->index(row, c).data().toString());
        text += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    emit statusMessage(tr("Copied %n row(s).", nullptr, int(rows.size())));
}

QStringList RoiPage::exportCaption() const
{
    const BookView *view = m_session->view();
    if (!view)
        return { tr("ROI quadrant") };
    const Formatter format;
    const int rep = m_scope->repIndex();
    const int territory = m_scope->territoryIndex();
    QStringList scope;
    if (rep >= 0 && std::size_t(rep) < view->reps.size())
        scope.append(view->reps[std::size_t(rep)].name);
    if (territory >= 0 && std::size_t(territory) < view->territories.size())
        scope.append(tr("territory %1").arg(view->territories[std::size_t(territory)].name));
    if (scope.isEmpty())
        scope.append(tr("the team"));
    const QuadrantData &data = m_chart->data();
    const QString potential = format.money(Minor(std::llround(data.potentialThreshold * 100.0)),
                                           view->settings.currency);
    const QString lStar = tr("L* %1").arg(format.share(data.likelihoodThreshold));
    const QString rStar = data.thresholdIsMedian ? tr("R* %1 (median)").arg(potential)
                                                 : tr("R* %1").arg(potential);
    QString drawn = tr("%n scored account(s)", nullptr, int(data.points.size()));
    if (data.thin > 0)
        drawn = tr("%1, %2 hollow (scored on fewer than half of their factors)")
                        .arg(drawn, format.number(data.thin));
    return { tr("ROI quadrant: %1").arg(scope.join(QStringLiteral(", "))),
             tr("Book %1 · as of %2 · period %3")
                     .arg(QFileInfo(m_session->path()).fileName(), format.date(m_scope->asOf()),
                          m_scope->period().label()),
             tr("%1 · %2 · %3").arg(lStar, rStar, drawn) };
}

bool RoiPage::exportChart(const QString &path, QString *error)
{
    if (path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return m_chart->exportPdf(path, exportCaption(), error);
    return m_chart->exportPng(path, exportCaption(), 2.0, error);
}

void RoiPage::exportDialog(const QString &suffix)
{
    const QString filter =
            suffix == QLatin1String("pdf") ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)");
    const QString path = exportpath::ask(this, tr("Export Chart"),
                                         tr("roi-quadrant.%1").arg(suffix), filter, suffix);
    if (path.isEmpty())
        return;
    QString error;
    if (exportChart(path, &error))
        emit statusMessage(tr("Exported the chart to %1.").arg(QFileInfo(path).fileName()));
    else
        m_session->reportError(error);
}

QByteArray RoiPage::saveState() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << stateVersion << m_vertical->saveState() << m_horizontal->saveState()
        << m_table->horizontalHeader()->saveState() << m_logScale->isChecked()
        << qint32(m_tabs->currentIndex()) << m_side->saveState();
    return data;
}

void RoiPage::restoreState(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    QDataStream in(state);
    quint32 version = 0;
    QByteArray vertical, horizontal, header;
    bool log = false;
    qint32 tab = 0;
    QByteArray side;
    in >> version >> vertical >> horizontal >> header >> log >> tab >> side;
    if (in.status() != QDataStream::Ok || version != stateVersion)
        return;
    m_vertical->restoreState(vertical);
    m_horizontal->restoreState(horizontal);
    m_table->horizontalHeader()->restoreState(header);
    m_logScale->setChecked(log);
    m_tabs->setCurrentIndex(tab);
    m_side->restoreState(side);
}

} // namespace tp::ui
