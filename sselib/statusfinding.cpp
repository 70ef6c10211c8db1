// SPDX-License-Identifier: MIT
// Sse::Diagnostics::statusFinding: what an HTTP status other than 200 means for a stream.
#include "statusfinding_p.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Sse::Diagnostics {

namespace {

// The context of the Diagnostics messages (see diagnostics.cpp): lupdate files a bare Text::tr()
// under the enclosing namespace, not under the context used at run time.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Sse::Diagnostics)
};

// What the status says, in one sentence, and what to check for it.
struct Meaning
{
    QString what;
    QString advice;
};

QString headerText(const ResponseInfo &response, QByteArrayView name)
{
    return QString::fromUtf8(response.header(name).trimmed());
}

Meaning clientErrorMeaning(const ResponseInfo &response)
{
    switch (response.status) {
    case 401: {
        const QString challenge = headerText(response, "WWW-Authenticate");
        QString advice =
                Text::tr("Check the credentials: is the Authorization header (or the cookie, "
                         "with credentials on) sent, and is the token still valid, not "
                         "expired or revoked?");
        if (!challenge.isEmpty())
            advice += u' ' + Text::tr("The server asks for: %1.").arg(challenge);
        return {Text::tr("The request lacks credentials the server accepts."), advice};
    }
    case 403:
        return {Text::tr("The server understood who is asking and refuses it."),
                Text::tr("Check the account's permissions, whether the server allows this Origin "
                         "(CORS), and any CSRF token it expects.")};
    case 404:
        return {Text::tr("There is no stream at this URL."),
                Text::tr("Check the URL's path and query, the route on the server, and any path "
                         "prefix a proxy adds or strips.")};
    case 405: {
        const QString allow = headerText(response, "Allow");
        QString what = Text::tr("The server does not take this method for this URL.");
        if (!allow.isEmpty())
            what += u' ' + Text::tr("It allows: %1.").arg(allow);
        return {what,
                Text::tr("Check the method: a browser's EventSource sends GET, while many LLM APIs "
                         "want POST with a JSON body.")};
    }
    case 429: {
        const QString retryAfter = headerText(response, "Retry-After");
        return {Text::tr("The server limits how often it may be asked, and this request went over "
                         "the limit."),
                retryAfter.isEmpty() ? Text::tr(
                        "Reconnect less often (turn backoff on) and check the rate limits "
                        "of the account or API key.")
                                     : Text::tr("Wait as the server asks (Retry-After: %1) before "
                                                "connecting again, "
                                                "and turn backoff on.")
                                               .arg(retryAfter)};
    }
    default:
        break;
    }
    return {Text::tr("The server refused the request."),
            Text::tr("Check the URL, the method, the request headers and the server's log.")};
}

Meaning serverErrorMeaning(const ResponseInfo &response)
{
    switch (response.status) {
    case 500:
        return {Text::tr("The server failed while answering."),
                Text::tr("Look in the server's log for the error behind it.")};
    case 502:
    case 504:
        return {Text::tr("A proxy or gateway in front of the server got no usable answer from it."),
                Text::tr(
                        "Check that the service behind the proxy runs and answers, and the proxy's "
                        "upstream address and timeouts.")};
    case 503: {
        const QString retryAfter = headerText(response, "Retry-After");
        QString advice = Text::tr("Check the server's health and load.");
        if (!retryAfter.isEmpty())
            advice += u' ' + Text::tr("It asks to wait (Retry-After: %1).").arg(retryAfter);
        return {Text::tr("The server, or a proxy in front of it, is overloaded or down."), advice};
    }
    default:
        break;
    }
    return {Text::tr("Something went wrong on the server or on a proxy in front of it."),
            Text::tr("Look in the server's log and in the log of any proxy in front of it.")};
}

// A redirect the client did not follow (304, 300, or one without a usable Location).
Meaning redirectMeaning(const ResponseInfo &response)
{
    const QString location = headerText(response, "Location");
    return {location.isEmpty()
                    ? Text::tr("The server answered with a redirection the client could not "
                               "follow.")
                    : Text::tr("The server points elsewhere (Location: %1), and the redirection "
                               "was not followed.")
                              .arg(location),
            Text::tr("Use the final URL of the stream, and check that the server redirects "
                     "with 301, 302, 303, 307 or 308 to an http or https URL.")};
}

} // namespace

std::optional<Finding> statusFinding(const ResponseInfo &response)
{
    const int status = response.status;
    if (status == 0 || status == 200)
        return std::nullopt;
    if (status == 204) {
        return Finding{Finding::Severity::Info, u"status"_s,
                Text::tr("The server answered 204 No Content, which tells clients to stop "
                         "reconnecting."),
                Text::tr("If events were expected, check why the server ended the stream.")};
    }
    const Meaning meaning = status >= 500 ? serverErrorMeaning(response)
            : status < 400                ? redirectMeaning(response)
                                          : clientErrorMeaning(response);
    const QString statusLine =
            u"%1 %2"_s.arg(status).arg(QString::fromUtf8(response.reason)).trimmed();
    return Finding{Finding::Severity::Problem, u"status"_s,
            Text::tr(
                    "The server answered %1. %2 An event stream needs 200 OK, and browsers give up "
                    "without reconnecting.")
                    .arg(statusLine, meaning.what),
            meaning.advice};
}

} // namespace Sse::Diagnostics
