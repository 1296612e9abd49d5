// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the generic extractor with a configured JSON pointer (x-fuzz-pointer)
#include "FuzzRequest.h"
#include "providers/ProviderExtractors.h"

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Input in = fuzz::parse(data, size);
    const ProviderExtraction x = extractGeneric(in.request, QString::fromUtf8(in.pointer));
    if (x.ok == x.events.isEmpty() || x.ok == !x.error.isEmpty())
        abort(); // either events or a reason, never both or neither
    for (const ExtractedEvent &e : x.events) {
        if (e.dedupKey.isEmpty() || !e.tenant.isEmpty())
            abort(); // every event can be deduplicated; the endpoint sets the tenant
    }
    return 0;
}
