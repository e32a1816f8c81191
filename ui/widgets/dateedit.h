#pragma once

#include <QDateEdit>

namespace tp::ui {

// A QDateEdit that takes dates typed the way people type them. QDateEdit alone drops keystrokes
// that do not fit its sections without a sign: a whole date typed over all its text, a digit
// typed where a section is full, "11/20/2026" typed after Tab has selected the month. Here every
// digit typed is collected, shown as typed and read when typing ends (Enter, Tab, arrows or
// leaving the field; Escape gives the old date back):
// - text with separators, or six or eight digits, is a whole date in the locale's order (a four-
//   or two-digit year, or none: the shown year), or ISO 8601 (Formatter::parseDate);
// - one or two digits typed over a section (selected, or with the cursor in it) set that section
//   (a day past the month's end then becomes its last day when the month was typed);
// - a date pasted whole is read the same way.
// Text that is no date leaves the date as it was and says so (typedTextRejected()). Dates show in
// the locale's order with a four-digit year (Formatter::dateFormat), with the calendar popup.
class DateEdit : public QDateEdit
{
    Q_OBJECT

public:
    explicit DateEdit(QWidget *parent = nullptr);
    DateEdit(const QDate &date, QWidget *parent = nullptr);

    // Whether typed text is being collected (not read yet).
    bool isCollecting() const { return m_collecting; }
    // Reads what was typed and not read yet (an item delegate's editor is read before it sees
    // Enter); false when it was no date.
    bool readTyped();

signals:
    // Typed or pasted text that is no date; the date stayed as it was.
    void typedTextRejected(const QString &text);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Where each number of the shown text is (day, month and year in the format's order).
    struct Group
    {
        int start = 0;
        int length = 0;
        QChar kind; // 'd', 'M' or 'y'
    };
    QList<Group> groups() const;
    // The number typed over: the selected one, or the one the cursor is in or at; -1: the whole
    // text (all selected, or none of it there).
    int targetGroup() const;

    void startCollecting(int group);
    void showTyped();
    void stopCollecting();
    // Reads what was collected and sets it; false when it was no date (the old date is back).
    // `cursorAtStart`: where the cursor goes after a whole date (Shift+Tab leaves from there).
    bool commit(bool cursorAtStart = false);
    void cancel();
    QDate readSection(const QString &digits, QChar kind) const;

    QString m_typed;
    QString m_before, m_after; // the text around the number typed over
    QChar m_kind; // which number, or null for a whole date
    int m_group = -1;
    bool m_collecting = false;
};

} // namespace tp::ui
