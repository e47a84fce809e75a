#include "dialogs/help_dialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace focalscope {

HelpDialog::HelpDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Focalscope: Formulas and Conventions"));
    resize(720, 640);
    auto* layout = new QVBoxLayout(this);
    auto* browser = new QTextBrowser(this);
    browser->setOpenExternalLinks(true);
    browser->setHtml(helpHtml());
    layout->addWidget(browser);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString HelpDialog::helpHtml()
{
    return tr(R"(<h2>Focal loss</h2>
<p><b>Softmax</b> (the seed's, yatengLG/Focal-Loss-Pytorch; default with 2 or more score columns),
for each row i whose target is t:</p>
<p style="margin-left:2em">l<sub>i</sub> = −α<sub>t</sub> (1 − p<sub>t</sub>)<sup>γ</sup> log p<sub>t</sub>,
&nbsp; log p = log_softmax(x) (stable log-sum-exp) for logits, log max(p<sub>t</sub>, 10<sup>−12</sup>)
for probabilities; 0<sup>0</sup> = 1, so γ = 0 is the (weighted) cross-entropy.</p>
<p><b>Sigmoid</b> (torchvision <code>sigmoid_focal_loss</code>; default for one score column, one-hot
over the columns otherwise):</p>
<p style="margin-left:2em">ce = max(x, 0) − x y + log1p(e<sup>−|x|</sup>), &nbsp;
p<sub>t</sub> = p y + (1 − p)(1 − y), &nbsp; α<sub>t</sub> = α y + (1 − α)(1 − y), &nbsp;
l = α<sub>t</sub> ce (1 − p<sub>t</sub>)<sup>γ</sup>.</p>
<p><b>Reductions</b>: mean = sum / number of rows not ignored; sum; weighted-mean = sum / Σ α<sub>t</sub>.
Rows labelled with the ignore index (−100) are left out of every number.</p>

<h2>The alpha convention</h2>
<p>A <b>scalar</b> α = a gives the weights <b>[a, 1 − a, 1 − a, …]</b>: class 0 is the background and
gets a, every other class 1 − a (the seed's convention, used for detectors whose class 0 is
the background). For a binary problem this is the <i>opposite</i> of the paper's α, which
weights the positive class. With more than two classes a scalar only separates class 0 from
the rest; use per-class weights to weigh each class. <b>Per class</b> gives one weight per
class; <b>none</b> gives all ones. The parameters dock always shows the effective weights.</p>
<p>Suggested per-class weights, normalised to mean 1: the inverse class frequency 1/n<sub>c</sub>,
and the inverse effective number of samples (1 − β)/(1 − β<sup>n<sub>c</sub></sup>) of Cui et al.
2019 for β = 0.99, 0.999, 0.9999.</p>

<h2>Views</h2>
<p><b>Loss vs p<sub>t</sub></b>: the current curve beside γ = 0, 0.5, 1, 2, 5 (Lin et al. 2017, Figure 1);
optionally |∂l/∂x<sub>t</sub>|. <b>Loss concentration</b>: background (label 0) and foreground rows'
losses sorted ascending, normalised to sum 1 and cumulated (Figure 4). <b>p<sub>t</sub>
distribution</b>: the fraction of each class's rows per p<sub>t</sub> bin, with the focal weight
(1 − p<sub>t</sub>)<sup>γ</sup> overlaid: it shows which rows the loss still weighs.</p>

<h2>ROC and AUROC</h2>
<p>scikit-learn semantics. Each class against the rest (score column c against label = c; for
logits the softmax ranks). AUROC is the trapezoid area (ties count ½); undefined without
positives or negatives. macro = mean of the defined classes, weighted = weighted by positives,
micro = one curve over all (row, class) elements, one-vs-one = Hand &amp; Till. 95% intervals:
DeLong's variance (Sun &amp; Xu), AUROC ± 1.959963984540054 SE. Partial AUROC up to max FPR m is McClish-
standardised: ½ (1 + (A − m²/2) / (m − m²/2)). Average precision = Σ (R<sub>n</sub> − R<sub>n−1</sub>) P<sub>n</sub>.</p>
<p>Click a ROC or precision-recall curve to pick an operating point (marked on both): a row is
predicted positive when its score is
at least the threshold; the confusion matrix counts are exact.</p>)");
}

QString HelpDialog::aboutHtml()
{
    return tr("<h3>Focalscope %1</h3><p>Focal loss and ROC / AUROC analysis of a classifier's "
              "predictions: move alpha and gamma and see what focal loss makes of your model's "
              "outputs; read per-class ROC curves and AUROC values with DeLong intervals.</p>"
              "<p>Built with Qt %2 and Eigen.</p>")
        .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()));
}

} // namespace focalscope
