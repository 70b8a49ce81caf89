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
    /**
     * A decision whose buttons say what they do ("Cancel Batch" / "Keep Running" instead of Yes / No):
     * returns QMessageBox::Yes for yesText, QMessageBox::No for noText (also on Escape).
     */
    static Button confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText,
                          const QString &noText, Button defaultButton = QMessageBox::No,
                          QMessageBox::Icon icon = QMessageBox::Question);

    /** The next box returns answer immediately, without being shown. */
    static void setNextAnswer(Button answer);
    /** How many boxes were answered by the seam or shown since start; for tests. */
    static int shownCount();
    /** The text and the button labels of the last box (shown or answered by the seam); for tests. */
    static QString lastText();
    static QStringList lastButtons();

private:
    static Button show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                       Buttons buttons, Button defaultButton, const QStringList &labels = {});
};

} // namespace Batchdesk::Ui
