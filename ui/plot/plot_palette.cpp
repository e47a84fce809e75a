#include "plot/plot_palette.h"

#include <algorithm>
#include <array>

namespace focalscope {

QColor classColor(int c)
{
    // Tableau 10 without its grey, which is kept for the background class.
    static constexpr std::array<QRgb, 9> palette {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0xbcbd22, 0x17becf};
    if (c == 0)
        return QColor(0x7f7f7f);
    const auto i = static_cast<std::size_t>(c - 1) % palette.size();
    QColor colour(palette[i]);
    // Past the palette, later rounds get darker so classes stay distinguishable.
    const int round = (c - 1) / static_cast<int>(palette.size());
    return round == 0 ? colour : colour.darker(100 + 30 * round);
}

QColor sequenceColor(int i, int n)
{
    // Viridis from deep purple to green, without its pale yellow end (too light on white).
    static constexpr std::array<QRgb, 6> anchors {
        0x440154, 0x414487, 0x2a788e, 0x22a884, 0x7ad151, 0xbddf26};
    const double t = n > 1 ? 0.85 * std::clamp(i, 0, n - 1) / (n - 1) : 0.0;
    const double position = t * (anchors.size() - 1);
    const auto k = std::min(static_cast<std::size_t>(position), anchors.size() - 2);
    const double f = position - static_cast<double>(k);
    const QColor a(anchors[k]);
    const QColor b(anchors[k + 1]);
    return QColor::fromRgbF(static_cast<float>(a.redF() + f * (b.redF() - a.redF())),
        static_cast<float>(a.greenF() + f * (b.greenF() - a.greenF())),
        static_cast<float>(a.blueF() + f * (b.blueF() - a.blueF())));
}

} // namespace focalscope
