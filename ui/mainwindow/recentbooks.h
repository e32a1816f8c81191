#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace tp::ui {

// The "Open Recent" list: up to eight books, newest first, kept in QSettings.
class RecentBooks : public QObject
{
    Q_OBJECT

public:
    static constexpr int maximum = 8;

    explicit RecentBooks(QObject *parent = nullptr);

    QStringList paths() const { return m_paths; }
    void add(const QString &path);
    void remove(const QString &path);
    void clear();
    // Fills `menu` with the books and a Clear entry; call again after a change.
    void fillMenu(QMenu *menu) const;

signals:
    void changed();
    void openRequested(const QString &path);

private:
    void save();

    QStringList m_paths;
};

} // namespace tp::ui
