import type { Principal, Role } from '../api/auth/principal.js';
import { VERSION } from '../version.js';
import { escapeHtml } from './html.js';
import { renderPage } from './layout.js';

/** What a signed-in person sees on a page their role does not open: the shell, why, and a way on. */
export function renderForbiddenPage(principal: Principal, need: Role): string {
  const body = `<p class="error" role="alert">This page needs the <strong>${escapeHtml(need)}</strong> role; you are signed in as ${escapeHtml(principal.name)} (${escapeHtml(principal.role)}).</p>
<p>Ask an administrator for the role, or go back to the <a href="/alarms">alarms</a>.</p>`;
  return renderPage({ title: 'Not allowed', section: null, body, principal, version: VERSION });
}
