/**
 * The data of one message's delivery path, shared by the reader of each kind of evidence (headers,
 * message tracking logs, bounces), the path builder and the page that draws it: the servers (with
 * the tracking events that happened on each, such as a mailbox delivery or a submission), the hops
 * between them, the sender and the recipients. Types only, so every reader can use them without
 * importing the builder.
 */
import type { Step } from '../../shared/findings';
import type { HostEnd } from '../../shared/evidence-model';

export type PathSource = 'headers' | 'tracking-log' | 'bounce';

export interface EvidenceDocument {
  text: string;
  fileName?: string;
}

/**
 * A message tracking event that is no hop (no client and server end that differ): DELIVER,
 * SUBMIT, RESOLVE, EXPAND, a STOREDRIVER RECEIVE, a FAIL of the categorizer... It happened on one
 * server and is shown on that server.
 */
export interface PathEvent {
  /** The tracking log's event-id, as written (upper case). */
  event: string;
  /** The tracking log's source (STOREDRIVER, ROUTING, SMTP, AGENT...). */
  source?: string;
  time?: number;
  recipients?: string[];
  status?: string;
  failing: boolean;
  steps: Step[];
}

export interface PathNode {
  /** The fullest name seen for the server, else its address. */
  name: string;
  ip?: string;
  /** Tracking events on this server, in log order. */
  events?: PathEvent[];
}

export interface PathHop {
  /** Indexes into `nodes`. */
  from: number;
  to: number;
  /** Milliseconds since the epoch, when the evidence dates the hop. */
  time?: number;
  /** Connector, tracking source or the `with` of a Received header. */
  via?: string;
  /** The status the evidence gives for the hop (tracking status, DSN diagnostic). */
  status?: string;
  /** The recipients the hop carried the message for, when the evidence says (tracking log, DSN). */
  recipients?: string[];
  sources: PathSource[];
  failing: boolean;
  /** Likely steps of KB 979174 for a failing hop, most likely first. */
  steps: Step[];
}

export interface DeliveryPath {
  sender?: string;
  /** The first recipient (kept for readers that show one). */
  recipient?: string;
  /** Every recipient the evidence names, in the order first seen. */
  recipients?: string[];
  messageId?: string;
  nodes: PathNode[];
  hops: PathHop[];
  /** Index into `hops` of the first failing hop. */
  failing?: number;
}

/** A hop as one piece of evidence saw it, before the servers are merged into nodes. */
export interface RawHop {
  from: HostEnd;
  to: HostEnd;
  time?: number;
  via?: string;
  status?: string;
  recipients?: string[];
  source: PathSource;
  failing: boolean;
  steps: Step[];
}

/** An event as one piece of evidence saw it, on the server `at`. */
export interface RawEvent extends PathEvent {
  at: HostEnd;
}

/** What the documents read so far say about the message. */
export interface PathFacts {
  sender?: string;
  recipients: string[];
  messageId?: string;
  hops: RawHop[];
  events: RawEvent[];
}

/** `<id@host>` or `Name <a@b>` -> the part in angle brackets, else the trimmed text. */
export function angle(v: string | undefined): string | undefined {
  const t = v?.trim();
  if (!t) return undefined;
  return (/<([^<>]{1,300})>/.exec(t)?.[1] ?? t).trim() || undefined;
}

/** Adds recipients not yet listed, keeping the order. */
export function addRecipients(list: string[], more: readonly string[]): void {
  for (const r of more) if (r && !list.some((x) => x.toLowerCase() === r.toLowerCase())) list.push(r);
}
