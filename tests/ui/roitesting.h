#pragma once

// The ROI page's tests share their book and window (test_roipage.cpp, test_roichart.cpp).
#include "uitestbook.h"

#include "charts/quadrantchart.h"
#include "mainwindow/mainwindow.h"
#include "pages/roi/roipage.h"
#include "pages/roi/roistate.h"
#include "session/booksession.h"
#include "storage/book.h"
#include "testsupport.h"

#include <QApplication>
#include <QMouseEvent>
#include <QWidget>

#include <gtest/gtest.h>

#include <memory>

namespace tp::test {

using namespace tp::ui; // the fixture drives the window's widgets

// The small book, scored: Acme all 5 (L 1.0, potential 500,000 set → EV 500,000); Globex ICP fit
// 5 and access 0 (L 0.5 with the default weights 3 and 3; potential derived from its open
// 7,000 → EV 3,500); Initech not scored. R* is the median 253,500: Acme pursue, Globex quick win.
class RoiFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        {
            auto b = Book::open(book.path);
            b->db().exec(QStringLiteral("INSERT INTO account_scores VALUES "
                                        "(%1, 1, 5), (%1, 2, 5), (%1, 3, 5), (%1, 4, 5), (%1, 5, "
                                        "5), (%1, 6, 5),"
                                        "(%2, 1, 5), (%2, 2, 0)")
                                 .arg(book.acme)
                                 .arg(book.globex)
                                 .toStdString());
        }
        window = std::make_unique<MainWindow>();
        window->setInteractive(false);
        window->resize(1300, 850);
        ASSERT_TRUE(window->openBook(book.path) && window->session()->waitUntilLoaded());
        page = qobject_cast<RoiPage *>(window->page(QStringLiteral("roi")));
        ASSERT_NE(page, nullptr);
        window->showPage(int(window->pages().indexOf(page)));
        window->show();
        QApplication::processEvents();
    }
    void TearDown() override
    {
        window.reset();
        QLocale::setDefault(QLocale::system());
    }

    int row(Id account) const { return session()->view()->accounts.indexOf(account); }
    BookSession *session() const { return window->session(); }
    const roi::RoiResult &result() const { return page->state()->result(); }
    roi::Quadrant quadrantOf(Id account) const
    {
        return result().workList[std::size_t(page->state()->rankOf(row(account)))].quadrant;
    }
    void mouse(QEvent::Type type, const QPoint &at, Qt::MouseButtons buttons)
    {
        QWidget *viewport = page->chart()->viewport();
        QMouseEvent event(type, QPointF(at), viewport->mapToGlobal(QPointF(at)),
                          type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                          Qt::NoModifier);
        QApplication::sendEvent(viewport, &event);
    }

    TempDir dir;
    SmallBook book;
    std::unique_ptr<MainWindow> window;
    RoiPage *page = nullptr;
};

} // namespace tp::test
