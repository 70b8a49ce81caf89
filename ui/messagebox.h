#pragma once

#include <QMessageBox>

namespace Batchdesk::Ui {

/**
 * Thin wrapper over QMessageBox for decisions, with a test seam.
 *
 * setNextAnswer() makes the next call return that button without showing anything; the answer is used once.
 * GUI thread only.
 */
class MessageBox final
{
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    static Button information(QWidget *parent, const QString &title, const QString &text,
                              Buttons buttons = QMessageBox::Ok,
                              Button defaultButton = QMessageBox::NoButton);
    static Button warning(QWidget *parent, const QString &title, const QString &text,
                          Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton);
    static Button critical(QWidget *parent, const QString &title, const QString &text,
                           Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton);
    static Button question(QWidget *parent, const QString &title, const QString &text,
                           Buttons buttons = QMessageBox::Yes | QMessageBox::No,
                           Button defaultButton = QMessageBox::NoButton);
    static void about(QWidget *parent, const QString &title, const QString &text);

    /** The next box returns answer immediately, without being shown. */
    static void setNextAnswer(Button answer);
    /** How many boxes were answered by the seam or shown since start; for tests. */
    static int shownCount();

private:
    static Button show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                       Buttons buttons, Button defaultButton);
};

} // namespace Batchdesk::Ui
