#pragma once

#include <QFrame>
#include <QPointer>
#include <QTimer>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace Batchdesk::Ui {

/**
 * An inline message bar (icon, text, optional action button, close button) used instead of pop-ups for
 * background failures and notices.
 *
 * Hidden until showMessage(); a new message replaces the current one and its action. The action callback runs
 * on the GUI thread when the button is clicked, after which the banner hides.
 *
 * Lifetime: a message belongs to the page it was shown for (setOwner(); the window hides it when another page
 * is shown) or to the whole window (no owner). Positive and Info messages expire after autoHideMs() (not
 * while the pointer rests on them); warnings and errors stay until they are closed, replaced or resolved.
 * Colours are a subtle tint of the system palette per type; the type is also conveyed by the icon and, for
 * screen readers, the accessible name.
 */
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Type { Info, Positive, Warning, Error };
    Q_ENUM(Type)

    explicit MessageBanner(QWidget *parent = nullptr);
    ~MessageBanner() override;

    void showMessage(Type type, const QString &text, const QString &actionText = {},
                     std::function<void()> action = {});
    void hideMessage();

    /** The page the current message is about; nullptr for the whole window. Cleared by showMessage(). */
    void setOwner(QWidget *page) { m_owner = page; }
    QWidget *owner() const { return m_owner; }
    /** How long Positive and Info messages stay; 0 keeps them. */
    void setAutoHideMs(int ms) { m_autoHideMs = ms; }
    int autoHideMs() const { return m_autoHideMs; }

    Type type() const { return m_type; }
    QString text() const;
    QString actionText() const;

signals:
    void actionTriggered();
    void closed();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor accent() const;

    Type m_type = Type::Info;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
    std::function<void()> m_callback;
    QPointer<QWidget> m_owner;
    QTimer m_expiry;
    int m_autoHideMs = 12'000;
};

} // namespace Batchdesk::Ui
