#pragma once

#include "book.h"
#include "domain/settings.h"

#include <QString>

#include <array>

namespace tp {

class SettingsRepository
{
public:
    explicit SettingsRepository(Book &book) : m_db(book.db()) { }

    QString value(const QString &key, const QString &fallback = {});
    double real(const QString &key, double fallback);
    int integer(const QString &key, int fallback);
    void setValue(const QString &key, const QString &value);
    BookSettings load();
    // The stalled-deal rules and the stage limits, in one transaction. Throws tp::InputError
    // for a negative day count or a multiple that is not positive.
    void saveStallRules(const StallRules &rules, const std::array<int, 4> &stageLimitDays);
    // Writes the settings that differ between `before` and `after` in one transaction: the
    // stalled-deal rules, the stage limits and the ROI thresholds (the settings the app edits).
    void save(const BookSettings &before, const BookSettings &after);

private:
    sql::Database &m_db;
};

} // namespace tp
