/**
 * The web UI's one HTML page, served at `/`: a shell with no inline script
 * or style (the Content-Security-Policy allows only `/assets/ui.js` and
 * `/assets/ui.css` from this server). The script draws the views into
 * `<main>` from the JSON API.
 */
export const UI_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="parallax">
<title>parallax</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/ui.css">
<script type="module" src="/assets/ui.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header class="top"><div class="wrap">
<a class="brand" href="#/">parallax</a>
<span class="note">See one story through every outlet</span>
<form class="search" id="search-form" role="search">
<input type="search" name="q" id="search-q" placeholder="Search articles" aria-label="Search articles" maxlength="200" required>
<button type="submit">Search</button>
</form>
</div></header>
<main id="main" tabindex="-1"><div class="wrap"><p class="empty">Loading…</p></div></main>
<noscript><div class="wrap"><p class="error">The parallax UI needs JavaScript. The JSON API is described at <a href="/openapi.json">/openapi.json</a>.</p></div></noscript>
</body>
</html>
`;
