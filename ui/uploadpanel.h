#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Batchdesk::Workflow {
class Submission;
}

namespace Batchdesk::Ui {

using Submission = Workflow::Submission;

/**
 * A strip above the pages that follows one Submission: what is being uploaded, a progress bar, bytes and
 * speed, then "Creating batch…", with a Cancel button. Hides itself when the submission ends (the outcome
 * goes to the banner, shown by the window).
 */
class UploadPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadPanel)

public:
    explicit UploadPanel(QWidget *parent = nullptr);
    ~UploadPanel() override;

    void follow(Submission *submission);

private:
    void onProgress(qint64 sent, qint64 total, double bytesPerSecond);
    void onState();

    QPointer<Submission> m_submission;
    QLabel *m_text;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
};

} // namespace Batchdesk::Ui
