import { defineMessages, type Message } from './message';

/**
 * Bytes of a plan file → its text, or the reason it cannot be read (what the engine takes for a
 * `file-unreadable` finding). Both the
 * CLI (node:fs) and the extension (workspace.fs) read bytes and decode them here, so they agree on
 * what is readable.
 */
export type Decoded = { text: string; reason?: undefined } | { text?: undefined; reason: Message };

const messages = defineMessages({
  'file-unreadable/wide-encoding': 'This file is saved as {encoding}, not UTF-8, so it was not read. Save it as UTF-8 and check again (Windows PowerShell writes UTF-16 with `>` and `Out-File`: use `Out-File -Encoding utf8`).',
  'file-unreadable/not-utf8': 'This file is not valid UTF-8 text (the first bad byte is on line {line}, column {column}; it may be saved as Latin-1 or Windows-1252), so it was not read. Save it as UTF-8 and check again.',
  'file-unreadable/encoding/utf-32le-bom': 'UTF-32 (little-endian, with a byte-order mark)',
  'file-unreadable/encoding/utf-32be-bom': 'UTF-32 (big-endian, with a byte-order mark)',
  'file-unreadable/encoding/utf-16le-bom': 'UTF-16 (little-endian, with a byte-order mark)',
  'file-unreadable/encoding/utf-16be-bom': 'UTF-16 (big-endian, with a byte-order mark)',
  'file-unreadable/encoding/utf-32le': 'UTF-32 (little-endian, no byte-order mark)',
  'file-unreadable/encoding/utf-32be': 'UTF-32 (big-endian, no byte-order mark)',
  'file-unreadable/encoding/utf-16le': 'UTF-16 (little-endian, no byte-order mark)',
  'file-unreadable/encoding/utf-16be': 'UTF-16 (big-endian, no byte-order mark)',
});

type Encoding = 'utf-32le-bom' | 'utf-32be-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-32le' | 'utf-32be' | 'utf-16le' | 'utf-16be';

function unreadable(reason: Message): Decoded {
  return { reason };
}

export function decodePlanBytes(bytes: Uint8Array): Decoded {
  const wide = wideEncoding(bytes);
  if (wide) return unreadable(messages('file-unreadable/wide-encoding', { encoding: messages(`file-unreadable/encoding/${wide}`) }));
  try {
    // A UTF-8 byte-order mark is dropped here (editors do not show it as a character).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes) ?? 0;
    const { line, column } = lineAndColumn(bytes, offset);
    return unreadable(messages('file-unreadable/not-utf8', { line, column }));
  }
}

/** UTF-16 or UTF-32, by byte-order mark or, without one, by where the zero bytes are. */
function wideEncoding(bytes: Uint8Array): Encoding | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'utf-32le-bom';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'utf-32be-bom';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le-bom';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be-bom';
  return sniffWide(bytes);
}

/**
 * Without a byte-order mark, text in UTF-16/32 that is mostly ASCII (as YAML keys are) has a zero
 * byte in fixed places of every unit. Ordinary UTF-8 never has that pattern, and random binary
 * bytes do not either, so a strict majority of units must match.
 */
function sniffWide(bytes: Uint8Array): Encoding | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (sample.length < 4) return undefined;
  const zeroShare = (unit: number, slot: number) => {
    let zeros = 0;
    let units = 0;
    for (let i = 0; i + unit <= sample.length; i += unit) {
      units++;
      if (sample[i + slot] === 0) zeros++;
    }
    return units === 0 ? 0 : zeros / units;
  };
  const mostly = (share: number) => share >= 0.9;
  const rarely = (share: number) => share <= 0.1;
  if (sample.length % 4 === 0 && rarely(zeroShare(4, 0)) && mostly(zeroShare(4, 1)) && mostly(zeroShare(4, 2)) && mostly(zeroShare(4, 3))) return 'utf-32le';
  if (sample.length % 4 === 0 && mostly(zeroShare(4, 0)) && mostly(zeroShare(4, 1)) && mostly(zeroShare(4, 2)) && rarely(zeroShare(4, 3))) return 'utf-32be';
  if (rarely(zeroShare(2, 0)) && mostly(zeroShare(2, 1))) return 'utf-16le';
  if (mostly(zeroShare(2, 0)) && rarely(zeroShare(2, 1))) return 'utf-16be';
  return undefined;
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1] as number;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not UTF-8.
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return undefined;
}

/** 1-based line and column (in characters of the valid text before it) of a byte offset. */
function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}
