#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

namespace focalscope {

// A file (and its optional labels file) that was opened.
struct RecentEntry {
    QString predictions;
    QString labels;

    QString encoded() const;
    static RecentEntry decoded(const QString& text);
    bool operator==(const RecentEntry&) const = default;
};

// The Open Recent list, most recent first, at most kMaximum entries, kept in QSettings.
class RecentFiles {
public:
    static constexpr int kMaximum = 10;

    explicit RecentFiles(QSettings& settings);

    QList<RecentEntry> entries() const;
    void add(const RecentEntry& entry);
    void remove(const RecentEntry& entry);
    void clear();

private:
    void store(const QList<RecentEntry>& entries);

    QSettings& m_settings;
};

} // namespace focalscope
