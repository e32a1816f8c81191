#include "uitestbook.h"

#include "mainwindow/mainwindow.h"
#include "pages/page.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/accounts.h"
#include "storage/book.h"
#include "storage/opportunities.h"
#include "storage/reps.h"
#include "style/colorscheme.h"

#include <QApplication>
#include <QMutex>
#include <QWidget>
#include <QtGlobal>

namespace tp::test {

namespace {

Opportunity opportunity(const QString &crm, const QString &name, Id account,
                        std::optional<Id> owner, Minor amount, Stage stage)
{
    Opportunity o;
    o.crmId = crm;
    o.name = name;
    o.accountId = account;
    o.ownerId = owner;
    o.amount = amount;
    o.currency = QStringLiteral("USD");
    o.stage = stage;
    o.status = statusForStage(stage);
    o.created = QDate(2026, 1, 10);
    o.closeDate = QDate(2026, 12, 15);
    o.lastActivity = QDate(2026, 11, 1);
    return o;
}

QMutex warningsMutex;
QStringList warnings;
QtMessageHandler previousHandler = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "qt.modeltest") == 0 && type != QtDebugMsg) {
        QMutexLocker lock(&warningsMutex);
        warnings.append(message);
        return;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

SmallBook writeSmallBook(const QString &path)
{
    SmallBook b;
    b.path = path;
    auto book = Book::create(path);
    RepRepository reps(*book);
    b.alice = reps.insert(Rep{ 0, QStringLiteral("Alice Archer"), QString(), 2 });
    b.bob = reps.insert(Rep{ 0, QStringLiteral("Bob Baker"), QString(), std::nullopt });
    b.north = reps.insertTerritory(Territory{ 0, QStringLiteral("North"), b.alice });
    b.south = reps.insertTerritory(Territory{ 0, QStringLiteral("South"), b.bob });
    reps.setQuota(b.alice, QStringLiteral("2026-Q4"), 3'000'000);

    AccountRepository accounts(*book);
    b.acme = accounts.insert(Account{ 0, QStringLiteral("ACC-1"), QStringLiteral("Acme Corp"),
                                      QStringLiteral("Software"), QStringLiteral("Mid-market"),
                                      QStringLiteral("Oslo"), b.north, b.alice, 50'000'000 });
    b.globex = accounts.insert(Account{ 0, QStringLiteral("ACC-2"), QStringLiteral("Globex"),
                                        QStringLiteral("Retail"), QStringLiteral("SMB"),
                                        QStringLiteral("Lyon"), b.south, b.bob, std::nullopt });
    b.initech = accounts.insert(Account{ 0, QStringLiteral("ACC-3"), QStringLiteral("Initech"),
                                         QStringLiteral("Software"), QStringLiteral("Enterprise"),
                                         QStringLiteral("Austin"), b.north, std::nullopt,
                                         std::nullopt });

    OpportunityRepository opportunities(*book);
    b.o1 = opportunities.insert(opportunity(QStringLiteral("OPP-1"), QStringLiteral("Acme renewal"),
                                            b.acme, b.alice, 1'000'000, Stage::Propose));
    auto o2 = opportunity(QStringLiteral("OPP-2"), QStringLiteral("Acme expansion"), b.acme,
                          b.alice, 250'000, Stage::Qualify);
    o2.probabilityOverride = 4000;
    o2.created = QDate(2026, 2, 1);
    o2.closeDate = QDate(2026, 12, 20);
    b.o2 = opportunities.insert(o2);
    auto o3 = opportunity(QStringLiteral("OPP-3"), QStringLiteral("Globex pilot"), b.globex, b.bob,
                          700'000, Stage::Negotiate);
    o3.probability = 6000;
    b.o3 = opportunities.insert(o3);
    auto o4 = opportunity(QStringLiteral("OPP-4"), QStringLiteral("Globex platform"), b.globex,
                          b.bob, 2'000'000, Stage::Won);
    o4.closedDate = QDate(2026, 9, 30);
    o4.closeDate = QDate(2026, 9, 30);
    b.o4 = opportunities.insert(o4);
    b.o5 = opportunities.insert(opportunity(QStringLiteral("OPP-5"),
                                            QStringLiteral("Initech new logo"), b.initech,
                                            std::nullopt, 120'050, Stage::Prove));
    b.o6 = opportunities.insert(opportunity(QStringLiteral("OPP-6"), QStringLiteral("Old deal"),
                                            b.initech, b.alice, 30'000, Stage::Lost));
    return b;
}

bool openAndWait(ui::BookSession &session, const QString &path)
{
    QString error;
    if (!session.openBook(path, &error))
        return false;
    return session.waitUntilLoaded(30000);
}

void shootSizesAndSchemes(QWidget &window, const QString &name)
{
    const QString dir = qEnvironmentVariable("TP_TEST_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    const QSize size = window.size();
    const QSize minimum = window.minimumSize();
    window.setMinimumSize(0, 0);
    for (const auto scheme : { ui::ColorScheme::Light, ui::ColorScheme::Dark }) {
        ui::ColorSchemeFollower::apply(scheme);
        for (const QSize shot : { QSize(1024, 640), QSize(1600, 1000) }) {
            window.resize(shot);
            QApplication::processEvents();
            QApplication::processEvents();
            window.grab().save(QStringLiteral("%1/%2-%3-%4.png")
                                       .arg(dir, name, QString::number(shot.width()),
                                            scheme == ui::ColorScheme::Dark
                                                    ? QStringLiteral("dark")
                                                    : QStringLiteral("light")));
        }
    }
    ui::ColorSchemeFollower::apply(ui::ColorScheme::Light);
    window.setMinimumSize(minimum);
    window.resize(size);
    QApplication::processEvents();
}

void shootSchemes(QWidget &dialog, const QString &name)
{
    const QString dir = qEnvironmentVariable("TP_TEST_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    for (const auto scheme : { ui::ColorScheme::Light, ui::ColorScheme::Dark }) {
        ui::ColorSchemeFollower::apply(scheme);
        QApplication::processEvents();
        dialog.grab().save(QStringLiteral("%1/%2-%3.png")
                                   .arg(dir, name,
                                        scheme == ui::ColorScheme::Dark ? QStringLiteral("dark")
                                                                        : QStringLiteral("light")));
    }
    ui::ColorSchemeFollower::apply(ui::ColorScheme::Light);
    QApplication::processEvents();
}

ModelTestWarnings::ModelTestWarnings()
{
    QMutexLocker lock(&warningsMutex);
    warnings.clear();
    previousHandler = qInstallMessageHandler(collect);
    m_previous = reinterpret_cast<void *>(previousHandler);
}

ModelTestWarnings::~ModelTestWarnings()
{
    qInstallMessageHandler(reinterpret_cast<QtMessageHandler>(m_previous));
}

QStringList ModelTestWarnings::messages() const
{
    QMutexLocker lock(&warningsMutex);
    return warnings;
}

std::unique_ptr<ui::MainWindow> openWindow(const QString &path, const QString &pageKey,
                                           const QDate &asOf, QSize size)
{
    auto window = std::make_unique<ui::MainWindow>();
    window->setInteractive(false);
    if (size.isValid())
        window->resize(size);
    if (!window->openBook(path) || !window->session()->waitUntilLoaded())
        return nullptr;
    if (asOf.isValid())
        window->scope()->setAsOf(asOf);
    ui::Page *page = window->page(pageKey);
    if (!page)
        return nullptr;
    window->showPage(int(window->pages().indexOf(page)));
    window->show();
    return window;
}

} // namespace tp::test
