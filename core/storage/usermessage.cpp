#include "usermessage.h"

#include "book.h"
#include "domain/errors.h"
#include "sqlite.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace tp {

QString userMessage(const std::exception &error, const QString &bookPath, BookTask task)
{
    if (const auto *input = dynamic_cast<const InputError *>(&error))
        return input->message();
    if (const auto *book = dynamic_cast<const BookError *>(&error))
        return book->message();
    if (const auto *sql = dynamic_cast<const sql::Error *>(&error))
        return Book::explain(bookPath, *sql).message();
    const QString what = QString::fromLocal8Bit(error.what());
    const QString name = QFileInfo(bookPath).fileName();
    const char *context = "tp::userMessage";
    switch (task) {
    case BookTask::Open:
        return QCoreApplication::translate(context, "%1 cannot be opened: %2").arg(name, what);
    case BookTask::Create:
        return QCoreApplication::translate(context, "Cannot create %1: %2").arg(name, what);
    case BookTask::Read:
        return QCoreApplication::translate(context, "%1 cannot be read: %2").arg(name, what);
    case BookTask::Change:
        break;
    }
    return QCoreApplication::translate(context, "The book was not changed: %1").arg(what);
}

} // namespace tp
