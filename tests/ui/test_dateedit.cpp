// Dates typed the way people type them (issue 16, item 14): the scope bar's as-of date takes a
// whole date typed over its text in the locale's order, a section typed over, and says when a
// date is in the future. Every locale order: en_US (M/d/yyyy), en_GB (dd/MM/yyyy), de_DE
// (dd.MM.yyyy).
#include "mainwindow/mainwindow.h"
#include "mainwindow/scopebar.h"
#include "models/formatter.h"
#include "session/scopestate.h"
#include "testsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace tp;

namespace {

struct LocaleCase
{
    QLocale::Language language;
    QLocale::Territory territory;
    const char *november20; // 2026-11-20 typed whole
    const char *march3Short; // 2027-03-03 typed short: single digits, two-digit year
    int monthSection; // cursor position just after the month's digits in the 12/15 date
};

void PrintTo(const LocaleCase &c, std::ostream *os)
{
    *os << QLocale(c.language, c.territory).name().toStdString();
}

class GuiAsOfTyping : public ::testing::TestWithParam<LocaleCase>
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(GetParam().language, GetParam().territory));
        window = std::make_unique<ui::MainWindow>(); // after the locale, as the application
        window->setInteractive(false);
        window->show();
        QApplication::setActiveWindow(window.get());
        edit = window->scopeBar()->asOfEdit();
        window->scope()->setAsOf(QDate(2026, 12, 15));
        edit->setFocus(Qt::OtherFocusReason);
    }
    void TearDown() override
    {
        window.reset();
        QLocale::setDefault(QLocale::system());
    }

    QLineEdit *line() const { return edit->findChild<QLineEdit *>(); }
    QDate asOf() const { return window->scope()->asOf(); }

    std::unique_ptr<ui::MainWindow> window;
    QDateEdit *edit = nullptr;
};

TEST_P(GuiAsOfTyping, AWholeDateTypedOverAllOfItIsTheDate)
{
    line()->selectAll();
    QTest::keyClicks(edit, QString::fromUtf8(GetParam().november20));
    EXPECT_EQ(asOf(), QDate(2026, 12, 15)) << "counts once typed, not at every digit";
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(asOf(), QDate(2026, 11, 20));
    EXPECT_EQ(edit->date(), QDate(2026, 11, 20));
    EXPECT_EQ(line()->text(), ui::Formatter().date(QDate(2026, 11, 20)));
}

TEST_P(GuiAsOfTyping, AShortDateIsReadInTheLocaleOrderToo)
{
    line()->selectAll();
    QTest::keyClicks(edit, QString::fromUtf8(GetParam().march3Short));
    QTest::keyClick(edit, Qt::Key_Enter);
    EXPECT_EQ(asOf(), QDate(2027, 3, 3));
}

TEST_P(GuiAsOfTyping, AMonthTypedOverTheSelectedMonthChangesTheMonth)
{
    edit->setSelectedSection(QDateTimeEdit::MonthSection);
    ASSERT_EQ(line()->selectedText(), QStringLiteral("12"));
    QTest::keyClicks(edit, QStringLiteral("11"));
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(asOf(), QDate(2026, 11, 15));
}

TEST_P(GuiAsOfTyping, ADigitTypedIntoAFullSectionTypesOverIt)
{
    // The cursor right after "12", as a click leaves it: QDateEdit alone drops these digits.
    line()->deselect();
    line()->setCursorPosition(GetParam().monthSection);
    QTest::keyClicks(edit, QStringLiteral("11"));
    QTest::keyClick(edit, Qt::Key_Tab); // leaving reads it too
    EXPECT_EQ(asOf(), QDate(2026, 11, 15));
}

TEST_P(GuiAsOfTyping, AWholeDateTypedAfterTabSelectedTheFirstSection)
{
    edit->clearFocus();
    edit->setFocus(Qt::TabFocusReason); // QDateEdit selects its first section
    ASSERT_TRUE(line()->hasSelectedText());
    QTest::keyClicks(edit, QString::fromUtf8(GetParam().november20));
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(asOf(), QDate(2026, 11, 20));
}

TEST_P(GuiAsOfTyping, TextThatIsNoDateKeepsTheDateAndSaysSo)
{
    line()->selectAll();
    QTest::keyClicks(edit, QStringLiteral("31/31/2026"));
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(asOf(), QDate(2026, 12, 15));
    EXPECT_EQ(line()->text(), ui::Formatter().date(QDate(2026, 12, 15)));
    const QString message = window->statusBar()->currentMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("31/31/2026"))) << qPrintable(message);
    EXPECT_TRUE(message.contains(QStringLiteral("not a date"))) << qPrintable(message);
}

TEST_P(GuiAsOfTyping, EscapeGivesTheDateBack)
{
    line()->selectAll();
    QTest::keyClicks(edit, QStringLiteral("3"));
    EXPECT_EQ(line()->text(), QStringLiteral("3")); // shown as typed
    QTest::keyClick(edit, Qt::Key_Escape);
    EXPECT_EQ(line()->text(), ui::Formatter().date(QDate(2026, 12, 15)));
    edit->clearFocus();
    EXPECT_EQ(asOf(), QDate(2026, 12, 15));
}

TEST_P(GuiAsOfTyping, APastedDateIsReadWhole)
{
    QApplication::clipboard()->setText(QString::fromUtf8(GetParam().november20));
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(asOf(), QDate(2026, 11, 20));
}

INSTANTIATE_TEST_SUITE_P(Locales, GuiAsOfTyping,
                         ::testing::Values(LocaleCase{ QLocale::English, QLocale::UnitedStates,
                                                       "11/20/2026", "3/3/27", 2 },
                                           LocaleCase{ QLocale::English, QLocale::UnitedKingdom,
                                                       "20/11/2026", "3/3/27", 5 },
                                           LocaleCase{ QLocale::German, QLocale::Germany,
                                                       "20.11.2026", "3.3.27", 5 }),
                         [](const ::testing::TestParamInfo<LocaleCase> &info) {
                             return QLocale(info.param.language, info.param.territory)
                                     .name()
                                     .remove(QLatin1Char('_'))
                                     .toStdString();
                         });

TEST(GuiAsOfFuture, AFutureDateIsMarkedBesideTheField)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    {
        ui::MainWindow window;
        window.setInteractive(false);
        window.show();
        QLabel *hint = window.scopeBar()->futureHint();
        const QDate today = QDate::currentDate();
        window.scope()->setAsOf(today);
        EXPECT_FALSE(hint->isVisible());

        window.scopeBar()->asOfEdit()->setDate(today.addDays(10));
        EXPECT_EQ(window.scope()->asOf(), today.addDays(10));
        EXPECT_TRUE(hint->isVisible());
        EXPECT_TRUE(hint->text().contains(QStringLiteral("in the future")));
        EXPECT_TRUE(hint->toolTip().contains(QStringLiteral("10 days after today")))
                << qPrintable(hint->toolTip());
        EXPECT_TRUE(window.scopeBar()->asOfEdit()->toolTip().contains(
                QStringLiteral("10 days after today")));
        EXPECT_TRUE(window.statusBar()->currentMessage().contains(
                QStringLiteral("10 days after today")))
                << qPrintable(window.statusBar()->currentMessage());

        window.scope()->setAsOf(today.addDays(-3));
        EXPECT_FALSE(hint->isVisible());
        EXPECT_FALSE(window.scopeBar()->asOfEdit()->toolTip().contains(QStringLiteral("after")));
    }
    QLocale::setDefault(QLocale::system());
}

// The reader behind every typed or pasted date.
TEST(GuiFormatterDates, FourDigitYearsInTheLocaleOrder)
{
    const QDate date(2027, 3, 27);
    EXPECT_EQ(ui::Formatter(QLocale(QLocale::English, QLocale::UnitedStates)).date(date),
              QStringLiteral("3/27/2027"));
    EXPECT_EQ(ui::Formatter(QLocale(QLocale::English, QLocale::UnitedKingdom)).date(date),
              QStringLiteral("27/03/2027"));
    EXPECT_EQ(ui::Formatter(QLocale(QLocale::German, QLocale::Germany)).date(date),
              QStringLiteral("27.03.2027"));
}

TEST(GuiFormatterDates, ReadsWhatPeopleType)
{
    const ui::Formatter us(QLocale(QLocale::English, QLocale::UnitedStates));
    const ui::Formatter de(QLocale(QLocale::German, QLocale::Germany));
    const QDate reference(2026, 12, 15);
    EXPECT_EQ(us.parseDate(QStringLiteral("11/20/2026")), QDate(2026, 11, 20));
    EXPECT_EQ(us.parseDate(QStringLiteral("11-20-26"), reference), QDate(2026, 11, 20));
    EXPECT_EQ(us.parseDate(QStringLiteral("11202026")), QDate(2026, 11, 20));
    EXPECT_EQ(us.parseDate(QStringLiteral("2026-11-20")), QDate(2026, 11, 20));
    EXPECT_EQ(us.parseDate(QStringLiteral("11/20"), reference), QDate(2026, 11, 20));
    EXPECT_FALSE(us.parseDate(QStringLiteral("11/20")).isValid()); // no year to take
    EXPECT_FALSE(us.parseDate(QStringLiteral("20/11/2026")).isValid());
    EXPECT_FALSE(us.parseDate(QStringLiteral("2/30/2026")).isValid());
    EXPECT_FALSE(us.parseDate(QStringLiteral("someday")).isValid());
    EXPECT_EQ(de.parseDate(QStringLiteral("20.11.2026")), QDate(2026, 11, 20));
    EXPECT_EQ(de.parseDate(QStringLiteral("3.2.99"), reference), QDate(1999, 2, 3));
    EXPECT_EQ(de.parseDate(QStringLiteral("3.2.30"), reference), QDate(2030, 2, 3));
    EXPECT_EQ(de.parseDate(QStringLiteral("2026/11/20")), QDate(2026, 11, 20));
}

} // namespace
