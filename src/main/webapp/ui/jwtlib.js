// The pages' one client of the JSON API: the same endpoints as everyone else. Tokens live in this
// module's memory only (never in localStorage, sessionStorage, a cookie or a URL): a reload logs out.

let session = null; // {access, refresh, user}

export function currentUser() {
  return session ? session.user : null;
}

export function signedIn() {
  return session !== null;
}

/** One call; answers {status, data (parsed JSON or null), headers}. Network failures become status 0. */
export async function call(path, { method = 'GET', body, token } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store', redirect: 'error',
    });
  } catch (e) {
    return { status: 0, data: null, headers: new Headers() };
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = null; }
  }
  return { status: response.status, data, headers: response.headers };
}

/** A call with the signed-in user's token; one refresh and retry when the access token expired. */
export async function authed(path, options = {}) {
  if (!session) {
    return { status: 401, data: { detail: 'You are not signed in.' }, headers: new Headers() };
  }
  let reply = await call(path, { ...options, token: session.access });
  if (reply.status === 401 && session.refresh) {
    const refreshed = await call('/api/auth/refresh', { method: 'POST', body: { refresh_token: session.refresh } });
    if (refreshed.status === 200) {
      keep(refreshed.data);
      reply = await call(path, { ...options, token: session.access });
    } else {
      session = null;
    }
  }
  return reply;
}

export function keep(tokens) {
  session = { access: tokens.access_token, refresh: tokens.refresh_token, user: tokens.user };
}

export function updateUser(user) {
  if (session) {
    session.user = user;
  }
}

/** The groups of the access token (read for display only; the server decides). */
export function tokenGroups() {
  if (!session) {
    return [];
  }
  try {
    const payload = session.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).groups || [];
  } catch (e) {
    return [];
  }
}

export async function logout() {
  if (session) {
    await call('/api/auth/logout', { method: 'POST', body: { refresh_token: session.refresh }, token: session.access });
  }
  session = null;
}

/** What to tell the person about a failed call: the problem's detail, with what to do for 401/403/429/503. */
export function explain(reply) {
  const detail = reply.data && typeof reply.data.detail === 'string' ? reply.data.detail : '';
  const fields = reply.data && Array.isArray(reply.data.errors)
    ? reply.data.errors.map((e) => `${e.field}: ${e.message}`).join(' ') : '';
  const wait = reply.headers && reply.headers.get('Retry-After');
  switch (reply.status) {
    case 0: return 'The service cannot be reached. Check your connection and try again.';
    case 400: return [detail, fields].filter(Boolean).join(' ') || 'The form is not valid.';
    case 401: return detail || 'You are not signed in, or your session ended. Sign in again.';
    case 403: return detail || 'You are not allowed to do this.';
    case 404: return detail || 'Not found.';
    case 409: return detail || 'This conflicts with the current state.';
    case 413: return 'The input is too large.';
    case 429: return `${detail || 'Too many attempts.'}${wait ? ` Try again in ${wait} s.` : ''}`;
    case 503: return `The service is busy or unavailable${wait ? `; try again in ${wait} s` : '; try again shortly'}.`;
    default: return detail || `Unexpected answer (${reply.status}).`;
  }
}

/** Shows a message in a live region; kind = 'error' | 'ok'. */
export function say(element, text, kind = 'error') {
  element.textContent = text;
  element.className = `message ${kind}`;
  element.hidden = !text;
  if (text && kind === 'error') {
    element.focus();
  }
}

/** The values of a form's named inputs. */
export function values(form) {
  return Object.fromEntries(new FormData(form).entries());
}

/** Runs a form's submit handler with its button disabled meanwhile. */
export function onSubmit(form, handler) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await handler(values(form), form);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
}

/** Shows exactly one of the page's views (sections with data-view). */
export function show(name) {
  document.querySelectorAll('[data-view]').forEach((view) => {
    view.hidden = view.dataset.view !== name;
  });
  const heading = document.querySelector(`[data-view="${name}"] h2`);
  if (heading) {
    heading.focus();
  }
}

/** Builds an element: el('td', {class: 'x'}, 'text', child). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== false && value !== undefined && value !== null) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children) {
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * Wires the page's sign-in form (#login-form) and its second step (#mfa-form) to the API:
 * go('mfa') when the account asks for a code, signedInWith(tokens) when signed in, fail(reply)
 * for a refused password; a wrong code leaves the second step open with the problem shown.
 */
export function wireSignIn({ message, go, signedInWith, fail }) {
  let mfaToken = null;
  onSubmit(document.getElementById('login-form'), async (form) => {
    const reply = await call('/api/auth/login', { method: 'POST', body: { username: form.username, password: form.password } });
    if (reply.status !== 200) {
      return fail(reply);
    }
    if (reply.data.mfa_required) {
      mfaToken = reply.data.mfa_token;
      say(message, '');
      return go('mfa');
    }
    return signedInWith(reply.data);
  });
  onSubmit(document.getElementById('mfa-form'), async (form) => {
    const reply = await call('/api/auth/login/mfa', { method: 'POST', body: { mfa_token: mfaToken, code: form.code.trim() } });
    if (reply.status !== 200) {
      return say(message, explain(reply));
    }
    mfaToken = null;
    return signedInWith(reply.data);
  });
}
