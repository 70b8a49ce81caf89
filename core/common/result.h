#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Batchdesk {

/** An error from synchronous core code: a stable machine-readable code and a translated message. */
struct Error
{
    QString code;
    QString message;
};

/**
 * The value or the error of a synchronous core operation.
 *
 * A small value type, cheap to move; it never throws. Check ok() before value().
 */
template<typename T>
class Result final
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_error(std::move(error))
    { }

    static Result failure(QString code, QString message)
    {
        return Result(Error {std::move(code), std::move(message)});
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

/** The outcome of a synchronous operation that returns nothing: ok, or an error. */
template<>
class Result<void> final
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    { }

    static Result failure(QString code, QString message)
    {
        return Result(Error {std::move(code), std::move(message)});
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace Batchdesk
