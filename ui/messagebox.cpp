#include "messagebox.h"

#include "icons.h"

#include <optional>

namespace Batchdesk::Ui {

namespace {
std::optional<MessageBox::Button> nextAnswer;
int shown = 0;
} // namespace

void MessageBox::setNextAnswer(Button answer)
{
    nextAnswer = answer;
}

int MessageBox::shownCount()
{
    return shown;
}

MessageBox::Button MessageBox::show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                    const QString &text, Buttons buttons, Button defaultButton)
{
    ++shown;
    if (nextAnswer) {
        const Button answer = *nextAnswer;
        nextAnswer.reset();
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    return Button(box.exec());
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
