#include "importplan.h"

#include "domain/errors.h"
#include "importjob.h"
#include "session/booksession.h"
#include "storage/usermessage.h"

#include <QFileInfo>
#include <QTimer>

namespace tp::ui {

ImportPlan::ImportPlan(BookSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_job(new ImportJob(this)), m_restart(new QTimer(this))
{
    // Choices often come in bursts (a combo scrolled with the wheel): analyse once after them.
    m_restart->setSingleShot(true);
    m_restart->setInterval(150);
    connect(m_restart, &QTimer::timeout, this, &ImportPlan::startAnalysis);
    connect(m_job, &ImportJob::progress, this, &ImportPlan::analysisProgress);
    connect(m_job, &ImportJob::finished, this, [this] {
        if (m_restart->isActive())
            return; // a cancelled run; the analysis of the newer choices is about to start
        const ImportJobResult &r = m_job->result();
        m_analysed = r.outcome == ImportJobResult::Outcome::Finished;
        m_analysis = m_analysed ? r.analysis : crm::Analysis();
        m_error = m_analysed ? QString() : r.error;
        emit analysisFinished();
    });
}

ImportPlan::~ImportPlan() = default;

bool ImportPlan::setFile(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    crm::FilePreview preview;
    try {
        if (!QFileInfo(absolute).isFile())
            throw InputError(tr("%1 is not a file.").arg(QFileInfo(path).fileName()));
        preview = crm::previewFile(absolute);
    } catch (const InputError &e) {
        if (error)
            *error = e.message();
        return false;
    }
    m_path = absolute;
    m_preview = std::move(preview);
    m_options.csv.encoding.reset(); // another file: detected afresh
    m_remembered.reset();
    m_useRemembered = true;
    // Another file, another export day.
    m_exportDate = crm::exportDate(absolute, m_preview.titleLines);
    m_options.asOf = m_exportDate.date;
    if (m_session->isOpen())
        m_remembered = crm::loadRememberedMapping(m_session->path(), m_preview.fingerprint);
    resetOptions();
    emit fileChanged();
    reanalyse();
    return true;
}

void ImportPlan::resetOptions()
{
    const bool skip = m_options.skipInvalid, complete = m_options.complete,
               massRemoval = m_options.allowMassRemoval;
    const crm::DuplicatePolicy duplicates = m_options.duplicates;
    const QDate asOf = m_options.asOf;
    const auto encoding = m_options.csv.encoding;
    m_options = {};
    m_options.skipInvalid = skip;
    m_options.complete = complete;
    m_options.asOf = asOf;
    m_options.csv.encoding = encoding;
    m_options.allowMassRemoval = massRemoval;
    m_options.duplicates = duplicates;
    if (m_remembered && m_useRemembered)
        m_remembered->applyTo(m_options);
}

void ImportPlan::setUseRemembered(bool use)
{
    if (use == m_useRemembered)
        return;
    m_useRemembered = use;
    resetOptions();
    reanalyse();
}

void ImportPlan::setPreset(const QString &preset)
{
    if (preset == m_options.preset)
        return;
    m_options.preset = preset;
    m_options.columns.clear();
    reanalyse();
}

void ImportPlan::setKind(std::optional<crm::Kind> kind)
{
    if (kind == m_options.kind)
        return;
    m_options.kind = kind;
    m_options.columns.clear();
    reanalyse();
}

void ImportPlan::setColumn(crm::Field field, int column)
{
    auto columns = m_options.columns.empty() ? m_analysis.columns : m_options.columns;
    std::erase_if(columns, [field](const auto &p) { return p.first == field; });
    if (column >= 0)
        columns.emplace_back(field, column);
    if (columns == m_options.columns && !columns.empty())
        return;
    m_options.columns = std::move(columns);
    // Nothing mapped at all is still the user's choice, not "the preset's".
    if (m_options.columns.empty())
        m_options.preset = QStringLiteral("generic");
    reanalyse();
}

void ImportPlan::setStage(const QString &value, std::optional<Stage> stage)
{
    const auto current = m_options.stageMap.contains(value)
            ? std::optional<Stage>(m_options.stageMap.value(value))
            : std::nullopt;
    if (current == stage)
        return;
    if (stage)
        m_options.stageMap.insert(value, *stage);
    else
        m_options.stageMap.remove(value);
    reanalyse();
}

void ImportPlan::setDateOrder(std::optional<values::DateOrder> order)
{
    if (order == m_options.dateOrder)
        return;
    m_options.dateOrder = order;
    reanalyse();
}

void ImportPlan::setDecimal(std::optional<values::DecimalSeparator> decimal)
{
    if (decimal == m_options.decimal)
        return;
    m_options.decimal = decimal;
    reanalyse();
}

void ImportPlan::setEncoding(std::optional<csv::Encoding> encoding)
{
    if (encoding == m_options.csv.encoding || m_path.isEmpty())
        return;
    csv::Options csv = m_options.csv;
    csv.encoding = encoding;
    try {
        m_preview = crm::previewFile(m_path, csv);
    } catch (const InputError &) {
        return; // read as it was: the analysis says what is wrong with it
    }
    m_options.csv.encoding = encoding;
    emit fileChanged();
    reanalyse();
}

void ImportPlan::setSkipInvalid(bool skip)
{
    m_options.skipInvalid = skip; // the analysis does not depend on it
}

void ImportPlan::setComplete(bool complete)
{
    m_options.complete = complete; // nor on this: the dry run shows what it removes
}

void ImportPlan::setAllowMassRemoval(bool allow)
{
    m_options.allowMassRemoval = allow; // the dry run shows what is removed either way
}

void ImportPlan::setDuplicates(crm::DuplicatePolicy policy)
{
    m_options.duplicates = policy;
}

void ImportPlan::setAsOf(const QDate &date)
{
    m_options.asOf = date;
}

bool ImportPlan::isAnalysing() const
{
    return m_restart->isActive() || m_job->isRunning();
}

void ImportPlan::reanalyse()
{
    if (m_path.isEmpty())
        return;
    const bool wasIdle = !isAnalysing();
    m_analysed = false;
    m_job->cancel();
    m_restart->start();
    if (wasIdle)
        emit analysisStarted();
}

void ImportPlan::startAnalysis()
{
    m_job->start(ImportJob::Mode::Analyse, m_session->path(), m_path, m_options);
}

bool ImportPlan::waitUntilAnalysed(int timeoutMs)
{
    if (m_restart->isActive()) {
        m_restart->stop();
        startAnalysis();
    }
    return m_job->waitForFinished(timeoutMs) && m_analysed;
}

crm::ImportOptions ImportPlan::importOptions() const
{
    crm::ImportOptions o = m_options;
    o.preset = m_analysis.presetId;
    o.kind = m_analysis.kind;
    o.columns = m_analysis.columns;
    if (!o.asOf.isValid())
        o.asOf = QDate::currentDate();
    return o;
}

bool ImportPlan::rememberMapping()
{
    if (!hasAnalysis())
        return false;
    const auto mapping = crm::RememberedMapping::of(m_analysis, m_options);
    try {
        crm::rememberMapping(m_session->path(), m_analysis.fingerprint, mapping);
        return true;
    } catch (const std::exception &e) {
        m_session->reportError(
                tr("The mapping was not remembered: %1").arg(userMessage(e, m_session->path())));
        return false;
    }
}

} // namespace tp::ui
