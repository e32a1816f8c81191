#pragma once

#include <QWidget>

#include <optional>
#include <vector>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;

namespace tp::ui {

class RoiState;

// Scores the selected accounts, keyboard first: 0-5 score the current factor and move to the
// next, Delete (or -) marks it not scored, Up and Down move between factors, Page Up and Page
// Down (or Ctrl+Up / Ctrl+Down) to the previous or next account of the work list. With several
// accounts selected a score applies to all of them (one undo step). Also the account's revenue
// potential (empty: derived) and a note. Every change is saved at once and undoable.
class ScoringPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ScoringPanel(RoiState *state, QWidget *parent = nullptr);

    int currentFactor() const { return m_factor; }
    void setCurrentFactor(int factor);
    // Scores the current factor for every selected account (nullopt: not scored) and moves on.
    void scoreCurrentFactor(std::optional<int> score);
    // The score buttons' state for a factor: the shared score, -1 for "not scored", nullopt
    // when the selected accounts differ or none is selected (tests and the buttons).
    std::optional<int> shownScore(int factor) const;
    QLineEdit *potentialEdit() const { return m_potential; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QLabel *profileLabel() const { return m_profile; }

signals:
    void stepAccount(int delta);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override; // the swatches follow a dark or light palette

private:
    void rebuildFactors();
    void refresh();
    void refreshNote();
    void saveNote();
    void commitPotential();
    std::vector<int> selectedAccounts() const;

    RoiState *m_state;
    QLabel *m_title;
    QLabel *m_profile;
    QLabel *m_figures;
    QGridLayout *m_grid;
    std::vector<QLabel *> m_factorLabels;
    std::vector<QButtonGroup *> m_groups;
    QLineEdit *m_potential;
    QPlainTextEdit *m_note;
    QTimer *m_noteTimer;
    int m_factor = 0;
    int m_noteAccount = -1; // the account row the note field holds
    bool m_savingNote = false;
};

} // namespace tp::ui
