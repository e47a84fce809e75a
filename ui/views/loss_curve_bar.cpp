#include "views/loss_curve_bar.h"

#include "model/dataset_session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace focalscope {

LossCurveBar::LossCurveBar(DatasetSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("lossCurveBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 0);
    auto* label = new QLabel(tr("α of class:"), this);
    m_class = new QComboBox(this);
    m_class->setObjectName(QStringLiteral("lossCurveClass"));
    m_class->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_class->setToolTip(tr("The curves are drawn with this class's weight α_t (the per-class "
                           "weights differ: a scalar α = a weights class 0 by a and every other "
                           "class by 1 − a)"));
    label->setBuddy(m_class);
    m_scale = new QCheckBox(tr("Scale y-axis to α"), this);
    m_scale->setObjectName(QStringLiteral("lossCurveScale"));
    m_scale->setToolTip(tr("Off: the paper's 0 to 5 (Lin et al. 2017, Figure 1) whatever α. "
                           "On: 0 to 5 α, so that small weights fill the plot."));
    layout->addWidget(label);
    layout->addWidget(m_class);
    layout->addSpacing(16);
    layout->addWidget(m_scale);
    layout->addStretch(1);

    connect(m_class, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_session.setLossCurveClass(index);
    });
    connect(m_scale, &QCheckBox::toggled, &m_session, &DatasetSession::setLossCurveScaledToAlpha);
    connect(&m_session, &DatasetSession::datasetChanged, this, &LossCurveBar::rebuild);
    rebuild();
}

void LossCurveBar::rebuild()
{
    const QSignalBlocker blocker(m_class);
    m_class->clear();
    QStringList names = m_session.targetNames();
    if (names.isEmpty())
        names = {tr("0"), tr("1")};
    for (int c = 0; c < names.size(); ++c)
        m_class->addItem(QStringLiteral("%1 (%2)").arg(names[c]).arg(c));
    m_class->setCurrentIndex(m_session.lossCurveClass());
    m_scale->setChecked(m_session.lossCurveScaledToAlpha());
}

} // namespace focalscope
