/**
 * The alarm key of an SSA text: the same entry must reduce to the same alarm however SSA spelt it that day.
 * The seed's own tables differ between snapshots: "HOLD Music" / "Hold Music" (001:1148, 001:1169) and
 * "License Type:" / "License Types:" (001:1147, 001:1187). So: case, spacing and that plural are ignored.
 */
export function ssaAlarmKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\blicen[cs]e types?\s*:\s*/g, 'license type: ')
    .replace(/[\s.]+$/, '')
    .trim();
}

/** "License Type: CTI Link Pro" → "CTI Link Pro"; also "License Type:DevLink3 External Recorder" (001:287). */
export function licenceTypeOf(text: string): string | null {
  const match = /\bLicen[cs]e Types?\s*:\s*"?(.+?)"?\s*$/i.exec(text);
  return match?.[1] ?? null;
}
