import {
  authed, explain, keep, logout, onSubmit, say, show, signedIn, tokenGroups, el,
  wireSignIn,
} from '../ui/jwtlib.js';

const message = document.getElementById('message');
const PAGE = 20;
const ROLES = ['user', 'admin', 'service'];
let offset = 0;
let query = '';

function fail(reply) {
  say(message, explain(reply));
  if (reply.status === 401 && !signedIn()) {
    enter('login');
  }
}

function ok(text) {
  say(message, text, 'ok');
}

function enter(view) {
  show(view);
  const inside = signedIn() && !['login', 'mfa'].includes(view);
  document.getElementById('sections').hidden = !inside;
  document.getElementById('logout').hidden = !inside;
  document.querySelectorAll('[data-tab]').forEach((tab) => {
    if (tab.dataset.tab === view) {
      tab.setAttribute('aria-current', 'page');
    } else {
      tab.removeAttribute('aria-current');
    }
  });
  if (view === 'users') {
    loadUsers();
  } else if (view === 'clients') {
    loadClients();
  } else if (view === 'keys') {
    loadKeys();
  }
}

/** Asks in a modal dialog; resolves true for yes. */
function confirmed(text) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.showModal();
  });
}

async function signedInWith(tokens) {
  keep(tokens);
  document.querySelectorAll('form').forEach((form) => form.reset());
  if (!tokenGroups().includes('admin')) {
    await logout();
    enter('login');
    return say(message, tokenGroups().includes('mfa-enrolment')
      ? 'Administrators must use two-step sign-in: set it up on your account page (/account/) first.'
      : 'This account is not an administrator.');
  }
  say(message, '');
  return enter('users');
}

wireSignIn({ message, go: enter, signedInWith, fail });

// ---- users

function action(label, handler, kind = 'secondary') {
  const button = el('button', { type: 'button', class: kind }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await handler();
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

async function userCall(user, path, options, done) {
  const reply = await authed(path, options);
  if (reply.status >= 200 && reply.status < 300) {
    ok(done);
    return loadUsers();
  }
  return fail(reply);
}

function userRow(user) {
  const base = `/api/admin/users/${encodeURIComponent(user.username)}`;
  const state = [user.is_active ? 'active' : 'deactivated', user.email_verified ? 'email verified' : 'email not verified',
    user.mfa_enabled ? 'two-step on' : 'two-step off'].join(', ');
  const roles = el('fieldset', {}, el('legend', { class: 'visually-hidden' }, `Roles of ${user.username}`),
    ...ROLES.map((role) => {
      const id = `role-${user.username}-${role}`;
      const box = el('input', { type: 'checkbox', id, value: role, checked: user.roles.includes(role) });
      return el('span', {}, box, el('label', { for: id, style: null }, ` ${role} `));
    }));
  roles.className = 'roles';
  const saveRoles = action('Save roles', () => {
    const chosen = [...roles.querySelectorAll('input:checked')].map((box) => box.value);
    return userCall(user, base, { method: 'PATCH', body: { roles: chosen } }, `The roles of ${user.username} are saved.`);
  });
  saveRoles.setAttribute('aria-label', `Save roles of ${user.username}`);
  const named = (label, handler, kind) => {
    const button = action(label, handler, kind);
    button.setAttribute('aria-label', `${label}: ${user.username}`);
    return button;
  };
  const actions = el('td', {},
    named(user.is_active ? 'Deactivate' : 'Activate', () => userCall(user, base,
      { method: 'PATCH', body: { is_active: !user.is_active } },
      `${user.username} is ${user.is_active ? 'deactivated' : 'active'}.`)),
    named('Unlock', () => userCall(user, `${base}/unlock`, { method: 'POST' }, `${user.username} is unlocked.`)),
    named('Send reset mail', () => userCall(user, `${base}/password-reset`, { method: 'POST' },
      `A reset mail is on its way to ${user.email}.`)),
    user.mfa_enabled ? named('Reset two-step', async () => {
      if (await confirmed(`Remove the second factor of ${user.username}? Their sessions end too.`)) {
        await userCall(user, `${base}/mfa`, { method: 'DELETE' }, `The second factor of ${user.username} is removed.`);
      }
    }) : '',
    named('Delete', async () => {
      if (await confirmed(`Delete ${user.username} for good? This cannot be undone.`)) {
        await userCall(user, base, { method: 'DELETE' }, `${user.username} is deleted.`);
      }
    }, 'danger'));
  return el('tr', {}, el('th', { scope: 'row' }, user.username), el('td', {}, user.email), el('td', {}, state),
    el('td', {}, roles, saveRoles), actions);
}

async function loadUsers() {
  const params = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
  if (query) {
    params.set('q', query);
  }
  const reply = await authed(`/api/admin/users?${params}`);
  if (reply.status !== 200) {
    return fail(reply);
  }
  const { users, total } = reply.data;
  document.getElementById('users').replaceChildren(...users.map(userRow));
  document.getElementById('page-info').textContent = total === 0 ? 'No users found.'
    : `Users ${offset + 1}–${offset + users.length} of ${total}`;
  document.getElementById('previous').disabled = offset === 0;
  document.getElementById('next').disabled = offset + users.length >= total;
  return null;
}

onSubmit(document.getElementById('search-form'), async (form) => {
  query = form.q.trim();
  offset = 0;
  await loadUsers();
});
document.getElementById('previous').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); loadUsers(); });
document.getElementById('next').addEventListener('click', () => { offset += PAGE; loadUsers(); });

// ---- clients

function showSecret(data) {
  document.getElementById('secret-client').textContent = data.client_id;
  document.getElementById('secret-value').textContent = data.client_secret;
  document.getElementById('secret-box').hidden = false;
  document.getElementById('copy-secret').focus();
}

async function loadClients() {
  const reply = await authed('/api/admin/clients?limit=200');
  if (reply.status !== 200) {
    return fail(reply);
  }
  document.getElementById('clients').replaceChildren(...reply.data.clients.map((client) => {
    const base = `/api/admin/clients/${encodeURIComponent(client.client_id)}`;
    const rotate = action('New secret', async () => {
      if (await confirmed(`Give ${client.client_id} a new secret? The old one stops working at once.`)) {
        const answer = await authed(`${base}/secret`, { method: 'POST' });
        if (answer.status !== 200) {
          return fail(answer);
        }
        ok(`${client.client_id} has a new secret.`);
        return showSecret(answer.data);
      }
      return null;
    });
    rotate.setAttribute('aria-label', `New secret: ${client.client_id}`);
    const remove = action('Delete', async () => {
      if (await confirmed(`Delete the client ${client.client_id}? Its tokens stop working.`)) {
        const answer = await authed(base, { method: 'DELETE' });
        if (answer.status !== 204) {
          return fail(answer);
        }
        ok(`${client.client_id} is deleted.`);
        return loadClients();
      }
      return null;
    }, 'danger');
    remove.setAttribute('aria-label', `Delete: ${client.client_id}`);
    return el('tr', {}, el('th', { scope: 'row' }, client.client_id), el('td', {}, client.description || ''),
      el('td', {}, client.roles.join(', ')), el('td', {}, rotate, remove));
  }));
  return null;
}

onSubmit(document.getElementById('client-form'), async (form, element) => {
  const roles = form.roles.split(',').map((role) => role.trim()).filter(Boolean);
  const body = { client_id: form.client_id.trim(), roles };
  if (form.description.trim()) {
    body.description = form.description.trim();
  }
  const reply = await authed('/api/admin/clients', { method: 'POST', body });
  if (reply.status !== 201) {
    return fail(reply);
  }
  element.reset();
  ok(`The client ${reply.data.client_id} is created.`);
  showSecret(reply.data);
  return loadClients();
});

document.getElementById('copy-secret').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(document.getElementById('secret-value').textContent);
    ok('The secret is copied.');
  } catch (e) {
    say(message, 'Copying is not allowed here: select the secret and copy it.');
  }
});
document.getElementById('hide-secret').addEventListener('click', () => {
  document.getElementById('secret-value').textContent = '';
  document.getElementById('secret-box').hidden = true;
});

// ---- keys

function when(seconds) {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

async function loadKeys() {
  const reply = await authed('/api/admin/keys');
  if (reply.status !== 200) {
    return fail(reply);
  }
  document.getElementById('keys').replaceChildren(...reply.data.keys.map((key) => el('tr', {},
    el('th', { scope: 'row' }, el('code', {}, key.kid)), el('td', {}, key.alg), el('td', {}, key.state),
    el('td', {}, when(key.created_at)), el('td', {}, when(key.activates_at)))));
  document.getElementById('rotate').hidden = !reply.data.rotatable;
  document.getElementById('rotate-hint').textContent = reply.data.rotatable
    ? 'A new key is published at once and signs after the activation delay.'
    : 'The keys come from jwtlib.keys.location: replace that file to rotate them.';
  return null;
}

document.getElementById('rotate').addEventListener('click', async () => {
  if (!(await confirmed('Create a new signing key now?'))) {
    return;
  }
  const reply = await authed('/api/admin/keys/rotate', { method: 'POST' });
  if (reply.status !== 202) {
    fail(reply);
    return;
  }
  ok(`The new key ${reply.data.kid} is published; it signs from ${when(reply.data.activates_at)}.`);
  await loadKeys();
});

document.querySelectorAll('[data-tab]').forEach((tab) => tab.addEventListener('click', () => {
  say(message, '');
  enter(tab.dataset.tab);
}));

document.getElementById('logout').addEventListener('click', async () => {
  await logout();
  enter('login');
  ok('You are signed out.');
});

enter('login');
