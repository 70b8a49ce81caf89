#include "limitbar.h"

#include <QPainter>

namespace Batchdesk::Ui {

LimitBar::LimitBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

LimitBar::~LimitBar() = default;

void LimitBar::setValue(qint64 value, qint64 limit)
{
    m_value = value;
    m_limit = limit;
    update();
}

double LimitBar::fraction() const
{
    if (m_limit <= 0)
        return 0;
    return qBound(0.0, double(m_value) / double(m_limit), 1.0);
}

QSize LimitBar::sizeHint() const
{
    return {96, 6};
}

void LimitBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = r.height() / 2;
    QColor track = palette().color(QPalette::WindowText);
    track.setAlphaF(0.12f);
    painter.setPen(Qt::NoPen);
    painter.setBrush(track);
    painter.drawRoundedRect(r, radius, radius);
    const double f = exceeded() ? 1.0 : fraction();
    if (f <= 0)
        return;
    QRectF fill = r;
    fill.setWidth(qMax(r.height(), r.width() * f));
    painter.setBrush(exceeded() ? QColor(0xd2, 0x43, 0x3f) : palette().color(QPalette::Highlight));
    painter.drawRoundedRect(fill, radius, radius);
}

} // namespace Batchdesk::Ui
