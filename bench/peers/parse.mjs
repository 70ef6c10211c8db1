// SPDX-License-Identifier: MIT
// The peer parser: npm eventsource-parser fed a file the way `ssedash-cli parse --count` is fed.
//
//   node bench/peers/parse.mjs [--chunk-size N] FILE   prints {"events": N, "dataBytes": M}
//
// Like ssedash-cli, it reads 64 KiB at a time and hands the parser pieces of N bytes (default: as
// read); each piece goes through one streaming TextDecoder (stream: true), so a UTF-8 sequence
// split between pieces decodes as one character. Nothing else is done per event than counting.
import { openSync, readSync, closeSync } from 'node:fs';
import { createParser } from 'eventsource-parser';

const ReadSize = 64 * 1024;

function parseArguments(argv) {
    let chunkSize = 0;
    let path = null;
    for (let i = 0; i < argv.length; ++i) {
        if (argv[i] === '--chunk-size' && i + 1 < argv.length) {
            chunkSize = Number.parseInt(argv[++i], 10);
            if (!(chunkSize > 0)) throw new Error(`bad --chunk-size ${argv[i]}`);
        } else if (path === null && !argv[i].startsWith('--')) {
            path = argv[i];
        } else {
            throw new Error('usage: parse.mjs [--chunk-size N] FILE');
        }
    }
    if (path === null) throw new Error('usage: parse.mjs [--chunk-size N] FILE');
    return { chunkSize, path };
}

/// Counts dispatched events and their data in UTF-8 bytes, as ssedash counts its byte arrays.
/// The parser hands out JS strings (UTF-16): their .length is the byte count unless a character
/// is outside ASCII, so only such strings pay for Buffer.byteLength. The test is a regex scan,
/// far cheaper than the parse that produced the string.
function makeCounter() {
    const counts = { events: 0, dataBytes: 0 };
    const nonAscii = /[^\x00-\x7f]/;
    const onEvent = (event) => {
        ++counts.events;
        const data = event.data;
        counts.dataBytes += nonAscii.test(data) ? Buffer.byteLength(data, 'utf8') : data.length;
    };
    return { counts, onEvent };
}

function run({ chunkSize, path }) {
    const { counts, onEvent } = makeCounter();
    const parser = createParser({ onEvent });
    const decoder = new TextDecoder('utf-8');
    const buffer = Buffer.allocUnsafe(ReadSize);
    const fd = openSync(path, 'r');
    try {
        for (;;) {
            const got = readSync(fd, buffer, 0, ReadSize, null);
            if (got === 0) break;
            const step = chunkSize || got;
            for (let at = 0; at < got; at += step) {
                const end = Math.min(at + step, got);
                parser.feed(decoder.decode(buffer.subarray(at, end), { stream: true }));
            }
        }
        parser.feed(decoder.decode());
    } finally {
        closeSync(fd);
    }
    return counts;
}

const counts = run(parseArguments(process.argv.slice(2)));
process.stdout.write(`{"events": ${counts.events}, "dataBytes": ${counts.dataBytes}}\n`);
