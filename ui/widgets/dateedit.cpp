#include "dateedit.h"

#include "models/formatter.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QRegularExpression>

#include <algorithm>

namespace tp::ui {

namespace {

bool isDateCharacter(QChar c)
{
    return c.isDigit() || c.isPunct() || c.isSpace();
}

bool allDigits(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

} // namespace

DateEdit::DateEdit(QWidget *parent) : DateEdit(QDate::currentDate(), parent) { }

DateEdit::DateEdit(const QDate &date, QWidget *parent) : QDateEdit(date, parent)
{
    setCalendarPopup(true);
    setDisplayFormat(Formatter::dateFormat(locale()));
}

QList<DateEdit::Group> DateEdit::groups() const
{
    // The numbers of the text in the format's order ("M/d/yyyy": month, day, year).
    const QString format = displayFormat();
    QList<std::pair<qsizetype, QChar>> order;
    for (const QChar kind : { QLatin1Char('d'), QLatin1Char('M'), QLatin1Char('y') })
        order.append({ format.indexOf(kind), kind });
    std::sort(order.begin(), order.end());
    QList<Group> found;
    static const QRegularExpression number(QStringLiteral("\\d+"));
    auto it = number.globalMatch(lineEdit()->text());
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        found.append({ int(match.capturedStart()), int(match.capturedLength()), QChar() });
    }
    if (found.size() != 3 || order.front().first < 0)
        return {}; // month names or another shape: whole dates only
    for (int i = 0; i < 3; ++i)
        found[i].kind = order[i].second;
    return found;
}

int DateEdit::targetGroup() const
{
    const QList<Group> numbers = groups();
    const QLineEdit *edit = lineEdit();
    if (numbers.isEmpty() || edit->text().isEmpty())
        return -1;
    if (edit->hasSelectedText()) {
        if (edit->selectedText() == edit->text())
            return -1;
        const int from = edit->selectionStart();
        const int to = from + int(edit->selectedText().size());
        for (int i = 0; i < numbers.size(); ++i)
            if (numbers[i].start <= from && to <= numbers[i].start + numbers[i].length)
                return i;
        return -1;
    }
    const int cursor = edit->cursorPosition();
    for (int i = 0; i < numbers.size(); ++i)
        if (numbers[i].start <= cursor && cursor <= numbers[i].start + numbers[i].length)
            return i;
    return -1;
}

void DateEdit::startCollecting(int group)
{
    const QString text = lineEdit()->text();
    const QList<Group> numbers = groups();
    m_typed.clear();
    m_group = group;
    if (group >= 0 && group < numbers.size()) {
        const Group &g = numbers[group];
        m_kind = g.kind;
        m_before = text.left(g.start);
        m_after = text.mid(g.start + g.length);
    } else {
        m_group = -1;
        m_kind = QChar();
        m_before.clear();
        m_after.clear();
    }
    m_collecting = true;
    // The spin box must not read (and rewrite) the text half typed: it hears of it at commit.
    lineEdit()->blockSignals(true);
}

void DateEdit::showTyped()
{
    const bool whole = m_kind.isNull() || !allDigits(m_typed);
    const QString shown = whole ? m_typed : m_before + m_typed + m_after;
    lineEdit()->setText(shown);
    lineEdit()->setCursorPosition(int(whole ? m_typed.size() : m_before.size() + m_typed.size()));
}

void DateEdit::stopCollecting()
{
    m_collecting = false;
    lineEdit()->blockSignals(false);
}

QDate DateEdit::readSection(const QString &digits, QChar kind) const
{
    const QDate shown = date();
    const int value = digits.toInt();
    if (kind == QLatin1Char('d'))
        return QDate(shown.year(), shown.month(), value);
    if (kind == QLatin1Char('M')) {
        if (value < 1 || value > 12)
            return {};
        const int days = QDate(shown.year(), value, 1).daysInMonth();
        return QDate(shown.year(), value, std::min(shown.day(), days));
    }
    int year = value;
    if (digits.size() == 2) // the year ending so nearest to the one shown
        year = Formatter(locale()).parseDate(QStringLiteral("1/1/") + digits, shown).year();
    else if (digits.size() != 4)
        return {};
    const int days = QDate(year, shown.month(), 1).daysInMonth();
    return QDate(year, shown.month(), std::min(shown.day(), days));
}

bool DateEdit::commit(bool cursorAtStart)
{
    if (!m_collecting)
        return true;
    const QString typed = m_typed.trimmed();
    const QChar kind = m_kind;
    const int group = m_group;
    stopCollecting();
    if (typed.isEmpty()) {
        cancel();
        return true;
    }
    const bool whole = kind.isNull() || !allDigits(typed) || typed.size() > 4
            || (typed.size() > 2 && kind != QLatin1Char('y'));
    const QDate read =
            whole ? Formatter(locale()).parseDate(typed, date()) : readSection(typed, kind);
    const bool ok = read.isValid() && read >= minimumDate() && read <= maximumDate();
    const QDate before = date();
    setDate(ok ? read : before);
    if (ok && read == before)
        lineEdit()->setText(
                textFromDateTime(before.startOfDay())); // the text typed was the same date
    if (!whole && group >= 0) {
        // Back on the number typed over, as QDateEdit leaves it: Tab goes on to the next one.
        const QList<Group> numbers = groups();
        if (group < numbers.size())
            lineEdit()->setSelection(numbers[group].start, numbers[group].length);
    } else {
        lineEdit()->setCursorPosition(cursorAtStart ? 0 : int(lineEdit()->text().size()));
    }
    if (!ok)
        emit typedTextRejected(typed);
    return ok;
}

void DateEdit::cancel()
{
    if (m_collecting)
        stopCollecting();
    lineEdit()->setText(textFromDateTime(date().startOfDay()));
    lineEdit()->setCursorPosition(int(lineEdit()->text().size()));
}

bool DateEdit::readTyped()
{
    return commit();
}

bool DateEdit::event(QEvent *event)
{
    // Tab reaches focusNextPrevChild before keyPressEvent: read the typed text first.
    if (m_collecting && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab)
            commit(key->key() == Qt::Key_Backtab || (key->modifiers() & Qt::ShiftModifier));
    }
    return QDateEdit::event(event);
}

void DateEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Paste)) {
        const QString pasted = QApplication::clipboard()->text().trimmed();
        const QDate read = Formatter(locale()).parseDate(pasted, date());
        if (m_collecting) {
            stopCollecting();
            cancel();
        }
        if (read.isValid() && read >= minimumDate() && read <= maximumDate())
            setDate(read);
        else if (!pasted.isEmpty())
            emit typedTextRejected(pasted);
        event->accept();
        return;
    }
    const QString text = event->text();
    const bool typing = !text.isEmpty() && isDateCharacter(text.front())
            && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));

    if (m_collecting) {
        switch (event->key()) {
        case Qt::Key_Escape:
            cancel();
            event->accept();
            return;
        case Qt::Key_Backspace:
            m_typed.chop(1);
            showTyped();
            event->accept();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Left:
        case Qt::Key_Right:
            commit();
            break; // then the spin box's own: editingFinished, a step, a move
        default:
            if (typing) {
                m_typed += text;
                showTyped();
            }
            event->accept();
            return;
        }
        QDateEdit::keyPressEvent(event);
        return;
    }

    if (typing && text.front().isDigit()) {
        startCollecting(targetGroup());
        m_typed = text;
        showTyped();
        event->accept();
        return;
    }
    const bool erasing = event->key() == Qt::Key_Backspace || event->key() == Qt::Key_Delete;
    if (erasing && lineEdit()->hasSelectedText()
        && lineEdit()->selectedText() == lineEdit()->text()) {
        startCollecting(-1); // all of it erased: a whole date comes next
        showTyped();
        event->accept();
        return;
    }
    QDateEdit::keyPressEvent(event);
}

void DateEdit::focusOutEvent(QFocusEvent *event)
{
    commit();
    QDateEdit::focusOutEvent(event);
}

void DateEdit::changeEvent(QEvent *event)
{
    QDateEdit::changeEvent(event);
    if (event->type() == QEvent::LocaleChange)
        setDisplayFormat(Formatter::dateFormat(locale()));
}

} // namespace tp::ui
