#pragma once

#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;

namespace tp::ui {

class BookSession;

// The weights of one profile per engagement factor. A change is saved at once, moves the
// chart's points, and is undoable (consecutive steps of one weight are one undo step).
class WeightsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WeightsPanel(BookSession *session, QWidget *parent = nullptr);

    QComboBox *profileCombo() const { return m_profile; }
    QDoubleSpinBox *weightBox(int factor) const { return m_boxes.at(std::size_t(factor)); }

private:
    void rebuild();
    void refreshValues();

    BookSession *m_session;
    QComboBox *m_profile;
    QLabel *m_appliesTo;
    QFormLayout *m_form;
    std::vector<QDoubleSpinBox *> m_boxes;
};

} // namespace tp::ui
