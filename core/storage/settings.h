#pragma once

#include "book.h"
#include "domain/money.h"
#include "domain/scoring.h"
#include "domain/stage.h"

#include <QString>

#include <array>

namespace tp {

// The book-level settings of METRICS.md, read in one go. Every default lives in the book.
struct BookSettings
{
    QString currency = QStringLiteral("USD");
    int fiscalStartMonth = 1;
    int defaultCapacity = 20;
    // The key metrics' window (METRICS.md); an import's snapshot also keeps the deals closed
    // within it, the "recently closed" pipeline that later snapshots are compared with.
    int metricsWindowDays = 365;
    // Indexed by stageIndex(): Qualify..Lost.
    std::array<BasisPoints, 6> stageProbability{1000, 2500, 5000, 7500, 10000, 0};
    std::array<int, 4> stageLimitDays{30, 45, 30, 30};
    RoiSettings roi;

    BasisPoints defaultProbability(Stage s) const { return stageProbability[std::size_t(stageIndex(s))]; }
};

class SettingsRepository
{
public:
    explicit SettingsRepository(Book &book)
        : m_db(book.db())
    {
    }

    QString value(const QString &key, const QString &fallback = {});
    double real(const QString &key, double fallback);
    int integer(const QString &key, int fallback);
    void setValue(const QString &key, const QString &value);
    BookSettings load();

private:
    sql::Database &m_db;
};

} // namespace tp
