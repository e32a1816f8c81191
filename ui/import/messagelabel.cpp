#include "messagelabel.h"

#include "style/theme.h"

#include <QEvent>

namespace tp::ui {

MessageLabel::MessageLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    hide();
}

void MessageLabel::setMessages(const QStringList &problems, const QStringList &notes)
{
    m_problems = problems;
    m_notes = notes;
    render();
}

void MessageLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        render();
}

void MessageLabel::render()
{
    QString html;
    const QString warning = theme::warningText().name();
    for (const QString &p : std::as_const(m_problems))
        html += QStringLiteral("<p style=\"margin:0 0 4px 0; color:%1\">⚠ %2</p>")
                        .arg(warning, p.toHtmlEscaped());
    for (const QString &n : std::as_const(m_notes))
        html += QStringLiteral("<p style=\"margin:0 0 4px 0\">%1</p>").arg(n.toHtmlEscaped());
    setText(html);
    setVisible(!html.isEmpty());
}

} // namespace tp::ui
