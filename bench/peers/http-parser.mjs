// SPDX-License-Identifier: MIT
// The end-to-end suite's `node:http` + npm `eventsource-parser` client: the response decoded as a
// UTF-8 stream and fed to the parser chunk by chunk, counting every event and the UTF-8 size of
// its data until the `bench-end` sentinel (counted too); prints
// {"events": N, "dataBytes": M, "at": T}.
// Exits 1 if the response fails or ends before the sentinel.
//   node http-parser.mjs URL
import http from 'node:http';
import {createParser} from 'eventsource-parser';

const [url] = process.argv.slice(2);
let events = 0;
let dataBytes = 0;
let done = false;
// T: when the sentinel came, on CLOCK_MONOTONIC (libuv's hrtime, Python's time.monotonic()), as
// Node's exit can take longer than the stream (it waits for background compilation).
const monotonicSeconds = () => Number(process.hrtime.bigint()) / 1e9;
const report = () => {
  const line = JSON.stringify({events, dataBytes, at: monotonicSeconds()}) + '\n';
  process.stdout.write(line, () => process.exit(0));
};

function fail(message) {
  if (done)
    return;
  process.stderr.write(`node:http client failed after ${events} events: ${message}\n`);
  process.exit(1);
}

const parser = createParser({
  onEvent(event) {
    ++events;
    dataBytes += Buffer.byteLength(event.data, 'utf8');
    if (event.event === 'bench-end') {
      done = true;
      report();
    }
  },
});
const request = http.get(url, {headers: {Accept: 'text/event-stream'}}, (response) => {
  if (response.statusCode !== 200)
    fail(`HTTP ${response.statusCode}`);
  response.setEncoding('utf8');
  response.on('data', (chunk) => parser.feed(chunk));
  response.on('end', () => fail('the stream ended before the sentinel'));
});
request.on('error', (error) => fail(error.message));
