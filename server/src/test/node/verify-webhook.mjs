// Verifies one MiniAuth webhook delivery with the Standard Webhooks library for Node,
// as a business backend would. Reads {"secret", "body", "headers"} as JSON on stdin;
// prints the verified event's id and exits 0, or prints the error and exits 1.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) {
  input += chunk;
}
const { secret, body, headers } = JSON.parse(input);
try {
  const event = new Webhook(secret).verify(body, headers);
  console.log(event.id);
} catch (error) {
  console.error(`${error.name}: ${error.message}`);
  process.exit(1);
}
