// SPDX-License-Identifier: GPL-3.0-or-later
// Verifies one signed POST with the Standard Webhooks reference library (npm standardwebhooks),
// not with Gerbang's own code: the receiver's view. Reads {"secret", "headers", "body"} (JSON)
// from standard input; exit 0 and prints the verified payload's type, or exit 1 with the
// library's reason. Install once: npm ci --prefix tests/tools/standard-webhooks
import { Webhook } from "standardwebhooks";

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) input += chunk;
const { secret, headers, body } = JSON.parse(input);
try {
  const payload = new Webhook(secret).verify(body, headers);
  console.log(`verified ${payload.type}`);
} catch (e) {
  console.error(`not verified: ${e.message}`);
  process.exit(1);
}
