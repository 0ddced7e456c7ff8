import { escapeHtml } from './html.js';

export interface LoginPageInput {
  version: string;
  /** Where to go after signing in (already checked to be a path on this site). */
  next: string;
  /** Shown above the form after a failed attempt; never says whether the name exists. */
  error?: string;
  /** The name typed last time, so only the password is typed again. */
  name?: string;
}

/** The sign-in page: the shell's look without navigation (nothing behind it is reachable yet). */
export function renderLoginPage(input: LoginPageInput): string {
  const error = input.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(input.error)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · ipo-observer</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body class="login">
<header><strong class="brand">ipo-observer</strong></header>
<main id="main">
<h1>Sign in</h1>
${error}
<form method="post" action="/login" class="login-form">
<input type="hidden" name="next" value="${escapeHtml(input.next)}">
<p><label for="login-name">Name</label><br><input id="login-name" name="name" autocomplete="username" required maxlength="64" value="${escapeHtml(input.name ?? '')}"${input.name ? '' : ' autofocus'}></p>
<p><label for="login-password">Password</label><br><input id="login-password" name="password" type="password" autocomplete="current-password" required maxlength="1024"${input.name ? ' autofocus' : ''}></p>
<p><button type="submit">Sign in</button></p>
</form>
</main>
<footer>ipo-observer ${escapeHtml(input.version)}</footer>
</body>
</html>
`;
}
