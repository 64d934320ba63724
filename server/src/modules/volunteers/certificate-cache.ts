// Keeps each volunteer's last certificate PDF until what it prints changes:
// rendering costs 100-300 ms of CPU, a repeat download costs a lookup. Not the
// PDF itself (certificate.ts) nor who may download it (the route).
import { createHash } from 'node:crypto';
import { cstDateOf } from '@kepu/shared';
import type { CertificateInput } from './certificate';

/** Everything printed on the certificate, hashed: the serial and its address, the name, team, hours, each record line, and the issue date. */
export function certificateVersion(input: CertificateInput): string {
  const printed = {
    serial: input.serial,
    verifyUrl: input.verifyUrl,
    realName: input.realName,
    team: input.team,
    totalHours: input.totalHours,
    record: input.record.map((item) => [item.event.startsAt, item.event.title, item.role, item.hours, item.organization.name]),
    issuedOn: cstDateOf(input.issuedAt),
  };
  return createHash('sha256').update(JSON.stringify(printed)).digest('base64url');
}

/** 20 MB: a few hundred certificates (one per volunteer), the least recently downloaded dropped first. */
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export class CertificateCache {
  // One entry per volunteer, in order of last use; a pending render is shared by requests that arrive meanwhile.
  private readonly entries = new Map<string, { version: string; pdf: Promise<Buffer>; bytes: number }>();
  private totalBytes = 0;

  constructor(
    private readonly render: (input: CertificateInput) => Promise<Buffer>,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {}

  /** The volunteer's certificate for `input`: the cached bytes while the version is the same, else a new render. */
  async get(volunteerId: string, input: CertificateInput): Promise<Buffer> {
    const version = certificateVersion(input);
    const cached = this.entries.get(volunteerId);
    if (cached?.version === version) {
      this.entries.delete(volunteerId);
      this.entries.set(volunteerId, cached);
      return cached.pdf;
    }
    this.forget(volunteerId);
    const entry = { version, pdf: this.render(input), bytes: 0 };
    this.entries.set(volunteerId, entry);
    try {
      const pdf = await entry.pdf;
      // Still ours (not replaced by a newer version meanwhile): count it and keep the total bounded.
      if (this.entries.get(volunteerId) === entry) {
        entry.bytes = pdf.length;
        this.totalBytes += pdf.length;
        this.evict();
      }
      return pdf;
    } catch (error) {
      // A failed render (no font) is not remembered: the next request tries again.
      if (this.entries.get(volunteerId) === entry) this.entries.delete(volunteerId);
      throw error;
    }
  }

  private forget(volunteerId: string): void {
    const entry = this.entries.get(volunteerId);
    if (!entry) return;
    this.totalBytes -= entry.bytes;
    this.entries.delete(volunteerId);
  }

  private evict(): void {
    for (const volunteerId of this.entries.keys()) {
      if (this.totalBytes <= this.maxBytes) return;
      this.forget(volunteerId);
    }
  }
}
