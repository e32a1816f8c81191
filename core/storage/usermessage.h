#pragma once

#include <QString>

#include <exception>

namespace tp {

// What could not be done to a book when something unforeseen was thrown (see userMessage()).
enum class BookTask { Change, Open, Create, Read };

// The words a user reads for an exception from core: the one translation, for the GUI and the
// command line alike.
//  - InputError (a value the book refuses) and BookError (the book's file): their own message;
//  - sql::Error: what the SQLite failure means for the book at `bookPath` (Book::explain);
//  - anything else: what could not be done to that book (`task`), and the exception's words:
//    "The book was not changed: …", "deals.tpbook cannot be opened: …", "Cannot create
//    deals.tpbook: …", "deals.tpbook cannot be read: …".
QString userMessage(const std::exception &error, const QString &bookPath = {},
                    BookTask task = BookTask::Change);

} // namespace tp
