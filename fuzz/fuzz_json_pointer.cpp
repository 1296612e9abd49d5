// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: RFC 6901 pointer parsing and resolution (x-fuzz-pointer against the body)
#include "FuzzRequest.h"
#include "providers/JsonPointer.h"

#include <QJsonArray>

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Input in = fuzz::parse(data, size);
    QStringList tokens;
    const QString pointer = QString::fromUtf8(in.pointer);
    const bool valid = parseJsonPointer(pointer, &tokens);
    const QJsonDocument doc = QJsonDocument::fromJson(in.request.body);
    const QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    QJsonValue out;
    if (resolveJsonPointer(root, pointer, &out) && !valid)
        abort(); // an invalid pointer never resolves
    return 0;
}
