#include "logging.h"

Q_LOGGING_CATEGORY(lcApi, "batchdesk.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJsonl, "batchdesk.jsonl", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMonitor, "batchdesk.monitor", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "batchdesk.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "batchdesk.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "batchdesk.sandbox", QtInfoMsg)
