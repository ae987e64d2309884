import { X509Certificate, createPrivateKey } from 'node:crypto';
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
});
