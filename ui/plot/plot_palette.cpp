#include "plot/plot_spec.h"

#include <array>

namespace focalscope {

QColor classColor(int c)
{
    // Tableau 10 without its grey, which is kept for the background class.
    static constexpr std::array<QRgb, 9> palette{0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                                 0x8c564b, 0xe377c2, 0xbcbd22, 0x17becf};
    if (c == 0)
        return QColor(0x7f7f7f);
    const auto i = static_cast<std::size_t>(c - 1) % palette.size();
    QColor colour(palette[i]);
    // Past the palette, later rounds get darker so classes stay distinguishable.
    const int round = (c - 1) / static_cast<int>(palette.size());
    return round == 0 ? colour : colour.darker(100 + 30 * round);
}

}  // namespace focalscope
