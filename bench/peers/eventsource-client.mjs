// SPDX-License-Identifier: MIT
// The end-to-end suite's npm `eventsource` client (bench/node_modules): counts every event and
// the UTF-8 size of its data until the firehose's `bench-end` sentinel (counted too), then prints
// {"events": N, "dataBytes": M, "at": T} and exits 0; exits 1 if the stream fails before the
// sentinel.
//   node eventsource-client.mjs URL TYPES      (TYPES: comma-separated named events, may be "")
const [url, typesText = ''] = process.argv.slice(2);
const module = await import('eventsource');
const EventSource = module.EventSource ?? module.default;

let events = 0;
// T: when the sentinel came, on CLOCK_MONOTONIC (libuv's hrtime, Python's time.monotonic()), as
// Node's exit can take longer than the stream (it waits for background compilation).
const monotonicSeconds = () => Number(process.hrtime.bigint()) / 1e9;
const report = () => {
  const line = JSON.stringify({events, dataBytes, at: monotonicSeconds()}) + '\n';
  process.stdout.write(line, () => process.exit(0));
};
let dataBytes = 0;
const count = (event) => {
  ++events;
  dataBytes += Buffer.byteLength(event.data, 'utf8');
};
const source = new EventSource(url);
for (const type of ['message', ...typesText.split(',').filter(Boolean)])
  source.addEventListener(type, count);
source.addEventListener('bench-end', (event) => {
  count(event);
  source.close();
  report();
});
source.onerror = (error) => {
  source.close();
  process.stderr.write(`eventsource failed after ${events} events: ${error.message ?? error}\n`);
  process.exit(1);
};
