#pragma once

#include <QDialog>

namespace focalscope {

// A short page with the formulas Focalscope computes and the alpha convention.
class HelpDialog : public QDialog {
    Q_OBJECT

public:
    explicit HelpDialog(QWidget* parent = nullptr);

    static QString helpHtml();
    static QString aboutHtml();
};

} // namespace focalscope
