#pragma once

class QApplication;

namespace Batchdesk::Ui {

/** Fusion with a dark palette (for `--dark` / BATCHDESK_THEME=dark and the README's dark screenshot). */
void applyDarkTheme(QApplication &app);

} // namespace Batchdesk::Ui
