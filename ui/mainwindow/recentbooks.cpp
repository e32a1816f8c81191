#include "recentbooks.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace tp::ui {

namespace {

const QString settingsKey = QStringLiteral("recentBooks");

} // namespace

RecentBooks::RecentBooks(QObject *parent)
    : QObject(parent), m_paths(QSettings().value(settingsKey).toStringList())
{
    while (m_paths.size() > maximum)
        m_paths.removeLast();
}

void RecentBooks::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_paths.removeAll(absolute);
    m_paths.prepend(absolute);
    while (m_paths.size() > maximum)
        m_paths.removeLast();
    save();
}

void RecentBooks::remove(const QString &path)
{
    if (m_paths.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        save();
}

void RecentBooks::clear()
{
    m_paths.clear();
    save();
}

void RecentBooks::save()
{
    QSettings().setValue(settingsKey, m_paths);
    emit changed();
}

void RecentBooks::fillMenu(QMenu *menu) const
{
    menu->clear();
    for (int i = 0; i < m_paths.size(); ++i) {
        const QString &path = m_paths[i];
        // "&1 Demo.tpbook": a mnemonic per entry, the full path in the tooltip and status bar.
        QAction *action = menu->addAction(tr("&%1 %2").arg(i + 1).arg(
                QFileInfo(path).fileName().replace(QLatin1Char('&'), QLatin1String("&&"))));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this,
                [this, path] { emit const_cast<RecentBooks *>(this)->openRequested(path); });
    }
    if (!m_paths.isEmpty())
        menu->addSeparator();
    QAction *clearAction = menu->addAction(tr("&Clear List"));
    clearAction->setEnabled(!m_paths.isEmpty());
    connect(clearAction, &QAction::triggered, const_cast<RecentBooks *>(this), &RecentBooks::clear);
    menu->setEnabled(true);
}

} // namespace tp::ui
