#pragma once

#include <QString>

class QWidget;

namespace focalscope {

// How the window tells the user about a failure. The default shows a message box; tests
// install their own so that nothing modal blocks them.
class MessagePresenter {
public:
    virtual ~MessagePresenter() = default;
    virtual void showError(QWidget* parent, const QString& title, const QString& message) = 0;
};

class MessageBoxPresenter : public MessagePresenter {
public:
    void showError(QWidget* parent, const QString& title, const QString& message) override;
};

} // namespace focalscope
