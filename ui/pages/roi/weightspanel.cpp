#include "weightspanel.h"

#include "session/booksession.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace tp::ui {

namespace {

QString appliesTo(const WeightProfile &p)
{
    switch (p.kind) {
    case SegmentKind::Book:
        return WeightsPanel::tr("Applies to accounts no other profile matches.");
    case SegmentKind::Territory:
        return WeightsPanel::tr("Applies to territory “%1” unless an industry or size band "
                                "profile matches.").arg(p.segment.trimmed());
    case SegmentKind::Industry:
        return WeightsPanel::tr("Applies to industry “%1” unless a size band profile matches.")
                .arg(p.segment.trimmed());
    case SegmentKind::SizeBand:
        return WeightsPanel::tr("Applies to size band “%1”.").arg(p.segment.trimmed());
    }
    return {};
}

} // namespace

WeightsPanel::WeightsPanel(BookSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_profile(new QComboBox(this)),
      m_appliesTo(new QLabel(this)), m_form(new QFormLayout)
{
    m_profile->setToolTip(tr("The weight profile to edit"));
    m_appliesTo->setWordWrap(true);
    m_appliesTo->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_profile);
    layout->addWidget(m_appliesTo);
    layout->addLayout(m_form);
    layout->addStretch(1);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &WeightsPanel::refreshValues);
    connect(session, &BookSession::loaded, this, &WeightsPanel::rebuild);
    connect(session, &BookSession::scoringChanged, this, &WeightsPanel::refreshValues);
    rebuild();
}

void WeightsPanel::rebuild()
{
    const BookView *view = m_session->view();
    const Id selected = m_profile->currentData().toLongLong();
    {
        const QSignalBlocker blocker(m_profile);
        m_profile->clear();
        if (view) {
            for (const WeightProfile &p : view->scoring.profiles)
                m_profile->addItem(p.name, qlonglong(p.id));
        }
        m_profile->setCurrentIndex(std::max(0, m_profile->findData(qlonglong(selected))));
    }
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_boxes.clear();
    if (view) {
        for (std::size_t f = 0; f < view->scoring.factors.size(); ++f) {
            const EngagementFactor &factor = view->scoring.factors[f];
            auto *box = new QDoubleSpinBox(this);
            box->setRange(0, 100);
            box->setDecimals(1);
            box->setSingleStep(0.5);
            box->setAccelerated(true);
            box->setToolTip(factor.description);
            const Id factorId = factor.id;
            connect(box, &QDoubleSpinBox::valueChanged, this, [this, factorId](double weight) {
                const Id profile = m_profile->currentData().toLongLong();
                if (profile > 0)
                    m_session->setWeight(profile, factorId, weight);
            });
            m_form->addRow(factor.name, box);
            m_boxes.push_back(box);
        }
    }
    refreshValues();
}

void WeightsPanel::refreshValues()
{
    const BookView *view = m_session->view();
    const int index = m_profile->currentIndex();
    if (!view || index < 0 || std::size_t(index) >= view->scoring.profiles.size()) {
        m_appliesTo->clear();
        return;
    }
    const WeightProfile &p = view->scoring.profiles[std::size_t(index)];
    m_appliesTo->setText(appliesTo(p));
    for (std::size_t f = 0; f < m_boxes.size() && f < p.weights.size(); ++f) {
        const QSignalBlocker blocker(m_boxes[f]);
        m_boxes[f]->setValue(p.weights[f]);
    }
}

} // namespace tp::ui
