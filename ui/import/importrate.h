#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <optional>

namespace tp::ui {

// Rows per second and time left of a running import, from its progress (done of total, in any
// unit) and the file's row count: "12,345 rows/s · about 8 seconds left", in the user's locale.
// The rate is the average since the start: steady enough to read, right on average.
class ImportRate
{
    Q_DECLARE_TR_FUNCTIONS(tp::ui::ImportRate)

public:
    explicit ImportRate(qint64 rows = 0) : m_rows(rows) { }

    void update(qint64 done, qint64 total, qint64 elapsedMs);

    double fraction() const { return m_fraction; }
    // Nothing until enough time passed for the figures to mean something.
    std::optional<double> rowsPerSecond() const;
    std::optional<qint64> secondsLeft() const;
    QString text(const QLocale &locale = QLocale()) const;

    static QString durationText(qint64 seconds);

private:
    qint64 m_rows = 0;
    qint64 m_elapsedMs = 0;
    double m_fraction = 0;
};

} // namespace tp::ui
