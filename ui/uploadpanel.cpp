#include "uploadpanel.h"

#include "appcontroller.h"
#include "displayformat.h"
#include "icons.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace Batchdesk::Ui {

using Models::DisplayFormat::bytes;

UploadPanel::UploadPanel(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(Models::icon(QStringLiteral("cancel")), tr("Cancel"), this))
{
    setObjectName(QStringLiteral("uploadPanel"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("uploadText"));
    m_progress->setObjectName(QStringLiteral("uploadProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);
    m_progress->setMinimumWidth(220);
    m_cancel->setObjectName(QStringLiteral("uploadCancel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 6, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_submission)
            m_submission->cancel();
    });
    hide();
}

UploadPanel::~UploadPanel() = default;

void UploadPanel::follow(Submission *submission)
{
    if (m_submission)
        disconnect(m_submission, nullptr, this, nullptr);
    m_submission = submission;
    connect(submission, &Submission::uploadProgress, this, &UploadPanel::onProgress);
    connect(submission, &Submission::stateChanged, this, &UploadPanel::onState);
    m_progress->setValue(0);
    m_text->setText(tr("Uploading %1\u2026").arg(QFileInfo(submission->path()).fileName()));
    m_cancel->setEnabled(true);
    show();
}

void UploadPanel::onProgress(qint64 sent, qint64 total, double bytesPerSecond)
{
    if (!m_submission || total <= 0)
        return;
    m_progress->setValue(int(1000.0 * double(sent) / double(total)));
    m_text->setText(tr("Uploading %1 \u2014 %2 of %3 \u00b7 %4/s")
                        .arg(QFileInfo(m_submission->path()).fileName(), bytes(sent), bytes(total),
                             bytes(qint64(bytesPerSecond))));
}

void UploadPanel::onState()
{
    if (!m_submission)
        return;
    switch (m_submission->state()) {
    case Submission::State::Uploading:
        break;
    case Submission::State::Creating:
        m_progress->setRange(0, 0); // busy: the server is creating the batch
        m_text->setText(
            tr("Creating the batch from %1\u2026").arg(QFileInfo(m_submission->path()).fileName()));
        break;
    default:
        m_progress->setRange(0, 1000);
        hide();
        break;
    }
}

} // namespace Batchdesk::Ui
