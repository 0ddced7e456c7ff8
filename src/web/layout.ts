import type { Principal } from '../api/auth/principal.js';
import { escapeHtml } from './html.js';

/** The UI's sections, in navigation order; `path` is also the deep-link prefix. */
export const SECTIONS = [
  { id: 'fleet', path: '/fleet', label: 'Fleet' },
  { id: 'alarms', path: '/alarms', label: 'Alarms' },
  { id: 'calls', path: '/calls', label: 'Voice quality' },
  { id: 'licences', path: '/licences', label: 'Licences' },
  { id: 'resiliency', path: '/resiliency', label: 'Resiliency' },
  { id: 'collectors', path: '/collectors', label: 'Collectors' },
  // Shown to admins only (the route refuses others too): who acknowledged, silenced, signed in.
  { id: 'audit', path: '/audit', label: 'Audit', adminOnly: true },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export interface PageInput {
  title: string;
  section: SectionId | null;
  /** Already-escaped HTML of the main region. */
  body: string;
  principal: Principal;
  version: string;
  /** Module scripts from /assets/ (e.g. 'live.js'); every asset is bundled, nothing from other hosts. */
  scripts?: readonly string[];
  /** Extra stylesheets from /assets/ (e.g. 'vendor/uPlot.min.css'). */
  styles?: readonly string[];
  /** Large type for a wall display (pages pass it from ?wall=1). */
  wall?: boolean;
  /** Without JavaScript the page reloads itself this often (a noscript meta refresh); with it, live.js updates in place. */
  refreshSeconds?: number;
  /** Shows the live-update indicator that assets/live.js switches on (add 'live.js' to scripts). */
  live?: boolean;
}

/** One shell for every page: skip link, navigation with the current section marked, who is signed in. */
export function renderPage(input: PageInput): string {
  const nav = SECTIONS.filter((section) => !('adminOnly' in section) || input.principal.role === 'admin').map(
    (section) =>
      `<a href="${section.path}${input.wall ? '?wall=1' : ''}"${section.id === input.section ? ' aria-current="page"' : ''}>${escapeHtml(section.label)}</a>`,
  ).join('');
  const who =
    input.principal.via === 'open'
      ? '<span class="who">authentication off (loopback)</span>'
      : `<span class="who">${escapeHtml(input.principal.name)} (${escapeHtml(input.principal.role)})</span> <form method="post" action="/logout" class="inline"><button type="submit">Sign out</button></form>`;
  const styles = ['app.css', ...(input.styles ?? [])].map((name) => `<link rel="stylesheet" href="/assets/${escapeHtml(name)}">`).join('\n');
  const refresh = input.refreshSeconds ? `\n<noscript><meta http-equiv="refresh" content="${Math.max(5, Math.round(input.refreshSeconds))}"></noscript>` : '';
  const live = input.live ? '<span class="live" id="live-status" role="status">static</span>' : '';
  const scripts = (input.scripts ?? []).map((name) => `<script type="module" src="/assets/${escapeHtml(name)}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} · ipo-observer</title>${refresh}
<link rel="icon" href="data:,">
${styles}
</head>
<body data-role="${escapeHtml(input.principal.role)}"${input.wall ? ' class="wall"' : ''}>
<a class="skip" href="#main">Skip to content</a>
<header><strong class="brand">ipo-observer</strong><nav aria-label="Sections">${nav}</nav>${live}${who}</header>
<main id="main" tabindex="-1">
<h1>${escapeHtml(input.title)}</h1>
${input.body}
</main>
<footer>ipo-observer ${escapeHtml(input.version)}</footer>
${scripts}
</body>
</html>
`;
}
