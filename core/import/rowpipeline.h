#pragma once

#include "analysis.h"
#include "csv/reader.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tp::crm {

// The data rows of a file, read and converted on a second thread while the caller writes
// them: CSV parsing and value conversion (half the work of an import) overlap with SQLite.
// Rows come in batches; a few batches circulate between the threads, so memory stays small
// whatever the file size. The reader skips what the analysis found is not data (lines up to the
// header, blank lines, a report footer) and checks each row's width before `read` converts it.
// Errors of the reader thread (a CSV error, an unreadable file) are rethrown by next().
template<typename Input>
class RowPipeline
{
public:
    using Read = std::function<bool(const csv::Record &, Input &, std::vector<Rejection> &)>;
    using CheckWidth = std::function<bool(const csv::Record &, std::vector<Rejection> &)>;

    struct Batch
    {
        std::vector<Input> rows; // the first `size` are this batch's valid rows
        std::size_t size = 0;
        std::vector<Rejection> rejections; // of the rejected rows, at most maxRejections
        qint64 rejectedRows = 0;
        qint64 bytesRead = 0, totalBytes = 0; // for progress
    };
    static constexpr std::size_t batchRows = 4096;
    static constexpr std::size_t batches = 4;

    RowPipeline(const QString &path, const csv::Options &options, const Analysis &analysis,
                CheckWidth checkWidth, Read read, std::size_t maxRejections)
        : m_path(path),
          m_options(readingAgain(options, analysis)),
          m_analysis(analysis),
          m_checkWidth(std::move(checkWidth)),
          m_read(std::move(read)),
          m_maxRejections(maxRejections)
    {
        for (std::size_t i = 0; i < batches; ++i)
            m_free.push_back(std::make_unique<Batch>());
        m_thread = std::thread([this] { produce(); });
    }

    ~RowPipeline() { stop(); }

    RowPipeline(const RowPipeline &) = delete;
    RowPipeline &operator=(const RowPipeline &) = delete;

    // The next batch, or nullptr after the last one. Give it back with release() when done.
    std::unique_ptr<Batch> next()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_full.empty() || m_finished; });
        if (!m_full.empty()) {
            auto batch = std::move(m_full.front());
            m_full.pop_front();
            return batch;
        }
        if (m_error)
            std::rethrow_exception(m_error);
        return nullptr;
    }

    void release(std::unique_ptr<Batch> batch)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_free.push_back(std::move(batch));
        }
        m_changed.notify_all();
    }

    // Stops the reader thread (cancel, or an error while writing) and waits for it.
    void stop()
    {
        {
            const std::lock_guard lock(m_mutex); // not between the reader's check and its wait
            m_stop = true;
        }
        m_changed.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    // The file is read again as the analysis read it, without detecting its dialect again
    // (a pass over the whole file to check it is UTF-8), unless it has changed since.
    static csv::Options readingAgain(csv::Options options, const Analysis &analysis)
    {
        options.known = analysis.dialect;
        return options;
    }

    std::unique_ptr<Batch> freeBatch()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_free.empty() || m_stop; });
        if (m_stop)
            return nullptr;
        auto batch = std::move(m_free.front());
        m_free.pop_front();
        return batch;
    }

    void publish(std::unique_ptr<Batch> batch)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_full.push_back(std::move(batch));
        }
        m_changed.notify_all();
    }

    void produce()
    {
        try {
            // Opened here: opening checks the whole file's encoding, work for this thread.
            m_reader.emplace(m_path, m_options);
            csv::Reader &reader = *m_reader;
            csv::Record record;
            std::vector<Rejection> rejections;
            bool inFooter = false;
            std::unique_ptr<Batch> batch;
            qint64 kept = 0; // rejections passed on so far
            while (!m_stop && reader.next(record)) {
                if (record.line <= m_analysis.headerLine || isBlankRecord(record))
                    continue;
                if (!m_analysis.footer.isEmpty() && !inFooter)
                    inFooter = isFooterRecord(record);
                if (inFooter)
                    continue;
                if (!batch) {
                    batch = freeBatch();
                    if (!batch)
                        return;
                    batch->size = 0;
                    batch->rejections.clear();
                    batch->rejectedRows = 0;
                    if (batch->rows.size() < batchRows)
                        batch->rows.resize(batchRows);
                }
                rejections.clear();
                Input &row = batch->rows[batch->size];
                if (m_checkWidth(record, rejections) && m_read(record, row, rejections)) {
                    ++batch->size;
                } else {
                    ++batch->rejectedRows;
                    for (Rejection &r : rejections) {
                        if (std::size_t(kept++) < m_maxRejections)
                            batch->rejections.push_back(std::move(r));
                    }
                }
                if (batch->size == batchRows || batch->rejectedRows >= qint64(batchRows)) {
                    batch->bytesRead = reader.bytesRead();
                    batch->totalBytes = reader.totalBytes();
                    publish(std::move(batch));
                }
            }
            if (batch) {
                batch->bytesRead = reader.bytesRead();
                batch->totalBytes = reader.totalBytes();
                publish(std::move(batch));
            }
        } catch (...) {
            const std::lock_guard lock(m_mutex);
            m_error = std::current_exception();
        }
        {
            const std::lock_guard lock(m_mutex);
            m_finished = true;
        }
        m_changed.notify_all();
    }

    const QString m_path;
    const csv::Options m_options;
    std::optional<csv::Reader> m_reader; // on the reading thread
    const Analysis &m_analysis;
    CheckWidth m_checkWidth;
    Read m_read;
    std::size_t m_maxRejections;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<Batch>> m_free, m_full;
    bool m_finished = false;
    std::exception_ptr m_error;
    std::atomic<bool> m_stop{ false };
    std::thread m_thread; // last: starts once everything above exists
};

} // namespace tp::crm
