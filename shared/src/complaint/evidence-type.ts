// Evidence files are recognised by their content (magic bytes), never by name or declared type.

export type EvidenceType = "JPEG" | "PNG" | "PDF" | "MP4";

export const EVIDENCE_TYPES: Readonly<Record<EvidenceType, { mime: string; ext: string; label: string }>> = {
  JPEG: { mime: "image/jpeg", ext: "jpg", label: "JPEG 图片" },
  PNG: { mime: "image/png", ext: "png", label: "PNG 图片" },
  PDF: { mime: "application/pdf", ext: "pdf", label: "PDF 文件" },
  MP4: { mime: "video/mp4", ext: "mp4", label: "MP4 视频" },
};

/** Bytes of the head `sniffEvidenceType` needs. */
export const EVIDENCE_SNIFF_BYTES = 16;

// ISO base media brands of MP4 files as phones and cameras write them (QuickTime `qt  ` is not MP4).
const MP4_BRANDS = new Set(["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "MSNV", "dash", "3gp4", "3gp5"]);

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Uint8Array, from: number, to: number) => String.fromCharCode(...head.subarray(from, to));

/** The file's type from its first bytes, or null when it is none of the accepted ones. */
export function sniffEvidenceType(head: Uint8Array): EvidenceType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "JPEG";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "PNG";
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "PDF";
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp" && MP4_BRANDS.has(ascii(head, 8, 12))) {
    const boxSize = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
    if (boxSize >= 16 && boxSize <= 4096) return "MP4";
  }
  return null;
}
