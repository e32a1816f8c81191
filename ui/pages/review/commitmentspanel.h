#pragma once

#include "domain/review.h"
#include "storage/bookreader.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace tp::ui {

class BookSession;

// The notes and commitments of one review (docs/METRICS.md, "One-on-one reviews"): the
// commitments earlier reviews left open, each marked done, not done or dropped here; those made
// in this review (a text, optionally a deal, a due date); the review's notes. Every change is one
// undoable edit; typing in the notes merges into one step per pause.
class CommitmentsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CommitmentsPanel(BookSession *session, QWidget *parent = nullptr);

    // The review shown (none: nothing to write into yet), what the book holds for it and the
    // rep's reviews (for the dates commitments were made); `deals` are the deals a new
    // commitment may be tied to (the rep's open ones), by id.
    void show(const std::optional<Review> &review, const BookReader::ReviewItems &items,
              const std::vector<Review> &history, const std::vector<std::pair<Id, QString>> &deals);

    QTreeWidget *carriedList() const { return m_carried; }
    QTreeWidget *madeList() const { return m_made; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QLineEdit *newText() const { return m_text; }

    // What the controls do, for tests and keyboard users alike.
    bool addCommitment();
    void removeSelected();
    void setStatus(Id commitment, CommitmentStatus status);
    // Writes the notes typed so far (the pause timer does it otherwise).
    void saveNotes();

private:
    QString dealOrAccountName(const Commitment &c) const;
    void fillCarried(const std::vector<Commitment> &carried, const std::vector<Review> &history);
    void fillMade(const std::vector<Commitment> &made);
    void updateEnabled();

    BookSession *m_session;
    std::optional<Review> m_review;
    std::vector<std::pair<Id, QString>> m_deals;
    QTreeWidget *m_carried;
    QTreeWidget *m_made;
    QLineEdit *m_text;
    QComboBox *m_deal;
    QCheckBox *m_hasDue;
    QDateEdit *m_due;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPlainTextEdit *m_notes;
    QTimer *m_notesTimer;
    QLabel *m_carriedEmpty;
};

} // namespace tp::ui
