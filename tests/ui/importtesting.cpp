#include "importtesting.h"

#include "bookdump.h"
#include "import/importjob.h"
#include "import/importplan.h"
#include "import/importrunpage.h"
#include "import/importstep.h"
#include "import/importwizard.h"
#include "import/previewpage.h"
#include "storage/book.h"

#include <QFile>
#include <QLocale>
#include <QTextStream>

namespace tp::test {

QString importSample(const char *name)
{
    return dataFile(QStringLiteral("import/") + QString::fromUtf8(name));
}

void writeBigReport(const QString &path, int rows)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    QTextStream out(&file);
    out << "Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Close Date,"
           "Created Date,Opportunity ID\n";
    for (int i = 0; i < rows; ++i)
        out << "Rep " << i % 7 << ",Account " << i % 97 << ",Deal " << i
            << ",Prospecting,1000.00,12/31/2026,1/15/2026,006Big" << i << '\n';
}

void choose(QComboBox *combo, const QVariant &data)
{
    ASSERT_NE(combo, nullptr);
    const int index = combo->findData(data);
    ASSERT_GE(index, 0) << qPrintable(data.toString());
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

QString dumpBook(const QString &path, const QStringList &without)
{
    auto book = Book::open(path);
    const QStringList sections = test::dumpBook(book->db()).split(QStringLiteral("## "));
    QString out;
    for (const QString &section : sections) {
        const QString table = section.section(QLatin1Char('\n'), 0, 0);
        if (!without.contains(table))
            out += QStringLiteral("## ") + section;
    }
    return out;
}

void ImportTest::SetUp()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    bookPath = dir.path(QStringLiteral("import.tpbook"));
    Book::create(bookPath);
    session = std::make_unique<ui::BookSession>();
    QString error;
    ASSERT_TRUE(session->openBook(bookPath, &error)) << qPrintable(error);
    ASSERT_TRUE(session->waitUntilLoaded());
    window = std::make_unique<QWidget>();
    actions = new ui::ImportActions(session.get(), window.get());
    actions->setInteractive(false);
}

void ImportTest::TearDown()
{
    window.reset(); // the wizard and its jobs first: they use the session
    session.reset();
    QLocale::setDefault(QLocale::system());
}

ui::ImportWizard *ImportTest::openWizard(const QString &file)
{
    ui::ImportWizard *wizard = actions->openWizard(file);
    if (!wizard)
        return nullptr;
    wizard->plan()->waitUntilAnalysed();
    return wizard;
}

bool ImportTest::toPreview(ui::ImportWizard *wizard)
{
    if (wizard->currentId() == ui::ImportWizard::PresetPageId)
        wizard->next();
    if (wizard->currentId() != ui::ImportWizard::MappingPageId)
        return false;
    wizard->next();
    if (wizard->currentId() != ui::ImportWizard::PreviewPageId)
        return false;
    return wizard->previewPage()->job()->waitForFinished();
}

bool ImportTest::commit(ui::ImportWizard *wizard)
{
    wizard->next();
    if (wizard->currentId() != ui::ImportWizard::ImportPageId)
        return false;
    ui::ImportRunPage *page = wizard->importPage();
    if (!page->job()->waitForFinished())
        return false;
    session->waitUntilLoaded();
    return page->wasCommitted();
}

bool ImportTest::importStep(bool redo)
{
    if (!actions->startStep(redo) || !actions->step()->waitForFinished())
        return false;
    session->waitUntilLoaded();
    return true;
}

} // namespace tp::test
