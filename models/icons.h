#pragma once

#include <QIcon>
#include <QString>

namespace Batchdesk::Models {

/**
 * The application's own SVG icon set (resources/icons), compiled into batchdesk_models.
 *
 * icon("error") loads ":/icons/error.svg". Icons are cached per name; call from the GUI thread only.
 */
QIcon icon(const QString &name);

} // namespace Batchdesk::Models
