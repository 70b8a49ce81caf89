#include "dropoverlay.h"

#include "icons.h"

#include <QPainter>
#include <QPainterPath>

namespace Batchdesk::Ui {

DropOverlay::DropOverlay(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dropOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    hide();
}

DropOverlay::~DropOverlay() = default;

void DropOverlay::setDetail(const QString &detail, bool acceptable)
{
    m_detail = detail;
    m_acceptable = acceptable;
    update();
}

void DropOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    QColor veil = palette().color(QPalette::Window);
    veil.setAlphaF(0.97f); // nearly opaque: text beneath would muddle the headline
    painter.fillRect(rect(), veil);

    const QColor accent = m_acceptable ? palette().color(QPalette::Highlight) : QColor(0xd2, 0x43, 0x3f);
    QColor tint = accent;
    tint.setAlphaF(0.08f);
    const QRectF target = QRectF(rect()).adjusted(16.5, 16.5, -16.5, -16.5);
    QPen pen(accent, 2.5, Qt::DashLine);
    pen.setDashPattern({6, 4});
    painter.setPen(pen);
    painter.setBrush(tint);
    painter.drawRoundedRect(target, 12, 12);

    const int iconSize = 64;
    QFont headline = font();
    headline.setPointSizeF(headline.pointSizeF() * 1.5);
    headline.setBold(true);
    const QFontMetrics hm(headline);
    const QFontMetrics dm(font());
    const int block = iconSize + 16 + hm.height() + 8 + dm.height();
    int y = int(target.center().y()) - block / 2;
    const QIcon dropIcon = Models::icon(m_acceptable ? QStringLiteral("drop") : QStringLiteral("error"));
    dropIcon.paint(&painter, QRect(int(target.center().x()) - iconSize / 2, y, iconSize, iconSize));
    y += iconSize + 16;

    painter.setPen(palette().color(QPalette::WindowText));
    painter.setFont(headline);
    const QString title = m_acceptable ? tr("Drop to validate") : tr("This cannot be opened");
    painter.drawText(QRect(int(target.left()), y, int(target.width()), hm.height()), Qt::AlignCenter, title);
    y += hm.height() + 8;
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRect(int(target.left()) + 8, y, int(target.width()) - 16, dm.height()), Qt::AlignCenter,
                     dm.elidedText(m_detail, Qt::ElideMiddle, int(target.width()) - 16));
}

} // namespace Batchdesk::Ui
