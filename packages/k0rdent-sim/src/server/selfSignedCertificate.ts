/*
 * A self-signed TLS certificate made with node:crypto alone (no openssl), so the
 * simulator can serve HTTPS. kubectl (client-go) only sends bearer tokens over
 * HTTPS: against an http:// server it silently drops them, so token authentication
 * with kubectl needs TLS. The certificate is an ECDSA P-256 one for localhost and
 * 127.0.0.1 (and ::1), valid for ten years, usable as its own CA
 * (`certificate-authority-data`) or with `insecure-skip-tls-verify`.
 *
 * The certificate is written by hand in DER (X.509 v3): a few ASN.1 encoders below.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface TlsCredentials {
  /** PEM private key (PKCS#8). */
  key: string;
  /** PEM certificate. */
  cert: string;
}

export function selfSignedCertificate(
  options: {
    commonName?: string;
    dnsNames?: string[];
    ipAddresses?: string[];
  } = {},
): TlsCredentials {
  const { publicKey, privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
  });
  const dnsNames = options.dnsNames ?? ['localhost'];
  const ipAddresses = options.ipAddresses ?? ['127.0.0.1', '::1'];
  const name = sequence(
    set(sequence(oid('2.5.4.3'), utf8(options.commonName ?? 'k0rdent-sim'))),
  );
  const now = Date.now();
  const signatureAlgorithm = sequence(oid('1.2.840.10045.4.3.2')); // ecdsa-with-SHA256
  const serial = randomBytes(16);
  serial[0] &= 0x7f; // positive
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    signatureAlgorithm,
    name,
    sequence(
      time(new Date(now - 60 * 60 * 1000)),
      time(new Date(now + 10 * 365 * 24 * 60 * 60 * 1000)),
    ),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        extension('2.5.29.19', true, sequence(boolean(true))), // basicConstraints: CA
        extension('2.5.29.15', true, bitString(Buffer.from([0x84]), 2)), // keyUsage: digitalSignature, keyCertSign
        extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage: serverAuth
        extension(
          '2.5.29.17', // subjectAltName
          false,
          sequence(
            ...dnsNames.map(dns => tlv(0x82, Buffer.from(dns, 'ascii'))),
            ...ipAddresses.map(ip => tlv(0x87, ipBytes(ip))),
          ),
        ),
      ),
    ),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = sequence(
    tbs,
    signatureAlgorithm,
    bitString(signature, 0),
  );
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: toPem('CERTIFICATE', certificate),
  };
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join(
    '\n',
  )}\n-----END ${label}-----\n`;
}

// ---- DER encoding ----

function tlv(tag: number, content: Buffer): Buffer {
  let length: Buffer;
  if (content.length < 0x80) {
    length = Buffer.from([content.length]);
  } else {
    const bytes: number[] = [];
    for (let n = content.length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

function sequence(...items: Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

function set(...items: Buffer[]): Buffer {
  return tlv(0x31, Buffer.concat(items));
}

/** A context-specific, constructed tag: [n] EXPLICIT. */
function explicit(tagNumber: number, content: Buffer): Buffer {
  return tlv(0xa0 | tagNumber, content);
}

function utf8(text: string): Buffer {
  return tlv(0x0c, Buffer.from(text, 'utf8'));
}

function boolean(value: boolean): Buffer {
  return tlv(0x01, Buffer.from([value ? 0xff : 0]));
}

function octetString(content: Buffer): Buffer {
  return tlv(0x04, content);
}

function bitString(content: Buffer, unusedBits: number): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), content]));
}

/** A DER INTEGER of unsigned big-endian bytes: minimal, and never negative. */
function integer(bytes: Buffer): Buffer {
  let start = 0;
  // DER forbids leading zero bytes that are not needed for the sign.
  while (start < bytes.length - 1 && bytes[start] === 0) {
    start++;
  }
  const minimal = bytes.subarray(start);
  return tlv(
    0x02,
    minimal[0] & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal,
  );
}

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let n = arc >> 7; n > 0; n >>= 7) chunk.unshift((n & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(
    oid(id),
    ...(critical ? [boolean(true)] : []),
    octetString(value),
  );
}

/** UTCTime before 2050, GeneralizedTime after, as X.509 requires. */
function time(date: Date): Buffer {
  const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z
  const digits = iso.slice(0, 19).replace(/[-:T]/g, ''); // 20250102030405
  if (date.getUTCFullYear() < 2050)
    return tlv(0x17, Buffer.from(`${digits.slice(2)}Z`, 'ascii'));
  return tlv(0x18, Buffer.from(`${digits}Z`, 'ascii'));
}

function ipBytes(ip: string): Buffer {
  if (ip.includes(':')) {
    const [head, tail = ''] = ip.split('::');
    const headParts = head ? head.split(':') : [];
    const tailParts = tail ? tail.split(':') : [];
    const groups = ip.includes('::')
      ? [
          ...headParts,
          ...new Array(8 - headParts.length - tailParts.length).fill('0'),
          ...tailParts,
        ]
      : headParts;
    const buffer = Buffer.alloc(16);
    groups.forEach((group, index) =>
      buffer.writeUInt16BE(parseInt(group, 16), index * 2),
    );
    return buffer;
  }
  return Buffer.from(ip.split('.').map(Number));
}
