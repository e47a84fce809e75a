#include "settings/recent_files.h"

#include "settings/settings_keys.h"

namespace focalscope {

namespace {
constexpr QChar kSeparator = u'\t';
}

QString RecentEntry::encoded() const
{
    return labels.isEmpty() ? predictions : predictions + kSeparator + labels;
}

RecentEntry RecentEntry::decoded(const QString& text)
{
    const qsizetype tab = text.indexOf(kSeparator);
    if (tab < 0)
        return {text, {}};
    return {text.left(tab), text.mid(tab + 1)};
}

RecentFiles::RecentFiles(QSettings& settings)
    : m_settings(settings)
{
}

QList<RecentEntry> RecentFiles::entries() const
{
    QList<RecentEntry> result;
    for (const QString& text : settings::recentFiles.read(m_settings)) {
        if (!text.isEmpty() && result.size() < kMaximum)
            result.append(RecentEntry::decoded(text));
    }
    return result;
}

void RecentFiles::add(const RecentEntry& entry)
{
    QList<RecentEntry> list = entries();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > kMaximum)
        list.removeLast();
    store(list);
}

void RecentFiles::remove(const RecentEntry& entry)
{
    QList<RecentEntry> list = entries();
    list.removeAll(entry);
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QList<RecentEntry>& entries)
{
    QStringList texts;
    for (const RecentEntry& entry : entries)
        texts.append(entry.encoded());
    settings::recentFiles.write(m_settings, texts);
}

} // namespace focalscope
