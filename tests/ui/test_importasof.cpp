// The import wizard's as-of date (issue 16, item 16): week 2's export imported later is dated on
// its own day, which the wizard finds in the file (its name, its title lines, its modified date),
// shows beside its field, and lets the user change; the snapshot and the stage changes carry it.
#include "importtesting.h"
#include "uitestbook.h"

#include "import/asoffield.h"
#include "import/importer.h"
#include "import/importplan.h"
#include "import/importwizard.h"
#include "import/presetpage.h"
#include "models/formatter.h"
#include "storage/book.h"
#include "widgets/dateedit.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace tp;
using tp::ui::ImportWizard;

namespace {

class GuiImportAsOf : public test::ImportTest
{
protected:
    qint64 count(const QString &sql)
    {
        auto book = Book::open(bookPath);
        auto st = book->db().prepare(sql.toStdString());
        return st.step() ? st.int64(0) : -1;
    }

    // Week 1 of the sample, imported as of its own day.
    void importWeek1()
    {
        auto book = Book::open(bookPath);
        crm::ImportOptions week1;
        week1.asOf = QDate(2026, 11, 13);
        ASSERT_TRUE(crm::importFile(*book, test::importSample("salesforce-report.csv"), week1)
                            .committed);
        session->reloadView();
        session->waitUntilLoaded();
    }

    // A copy of tests/data/import/`sample` named `name` in the test's folder.
    QString copyAs(const char *sample, const char *name)
    {
        const QString path = dir.path(QString::fromUtf8(name));
        EXPECT_TRUE(QFile::copy(test::importSample(sample), path));
        return path;
    }

    static void setModified(const QString &path, const QDate &date)
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        ASSERT_TRUE(file.setFileTime(QDateTime(date, QTime(17, 45)),
                                     QFileDevice::FileModificationTime));
    }

    static ui::AsOfField *field(ImportWizard *wizard) { return wizard->presetPage()->asOfField(); }
};

TEST_F(GuiImportAsOf, Week2IsDatedOnTheDayOfItsExportAsShownAndEdited)
{
    importWeek1();
    const QString week2 = copyAs("salesforce-report-week2.csv", "pipeline-2026-11-20.csv");
    ImportWizard *wizard = openWizard(week2);
    ASSERT_NE(wizard, nullptr);
    ASSERT_EQ(wizard->currentId(), ImportWizard::PresetPageId);

    // The date of the file name, said to come from there.
    ui::AsOfField *asOf = field(wizard);
    ASSERT_TRUE(asOf->isVisibleTo(wizard));
    EXPECT_EQ(asOf->dateEdit()->date(), QDate(2026, 11, 20));
    EXPECT_EQ(asOf->sourceText(), QStringLiteral("from the file name"));
    EXPECT_EQ(wizard->plan()->importOptions().asOf, QDate(2026, 11, 20));

    // The user knows better: the export was taken the day before. Typed, as a user types.
    wizard->show();
    QApplication::setActiveWindow(wizard);
    asOf->dateEdit()->setFocus(Qt::OtherFocusReason);
    asOf->dateEdit()->findChild<QLineEdit *>()->selectAll();
    QTest::keyClicks(asOf->dateEdit(), QStringLiteral("11/19/2026"));
    QTest::keyClick(asOf->dateEdit(), Qt::Key_Tab); // read when typing ends
    EXPECT_EQ(asOf->dateEdit()->date(), QDate(2026, 11, 19));
    EXPECT_TRUE(asOf->sourceText().contains(ui::Formatter().date(QDate(2026, 11, 20))))
            << asOf->sourceText().toStdString();
    EXPECT_FALSE(asOf->futureHint()->isVisible());
    EXPECT_EQ(wizard->currentId(), ImportWizard::PresetPageId);
    test::shootSizesAndSchemes(*wizard, QStringLiteral("import-asof-edited"));

    ASSERT_TRUE(toPreview(wizard));
    ASSERT_TRUE(commit(wizard));
    wizard->accept();

    // The import, its snapshot and the stage changes and pushes it found: on the 19th, not today.
    const QString lastImport = QStringLiteral("(SELECT max(id) FROM imports)");
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM imports WHERE id = %1 "
                                   "AND as_of = '2026-11-19'")
                            .arg(lastImport)),
              1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM snapshots WHERE import_id = %1 "
                                   "AND taken_on = '2026-11-19'")
                            .arg(lastImport)),
              1);
    const qint64 stageChanges =
            count(QStringLiteral("SELECT count(*) FROM stage_history WHERE import_id = %1")
                          .arg(lastImport));
    EXPECT_GT(stageChanges, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM stage_history WHERE import_id = %1 "
                                   "AND entered_date = '2026-11-19'")
                            .arg(lastImport)),
              stageChanges);
    const qint64 pushes = count(QStringLiteral("SELECT count(*) FROM close_date_changes WHERE "
                                               "import_id = %1")
                                        .arg(lastImport));
    EXPECT_GT(pushes, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM close_date_changes WHERE import_id = %1 "
                                   "AND changed_on = '2026-11-19'")
                            .arg(lastImport)),
              pushes);
}

TEST_F(GuiImportAsOf, WithoutADateInTheNameTheTitleOrTheModifiedDateIsTaken)
{
    // Title lines above the header, one saying when the report was made.
    const QString titled = dir.path(QStringLiteral("pipeline.csv"));
    {
        QFile file(titled);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("\"Opportunity Pipeline Report\"\n\"Generated 11/18/2026 9:31 AM\"\n\n");
        file.write(test::readAll(test::importSample("salesforce-report.csv")));
    }
    ImportWizard *wizard = openWizard(titled);
    ASSERT_NE(wizard, nullptr);
    EXPECT_EQ(field(wizard)->dateEdit()->date(), QDate(2026, 11, 18));
    EXPECT_EQ(field(wizard)->sourceText(), QStringLiteral("from the report's title"));
    wizard->reject();

    // Nothing in the name or above the header: the day the file was saved.
    const QString plain = copyAs("salesforce-report.csv", "deals.csv");
    setModified(plain, QDate(2026, 11, 6));
    wizard = openWizard(plain);
    ASSERT_NE(wizard, nullptr);
    EXPECT_EQ(field(wizard)->dateEdit()->date(), QDate(2026, 11, 6));
    EXPECT_EQ(field(wizard)->sourceText(), QStringLiteral("the file's modified date"));
    wizard->show();
    test::shootSizesAndSchemes(*wizard, QStringLiteral("import-asof-modified"));
    EXPECT_EQ(wizard->plan()->importOptions().asOf, QDate(2026, 11, 6));

    // Back to the first page for another file: its own date.
    wizard->back();
    ASSERT_EQ(wizard->currentId(), ImportWizard::FilePageId);
    wizard->startWith(copyAs("salesforce-report.csv", "report_20261030.csv"));
    ASSERT_TRUE(wizard->plan()->waitUntilAnalysed());
    EXPECT_EQ(field(wizard)->dateEdit()->date(), QDate(2026, 10, 30));
    EXPECT_EQ(field(wizard)->sourceText(), QStringLiteral("from the file name"));
    wizard->reject();
}

TEST_F(GuiImportAsOf, ADateAfterTodayGetsTheScopeBarsHint)
{
    ImportWizard *wizard = openWizard(test::importSample("salesforce-report.csv"));
    ASSERT_NE(wizard, nullptr);
    wizard->show();
    ui::AsOfField *asOf = field(wizard);
    EXPECT_FALSE(asOf->futureHint()->isVisible());
    asOf->dateEdit()->setDate(QDate::currentDate().addDays(3));
    EXPECT_EQ(wizard->plan()->importOptions().asOf, QDate::currentDate().addDays(3));
    EXPECT_TRUE(asOf->futureHint()->isVisible());
    test::shootSizesAndSchemes(*wizard, QStringLiteral("import-asof-future"));
    EXPECT_TRUE(asOf->futureHint()->toolTip().contains(QStringLiteral("3 days after today")))
            << asOf->futureHint()->toolTip().toStdString();
    asOf->dateEdit()->setDate(QDate::currentDate());
    EXPECT_FALSE(asOf->futureHint()->isVisible());
    wizard->reject();
}

} // namespace
