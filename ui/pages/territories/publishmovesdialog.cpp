#include "publishmovesdialog.h"

#include "models/formatter.h"
#include "session/booksession.h"
#include "widgets/exportpath.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tp::ui {

namespace {

// A read-only list; `widths` in average character widths (the last column stretches).
QTableWidget *makeTable(const QStringList &headers, const QList<int> &widths, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    const int chars = table->fontMetrics().averageCharWidth();
    for (int c = 0; c < int(widths.size()) && c + 1 < table->columnCount(); ++c)
        table->setColumnWidth(c, chars * widths[c]);
    return table;
}

void setCell(QTableWidget *table, int row, int column, const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    table->setItem(row, column, item);
}

} // namespace

PublishMovesDialog::PublishMovesDialog(BookSession *session, QWidget *parent)
    : QDialog(parent),
      m_session(session),
      m_format(new QComboBox(this)),
      m_summary(new QLabel(this)),
      m_unpublishedLabel(new QLabel(this)),
      m_unpublished(makeTable({ tr("Account"), tr("CRM id"), tr("New owner"), tr("Why not") },
                              { 24, 20, 18 }, this)),
      m_stayingLabel(new QLabel(this)),
      m_staying(makeTable({ tr("Opportunity"), tr("Account"), tr("Owner"), tr("New account owner"),
                            tr("Amount") },
                          { 30, 24, 18, 22 }, this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      m_save(m_buttons->addButton(tr("&Save…"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("Publish Moves"));
    for (MovesFormat f : { MovesFormat::Salesforce, MovesFormat::HubSpot, MovesFormat::Generic })
        m_format->addItem(MovesExport::formatName(f), int(f));
    m_format->setToolTip(tr("The form of the CRM's own import: Salesforce Data Loader's update of "
                            "Account, HubSpot's import of companies, or a plain list"));
    m_summary->setWordWrap(true);
    m_unpublishedLabel->setWordWrap(true);
    m_stayingLabel->setWordWrap(true);
    m_save->setToolTip(tr("Write the moves and, beside them, the open deals that stay"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_unpublishedLabel);
    layout->addWidget(m_unpublished, 1);
    layout->addSpacing(6);
    layout->addWidget(m_stayingLabel);
    layout->addWidget(m_staying, 1);
    layout->addWidget(m_buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &PublishMovesDialog::refresh);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Save… asks for the file; the dialog stays open when that is cancelled.
    connect(m_save, &QPushButton::clicked, this, &PublishMovesDialog::askAndSave);
    connect(session, &BookSession::changed, this, &PublishMovesDialog::refresh);
    connect(session, &BookSession::loaded, this, [this] {
        if (!m_session->isOpen())
            reject();
        else
            refresh();
    });
    // The reasons can be long: they wrap in their column (refresh() sizes the rows).
    m_unpublished->setWordWrap(true);
    m_staying->horizontalHeaderItem(4)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const int chars = fontMetrics().averageCharWidth();
    resize(chars * 140, fontMetrics().height() * 32);
    refresh();
}

MovesFormat PublishMovesDialog::format() const
{
    return MovesFormat(m_format->currentData().toInt());
}

void PublishMovesDialog::setFormat(MovesFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void PublishMovesDialog::refresh()
{
    const BookView *view = m_session->view();
    if (!view) {
        m_plan = {};
        m_summary->setText(tr("No book is open."));
        m_save->setEnabled(false);
        for (QWidget *w :
             { static_cast<QWidget *>(m_unpublishedLabel), static_cast<QWidget *>(m_unpublished),
               static_cast<QWidget *>(m_stayingLabel), static_cast<QWidget *>(m_staying) })
            w->hide();
        return;
    }
    m_plan = MovesExport::plan(*view, format());
    const int moves = int(m_plan.moves.size());
    const int published = int(m_plan.published.size());
    const QString formatName = m_format->currentText();
    if (moves == 0) {
        m_summary->setText(tr("No account has moved: every account's owner in the book is the "
                              "owner the CRM gave it. Move accounts on the Territories page, or "
                              "give them to another rep, then publish the moves here."));
    } else {
        const QString which = published == moves ? tr("Every move can be published in this format.")
                : published == 0 ? tr("No move can be published in this format: see why below.")
                                 : tr("%n of them can be published in this format; the others are "
                                      "listed below with the reason.",
                                      nullptr, published);
        m_summary->setText(tr("%n account(s) have a new owner in the book.", nullptr, moves)
                           + QLatin1Char(' ') + which);
    }
    m_save->setEnabled(published > 0);
    m_save->setToolTip(published > 0 ? tr("Write the moves for %1 and, beside them, the open deals "
                                          "that stay")
                                               .arg(formatName)
                                     : tr("Nothing to publish in this format"));

    const AccountColumns &accounts = view->accounts;
    const auto repName = [view](int rep) {
        return rep >= 0 ? view->reps[std::size_t(rep)].name : tr("nobody");
    };
    m_unpublished->setRowCount(int(m_plan.unpublished.size()));
    for (int row = 0; row < int(m_plan.unpublished.size()); ++row) {
        const UnpublishedMove &u = m_plan.unpublished[std::size_t(row)];
        const auto a = std::size_t(u.move.account);
        setCell(m_unpublished, row, 0, accounts.name.at(a));
        setCell(m_unpublished, row, 1, accounts.crmId.at(a));
        setCell(m_unpublished, row, 2, repName(u.move.to));
        setCell(m_unpublished, row, 3, u.reason);
    }
    // A few rows: each as high as its reason needs at the column's width, whatever the width;
    // many: one line each (the reason whole in the tooltip), which stays quick.
    m_unpublished->verticalHeader()->setSectionResizeMode(m_unpublished->rowCount() <= 200
                                                                  ? QHeaderView::ResizeToContents
                                                                  : QHeaderView::Interactive);
    m_unpublishedLabel->setText(
            m_plan.unpublished.empty()
                    ? tr("Every move can be published in this format.")
                    : tr("%n move(s) cannot be published in this format. Set the reps' CRM user "
                         "ids and emails on the Reps page; an account without a CRM id was not "
                         "imported from the CRM.",
                         nullptr, int(m_plan.unpublished.size())));
    m_unpublished->setVisible(!m_plan.unpublished.empty());
    m_unpublishedLabel->setVisible(moves > 0);

    const Formatter formatter;
    m_staying->setRowCount(int(m_plan.stayingDeals.size()));
    for (int row = 0; row < int(m_plan.stayingDeals.size()); ++row) {
        const auto d = std::size_t(m_plan.stayingDeals[std::size_t(row)]);
        const auto &o = view->opportunities;
        const auto a = std::size_t(o.account[d]);
        setCell(m_staying, row, 0, o.name.at(d));
        setCell(m_staying, row, 1, accounts.name.at(a));
        setCell(m_staying, row, 2, repName(o.owner[d]));
        setCell(m_staying, row, 3, repName(accounts.owner[a]));
        setCell(m_staying, row, 4, formatter.money(o.amount[d], o.currencies.value(o.currency[d])));
        m_staying->item(row, 4)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    m_stayingLabel->setText(
            m_plan.stayingDeals.empty()
                    ? tr("No open deal of these accounts stays with another rep.")
                    : tr("%n open deal(s) of these accounts stay with their reps (the rep who "
                         "works a deal keeps it); they are written beside the moves for the CRM "
                         "to check.",
                         nullptr, int(m_plan.stayingDeals.size())));
    m_staying->setVisible(!m_plan.stayingDeals.empty());
    m_stayingLabel->setVisible(moves > 0);
}

QString PublishMovesDialog::suggestedName() const
{
    return tr("moves-%1.csv").arg(MovesExport::formatKey(format()));
}

void PublishMovesDialog::askAndSave()
{
    const QString path = exportpath::ask(this, tr("Publish Moves"), suggestedName(),
                                         tr("CSV files (*.csv)"), QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    QString error;
    if (!save(path, &error)) {
        m_session->reportError(error);
        return;
    }
    accept();
}

bool PublishMovesDialog::save(const QString &path, QString *error)
{
    const BookView *view = m_session->view();
    if (!view || m_plan.published.empty()) {
        if (error)
            *error = tr("There is nothing to publish in this format.");
        return false;
    }
    const QString dealsPath = MovesExport::stayingDealsPath(path);
    const auto write = [&](const QString &file, const auto &writer) {
        QSaveFile out(file);
        if (out.open(QIODevice::WriteOnly) && writer(out) && out.commit())
            return true;
        if (error)
            *error = tr("Cannot write %1: %2").arg(file, out.errorString());
        return false;
    };
    if (!write(path, [&](QIODevice &out) { return MovesExport::write(*view, m_plan, out); })
        || !write(dealsPath, [&](QIODevice &out) {
               return MovesExport::writeStayingDeals(*view, m_plan, out);
           }))
        return false;
    emit statusMessage(tr("Published %n move(s) to %1; the open deals that stay are in %2.",
                          nullptr, int(m_plan.published.size()))
                               .arg(QFileInfo(path).fileName(), QFileInfo(dealsPath).fileName()));
    return true;
}

} // namespace tp::ui
