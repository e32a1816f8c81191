#pragma once

#include "analytics/territories.h"

#include <QDialog>

#include <array>
#include <optional>

class QDoubleSpinBox;
class QLabel;

namespace tp::ui {

// The weights of the Territories page's weighted mix (docs/METRICS.md "Territories": each figure
// divided by its mean over the territories, then weighed): one spin box per figure, and in words
// what share each has of the mix.
class MixWeightsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MixWeightsDialog(const territories::MixWeights &weights, QWidget *parent = nullptr);

    territories::MixWeights weights() const;
    void setWeights(const territories::MixWeights &weights);

    // Asks; nullopt when cancelled.
    static std::optional<territories::MixWeights> ask(QWidget *parent,
                                                      const territories::MixWeights &current);

private:
    void updateShares();

    std::array<QDoubleSpinBox *, 5> m_boxes{};
    QLabel *m_shares;
    class QPushButton *m_ok = nullptr;
};

} // namespace tp::ui
