// The English plural forms (translations/territory-planner_en.ts), installed by the test main
// as main() installs them: texts counted with %n read "1 row" and "2 rows", not "1 row(s)".
#include "testsupport.h"

#include "i18n/translations.h"
#include "import/analysis.h"

#include <QCoreApplication>
#include <QFile>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace tp;

namespace {

QString analysedStageProblem(test::TempDir &dir, const QByteArray &rows)
{
    const QString path = dir.path(QStringLiteral("deals.csv"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write("Deal,Account,Stage,Amount\n" + rows);
    f.close();
    crm::ImportOptions options;
    options.preset = QStringLiteral("generic");
    options.columns = { { crm::Field::Name, 0 },
                        { crm::Field::AccountName, 1 },
                        { crm::Field::Stage, 2 },
                        { crm::Field::Amount, 3 } };
    const crm::Analysis a = crm::analyzeFile(path, options, crm::BookTerms::none());
    return a.unmappedStagesProblem >= 0 ? a.problems.at(a.unmappedStagesProblem) : QString();
}

} // namespace

TEST(Translations, TheEnglishFormsAreEmbeddedAndInstalled)
{
    QTranslator english;
    ASSERT_TRUE(english.load(QStringLiteral(":/i18n/territory-planner_en.qm")));
    EXPECT_EQ(english.language(), QStringLiteral("en"));
    EXPECT_EQ(english.translate("tp::ui::TablePage", "Copied %n row(s).", nullptr, 1),
              QStringLiteral("Copied %n row."));
    EXPECT_EQ(english.translate("tp::ui::TablePage", "Copied %n row(s).", nullptr, 2),
              QStringLiteral("Copied %n rows."));
}

TEST(Translations, OneRowIsARowAndTwoAreRows)
{
    const auto copied = [](int n) {
        return QCoreApplication::translate("tp::ui::TablePage", "Copied %n row(s).", nullptr, n);
    };
    EXPECT_EQ(copied(1), QStringLiteral("Copied 1 row."));
    EXPECT_EQ(copied(2), QStringLiteral("Copied 2 rows."));
    EXPECT_EQ(copied(0), QStringLiteral("Copied 0 rows."));

    // Core's texts, through the code that makes them.
    test::TempDir dir;
    EXPECT_EQ(analysedStageProblem(dir, "Alpha,Acme,Scoping,100\n"),
              QStringLiteral("Stages with no mapping: \"Scoping\" (1 row)."));
    EXPECT_EQ(analysedStageProblem(dir, "Alpha,Acme,Scoping,100\nBeta,Acme,Scoping,200\n"),
              QStringLiteral("Stages with no mapping: \"Scoping\" (2 rows)."));
}

TEST(Translations, InstallingThemAgainKeepsTheForms)
{
    ASSERT_TRUE(installTranslations(*QCoreApplication::instance()));
    EXPECT_EQ(QCoreApplication::translate("tp::cli", "%n new rep(s)", nullptr, 1),
              QStringLiteral("1 new rep"));
    EXPECT_EQ(QCoreApplication::translate("tp::cli", "%n new rep(s)", nullptr, 3),
              QStringLiteral("3 new reps"));
}
