import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { selfSignedCertificate } from './selfSignedCertificate';

describe('selfSignedCertificate', () => {
  it('makes a valid self-signed certificate for loopback', () => {
    const { cert, key } = selfSignedCertificate();
    const certificate = new X509Certificate(cert);
    expect(certificate.subject).toBe('CN=k0rdent-sim');
    expect(certificate.ca).toBe(true);
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.checkHost('localhost')).toBe('localhost');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(
      Date.now() + 365 * 24 * 3600 * 1000,
    );
  });

  it('is always valid DER, whatever the random serial number (a TLS server accepts every one)', () => {
    // A serial number starting with a zero byte once produced a non-minimal
    // INTEGER about one time in 256, which OpenSSL rejects.
    for (let i = 0; i < 1000; i++) {
      const { cert, key } = selfSignedCertificate();
      expect(() => createSecureContext({ cert, key })).not.toThrow();
    }
  });
});
