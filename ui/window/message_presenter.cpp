#include "window/message_presenter.h"

#include <QMessageBox>

namespace focalscope {

void MessageBoxPresenter::showError(QWidget* parent, const QString& title, const QString& message)
{
    QMessageBox::warning(parent, title, message);
}

} // namespace focalscope
