#pragma once

#include <QString>

#include <stdexcept>

namespace tp {

// A value the user entered (or a command passed) that the book refuses. Nothing was written.
class InputError : public std::runtime_error
{
public:
    explicit InputError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    { }
    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace tp
