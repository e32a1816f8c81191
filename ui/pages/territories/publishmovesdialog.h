#pragma once

#include "report/movesexport.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace tp::ui {

class BookSession;

// File ▸ Publish Moves…: the accounts moved in the book (owner in the book ≠ owner the CRM gave
// it) written for the CRM's own import (core's MovesExport). Choose the format; the dialog says
// how many accounts move, lists those the format cannot take and why (no CRM id, a rep without
// CRM user id or email: fix them on the Reps page), and the open deals that stay with their
// reps. Save… writes the moves file and, beside it, the open deals (NAME-open-deals.csv). With
// no move, it says so and Save… is off. It reads the view only; the book is not changed.
class PublishMovesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PublishMovesDialog(BookSession *session, QWidget *parent = nullptr);

    MovesFormat format() const;
    void setFormat(MovesFormat format);
    const MovesPlan &plan() const { return m_plan; }
    QComboBox *formatBox() const { return m_format; }
    QTableWidget *unpublishedTable() const { return m_unpublished; }
    QTableWidget *stayingTable() const { return m_staying; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *summaryLabel() const { return m_summary; }

    // Writes the moves to `path` and the open deals beside it (MovesExport::stayingDealsPath),
    // each whole or not at all; false with the reason in *error.
    bool save(const QString &path, QString *error = nullptr);

signals:
    void statusMessage(const QString &message);

private:
    void refresh();
    void askAndSave();
    QString suggestedName() const;

    BookSession *m_session;
    QComboBox *m_format;
    QLabel *m_summary;
    QLabel *m_unpublishedLabel;
    QTableWidget *m_unpublished;
    QLabel *m_stayingLabel;
    QTableWidget *m_staying;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    MovesPlan m_plan;
};

} // namespace tp::ui
