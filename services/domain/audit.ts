/** Who did what and when. State changes embed these in the record they change, so both are written in one go. */
export interface AuditEntry {
  at: string;
  by: string;
  action: string;
  from?: string;
  to?: string;
  note?: string;
  /** The record this change points at (e.g. the deployment an approval created). */
  ref?: string;
}

/** A free-standing audit record, for actions that change no single record (data export, erasure, imports). */
export interface AuditDocument extends AuditEntry {
  id: string;
  allianceId: string;
  type: 'audit';
  subject?: string;
}
