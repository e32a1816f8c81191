#include "infobanner.h"

#include "style/icons.h"
#include "style/theme.h"

#include <QApplication>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace tp::ui {

namespace {

bool sameBook(const QString &a, const QString &b)
{
    return !b.isEmpty() && QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath();
}

// The same book, or both about the window.
bool sameSubject(const QString &a, const QString &b)
{
    return a.isEmpty() ? b.isEmpty() : sameBook(a, b);
}

} // namespace

InfoBanner::InfoBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_label(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(themeIcon(QStringLiteral("edit-clear")));
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, [this] {
        const Message *shown = current();
        for (Message &m : m_messages) {
            if (&m == shown)
                m.dismissed = true;
        }
        updateVisibility();
        emit dismissed();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    updateColors();
    hide();
}

void InfoBanner::showMessage(const QString &text, const QString &book, const QString &topic)
{
    removeMessage(book, topic);
    m_messages.append({ text, book, topic, false });
    updateVisibility();
}

void InfoBanner::removeMessage(const QString &book, const QString &topic)
{
    m_messages.removeIf(
            [&](const Message &m) { return m.topic == topic && sameSubject(m.book, book); });
    updateVisibility();
}

void InfoBanner::setCurrentBook(const QString &path)
{
    m_current = path;
    updateVisibility();
}

const InfoBanner::Message *InfoBanner::current() const
{
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (!it->dismissed && !it->text.isEmpty()
            && (it->book.isEmpty() || sameBook(it->book, m_current)))
            return &*it;
    }
    return nullptr;
}

void InfoBanner::updateVisibility()
{
    const Message *shown = current();
    m_label->setText(shown ? shown->text : QString());
    setVisible(shown != nullptr);
}

QString InfoBanner::text() const
{
    return m_label->text();
}

void InfoBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateColors();
}

void InfoBanner::updateColors()
{
    // The icon is drawn for the palette (see style/icons.h): a label keeps a pixmap, renew it.
    const int iconSize = fontMetrics().height();
    m_icon->setPixmap(themeIcon(QStringLiteral("help-about")).pixmap(iconSize, iconSize));
    // A tint of the highlight colour over the window background, light or dark alike.
    QPalette p = palette();
    const QPalette app = QApplication::palette();
    const qreal share = theme::isDark(app) ? 0.30 : 0.14;
    p.setColor(QPalette::Window,
               theme::blend(app.color(QPalette::Window), app.color(QPalette::Highlight), share));
    // Setting our own palette in changeEvent would loop: only when it differs.
    if (p.color(QPalette::Window) != palette().color(QPalette::Window))
        setPalette(p);
}

} // namespace tp::ui
