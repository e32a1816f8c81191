#pragma once

#include "domain/entities.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QToolButton;

namespace tp::ui {

class BookSession;

// The engagement factors and the weight profiles. A profile is picked (or added for a
// territory, industry or size band, or removed); the table lists the factors with that
// profile's weight each. Factors are renamed in place (F2), described below the table, added
// (Insert), removed (Delete) and moved (Ctrl+Up/Down). Every change is saved at once, moves the
// chart's points, and is undoable (consecutive steps of one weight are one undo step).
class FactorsPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { NameColumn, WeightColumn };

    explicit FactorsPanel(BookSession *session, QWidget *parent = nullptr);

    QComboBox *profileCombo() const { return m_profile; }
    QToolButton *addProfileButton() const { return m_addProfile; }
    QToolButton *removeProfileButton() const { return m_removeProfile; }
    QTableWidget *factorTable() const { return m_table; }
    QDoubleSpinBox *weightBox(int factor) const;
    QLineEdit *descriptionEdit() const { return m_description; }
    QToolButton *addFactorButton() const { return m_addFactor; }
    QToolButton *removeFactorButton() const { return m_removeFactor; }
    QToolButton *moveUpButton() const { return m_moveUp; }
    QToolButton *moveDownButton() const { return m_moveDown; }

    // The factor of the table's current row (0 for none).
    Id currentFactor() const;
    // Asks for a name and adds the factor (what Add Factor does).
    void addFactor();
    void removeCurrentFactor();
    void moveCurrentFactor(int step);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override; // the swatches follow a dark or light palette

private:
    void rebuild();
    void refreshProfiles();
    void refreshWeights();
    void refreshFactor();
    void fillProfileMenu();
    void addProfile(int kind, const QString &segment);

    BookSession *m_session;
    QComboBox *m_profile;
    QToolButton *m_addProfile;
    QToolButton *m_removeProfile;
    QLabel *m_appliesTo;
    QTableWidget *m_table;
    QLineEdit *m_description;
    QToolButton *m_addFactor;
    QToolButton *m_removeFactor;
    QToolButton *m_moveUp;
    QToolButton *m_moveDown;
    std::vector<QDoubleSpinBox *> m_boxes;
    bool m_filling = false;
};

} // namespace tp::ui
