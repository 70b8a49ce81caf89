#include "messagebanner.h"

#include "icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace Batchdesk::Ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    m_text->setObjectName(QStringLiteral("messageBannerText"));
    m_action->setObjectName(QStringLiteral("messageBannerAction"));
    m_close->setObjectName(QStringLiteral("messageBannerClose"));

    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close->setIcon(Models::icon(QStringLiteral("close")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));
    m_icon->setFixedSize(20, 20);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_action, &QPushButton::clicked, this, [this] {
        // Copy first: the callback may show a new message and replace m_callback.
        const auto callback = m_callback;
        hideMessage();
        emit actionTriggered();
        if (callback)
            callback();
    });
    connect(m_close, &QToolButton::clicked, this, [this] {
        hideMessage();
        emit closed();
    });
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        // Someone reading it (pointer on it) keeps it a little longer.
        if (underMouse())
            m_expiry.start(2000);
        else
            hideMessage();
    });
    hide();
}

MessageBanner::~MessageBanner() = default;

void MessageBanner::showMessage(Type type, const QString &text, const QString &actionText,
                                std::function<void()> action)
{
    m_type = type;
    m_owner = nullptr;
    m_text->setText(text);
    m_callback = std::move(action);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    QString iconName;
    QString kind;
    switch (type) {
    case Type::Info:
        iconName = QStringLiteral("info");
        kind = tr("Information");
        break;
    case Type::Positive:
        iconName = QStringLiteral("ok");
        kind = tr("Success");
        break;
    case Type::Warning:
        iconName = QStringLiteral("warning");
        kind = tr("Warning");
        break;
    case Type::Error:
        iconName = QStringLiteral("error");
        kind = tr("Error");
        break;
    }
    m_icon->setPixmap(Models::icon(iconName).pixmap(20, 20));
    setAccessibleName(kind);
    setAccessibleDescription(text);
    m_expiry.stop();
    // Good news and plain information expire; an Info with an action waits for its page to be left.
    if ((type == Type::Positive || (type == Type::Info && actionText.isEmpty())) && m_autoHideMs > 0)
        m_expiry.start(m_autoHideMs);
    show();
    update();
}

void MessageBanner::hideMessage()
{
    m_callback = {};
    m_owner = nullptr;
    m_expiry.stop();
    hide();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

QString MessageBanner::actionText() const
{
    return m_action->isVisibleTo(this) ? m_action->text() : QString();
}

QColor MessageBanner::accent() const
{
    switch (m_type) {
    case Type::Info:
        return QColor(0x3a, 0x78, 0xd4);
    case Type::Positive:
        return QColor(0x2e, 0x9b, 0x57);
    case Type::Warning:
        return QColor(0xe9, 0xa2, 0x1b);
    case Type::Error:
        return QColor(0xd2, 0x43, 0x3f);
    }
    return {};
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    // A faint tint of the type's accent over the window colour works on light and dark palettes alike.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = accent();
    fill.setAlphaF(0.14f);
    QColor border = accent();
    border.setAlphaF(0.55f);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(border);
    painter.setBrush(fill);
    painter.drawRoundedRect(r, 4, 4);
}

} // namespace Batchdesk::Ui
