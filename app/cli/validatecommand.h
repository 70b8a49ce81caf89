#pragma once

#include <QStringList>

namespace Batchdesk::Cli {

/** batchdesk-cli validate [--profile deepinfra|openai] [--endpoint URL] [--json] FILE */
int runValidate(const QStringList &arguments);

} // namespace Batchdesk::Cli
