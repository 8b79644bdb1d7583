import type { CountryCode } from 'libphonenumber-js';
import type { Finding } from '../findings';
import { emailCandidates } from './email';
import { anchorHits, linkStarts, wordTree } from './shared-anchors';
import { dense, makeFinding, overlaps, scanAt, withoutOverlaps, type Candidate } from './shared-findings';
import { phoneAtStart } from './shared-phone-at';
import { lookalikeView, type TextView } from './shared-view';
import { looksLikeUsername } from './shared-words';

export interface PaymentOptions {
  /** Where the person lives: a hint for a Zelle or Apple Cash number written without its country code. */
  country?: CountryCode;
}

type Accepts = 'tag' | 'email' | 'phone';

interface Service {
  names: string;
  /** Names that are also ordinary words or letters: they count only before a $tag, @tag, email or number. */
  weak?: string;
  accepts: Accepts[];
}

/** How people name each service, and what it identifies an account by. */
const SERVICES: Record<string, Service> = {
  cashapp: { names: 'cashapp, cash app, cash-app, cashtag', weak: 'CA', accepts: ['tag', 'email', 'phone'] },
  venmo: { names: 'venmo', accepts: ['tag', 'email', 'phone'] },
  paypal: { names: 'paypal, pay pal, paypal.me', weak: 'PP', accepts: ['tag', 'email', 'phone'] },
  revolut: { names: 'revolut, revtag, rev tag, revolut tag', accepts: ['tag', 'phone'] },
  zelle: { names: 'zelle', accepts: ['email', 'phone'] },
  chime: { names: 'chime, chimesign, chime sign', accepts: ['tag'] },
  applecash: { names: 'apple cash, applecash, apple pay, applepay', accepts: ['email', 'phone'] },
  wise: { names: 'wisetag, wise tag', weak: 'wise', accepts: ['tag', 'email'] },
  monzo: { names: 'monzo', accepts: ['tag', 'phone'] },
  alipay: { names: 'alipay, 支付宝', accepts: ['email', 'phone'] },
  skrill: { names: 'skrill', accepts: ['email'] },
};

const CASE_SENSITIVE = new Set(['CA', 'PP']);

interface ServiceName {
  service: string;
  weak: boolean;
}

const SERVICE_NAMES = new Map<string, ServiceName>();
for (const [service, { names, weak = '' }] of Object.entries(SERVICES)) {
  for (const name of names.split(',')) SERVICE_NAMES.set(key(name), { service, weak: false });
  for (const name of weak.split(',').filter(Boolean)) SERVICE_NAMES.set(key(name), { service, weak: true });
}

function key(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '');
}

function serviceNamed(written: string): ServiceName | undefined {
  const found = SERVICE_NAMES.get(key(written));
  if (!found) return undefined;
  if (found.weak && [...CASE_SENSITIVE].some((word) => key(word) === key(written)) && !CASE_SENSITIVE.has(written)) {
    return undefined;
  }
  return found;
}

const NAME_ALTERNATION = Object.values(SERVICES)
  .flatMap(({ names, weak = '' }) => `${names},${weak}`.split(','))
  .map((name) => name.trim())
  .filter(Boolean)
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, String.raw`[ \t\-]?`))
  .join('|');

const WORD_CHAR = String.raw`\p{Script=Latin}\p{Script=Cyrillic}\p{Nd}_`;
const SERVICE = String.raw`(?:${NAME_ALTERNATION})(?![${WORD_CHAR}])`;
const BEFORE_SERVICE = String.raw`(?<![${WORD_CHAR}$@./\-])`;
/** Between a service and its handle: "venmo: ", "zelle me at ", "cash app is ", "CA ". */
const FILLER = String.raw`(?:[ \t]{0,3}(?:(?:is|es|me|to|at|on|via|a|al|на|user[ \t]?name|user|handle|tag|id)(?![${WORD_CHAR}])|[^\p{L}\p{N}\s@#$_.'’"+]|\uFE0F)){0,6}[ \t]{0,3}`;
const JOIN = String.raw`[ \t]{0,3}(?:[/&,+|]|and|or|y|o|или)[ \t]{0,3}`;
/** "Venmo/CashApp", "cash app or venmo": several services sharing one handle. */
const SERVICE_THEN_VALUE = new RegExp(`${BEFORE_SERVICE}(${SERVICE}(?:${JOIN}${SERVICE}){0,3})(${FILLER})(?=[$@+(\\d\\p{L}])`, 'iuy');
/** Where SERVICE_THEN_VALUE can start: a service's name (without the u flag, so it runs fast). */
const SERVICE_ANCHOR = new RegExp(
  String.raw`(?<![A-Za-z0-9_$@./\-])${wordTree(
    Object.values(SERVICES).flatMap(({ names, weak = '' }) =>
      `${names},${weak}`
        .split(',')
        .map((name) => name.trim().replace(/-/g, ' '))
        .filter(Boolean),
    ),
    { caseless: true, blank: String.raw`[ \t\-]?` },
  )}`,
  'gi',
);
const ONE_SERVICE = new RegExp(SERVICE, 'giu');

/** A Cash App $cashtag: letter-led, so "$200", "$150hh" and "$ 300" stay prices. */
const CASHTAG = new RegExp(String.raw`(?<![${WORD_CHAR}$])\$([A-Za-z][A-Za-z0-9_\-]{0,19})(?![A-Za-z0-9_\-$])`, 'uy');
/** "$USD 200", "$CAD200": currency written after the sign. */
const CURRENCY = /^(?:usd|us|cad|aud|nzd|hkd|sgd|mxn|eur|gbp|jpy|cny|rmb|k|m)\d*$/i;

/** A tag after a service's name: "@jane", "$ jane", "jane-doe-7". */
const TAG = /^(?:([@$])[ \t]?)?([\p{Script=Latin}\p{Nd}_][\p{Script=Latin}\p{Nd}_\-.]{0,29})/u;

const PAY_LINK = new RegExp(
  String.raw`(?<![${WORD_CHAR}.@/\-])(?:https?://)?(?:(?:www|account)\.)?(cash\.app|cash\.me|venmo\.com|paypal\.me|paypal\.com|revolut\.me|monzo\.me|wise\.com|ko-fi\.com|buymeacoffee\.com|throne\.com)/([\p{L}\p{N}$@_\-./]{1,100})`,
  'iuy',
);

/** Where a payment link names its account: which path segment, after which fixed prefix. */
function readPayLink(host: string, path: string): { service: string; tag: string; used: number } | null {
  const segments = path.split('/');
  const at = (index: number, service: string) => {
    const raw = segments[index];
    const tag = raw?.replace(/^[$@]/, '').replace(/[.\-]+$/, '');
    if (!raw || !tag || !/[\p{L}\p{N}]/u.test(tag)) return null;
    const used = segments.slice(0, index).join('/').length + (index > 0 ? 1 : 0) + raw.replace(/[.\-]+$/, '').length;
    return { service, tag, used };
  };
  const first = segments[0]?.toLowerCase();
  switch (host.toLowerCase()) {
    case 'cash.app':
    case 'cash.me':
      return segments[0]?.startsWith('$') ? at(0, 'cashapp') : null;
    case 'venmo.com':
      if (first === 'u') return at(1, 'venmo');
      return first && !/^(about|legal|signup|login|pay|code|account|business|resources|help)$/.test(first) ? at(0, 'venmo') : null;
    case 'paypal.me':
      return at(0, 'paypal');
    case 'paypal.com':
      return first === 'paypalme' ? at(1, 'paypal') : null;
    case 'revolut.me':
      return at(0, 'revolut');
    case 'monzo.me':
      return at(0, 'monzo');
    case 'wise.com':
      return first === 'pay' && segments[1] === 'me' ? at(2, 'wise') : null;
    case 'ko-fi.com':
      return at(0, 'kofi');
    case 'buymeacoffee.com':
      return at(0, 'buymeacoffee');
    case 'throne.com':
      return at(0, 'throne');
    default:
      return null;
  }
}

function linkCandidates(view: TextView): Candidate[] {
  return scanAt(PAY_LINK, view.text, linkStarts(view.text), (m) => {
    const found = readPayLink(m[1]!, m[2]!);
    if (!found) return null;
    const pathAt = m.index + m[0].length - m[2]!.length;
    const [start, end] = view.span(m.index, pathAt + found.used);
    return [{ start, end, normalized: `${found.service}:${found.tag}`.toLowerCase() }];
  });
}

function dollarSigns(text: string): number[] | null {
  const at: number[] = [];
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    if (dense(at.length, text)) return null;
    at.push(i);
  }
  return at;
}

function cashtagCandidates(view: TextView): Candidate[] {
  return scanAt(CASHTAG, view.text, dollarSigns(view.text), (m) => {
    const tag = m[1]!.replace(/[.\-]+$/, '');
    if (CURRENCY.test(tag)) return null;
    const [start, end] = view.span(m.index, m.index + 1 + tag.length);
    return [{ start, end, normalized: `cashapp:${tag}`.toLowerCase() }];
  });
}

/** Services that write a tag with "$" (Cash App, Chime); the others write "@". */
const DOLLAR_TAGS = new Set(['cashapp', 'chime']);

function namedCandidates(view: TextView, options: PaymentOptions): Candidate[] {
  return scanAt(SERVICE_THEN_VALUE, view.text, anchorHits(SERVICE_ANCHOR, view.text), (m) => {
    const named = [...m[1]!.matchAll(ONE_SERVICE)].map((word) => serviceNamed(word[0]));
    if (named.length === 0 || named.some((service) => !service)) return null;
    const valueAt = m.index + m[0].length;
    const candidates: Candidate[] = [];
    for (const service of named as ServiceName[]) {
      const value = valueAfter(view.text, valueAt, SERVICES[service.service]!.accepts, options);
      // "wise", "CA", "PP" are also ordinary words: only a handle-shaped value makes them a service.
      if (!value || (service.weak && !value.marked)) continue;
      // "Venmo/CashApp: @keke_b": an "@" tag belongs to the "@" services, a "$" tag to the "$" ones.
      if (named.length > 1 && value.sigil && (value.sigil === '$') !== DOLLAR_TAGS.has(service.service)) continue;
      const [start, end] = view.span(m.index, valueAt + value.length);
      candidates.push({ start, end, normalized: `${service.service}:${value.normalized}` });
    }
    return candidates;
  });
}

/** The account right after a service's name: an email, a phone number or a tag, as the service takes. */
function valueAfter(text: string, at: number, accepts: Accepts[], options: PaymentOptions) {
  const window = text.slice(at, at + 80);
  if (accepts.includes('email')) {
    const email = emailCandidates(window).find((found) => found.start === 0);
    if (email) return { length: email.end, normalized: email.normalized, marked: true, sigil: '' };
  }
  if (accepts.includes('phone') && /^[(+\d]/.test(window)) {
    const phone = phoneAtStart(window, options.country);
    if (phone) return { length: phone.end, normalized: phone.e164, marked: true, sigil: '' };
  }
  if (accepts.includes('tag')) {
    const m = TAG.exec(window);
    if (!m) return null;
    const sigil = m[1] ?? '';
    const tag = m[2]!.replace(/[.\-]+$/, '');
    if (serviceNamed(tag) || !looksLikeUsername(tag, sigil !== '')) return null;
    if (sigil === '$' && !/^\p{L}/u.test(tag)) return null;
    if (!sigil && /^\d+$/.test(tag)) return null;
    const length = m[0].length - (m[2]!.length - tag.length);
    return { length, normalized: tag.toLowerCase(), marked: sigil !== '' || /[\d_.]/.test(tag), sigil };
  }
  return null;
}

/** Payment handles as candidates, for other finders that need them. */
export function paymentCandidates(text: string, options: PaymentOptions = {}): Candidate[] {
  const view = lookalikeView(text);
  const links = linkCandidates(view);
  const clear = (candidate: Candidate) => !links.some((link) => overlaps(candidate, link));
  const named = namedCandidates(view, options);
  // A "$tag" a named service already reported ("Venmo/CashApp: @a / $b" reports only @a) is still a Cash App tag.
  const tags = cashtagCandidates(view).filter((tag) => !named.some((n) => n.start <= tag.start && tag.end <= n.end));
  return withoutOverlaps([...links, ...[...named, ...tags].filter(clear)]);
}

/**
 * Payment handles, which often show a legal name: Cash App "$tag", "venmo @tag", paypal.me/tag,
 * revolut.me/tag, "zelle jane@mail.com", "apple cash +1 555…". Prices ("$200", "$150hh") are not tags.
 */
export function findPayments(text: string, options: PaymentOptions = {}): Finding[] {
  return paymentCandidates(text, options).map((candidate) => makeFinding(text, 'payment', 'high', 'reasonPayment', candidate));
}
