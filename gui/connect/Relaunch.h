// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConnectDialog.h"

namespace gerbang {

// Switching between the gateway on this computer and an attached one starts the console
// afresh with the chosen connection (the embedded engine, its database thread and lock belong
// to one process): saves the profile, keeps the token in the keyring when asked, then starts
// `gerbang` again and quits this one. A token not kept in the keyring goes to the new process
// in its environment (GERBANG_ADMIN_TOKEN), never on its command line. `done` gets an error
// for people when nothing was started.
void relaunchWith(const ConnectDialog::Choice &choice, QObject *receiver,
                  std::function<void(QString error)> done);

} // namespace gerbang
