/**
 * The wire contract between the widget, the console and the server.
 *
 * One JSON object per WebSocket frame, discriminated by `type`; one union per direction and per
 * actor. The server parses every inbound frame with these schemas; clients import the types only
 * (so the widget does not ship zod).
 *
 * PROTOCOL_VERSION changelog (one line per bump):
 *   1 - first version: hello/welcome, message.send/ack, item stream with per-conversation seq,
 *       sync after a seq, typing, page views, presence, take, resolve.
 *   2 - departments: visitor message.send may name a departmentId (used when it starts a
 *       conversation); inbox summaries carry departmentId and priority. Servers accept 1 and 2.
 *   3 - site settings in the visitor welcome (open now, pre-chat form, departments), estimated
 *       wait, offline messages and callback requests, transfers with an internal note, SLA
 *       breach events, callback channel, visitor attributes (tier, cart value...) that set the
 *       queue priority; the FAQ bot (bot messages with faqId and quick replies, bot.feedback,
 *       escalate, site botMode and escalation keywords). Additive: servers accept 1 to 3.
 *   4 - CSAT survey (visitor csat.submit; csat on the visitor's conversation and on inbox
 *       summaries), site resolution SLA (slaResolutionSec); identity verification (hello identity,
 *       identify frame answered by a welcome, error identity_invalid, site setting
 *       requireVerifiedIdentity), rate_limited error frames carry retryAfterMs; proactive messages
 *       (site setting proactive rules, message.send proactive, proactive on messages, inbox
 *       summaries and KPIs); attachments (message.send attachmentId, attachment on messages), the
 *       visitor's transcript.request answered by transcript.queued, WidgetSite email, attachments in
 *       the visitor export; the visitor's privacy.export/privacy.erase (privacy.data,
 *       privacy.erased), conversation.erased for agents. Additive: servers accept 1 to 4.
 *   5 - transcript.queued carries confirm: true when a confirmation link went to the address
 *       first (the transcript follows once it is used); inbox summaries carry serial (the queue
 *       order's last tie-break, so the console orders waiting conversations exactly as the
 *       routing serves them); the agent welcome's inbox holds every open conversation (no longer
 *       cut at 500). Additive: servers accept 1 to 5.
 *   6 - proactive rules carry requireAvailable (default true) and departmentId; site setting
 *       branding; GET /widget/config (WidgetConfig: the rules that may fire now and the brand).
 *       Abandoned conversations close: resolved events carry reason (inactivity, abandoned) when
 *       the sweep resolved them, the visitor's conversation resolvedReason (no survey then), site
 *       settings inactivityResolveMin and abandonedResolveMin; snooze (agent conversation.snooze
 *       and conversation.unsnooze, inbox summaries carry snoozedUntil, snoozed, wokeAt and
 *       autoResolved); KPI resolvedByInactivity. Internal notes at any time (event kind note, its text in note,
 *       agents only: a visitor gets the event with note null and shows nothing); inbox summaries
 *       carry departmentName and tags (tag ids); the preview (lastMessage) is the shopper's last
 *       message, never a bot, agent or system line. Honest offline mode: WidgetSite, its departments
 *       and the visitor's conversation carry `available` (within hours and an agent of the
 *       department online); queuePosition and estimatedWaitMs are null while nobody could answer; an
 *       `availability` frame tells connected visitors when that changes. Additive: servers accept
 *       1 to 6.
 *   7 - suggest when unsure: a bot message may carry `suggestions` (the FAQ entries it offers,
 *       "Did you mean…"); the visitor's bot.pick (clientId, faqId) picks one of those offered in
 *       the conversation, answered with an ack, the pick as the visitor's message and the entry's
 *       answer as a bot answer. Additive: servers accept 1 to 7.
 */
import { z } from 'zod';
import {
  AGENT_STATUSES,
  ATTACHMENT_MIMES,
  AUTHOR_TYPES,
  AUTO_RESOLVE_REASONS,
  BOT_MODES,
  CHANNELS,
  CONVERSATION_STATES,
  EVENT_KINDS,
  FIELD_MODES,
  LANGS,
  PARTICIPANT_TYPES,
  PRESENCES,
  ROLES,
  ROUTING_MODES,
  SETTABLE_PRESENCES,
} from './constants.ts';

export const PROTOCOL_VERSION = 7;
/** The oldest version this server still speaks (changes since were additive). */
export const MIN_PROTOCOL_VERSION = 1;

/** Frames larger than this are refused (the socket is closed with 1009). */
export const MAX_FRAME_BYTES = 16 * 1024;
/** Longest message body, in characters. */
export const MAX_MESSAGE_CHARS = 4000;
/** How many stream items one sync.result carries at most; the client asks again when hasMore. */
export const SYNC_PAGE_SIZE = 200;

export { CLOSE_HELLO_TIMEOUT, CLOSE_OVER_BUDGET, CLOSE_RATE_LIMITED, CLOSE_TOO_SLOW } from './constants.ts';

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** A client-chosen id for a sent message (nanoid); the server dedupes resends by it. */
export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientId must be 8-64 characters of A-Z a-z 0-9 _ -');
/** A server-issued id (nanoid). */
export const Id = z.string().min(1).max(64);
export const SiteId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'site id must be lower-case letters, digits, _ or -');
export const Seq = z.number().int().min(0);
/** Epoch milliseconds. */
export const Millis = z.number().int().min(0);

export const MessageBody = z
  .string()
  .max(MAX_MESSAGE_CHARS, `message is longer than ${MAX_MESSAGE_CHARS} characters`)
  .refine((s) => s.trim().length > 0, 'message is empty');

export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

export const ConversationState = z.enum(CONVERSATION_STATES);
export type ConversationState = z.infer<typeof ConversationState>;

export const AuthorType = z.enum(AUTHOR_TYPES);
export type AuthorType = z.infer<typeof AuthorType>;

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Presence = z.enum(PRESENCES);
export type Presence = z.infer<typeof Presence>;

export const PageInfo = z.object({
  url: z.string().max(2048),
  title: z.string().max(512).default(''),
});
export type PageInfo = z.infer<typeof PageInfo>;

/** The largest attachment any server accepts (a server's ATTACHMENT_MAX_BYTES may be lower). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** What an attachment is allowed to be (detected from its bytes, never from its name). */
export const AttachmentMime = z.enum(ATTACHMENT_MIMES);
export type AttachmentMime = z.infer<typeof AttachmentMime>;

/** A file sent in a conversation: fetched at GET /api/attachments/:id by the conversation's visitor or an agent. */
export const AttachmentInfo = z.object({
  id: Id,
  /** The uploaded file's name, sanitized. */
  name: z.string().max(200),
  mime: AttachmentMime,
  size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

/** A chat message in a conversation's stream. */
export const MessageItem = z.object({
  kind: z.literal('message'),
  seq: Seq,
  id: Id,
  clientId: ClientId.nullable(),
  authorType: AuthorType,
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: Millis,
  /** Bot answers: the FAQ entry it came from, and follow-up buttons. */
  faqId: z.string().nullable().optional(),
  quickReplies: z.array(z.string()).optional(),
  /** A bot message that is not sure (protocol 7): the FAQ entries it offers ("Did you mean…"), best first; the visitor picks one with bot.pick. */
  suggestions: z.array(z.object({ faqId: z.string(), question: z.string() })).optional(),
  /** The site's proactive message the visitor answered (authorType bot): it opened the conversation. */
  proactive: z.boolean().optional(),
  /** A file (image or PDF) sent with the message (protocol 4). */
  attachment: AttachmentInfo.optional(),
});
export type MessageItem = z.infer<typeof MessageItem>;

/** Why the server resolved a conversation by itself (site settings inactivityResolveMin, abandonedResolveMin). */
export const AutoResolveReason = z.enum(AUTO_RESOLVE_REASONS);
export type AutoResolveReason = z.infer<typeof AutoResolveReason>;

/** note (protocol 6): an agent's internal note; its text is in `note`, which visitors never get. */
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

/** A state change in a conversation's stream (shown as a system line). */
export const EventItem = z.object({
  kind: z.literal('event'),
  seq: Seq,
  event: EventKind,
  /** assigned: the agent who got it; transferred: the receiving agent, if a person. */
  agentId: Id.nullable(),
  agentName: z.string().nullable(),
  /** transferred to a department: which one. */
  departmentId: Id.nullable().optional(),
  /** transferred: the internal note for the receiving agent; note: the note. Never sent to visitors. */
  note: z.string().nullable().optional(),
  /** resolved by the server's sweep, not by a person: the shopper went quiet after an answer (inactivity) or left unanswered (abandoned) (protocol 6). */
  reason: AutoResolveReason.nullable().optional(),
  createdAt: Millis,
});
export type EventItem = z.infer<typeof EventItem>;

export const StreamItem = z.discriminatedUnion('kind', [MessageItem, EventItem]);
export type StreamItem = z.infer<typeof StreamItem>;

/** What a visitor may know of their conversation. */
export const VisitorConversation = z.object({
  id: Id,
  state: ConversationState,
  agentName: z.string().nullable(),
  lastSeq: Seq,
  createdAt: Millis,
  /** 1-based position in the queue while state is queued and someone could answer (available), else null. */
  queuePosition: z.number().int().min(1).nullable(),
  /** Someone could answer it now: within its hours and an agent of its department online (protocol 6). */
  available: z.boolean().optional(),
  /** While queued and available: expected wait from recent queue waits, or null when there is no basis. */
  estimatedWaitMs: z.number().int().min(0).nullable().optional(),
  /** When it entered the queue (the widget counts the wait from here). */
  queuedAt: Millis.nullable().optional(),
  channel: Channel.optional(),
  /** The visitor's rating of this conversation, once given (changeable until changeableUntil). */
  csat: z.object({ rating: z.number().int().min(1).max(5), comment: z.string().nullable(), changeableUntil: Millis }).nullable().optional(),
  /** Resolved by the server because the shopper went quiet or left (no survey is asked then) (protocol 6). */
  resolvedReason: AutoResolveReason.nullable().optional(),
});
export type VisitorConversation = z.infer<typeof VisitorConversation>;

/** A conversation as the console's inbox lists it. */
export const ConversationSummary = z.object({
  id: Id,
  siteId: SiteId,
  channel: Channel,
  visitorId: Id,
  visitorName: z.string().nullable(),
  state: ConversationState,
  agentId: Id.nullable(),
  agentName: z.string().nullable(),
  departmentId: Id.nullable(),
  /** The department's name (protocol 6). */
  departmentName: z.string().nullable().optional(),
  /** Ids of the conversation's tags (protocol 6; the site's list: GET /api/sites/:siteId/tags). */
  tags: z.array(Id).optional(),
  /** Higher is served first. */
  priority: z.number().int(),
  /**
   * Grows with every conversation the server creates: the queue is served by priority (high
   * first), then queuedAt (oldest first), then serial (lowest first).
   */
  serial: z.number().int().min(0).optional(),
  visitorEmail: z.string().nullable().optional(),
  /** First-response SLA: due time while no agent has replied (null once answered or when resolved). */
  slaDueAt: Millis.nullable().optional(),
  slaBreached: z.boolean().optional(),
  /** Channel callback: what the visitor asked for. */
  callback: z.object({ phone: z.string(), preferredTime: z.string(), note: z.string().nullable() }).nullable().optional(),
  lastSeq: Seq,
  /** The shopper's last message (cut at 140 characters); never a bot, agent or system line. */
  lastMessage: z.string().nullable(),
  /** When the last message of anyone was written. */
  lastMessageAt: Millis.nullable(),
  createdAt: Millis,
  queuedAt: Millis.nullable(),
  assignedAt: Millis.nullable(),
  firstAgentReplyAt: Millis.nullable(),
  resolvedAt: Millis.nullable(),
  /** The visitor's satisfaction rating (1-5), once given. */
  csat: z.object({ rating: z.number().int().min(1).max(5), comment: z.string().nullable(), at: Millis }).nullable().optional(),
  /** It began as the visitor's answer to a proactive message. */
  proactive: z.boolean().optional(),
  /** Snoozed by its agent: out of their active list and capacity until snoozedUntil (null: the shopper's next message) (protocol 6). */
  snoozed: z.boolean().optional(),
  snoozedUntil: Millis.nullable().optional(),
  /** When its last snooze ended (shown as "back" until the agent writes). */
  wokeAt: Millis.nullable().optional(),
  /** Resolved by the server: why. */
  autoResolved: AutoResolveReason.nullable().optional(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const AgentView = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  presence: Presence,
  maxChats: z.number().int().min(1),
});
export type AgentView = z.infer<typeof AgentView>;

export const ErrorCode = z.enum([
  'bad_frame',
  'frame_too_large',
  'unsupported_protocol',
  'not_ready',
  'not_found',
  'forbidden',
  'conflict',
  'rate_limited',
  /** An identify whose hash is not HMAC-SHA256(userId, site secret), on a site that requires verified identities. */
  'identity_invalid',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

// ---------------------------------------------------------------------------------------------
// Site settings (HTTP and the visitor welcome)
// ---------------------------------------------------------------------------------------------

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'times are HH:MM, 00:00 to 24:00');
const Range = z.tuple([HHMM, HHMM]).refine(([a, b]) => a < b, 'a range must end after it starts');
const Day = z.array(Range).max(6);

/** True for an IANA time zone name this runtime knows (Europe/Rome, UTC...). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Opening hours in a time zone; holidays (local dates) are closed all day. */
export const BusinessHours = z.object({
  timezone: z.string().max(64).refine(isTimeZone, 'unknown time zone (use an IANA name such as Europe/Rome)'),
  weekly: z.object({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day }),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'holidays are YYYY-MM-DD')).max(366).default([]),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

/**
 * What the host page tells us about the shopper (plan, tier, cartValue, orderId...): shown to agents;
 * `tier` and `cartValue` raise the queue priority per the site's rules.
 */
export const VisitorAttributes = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, 'attribute names are letters, digits, _ . - (up to 40)'), z.union([z.string().max(500), z.number().finite(), z.boolean()]))
  .refine((r) => Object.keys(r).length <= 30, 'at most 30 attributes');
export type VisitorAttributes = z.infer<typeof VisitorAttributes>;

/** Priority = department urgency + the tier's bonus + the cart bonus when cartValue reaches the threshold. */
export const PriorityRules = z.object({
  tiers: z.record(z.string().max(40), z.number().int().min(0).max(100)),
  cartValueThreshold: z.number().min(0).nullable(),
  cartValueBonus: z.number().int().min(0).max(100),
});
export type PriorityRules = z.infer<typeof PriorityRules>;

export const DEFAULT_PRIORITY_RULES: PriorityRules = { tiers: { vip: 2, gold: 1 }, cartValueThreshold: 200, cartValueBonus: 1 };

/** A rule id (proactive rules, canned responses' shortcuts use their own). */
const RuleId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids are 1-64 characters of A-Z a-z 0-9 _ -');

/**
 * A proactive message: on pages whose URL matches `urlPattern` (a substring of the URL, or a glob
 * over the whole URL when it holds `*`), after `minSeconds` on the page, from the `minVisits`-th
 * visit on this device, when the host page's `cartValue` attribute is at least `minCartValue`,
 * the widget shows `message` (in the visitor's language) as a teaser beside the launcher. Shown at
 * most once per visit. With `requireAvailable` (the default) only when someone can answer: an
 * agent online in `departmentId` (any of the site's agents when null) within its hours, or the
 * site's FAQ bot.
 */
export const ProactiveRule = z.object({
  id: RuleId,
  enabled: z.boolean().default(true),
  urlPattern: z.string().trim().max(300).default(''),
  minSeconds: z.number().int().min(0).max(3600).default(0),
  minVisits: z.number().int().min(1).max(1000).default(1),
  minCartValue: z.number().min(0).nullable().default(null),
  message: z.object({ en: z.string().trim().min(1).max(500), it: z.string().trim().min(1).max(500) }),
  /** Fire only when someone can answer (an eligible agent online, or the bot on). Default on, also for rules stored before it. */
  requireAvailable: z.boolean().default(true),
  /** The department whose agents must be online (null: any). */
  departmentId: Id.nullable().default(null),
});
export type ProactiveRule = z.infer<typeof ProactiveRule>;

export const ProactiveRules = z
  .array(ProactiveRule)
  .max(20)
  .refine((l) => new Set(l.map((r) => r.id)).size === l.length, 'rule ids must be unique');

/** A colour written #rrggbb. */
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb').transform((c) => c.toLowerCase());

const BrandText = (max: number) => z.string().trim().min(1).max(max);

export { luminance, contrast, inkOn } from './color.ts';

/**
 * The widget's look, per site (Settings -> Branding). Every field is optional: what is not set
 * keeps the widget's default, and a site that sets nothing sends nothing more to its shoppers.
 */
export const SiteBranding = z.object({
  /** The launcher, header and buttons; the text on it is white or dark, whichever contrasts more. */
  color: HexColor.optional(),
  /** Which corner the launcher sits in (default right). */
  position: z.enum(['left', 'right']).optional(),
  /** The header's title instead of "Chat with us". */
  teamName: BrandText(40).optional(),
  /** The first line a shopper reads, per language (a language left out keeps the default). */
  greeting: z.object({ en: BrandText(200).optional(), it: BrandText(200).optional() }).optional(),
  /** The initials of the agents online (or who answered in the last 7 days) in the header. */
  showAgents: z.boolean().optional(),
  /** "Usually replies in a few minutes", from the last 7 days' median first response. */
  showReplyTime: z.boolean().optional(),
});
export type SiteBranding = z.infer<typeof SiteBranding>;

export const FieldMode = z.enum(FIELD_MODES);
export type FieldMode = z.infer<typeof FieldMode>;

export const PreChat = z.object({ name: FieldMode, email: FieldMode, department: FieldMode });
export type PreChat = z.infer<typeof PreChat>;

export const SiteSettings = z.object({
  routingMode: z.enum(ROUTING_MODES),
  preChat: PreChat,
  /** null: always open. */
  businessHours: BusinessHours.nullable(),
  /** First-response target in seconds (domain default: 5 minutes). */
  slaFirstResponseSec: z.number().int().min(10).max(7 * 86400),
  /** Resolution target in seconds (default 24 hours): open conversations older than this are the overdue backlog. */
  slaResolutionSec: z.number().int().min(60).max(90 * 86400).optional(),
  /** After this long in the queue the widget offers to leave a message or ask for a call back. */
  offerAlternativesAfterSec: z.number().int().min(0).max(86400),
  /** Queue priority from visitor attributes (defaults: DEFAULT_PRIORITY_RULES). */
  priority: PriorityRules.optional(),
  /** The FAQ bot: off, first (answers every new conversation), fallback (only when no agent can take it or outside hours). Default off. */
  botMode: z.enum(BOT_MODES).optional(),
  /**
   * How readily the bot answers, 0..1 (default 0.5): its bars are calibrated on the site's own
   * FAQ, and this moves them (higher answers more often, lower suggests or hands over sooner).
   */
  botSensitivity: z.number().min(0).max(1).optional(),
  /** The shop's own synonyms for the bot: each group is words or phrases (any language) that mean the same thing. */
  botSynonyms: z.array(z.array(z.string().trim().min(2).max(60)).min(2).max(20)).max(200).optional(),
  /** Words that send a conversation straight to a person (besides asking for one). */
  escalationKeywords: z.array(z.string().trim().min(2).max(40)).max(50).optional(),
  /** Refuse identify claims whose hash is missing or wrong (identity_invalid) instead of keeping them as unverified name and email. Default off. */
  requireVerifiedIdentity: z.boolean().optional(),
  /** Proactive messages (default none). */
  proactive: ProactiveRules.optional(),
  /** How the widget looks (default: Parla's own blue, on the right, no team name). */
  branding: SiteBranding.optional(),
  /**
   * An assigned conversation the agent answered last, with no shopper message or typing for this
   * many minutes, is resolved (reason inactivity); 0: never. Default DEFAULT_INACTIVITY_RESOLVE_MIN.
   * Fractions are accepted (tests use a few seconds).
   */
  inactivityResolveMin: z.number().min(0).max(7 * 1440).optional(),
  /**
   * A conversation still waiting for a person's first answer, whose shopper has had no widget open
   * for this many minutes and left no email, is resolved (reason abandoned); 0: never. Default
   * DEFAULT_ABANDONED_RESOLVE_MIN.
   */
  abandonedResolveMin: z.number().min(0).max(7 * 1440).optional(),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

export const DEFAULT_INACTIVITY_RESOLVE_MIN = 30;
export const DEFAULT_ABANDONED_RESOLVE_MIN = 10;

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  routingMode: 'auto',
  preChat: { name: 'off', email: 'off', department: 'off' },
  businessHours: null,
  slaFirstResponseSec: 300,
  offerAlternativesAfterSec: 300,
};

export const Department = z.object({
  id: Id,
  siteId: SiteId,
  name: z.string().min(1).max(80),
  /** The name Italian visitors see in the widget; null or absent: name. */
  nameIt: z.string().trim().max(80).nullable().optional(),
  /** Added to the priority of its conversations. */
  urgency: z.number().int().min(0).max(100),
  /** null: the site's hours. */
  businessHours: BusinessHours.nullable(),
  /** null: the site's target. */
  slaFirstResponseSec: z.number().int().min(10).max(7 * 86400).nullable(),
  agentIds: z.array(Id),
});
export type Department = z.infer<typeof Department>;

export const DepartmentInput = Department.omit({ id: true, siteId: true }).partial().extend({ name: z.string().trim().min(1).max(80) });
export const DepartmentPatch = Department.omit({ id: true, siteId: true }).partial();

/** An agent as the agents view and routing see them. */
export const AgentStatus = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  presence: z.enum(PRESENCES),
  maxChats: z.number().int().min(1),
  load: z.number().int().min(0),
  departmentIds: z.array(Id),
  /** The sites they work on (routing and the live inbox); null or absent: every site. */
  siteIds: z.array(SiteId).nullable().optional(),
  /** invited: has not set a password through the invitation yet; deactivated: by an admin (history kept). */
  status: z.enum(AGENT_STATUSES),
  /** Two-factor sign-in (TOTP) is on. */
  totp: z.boolean(),
});
export type AgentStatus = z.infer<typeof AgentStatus>;

export const AgentPatch = z.object({ maxChats: z.number().int().min(1).max(50).optional(), departmentIds: z.array(Id).max(50).optional() });

/** What the widget needs to know about the site (in the welcome). */
export const WidgetSite = z.object({
  /** Within business hours now (site hours; a department's own hours are in departments). */
  open: z.boolean(),
  /** When it next opens, if closed and known. */
  nextOpenAt: Millis.nullable(),
  preChat: PreChat,
  /** name: in the visitor's language when the department has one for it; available: open and one of its agents online. */
  departments: z.array(z.object({ id: Id, name: z.string(), open: z.boolean(), available: z.boolean().optional() })),
  /** Someone could answer now: open and an agent online (protocol 6). */
  available: z.boolean().optional(),
  /** Offer a message or a call back once queued this long, or once the estimated wait is longer. */
  offerAlternativesAfterMs: z.number().int().min(0),
  botMode: z.enum(BOT_MODES).optional(),
  /** The site can send email (a transcript on request; replies to a visitor who left). */
  email: z.boolean().optional(),
});
export type WidgetSite = z.infer<typeof WidgetSite>;

export const Email = z.string().trim().toLowerCase().email('a valid email address is needed').max(254);
const Name = z.string().trim().min(1).max(120);

// ---------------------------------------------------------------------------------------------
// Frames: visitor -> server
// ---------------------------------------------------------------------------------------------

const Row = z.record(z.string(), z.unknown());
/** `GET /api/visitors/:id/export`: everything stored about one visitor. */
export const VisitorExport = z.object({
  exportedAt: Millis,
  visitor: Row,
  visits: z.array(Row),
  pageViews: z.array(Row),
  conversations: z.array(Row),
  messages: z.array(Row),
  events: z.array(Row),
  callbacks: z.array(Row),
  botMisses: z.array(Row),
  /** Files they sent or received (metadata; the files are at GET /api/attachments/:id). */
  attachments: z.array(Row).optional(),
  attributes: VisitorAttributes,
});
export type VisitorExport = z.infer<typeof VisitorExport>;

const Ping = z.object({ type: z.literal('ping') });

/**
 * The host page's `Parla.identify({ userId, email, name, hash })`: `hash` is the hex
 * HMAC-SHA256 of `userId` with the site's secret, computed by the shop's server. Only a valid
 * hash links the visitor to the user (and so to their conversations on other devices).
 */
export const Identity = z.object({
  userId: z.string().min(1).max(128),
  email: Email.optional(),
  name: Name.optional(),
  hash: z.string().max(128).optional(),
});
export type Identity = z.infer<typeof Identity>;

const Sync = z.object({ type: z.literal('sync'), conversationId: Id, afterSeq: Seq });

export const VisitorHello = z.object({
  type: z.literal('hello'),
  protocol: z.number().int(),
  /** The token the server issued on a previous visit, if the widget has one. */
  visitorToken: z.string().min(16).max(128).optional(),
  page: PageInfo.optional(),
  lang: Lang.optional(),
  attributes: VisitorAttributes.optional(),
  /** The host page's identify (protocol 4). */
  identity: Identity.optional(),
});

export const VisitorToServer = z.discriminatedUnion('type', [
  VisitorHello,
  z.object({
    type: z.literal('message.send'),
    clientId: ClientId,
    body: MessageBody,
    /** The department the visitor chose (pre-chat form) or the host page set; used when this message starts a conversation. */
    departmentId: Id.optional(),
    /** Pre-chat form fields; stored on the visitor when given. */
    name: Name.optional(),
    email: Email.optional(),
    /**
     * The proactive message this message answers (used when it starts a conversation): the rule's
     * id (the server then uses the rule's own text) or null for one the host page showed itself.
     */
    proactive: z.object({ ruleId: RuleId.nullable(), text: z.string().trim().min(1).max(500) }).optional(),
    /** A file this visitor uploaded (POST /api/attachments), sent with this message. */
    attachmentId: Id.optional(),
  }),
  /** Outside hours (or instead of waiting): a message to be answered by email. */
  z.object({
    type: z.literal('offline.message'),
    clientId: ClientId,
    body: MessageBody,
    email: Email,
    name: Name.optional(),
    departmentId: Id.optional(),
  }),
  /** Outside hours (or instead of waiting): please call me back. */
  z.object({
    type: z.literal('callback.request'),
    clientId: ClientId,
    phone: z.string().trim().regex(/^\+?[0-9 ().-]{6,24}$/, 'a phone number is needed (digits, spaces, + - . ( ))'),
    preferredTime: z.string().trim().max(100).default(''),
    name: Name.optional(),
    note: z.string().trim().max(1000).optional(),
    departmentId: Id.optional(),
  }),
  z.object({ type: z.literal('typing'), isTyping: z.boolean() }),
  z.object({ type: z.literal('page.view'), page: PageInfo }),
  /** The visitor's verdict on the bot's last answer: yes resolves the conversation (self-service); no twice hands over to a person. */
  z.object({ type: z.literal('bot.feedback'), helpful: z.boolean() }),
  /** "Talk to a person": always one click away while the bot answers. */
  z.object({ type: z.literal('escalate') }),
  /**
   * The visitor picks one of the entries a bot message offered in this conversation (protocol 7):
   * stored as the visitor's message (the entry's question) and answered with the entry, as an
   * answer the bot gave itself; acknowledged like a message.send.
   */
  z.object({ type: z.literal('bot.pick'), clientId: ClientId, faqId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'faqId is an FAQ entry id') }),
  /** While typing: which FAQ entries match so far (answered with faq.suggestions). */
  z.object({ type: z.literal('faq.suggest'), text: z.string().max(300) }),
  /** The host page set or changed attributes (merged into what the server knows). */
  z.object({ type: z.literal('visitor.attributes'), attributes: VisitorAttributes }),
  /** The host page identified the shopper after the hello; answered with a new welcome (or identity_invalid). */
  z.object({ type: z.literal('identify'), identity: Identity }),
  /** The visitor asks for everything stored about them (answered with privacy.data) or for its erasure (privacy.erased, then the socket closes). */
  z.object({ type: z.literal('privacy.export') }),
  z.object({ type: z.literal('privacy.erase') }),
  /** The satisfaction survey of a resolved conversation: 1 (very unhappy) to 5 (very happy); answered with a conversation frame. */
  z.object({
    type: z.literal('csat.submit'),
    conversationId: Id,
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(1000).optional(),
  }),
  /** "Email me the transcript": to `email`, or to the address the visitor gave before; answered with transcript.queued. */
  z.object({ type: z.literal('transcript.request'), conversationId: Id, email: Email.optional() }),
  Sync,
  Ping,
]);
export type VisitorToServer = z.infer<typeof VisitorToServer>;

// ---------------------------------------------------------------------------------------------
// Frames: agent -> server
// ---------------------------------------------------------------------------------------------

export const AgentToServer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), protocol: z.number().int() }),
  z.object({ type: z.literal('message.send'), clientId: ClientId, conversationId: Id, body: MessageBody, attachmentId: Id.optional() }),
  z.object({ type: z.literal('typing'), conversationId: Id, isTyping: z.boolean() }),
  z.object({ type: z.literal('presence.set'), presence: z.enum(SETTABLE_PRESENCES) }),
  z.object({ type: z.literal('conversation.take'), conversationId: Id }),
  z.object({ type: z.literal('conversation.resolve'), conversationId: Id }),
  /** Out of the agent's active list and capacity until `until` (null: the shopper's next message); unsnooze brings it back now (protocol 6). */
  z.object({ type: z.literal('conversation.snooze'), conversationId: Id, until: Millis.nullable() }),
  z.object({ type: z.literal('conversation.unsnooze'), conversationId: Id }),
  /** Hand a conversation to another agent or to a department's queue, with an internal note. */
  z
    .object({
      type: z.literal('conversation.transfer'),
      conversationId: Id,
      toAgentId: Id.optional(),
      toDepartmentId: Id.optional(),
      note: z.string().trim().max(1000).optional(),
    })
    .refine((f) => (f.toAgentId === undefined) !== (f.toDepartmentId === undefined), 'name exactly one of toAgentId or toDepartmentId'),
  Sync,
  Ping,
]);
export type AgentToServer = z.infer<typeof AgentToServer>;

// ---------------------------------------------------------------------------------------------
// Frames: server -> clients
// ---------------------------------------------------------------------------------------------

const Ack = z.object({
  type: z.literal('ack'),
  clientId: ClientId,
  conversationId: Id,
  messageId: Id,
  seq: Seq,
  createdAt: Millis,
});
const Item = z.object({ type: z.literal('item'), conversationId: Id, item: StreamItem });
const SyncResult = z.object({
  type: z.literal('sync.result'),
  conversationId: Id,
  items: z.array(StreamItem),
  /** The conversation's last seq when the page was read. */
  lastSeq: Seq,
  hasMore: z.boolean(),
});
const Typing = z.object({
  type: z.literal('typing'),
  conversationId: Id,
  from: z.enum(PARTICIPANT_TYPES),
  name: z.string().nullable(),
  isTyping: z.boolean(),
});
const ErrorFrame = z.object({
  type: z.literal('error'),
  code: ErrorCode,
  message: z.string(),
  /** The clientId of the send that failed, when there was one. */
  clientId: ClientId.optional(),
  /** rate_limited: when trying again may succeed. */
  retryAfterMs: z.number().int().min(0).optional(),
});
const Pong = z.object({ type: z.literal('pong') });

export const ServerToVisitor = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('faq.suggestions'),
    /** The text these are for (the widget ignores answers to older text). */
    text: z.string(),
    items: z.array(z.object({ id: z.string(), question: z.string(), answer: z.string() })).max(3),
  }),
  z.object({
    type: z.literal('welcome'),
    protocol: z.number().int(),
    visitorId: Id,
    /** Only present when the server issued a new token: the widget must store it. */
    visitorToken: z.string().optional(),
    returning: z.boolean(),
    visitCount: z.number().int().min(1),
    conversation: VisitorConversation.nullable(),
    agentsOnline: z.number().int().min(0),
    site: WidgetSite.optional(),
    /** True when the visitor is linked to the site's user id by a verified identify. */
    identified: z.boolean().optional(),
  }),
  z.object({ type: z.literal('conversation'), conversation: VisitorConversation }),
  /**
   * Whether someone could answer changed since the welcome (an agent came, went or stepped away;
   * business hours opened or closed): the site's and each department's open and available, as in
   * the welcome's site (protocol 6).
   */
  z.object({
    type: z.literal('availability'),
    agentsOnline: z.number().int().min(0),
    open: z.boolean(),
    available: z.boolean(),
    departments: z.array(z.object({ id: Id, open: z.boolean(), available: z.boolean() })),
  }),
  z.object({ type: z.literal('privacy.data'), data: VisitorExport }),
  /** Everything of the visitor was erased; the socket closes next (the widget forgets the visitor). */
  z.object({ type: z.literal('privacy.erased') }),
  /** The transcript will be emailed to this address; with confirm, once the link sent there first is used. */
  z.object({ type: z.literal('transcript.queued'), conversationId: Id, email: z.string(), confirm: z.boolean().optional() }),
  Ack,
  Item,
  SyncResult,
  Typing,
  ErrorFrame,
  Pong,
]);
export type ServerToVisitor = z.infer<typeof ServerToVisitor>;

export const ServerToAgent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    protocol: z.number().int(),
    agent: AgentView,
    /**
     * Every open conversation (bot, queued, assigned; the queued ones first, in serving order)
     * and the most recently resolved ones (those of the last 24 hours, at most 50).
     */
    inbox: z.array(ConversationSummary),
  }),
  z.object({ type: z.literal('inbox.upsert'), conversation: ConversationSummary }),
  /** The conversation's visitor was erased: drop it. */
  z.object({ type: z.literal('conversation.erased'), conversationId: Id }),
  z.object({ type: z.literal('presence'), agentId: Id, presence: Presence }),
  /** A visitor moved to another page while chatting. */
  z.object({ type: z.literal('visitor.page'), visitorId: Id, page: PageInfo, at: Millis }),
  Ack,
  Item,
  SyncResult,
  Typing,
  ErrorFrame,
  Pong,
]);
export type ServerToAgent = z.infer<typeof ServerToAgent>;

export type ServerFrame = ServerToVisitor | ServerToAgent;
export type ErrorFrame = z.infer<typeof ErrorFrame>;

// ---------------------------------------------------------------------------------------------
// HTTP bodies
// ---------------------------------------------------------------------------------------------

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
  /** With two-factor on: the authenticator's 6-digit code, or one of the recovery codes. */
  totp: z.string().trim().min(1).max(32).optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/**
 * What login, `GET /api/auth/me`, the first-run setup and a password link's acceptance answer: the
 * agent, and the session's CSRF token, which the console sends back in `X-Parla-CSRF` on every
 * state-changing request (the same for the whole session; a new login gives a new one).
 */
export const SessionView = z.object({ agent: AgentView, csrfToken: z.string() });
/** The request header that carries SessionView.csrfToken. */
export const CSRF_HEADER = 'X-Parla-CSRF';
export type SessionView = z.infer<typeof SessionView>;

/** `from`/`to` accept epoch milliseconds or an ISO 8601 date/time. */
const TimeParam = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const n = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'expected epoch milliseconds or an ISO 8601 date' });
      return z.NEVER;
    }
    return n;
  });

export const MetricsSummaryQuery = z
  .object({ from: TimeParam.optional(), to: TimeParam.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, 'from must not be after to');
export type MetricsSummaryQuery = z.infer<typeof MetricsSummaryQuery>;

export const DurationStats = z.object({
  count: z.number().int(),
  /** milliseconds; null when count is 0 */
  avgMs: z.number().nullable(),
  medianMs: z.number().nullable(),
});
export type DurationStats = z.infer<typeof DurationStats>;

export const MetricsSummary = z.object({
  from: Millis.nullable(),
  to: Millis.nullable(),
  conversations: z.number().int(),
  resolved: z.number().int(),
  firstResponse: DurationStats,
  resolution: DurationStats,
  perConversation: z.array(
    z.object({
      id: Id,
      createdAt: Millis,
      firstResponseMs: z.number().nullable(),
      resolutionMs: z.number().nullable(),
    }),
  ),
});
export type MetricsSummary = z.infer<typeof MetricsSummary>;

/** `GET /api/metrics` (and its CSV exports): every KPI of the domain for a period and filters. */
export const MetricsQuery = z
  .object({
    from: TimeParam,
    to: TimeParam,
    siteId: SiteId.optional(),
    agentId: Id.optional(),
    departmentId: Id.optional(),
    channel: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'channel is a lower-case name such as web').optional(),
    /** Only conversations carrying this tag (its id). */
    tag: Id.optional(),
    groupBy: z.enum(['day', 'week', 'none']).default('day'),
    /** IANA time zone for days and weeks; default the site's business-hours zone, else UTC. */
    tz: z.string().max(64).refine(isTimeZone, 'unknown time zone (use an IANA name such as Europe/Rome)').optional(),
  })
  .refine((q) => q.from < q.to, 'from must be before to')
  .refine((q) => q.to - q.from <= 400 * 86_400_000, 'a period is at most 400 days');
export type MetricsQuery = z.infer<typeof MetricsQuery>;

/** A duration KPI: milliseconds (null when count is 0). */
export const DurationKpi = z.object({
  count: z.number().int(),
  avgMs: z.number().nullable(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
});
export type DurationKpi = z.infer<typeof DurationKpi>;

const Share = z.number().min(0).max(1).nullable();
const SlaKpi = z.object({ measured: z.number().int(), breached: z.number().int(), share: Share });

/** Every KPI of domain.md for one set of conversations (those created in a period, filtered). */
export const KpiSet = z.object({
  /** Volume: conversations created. */
  conversations: z.number().int(),
  resolved: z.number().int(),
  /** resolved ÷ created. */
  resolutionRate: Share,
  firstResponse: DurationKpi,
  queueWait: DurationKpi,
  averageResponse: DurationKpi,
  resolution: DurationKpi,
  handle: DurationKpi,
  /** The same durations counting only time within business hours (null where none are configured). */
  business: z
    .object({ firstResponse: DurationKpi, queueWait: DurationKpi, averageResponse: DurationKpi, resolution: DurationKpi, handle: DurationKpi })
    .nullable(),
  interactions: z.object({ count: z.number().int(), avg: z.number().nullable(), median: z.number().nullable(), p90: z.number().nullable() }),
  csat: z.object({ surveyed: z.number().int(), ratings: z.number().int(), positive: z.number().int(), score: Share, responseRate: Share, avgRating: z.number().nullable() }),
  sla: z.object({ firstResponse: SlaKpi, resolution: SlaKpi }),
  missed: z.object({ count: z.number().int(), share: Share }),
  selfService: z.object({ count: z.number().int(), rate: Share }),
  /** Resolved by the server because the shopper went quiet or left (either reason), and their share of those resolved. */
  resolvedByInactivity: z.object({ count: z.number().int(), share: Share }).optional(),
  /** Conversations that began as the answer to a proactive message, and their share of all (always present from this server). */
  proactive: z.object({ count: z.number().int(), share: Share }).optional(),
  channels: z.array(z.object({ channel: z.string(), count: z.number().int(), share: Share })),
});
export type KpiSet = z.infer<typeof KpiSet>;

export const BacklogPoint = z.object({ at: Millis, open: z.number().int(), overdue: z.number().int() });
export type BacklogPoint = z.infer<typeof BacklogPoint>;

export const Metrics = z.object({
  from: Millis,
  to: Millis,
  tz: z.string(),
  groupBy: z.enum(['day', 'week', 'none']),
  filters: z.object({ siteId: z.string().nullable(), agentId: z.string().nullable(), departmentId: z.string().nullable(), channel: z.string().nullable(), tagId: z.string().nullable().optional() }),
  /** When the figures were computed (backlog "now", missed and pending SLAs are as of this instant). */
  computedAt: Millis,
  totals: KpiSet,
  /** Open conversations at the end of the period (capped at now), and those older than the resolution SLA. */
  backlog: BacklogPoint,
  series: z.array(z.object({ start: Millis, end: Millis, label: z.string(), kpis: KpiSet, backlog: BacklogPoint })),
  perAgent: z.array(z.object({ agentId: z.string(), name: z.string(), kpis: KpiSet })),
  perDepartment: z.array(z.object({ departmentId: z.string().nullable(), name: z.string(), kpis: KpiSet })),
  /** How many of the conversations are the demo's seeded history. */
  demoConversations: z.number().int(),
});
export type Metrics = z.infer<typeof Metrics>;

/** The live view: what is happening now. */
export const LiveMetrics = z.object({
  at: Millis,
  queueLength: z.number().int(),
  longestWaitMs: z.number().nullable(),
  openConversations: z.number().int(),
  agents: z.array(z.object({ id: z.string(), name: z.string(), presence: Presence, load: z.number().int(), maxChats: z.number().int() })),
});
export type LiveMetrics = z.infer<typeof LiveMetrics>;

export const CsatRequest = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional() });

export const VisitorDetail = z.object({
  id: Id,
  name: z.string().nullable(),
  email: z.string().nullable(),
  attributes: VisitorAttributes.optional(),
  returning: z.boolean(),
  visitCount: z.number().int(),
  firstSeenAt: Millis,
  lastSeenAt: Millis,
  currentPage: PageInfo.nullable(),
  /** Pages of the current (latest) visit, oldest first. */
  pages: z.array(z.object({ url: z.string(), title: z.string(), at: Millis })),
  conversations: z.array(
    z.object({ id: Id, state: ConversationState, createdAt: Millis, resolvedAt: Millis.nullable(), lastMessage: z.string().nullable() }),
  ),
});
export type VisitorDetail = z.infer<typeof VisitorDetail>;

export const ConversationDetail = z.object({
  conversation: ConversationSummary,
  visitor: VisitorDetail,
  firstResponseMs: z.number().nullable(),
  resolutionMs: z.number().nullable(),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

// ---------------------------------------------------------------------------------------------
// FAQ knowledge base and the bot
// ---------------------------------------------------------------------------------------------

/** How many alternative phrasings one FAQ entry may have. */
export const FAQ_MAX_ALTERNATIVES = 30;

/** One FAQ entry; the import/export format of `GET/PUT /api/sites/:siteId/faqs`. */
export const FaqEntry = z.object({
  /** Stable id (a slug or a nanoid); unique within the site. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids are 1-64 characters of A-Z a-z 0-9 _ -'),
  lang: Lang,
  question: z.string().trim().min(3).max(300),
  /** Other ways shoppers ask the same thing (indexed too). */
  alternatives: z.array(z.string().trim().min(2).max(300)).max(FAQ_MAX_ALTERNATIVES).default([]),
  /** Plain text; http(s) and mailto links become links in the widget. */
  answer: z.string().trim().min(1).max(4000),
  /** Follow-up buttons under the answer. */
  quickReplies: z.array(z.string().trim().min(1).max(60)).max(5).default([]),
  departmentId: Id.nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export type FaqEntry = z.infer<typeof FaqEntry>;

export const FaqList = z
  .array(FaqEntry)
  .max(5000)
  .refine((l) => new Set(l.map((e) => e.id)).size === l.length, 'FAQ ids must be unique');

export const BotAnswerRequest = z.object({ question: z.string().trim().min(1).max(1000), lang: Lang });

/** An entry the bot found near a question, with its confidence. */
export const BotNearest = z.object({ faqId: z.string(), question: z.string(), score: z.number() });
export type BotNearest = z.infer<typeof BotNearest>;

export const BotAnswer = z.object({
  /** answer: faqId is the answer; suggest: the bot offers `suggestions` ("Did you mean…") beside a person; abstain: neither. */
  decision: z.enum(['answer', 'suggest', 'abstain']),
  /** null: the bot does not answer outright (decision suggest or abstain). */
  faqId: z.string().nullable(),
  /** 0..1: the share of the question's meaning the best entry explains. */
  score: z.number(),
  answer: z.string().nullable(),
  question: z.string().nullable(),
  quickReplies: z.array(z.string()),
  /** decision suggest: the entries offered, best first (up to 3). */
  suggestions: z.array(BotNearest),
  /** The nearest entries and their scores whatever the decision (the console's diagnosis). */
  nearest: z.array(BotNearest),
  /** This site's calibrated bars: answer at or above `answer`, suggest at or above `suggest`. */
  thresholds: z.object({ answer: z.number(), suggest: z.number() }),
  /** true: `answer` was phrased by the site's model provider from the cited entry (faqId); absent: the entry's own text. */
  phrased: z.boolean().optional(),
});
export type BotAnswer = z.infer<typeof BotAnswer>;

// The learning loop (plain HTTP bodies: the wire's frames do not change).

/** `GET /api/sites/:siteId/bot/misses?days=30&trials=0`: trials=1 lists only the console's "Try the bot" questions. */
export const BotMissesQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30),
  trials: z.enum(['0', '1']).default('0'),
});

/** One group of unanswered questions: a language and a normalised question, not yet handled. */
export const BotMissGroup = z.object({
  lang: Lang,
  /** Lower case, no accents or punctuation, single spaces: the group key. */
  normalised: z.string(),
  /** One of the questions as it was asked. */
  question: z.string(),
  count: z.number().int(),
  /** Epoch ms of the latest occurrence. */
  lastAt: z.number(),
  /** Times per reason: no answer, only "Did you mean…" suggestions, an answer the shopper found unhelpful. */
  abstained: z.number().int(),
  suggested: z.number().int(),
  unhelpful: z.number().int(),
  /** The entry these questions came closest to when asked (the most frequent, then the latest), with its score then. */
  closest: BotNearest.nullable(),
  /** The entry the bot proposes now, from the current FAQ (nearest to the normalised question). */
  proposed: BotNearest.nullable(),
});
export type BotMissGroup = z.infer<typeof BotMissGroup>;
export const BotMissList = z.array(BotMissGroup);

/** `POST /api/sites/:siteId/faqs/:faqId/alternatives`: one more way to ask that entry (admins). */
export const FaqAlternativeRequest = z.object({ text: z.string().trim().min(2).max(300) });
export const FaqAlternativeResult = z.object({
  entry: FaqEntry,
  /** The unanswered questions this phrasing answers now, marked handled (they leave the list). */
  handled: z.number().int(),
});
export type FaqAlternativeResult = z.infer<typeof FaqAlternativeResult>;

/** `POST /api/sites/:siteId/bot/misses/dismiss`: hides a group without learning from it (admins). */
export const BotMissDismiss = z.object({ lang: Lang, normalised: z.string().trim().min(1).max(1000) });
export const BotMissDismissed = z.object({ handled: z.number().int() });

/** An http(s) base URL of an OpenAI-compatible API (e.g. http://127.0.0.1:11434/v1, https://api.openai.com/v1); no credentials in it. */
export const ProviderBaseUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol), 'http or https only')
  .refine((u) => !new URL(u).username && !new URL(u).password, 'no credentials in the URL (the key has its own field)')
  .transform((u) => u.replace(/\/+$/, ''));

/**
 * PUT /api/sites/:siteId/bot/provider (admins): the site's optional model provider, off by default.
 * `apiKey` is write-only: omitted keeps the stored one, null clears it.
 */
export const ProviderInput = z.object({
  enabled: z.boolean(),
  baseUrl: ProviderBaseUrl,
  chatModel: z.string().trim().max(200).default(''),
  /** '': no embeddings. */
  embeddingModel: z.string().trim().max(200).default(''),
  /** Use the embeddings as a second retrieval signal. */
  useEmbeddings: z.boolean().default(false),
  /** Let the chat model phrase grounded answers from the best entries. */
  useAnswers: z.boolean().default(false),
  apiKey: z.string().trim().min(1).max(500).nullable().optional(),
})
  .refine((p) => !p.useEmbeddings || p.embeddingModel !== '', { message: 'embeddings need an embedding model', path: ['embeddingModel'] })
  .refine((p) => !p.useAnswers || p.chatModel !== '', { message: 'phrased answers need a chat model', path: ['chatModel'] });
export type ProviderInput = z.infer<typeof ProviderInput>;

/** GET /api/sites/:siteId/bot/provider: the settings without the key (`hasKey` only); `provider` null: none set (off). */
export const ProviderView = z.object({
  enabled: z.boolean(),
  baseUrl: z.string(),
  chatModel: z.string(),
  embeddingModel: z.string(),
  useEmbeddings: z.boolean(),
  useAnswers: z.boolean(),
  hasKey: z.boolean(),
  updatedAt: Millis,
});
export type ProviderView = z.infer<typeof ProviderView>;

/** POST /api/sites/:siteId/bot/provider/test: one call to the provider (with the stored settings), and what happened. */
export const ProviderTestResult = z.object({
  ok: z.boolean(),
  /** Which call was tried: embeddings when an embedding model is set, else chat. */
  call: z.enum(['embeddings', 'chat', 'none']),
  ms: z.number(),
  /** Why it failed (HTTP status, timeout, malformed reply...); never the key. */
  reason: z.string().nullable(),
});
export type ProviderTestResult = z.infer<typeof ProviderTestResult>;

// ---------------------------------------------------------------------------------------------
// Canned responses and the widget's proactive rules
// ---------------------------------------------------------------------------------------------

/** `GET /api/widget/:siteId/proactive`: the enabled rules, for the loader (public: it is what the widget shows). */
export const WidgetProactive = z.array(ProactiveRule.omit({ enabled: true }));
export type WidgetProactive = z.infer<typeof WidgetProactive>;

/** The median first response of the last 7 days, bucketed: m within 5 minutes, h within an hour, d within a day. */
export const ReplyTime = z.enum(['m', 'h', 'd']);
export type ReplyTime = z.infer<typeof ReplyTime>;

/** The branding the widget applies (only what the site set; the text colour on `color` chosen by contrast). */
export const WidgetBrand = z.object({
  color: HexColor.optional(),
  /** #ffffff or #000000 on `color`: whichever contrasts more (one of them always reaches 4.58:1). */
  ink: HexColor.optional(),
  position: z.enum(['left', 'right']).optional(),
  team: z.string().optional(),
  greeting: z.object({ en: z.string().optional(), it: z.string().optional() }).optional(),
  /** Initials of up to 3 agents (online first, else who answered in the last 7 days). */
  agents: z.array(z.string().max(2)).max(3).optional(),
  reply: ReplyTime.optional(),
});
export type WidgetBrand = z.infer<typeof WidgetBrand>;

/**
 * `GET /widget/config?site=ID` (public, cached 15 s): what the loader needs before the chat.
 * `{}` for a site that set nothing and has no rule that may fire now. `proactive`: the enabled
 * rules that can be answered now (a rule with requireAvailable is left out while nobody can).
 */
export const WidgetConfig = z.object({
  proactive: WidgetProactive.optional(),
  brand: WidgetBrand.optional(),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;

/** An answer script agents insert with `/shortcut`; `{{visitor.name}}`, `{{visitor.email}}`, `{{agent.name}}` are filled in. */
export const CannedResponse = z.object({
  id: Id,
  siteId: SiteId,
  shortcut: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'shortcuts are 1-32 lower-case letters, digits, _ or - (without the /)'),
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(MAX_MESSAGE_CHARS),
  lang: Lang,
  /** null: for every department. */
  departmentId: Id.nullable(),
  updatedAt: Millis,
});
export type CannedResponse = z.infer<typeof CannedResponse>;

export const CannedInput = CannedResponse.omit({ id: true, siteId: true, updatedAt: true }).extend({ departmentId: Id.nullable().default(null) });
export type CannedInput = z.infer<typeof CannedInput>;
/** Only the fields given change (no defaults: a missing departmentId is left alone). */
export const CannedPatch = CannedResponse.omit({ id: true, siteId: true, updatedAt: true }).partial();

// ---------------------------------------------------------------------------------------------
// Security and privacy (admin routes)
// ---------------------------------------------------------------------------------------------

/** `GET /api/sites/:siteId/secret` and `POST /api/sites/:siteId/secret/rotate`. */
export const SiteSecret = z.object({ siteId: SiteId, secret: z.string() });
export type SiteSecret = z.infer<typeof SiteSecret>;


/** The body of every 4xx/5xx the HTTP API returns. */
// ---------------------------------------------------------------------------------------------
// Email (SMTP per site) and attachments
// ---------------------------------------------------------------------------------------------

/** PUT /api/sites/:siteId/smtp (admins). `password` is write-only: omitted keeps the stored one, null clears it. */
export const SmtpInput = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  /** TLS from the first byte (465); false: STARTTLS when offered. */
  secure: z.boolean().default(false),
  user: z.string().max(256).nullable().default(null),
  password: z.string().max(256).nullable().optional(),
  from: Email,
});
export type SmtpInput = z.infer<typeof SmtpInput>;

/** GET /api/sites/:siteId/smtp: the settings without the password. */
export const SmtpView = z.object({
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  user: z.string().nullable(),
  passwordSet: z.boolean(),
  from: z.string(),
  updatedAt: Millis,
});
export type SmtpView = z.infer<typeof SmtpView>;

export const HttpError = z.object({ error: z.string(), message: z.string() });
export type HttpError = z.infer<typeof HttpError>;
