// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceTestRun.h"

#include "core/DomainLabels.h"

namespace gerbang {

void followSourceTest(SourceProbe *probe, Backend::Done<Fetched<SourceTestReport>> progress)
{
    probe->setTranslate(labels::sourceTestText);
    QObject::connect(probe, &SourceProbe::progressed, probe, [probe, progress] {
        progress({probe->report(), {}});
    });
    QObject::connect(probe, &SourceProbe::finished, probe, &QObject::deleteLater);
}

} // namespace gerbang
