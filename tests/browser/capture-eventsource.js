// SPDX-License-Identifier: MIT
// tst_captureclients' node client: Debian's npm `eventsource` (NODE_PATH=/usr/share/nodejs)
// reads URL and prints one JSON line per open, event and error, with Date.now() in `t`.
//   node capture-eventsource.js URL MAX_EVENTS TYPES TIMEOUT_MS
// TYPES: comma-separated named events to listen to besides message ("" for none). Exits 0
// after MAX_EVENTS events, 2 when TIMEOUT_MS passed first.
'use strict';
const EventSource = require('eventsource');

const [url, maxText, typesText, timeoutText] = process.argv.slice(2);
const max = Number(maxText);
let count = 0;

function print(record) {
  record.t = Date.now();
  process.stdout.write(JSON.stringify(record) + '\n');
}

const source = new EventSource(url);
const onEvent = (event) => {
  print({event: {type: event.type, data: event.data, id: event.lastEventId}});
  if (++count >= max) {
    source.close();
    process.exit(0);
  }
};
source.onmessage = onEvent;
for (const type of (typesText || '').split(',').filter(Boolean))
  source.addEventListener(type, onEvent);
source.onopen = () => print({open: true});
source.onerror = (error) => print({error: {status: error.status || 0, message: error.message || ''},
                                   readyState: source.readyState});
setTimeout(() => {
  print({timeout: true});
  process.exit(2);
}, Number(timeoutText));
