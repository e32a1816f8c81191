#pragma once

#include "import/analysis.h"
#include "import/exportdate.h"
#include "import/filepreview.h"
#include "import/mappingstore.h"

#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace tp::ui {

class BookSession;
class ImportJob;

// What the import wizard has settled so far: the file, its preview (header and sample rows), a
// remembered mapping for its header, the user's choices (preset, kind, columns, stages, date
// order, decimal separator, skip invalid, complete) and the analysis of the file under those
// choices. Every change of a choice analyses the file again on a worker thread (coalesced), so
// the pages always show what the import would find. The pages read and change the plan; they
// hold no state of their own that the import needs.
class ImportPlan : public QObject
{
    Q_OBJECT

public:
    explicit ImportPlan(BookSession *session, QObject *parent = nullptr);
    ~ImportPlan() override;

    BookSession *session() const { return m_session; }

    // Reads the file's header and first rows (cheap), finds a remembered mapping for the header
    // and starts the analysis. False with the reason in *error when the file cannot be read as
    // CSV with a header: the plan keeps no file then.
    bool setFile(const QString &path, QString *error = nullptr);
    QString filePath() const { return m_path; }
    bool hasFile() const { return !m_path.isEmpty(); }
    const crm::FilePreview &preview() const { return m_preview; }

    // A mapping saved for this header by an earlier import, used unless the user says no.
    const std::optional<crm::RememberedMapping> &remembered() const { return m_remembered; }
    bool usesRemembered() const { return m_useRemembered; }
    void setUseRemembered(bool use);

    const crm::ImportOptions &options() const { return m_options; }
    // A preset id or "auto". The preset maps the columns afresh.
    void setPreset(const QString &preset);
    // Nothing: the preset's kind. The preset maps the columns afresh.
    void setKind(std::optional<crm::Kind> kind);
    // -1: the field is not imported. From the first change on, the mapping is the user's.
    void setColumn(crm::Field field, int column);
    // A CRM stage value and ours; nothing takes the book's aliases again.
    void setStage(const QString &value, std::optional<Stage> stage);
    void setDateOrder(std::optional<values::DateOrder> order);
    void setDecimal(std::optional<values::DecimalSeparator> decimal);
    // Nothing: detected. The file's start is read again in that encoding (fileChanged()).
    void setEncoding(std::optional<csv::Encoding> encoding);
    void setSkipInvalid(bool skip);
    void setComplete(bool complete);
    // The user's confirmations (the preview asks when the dry run needs them).
    void setAllowMassRemoval(bool allow);
    void setDuplicates(crm::DuplicatePolicy policy);
    // The snapshot's date, and the date of the stage changes the import finds; invalid: today.
    // Each file starts with the day it was exported (exportDate()).
    void setAsOf(const QDate &date);
    // The day the file was exported, as far as its name, title lines or modification time tell
    // (crm::exportDate): the as-of date until the user sets another.
    const crm::ExportDate &exportDate() const { return m_exportDate; }

    bool isAnalysing() const;
    // A finished analysis of the current choices (it may still have problems).
    bool hasAnalysis() const { return m_analysed && !isAnalysing(); }
    const crm::Analysis &analysis() const { return m_analysis; }
    QString analysisError() const { return m_error; }
    bool canImport() const { return hasAnalysis() && m_analysis.canImport(); }
    bool waitUntilAnalysed(int timeoutMs = 60000);

    // What the dry run and the import run with: the preset, kind and columns the analysis
    // settled, pinned, and a set as-of date, so that a redo repeats exactly this import.
    crm::ImportOptions importOptions() const;
    // Saves the mapping for the file's header in the book (after a committed import). False
    // when the book refused it (the session reports why).
    bool rememberMapping();

signals:
    void fileChanged();
    // The choices changed and the analysis restarted; hasAnalysis() is false until it ends.
    void analysisStarted();
    void analysisProgress(qint64 done, qint64 total);
    void analysisFinished();

private:
    void resetOptions();
    void reanalyse();
    void startAnalysis();

    BookSession *m_session;
    ImportJob *m_job;
    QTimer *m_restart;
    QString m_path;
    crm::FilePreview m_preview;
    crm::ExportDate m_exportDate;
    std::optional<crm::RememberedMapping> m_remembered;
    bool m_useRemembered = true;
    crm::ImportOptions m_options;
    crm::Analysis m_analysis;
    bool m_analysed = false;
    QString m_error;
};

} // namespace tp::ui
