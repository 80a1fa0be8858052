/**
 * The HTTP bodies of running an install: the first-run setup, the team (agents, invitations,
 * password links) and the sites (name, allowed origins, embed snippet). HTTP only: no WebSocket
 * frame uses these, so PROTOCOL_VERSION does not move with this file.
 */
import { z } from 'zod';
import { AgentStatus, Email, Id, Millis, SiteId } from './index.ts';
import { ROLES } from './constants.ts';

/** The shortest password accepted when one is chosen (setup, invitation, reset, change). */
export const PASSWORD_MIN = 10;
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN, `the password needs at least ${PASSWORD_MIN} characters`)
  .max(1024, 'the password is too long (1024 characters at most)');
export const AgentName = z.string().trim().min(1, 'a name is needed').max(80);
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const MaxChats = z.number().int().min(1).max(50);

// ---- first run --------------------------------------------------------------------------------

/** GET /api/setup: whether the install still needs its first admin. */
export const SetupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

/** POST /api/setup: the code printed in the server's log at start, and the first admin. */
export const SetupRequest = z.object({
  code: z.string().trim().min(1, 'the setup code is needed').max(64),
  name: AgentName,
  email: Email,
  password: NewPassword,
});
export type SetupRequest = z.infer<typeof SetupRequest>;

// ---- team -------------------------------------------------------------------------------------

/** POST /api/agents (admins): a new agent, who sets their own password through the invitation link. */
export const AgentCreate = z.object({
  name: AgentName,
  email: Email,
  role: Role.default('agent'),
  maxChats: MaxChats.default(5),
  departmentIds: z.array(Id).max(50).default([]),
  /** The sites they work on (routing and the live inbox); empty or absent: every site. */
  siteIds: z.array(SiteId).max(200).optional(),
});
export type AgentCreate = z.input<typeof AgentCreate>;

/** PATCH /api/agents/:id: admins change anything; an agent only their own maxChats. */
export const AgentUpdate = z
  .object({
    name: AgentName.optional(),
    email: Email.optional(),
    role: Role.optional(),
    maxChats: MaxChats.optional(),
    departmentIds: z.array(Id).max(50).optional(),
    /** The sites they work on; [] : every site. */
    siteIds: z.array(SiteId).max(200).optional(),
  })
  .strict();
export type AgentUpdate = z.infer<typeof AgentUpdate>;

/**
 * An invitation or a password-reset link. `url` is shown once to the admin (to pass on) unless it
 * was emailed; it carries the token in the fragment (#), which browsers never send to a server.
 */
export const PasswordLink = z.object({
  kind: z.enum(['invite', 'reset']),
  url: z.string().nullable(),
  expiresAt: Millis,
  /** Sent by email through a site's SMTP server (then `url` is null). */
  emailed: z.boolean(),
  /** Why it could not be emailed (no site has SMTP, or the server refused), when it was tried. */
  emailError: z.string().optional(),
});
export type PasswordLink = z.infer<typeof PasswordLink>;

/** 201 of POST /api/agents. */
export const AgentCreated = z.object({ agent: AgentStatus, link: PasswordLink });
export type AgentCreated = z.infer<typeof AgentCreated>;

/** A token from a link, in a body (never in a URL). */
export const TokenBody = z.object({ token: z.string().min(20).max(128).regex(/^[A-Za-z0-9_-]+$/, 'not a link token') });

/** POST /api/password-links/inspect: who the link is for (the page greets them). */
export const PasswordLinkInfo = z.object({ kind: z.enum(['invite', 'reset']), name: z.string(), email: z.string(), expiresAt: Millis });
export type PasswordLinkInfo = z.infer<typeof PasswordLinkInfo>;

/** POST /api/password-links/accept: sets the password, uses the link up and signs in. */
export const PasswordLinkAccept = TokenBody.extend({ password: NewPassword });
export type PasswordLinkAccept = z.infer<typeof PasswordLinkAccept>;

/** POST /api/auth/password: the agent's own password; the agent's other sessions end. */
export const PasswordChange = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: NewPassword });
export type PasswordChange = z.infer<typeof PasswordChange>;

// ---- sites ------------------------------------------------------------------------------------

/**
 * An origin a shop's pages are served from: scheme, host and an optional port, as browsers send it
 * in the Origin header. `https://Shop.example.com/` is taken as `https://shop.example.com`; a path,
 * a query, user info or another scheme is refused with the reason.
 */
export const Origin = z.string().trim().transform((s, ctx) => {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not an origin such as https://shop.example.com` });
    return z.NEVER;
  }
  const why =
    u.protocol !== 'http:' && u.protocol !== 'https:'
      ? 'only http:// and https:// origins'
      : u.username || u.password
        ? 'no user name or password in an origin'
        : u.pathname !== '/' || u.search || u.hash || /[?#]/.test(s)
          ? 'an origin has no path, query or fragment (only scheme, host and port)'
          : !u.hostname || u.hostname.endsWith('.')
            ? 'a host name is needed (without a trailing dot)'
            : null;
  if (why) {
    ctx.addIssue({ code: 'custom', message: `"${s}": ${why}` });
    return z.NEVER;
  }
  return u.origin;
});

const Origins = z
  .array(Origin)
  .max(50)
  .transform((list) => [...new Set(list)]);

/** POST /api/sites (admins). Without `id`, one is made from the name. */
export const SiteCreate = z.object({
  id: SiteId.optional(),
  name: z.string().trim().min(1, 'a name is needed').max(80),
  origins: Origins.refine((l) => l.length > 0, 'at least one origin is needed'),
});
export type SiteCreate = z.input<typeof SiteCreate>;

/** PATCH /api/sites/:siteId (admins). */
export const SiteUpdate = z
  .object({
    name: z.string().trim().min(1, 'a name is needed').max(80).optional(),
    origins: Origins.optional(),
  })
  .strict();
export type SiteUpdate = z.input<typeof SiteUpdate>;

/** GET /api/sites/:siteId (admins), and the answer of POST and PATCH. */
export const SiteDetail = z.object({
  id: SiteId,
  name: z.string(),
  /** Origins set in the console or the API. */
  origins: z.array(z.string()),
  /** Origins declared by SITE_ORIGINS in the server's configuration (read-only here; allowed as well). */
  configOrigins: z.array(z.string()),
  createdAt: Millis,
  /** What the site owner pastes and allows. */
  embed: z.object({
    /** The script tag. */
    snippet: z.string(),
    /** The Content-Security-Policy directives a page with a CSP needs for the widget. */
    csp: z.string(),
  }),
});
export type SiteDetail = z.infer<typeof SiteDetail>;

// ---- two-factor sign-in (TOTP) -----------------------------------------------------------------

/** GET /api/auth/totp: the signed-in agent's two-factor state. */
export const TotpStatus = z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int().min(0) });
export type TotpStatus = z.infer<typeof TotpStatus>;

/** POST /api/auth/totp/setup {currentPassword}: a new secret to scan, not on until confirmed. */
export const TotpSetupRequest = z.object({ currentPassword: z.string().min(1).max(1024) });
export const TotpSetup = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  /** otpauth://totp/... (what the QR code holds). */
  uri: z.string(),
  /** The QR code as an SVG document. */
  qrSvg: z.string(),
});
export type TotpSetup = z.infer<typeof TotpSetup>;

/** A code from the authenticator app (6 digits) or, to sign in or turn two-factor off, a recovery code. */
export const TotpCode = z.string().trim().min(6).max(32);

/** POST /api/auth/totp/enable {code}: turns it on; answers the recovery codes, shown once. */
export const TotpEnable = z.object({ code: TotpCode });
export const TotpEnabled = z.object({ recoveryCodes: z.array(z.string()) });
export type TotpEnabled = z.infer<typeof TotpEnabled>;

/** POST /api/auth/totp/disable {currentPassword, code}. */
export const TotpDisable = z.object({ currentPassword: z.string().min(1).max(1024), code: TotpCode });
