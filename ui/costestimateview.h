#pragma once

#include "common/result.h"
#include "cost/estimate.h"

#include <QFutureWatcher>
#include <QStringList>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

namespace Batchdesk::Ui {

/**
 * What a batch file will cost before it is submitted: its input tokens (and the tokenizer that counted them,
 * exact or approximated with its measured error), the output tokens at most (and the requests that set no
 * max_tokens), and the cost at the batch price of the price table (input + output up to max_tokens, with the
 * discount, the price's date and whether it is the snapshot's or edited), or "No price for MODEL — Set
 * Price…", which opens the Prices dialog on that model.
 *
 * estimate() counts in the background (Cost::estimateFileCost on the thread pool) with progress and Cancel
 * and returns at once; a newer estimate() or clear() cancels the running one, whose result is ignored. When
 * the price table is saved (PriceEvents::changed) the finished estimate is priced again (no counting). The
 * destructor cancels and waits for a running count (it stops within a chunk of the file).
 */
class CostEstimateView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostEstimateView)

public:
    explicit CostEstimateView(QWidget *parent = nullptr);
    ~CostEstimateView() override;

    /**
     * Estimates the files together (the parts of a job) at provider's prices (an Api::Provider id; empty:
     * the model's price at any provider). model overrides the files' own model. Returns at once.
     */
    void estimate(const QStringList &paths, const QString &provider, const QString &model = {});
    /** Cancels a running estimate and shows text (nothing when empty). */
    void clear(const QString &text = {});
    /** Cancels a running estimate; the view says it was cancelled. */
    void cancel();

    bool isEstimating() const { return m_running; }
    /** The finished estimate; nullopt while counting, or when cancelled, failed or cleared. */
    std::optional<Cost::FileCost> result() const { return m_result; }
    /** Why the last estimate failed (empty when it did not). */
    QString errorString() const { return m_error; }
    QString provider() const { return m_provider; }
    /** Another provider's prices: the finished estimate is priced again (a running one counts on). */
    void setProvider(const QString &provider);

    /** Prices the finished estimate again with the saved price table. */
    void reprice();

signals:
    /** The estimate finished, failed, was cancelled, cleared or priced again. */
    void estimateChanged();
    void estimatingChanged(bool estimating);

private:
    void onFinished();
    void showResult();
    /** Dashes in the rows, text in the detail line. */
    void showPlaceholder(const QString &text);
    void openPrices();

    QStringList m_paths;
    QString m_provider;
    QString m_model;
    bool m_running = false;
    std::optional<Cost::FileCost> m_result;
    QString m_error;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<qint64>> m_permille;
    QFutureWatcher<Result<Cost::FileCost>> *m_watcher = nullptr;
    QTimer *m_progressTimer;

    QWidget *m_progressRow;
    QProgressBar *m_progress;
    QToolButton *m_cancelButton;
    QLabel *m_input;
    QLabel *m_output;
    QLabel *m_cost;
    QLabel *m_costDetail;
    QToolButton *m_priceButton;
};

} // namespace Batchdesk::Ui
