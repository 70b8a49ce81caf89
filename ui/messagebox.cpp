#include "messagebox.h"

#include "icons.h"

#include <QAbstractButton>
#include <QPushButton>

#include <optional>

namespace Batchdesk::Ui {

namespace {
std::optional<MessageBox::Button> nextAnswer;
int shown = 0;
QString lastShownText;
QStringList lastShownButtons;
} // namespace

void MessageBox::setNextAnswer(Button answer)
{
    nextAnswer = answer;
}

int MessageBox::shownCount()
{
    return shown;
}

QString MessageBox::lastText()
{
    return lastShownText;
}

QStringList MessageBox::lastButtons()
{
    return lastShownButtons;
}

MessageBox::Button MessageBox::show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                    const QString &text, Buttons buttons, Button defaultButton,
                                    const QStringList &labels)
{
    ++shown;
    QMessageBox box(icon, title, text, buttons, parent);
    // labels name the buttons in the order of QMessageBox::StandardButton values given.
    if (!labels.isEmpty()) {
        int i = 0;
        for (const Button b : {QMessageBox::Yes, QMessageBox::No}) {
            if (buttons.testFlag(b) && i < labels.size())
                box.button(b)->setText(labels.at(i++));
        }
    }
    lastShownText = text;
    lastShownButtons.clear();
    for (QAbstractButton *b : box.buttons())
        lastShownButtons << b->text();
    if (nextAnswer) {
        const Button answer = *nextAnswer;
        nextAnswer.reset();
        return answer;
    }
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    if (buttons.testFlag(QMessageBox::No))
        box.setEscapeButton(QMessageBox::No);
    return Button(box.exec());
}

MessageBox::Button MessageBox::confirm(QWidget *parent, const QString &title, const QString &text,
                                       const QString &yesText, const QString &noText, Button defaultButton,
                                       QMessageBox::Icon icon)
{
    return show(icon, parent, title, text, QMessageBox::Yes | QMessageBox::No, defaultButton,
                {yesText, noText});
}

MessageBox::Button MessageBox::information(QWidget *parent, const QString &title, const QString &text,
                                           Buttons buttons, Button defaultButton)
{
    return show(QMessageBox::Information, parent, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::warning(QWidget *parent, const QString &title, const QString &text,
                                       Buttons buttons, Button defaultButton)
{
    return show(QMessageBox::Warning, parent, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::critical(QWidget *parent, const QString &title, const QString &text,
                                        Buttons buttons, Button defaultButton)
{
    return show(QMessageBox::Critical, parent, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                        Buttons buttons, Button defaultButton)
{
    return show(QMessageBox::Question, parent, title, text, buttons, defaultButton);
}

void MessageBox::about(QWidget *parent, const QString &title, const QString &text)
{
    ++shown;
    if (nextAnswer) {
        nextAnswer.reset();
        return;
    }
    QMessageBox box(QMessageBox::NoIcon, title, text, QMessageBox::Ok, parent);
    box.setIconPixmap(Models::icon(QStringLiteral("batchdesk")).pixmap(64, 64));
    box.exec();
}

} // namespace Batchdesk::Ui
