// SPDX-License-Identifier: GPL-3.0-or-later
#include "Logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

bool g_json = false;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QByteArray line;
    if (g_json) {
        QJsonObject o{
            {u"time"_s, time},
            {u"level"_s, QString::fromLatin1(levelName(type))},
            {u"category"_s, QString::fromLatin1(context.category ? context.category : "default")},
            {u"message"_s, message}};
        line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    } else {
        line =
            (time + u' ' + QString::fromLatin1(levelName(type)) + u' ' +
             QString::fromLatin1(context.category ? context.category : "default") + u": " + message)
                .toUtf8();
    }
    line.append('\n');
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void installLogHandler(const QString &format)
{
    g_json = format == u"json"_s;
    qInstallMessageHandler(handler);
}

} // namespace gerbang
