// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Backend.h"
#include "sourcetest/SourceProbe.h"

namespace gerbang {

// A source test as both backends run it: the probe's texts in the console's language, each
// new report handed to `progress` (unless the probe's parent is gone), the probe deleted once
// it is settled.
void followSourceTest(SourceProbe *probe, Backend::Done<Fetched<SourceTestReport>> progress);

} // namespace gerbang
