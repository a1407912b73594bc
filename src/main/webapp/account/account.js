import {
  authed, call, currentUser, explain, keep, logout, onSubmit, say, show, signedIn, updateUser, el,
  wireSignIn,
} from '../ui/jwtlib.js';

const message = document.getElementById('message');
let recoveryCodes = [];

function fail(reply) {
  say(message, explain(reply));
  if (reply.status === 401 && !signedIn()) {
    go('login');
  }
}

function ok(text) {
  say(message, text, 'ok');
}

function go(view) {
  if (view === 'back') {
    view = signedIn() ? 'profile' : 'login';
  }
  show(view);
  document.getElementById('logout').hidden = !signedIn();
  if (view === 'profile') {
    renderProfile();
  }
}

function renderProfile() {
  const user = currentUser();
  if (!user) {
    return;
  }
  const rows = [['Username', user.username], ['Email', user.email],
    ['Email verified', user.email_verified ? 'yes' : 'no'], ['Roles', user.roles.join(', ')],
    ['Two-step sign-in', user.mfa_enabled ? 'on' : 'off']];
  document.getElementById('profile').replaceChildren(...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  document.getElementById('verify-box').hidden = user.email_verified;
  document.getElementById('mfa-off').hidden = user.mfa_enabled;
  document.getElementById('mfa-on').hidden = !user.mfa_enabled;
  document.querySelectorAll('input[name=username][hidden]').forEach((input) => { input.value = user.username; });
}

async function reloadMe() {
  const reply = await authed('/api/auth/me');
  if (reply.status === 200) {
    updateUser(reply.data);
  }
  return reply;
}

async function signedInWith(tokens) {
  keep(tokens);
  document.querySelectorAll('form').forEach((form) => form.reset());
  const me = await reloadMe();
  if (me.status === 403) {
    // a token that may only enrol a second factor (the role requires one)
    say(message, 'Your account needs two-step sign-in: set up an authenticator app to continue, then sign in again.');
  } else {
    say(message, '');
  }
  go('profile');
}

wireSignIn({ message, go, signedInWith, fail });

onSubmit(document.getElementById('register-form'), async (form, element) => {
  const reply = await call('/api/auth/register', { method: 'POST', body: form });
  if (reply.status !== 201) {
    return fail(reply);
  }
  element.reset();
  go('login');
  document.getElementById('login-username').value = form.username;
  return ok('Your account is ready: we sent a code to your email address to verify it. Sign in now.');
});

onSubmit(document.getElementById('forgot-form'), async (form) => {
  const reply = await call('/api/auth/password/forgot', { method: 'POST', body: { email: form.email } });
  if (reply.status !== 202) {
    return fail(reply);
  }
  go('reset');
  return ok(reply.data.message);
});

onSubmit(document.getElementById('reset-form'), async (form, element) => {
  const reply = await call('/api/auth/password/reset', { method: 'POST', body: { code: form.code, new_password: form.new_password } });
  if (reply.status !== 204) {
    return fail(reply);
  }
  element.reset();
  go('login');
  return ok('Your password is set. Sign in with it.');
});

onSubmit(document.getElementById('verify-form'), async (form, element) => {
  const reply = await call('/api/auth/email/verify', { method: 'POST', body: { code: form.code } });
  if (reply.status !== 204) {
    return fail(reply);
  }
  element.reset();
  if (signedIn()) {
    await reloadMe();
  }
  go('back');
  return ok('Your email address is verified.');
});

document.getElementById('resend').addEventListener('click', async () => {
  const reply = await authed('/api/auth/email/verify/resend', { method: 'POST' });
  return reply.status === 202 ? ok(reply.data.message) : fail(reply);
});

onSubmit(document.getElementById('password-form'), async (form) => {
  const reply = await authed('/api/auth/password', { method: 'POST',
    body: { current_password: form.current_password, new_password: form.new_password } });
  if (reply.status !== 204) {
    return fail(reply);
  }
  await logout();
  go('login');
  return ok('Your password is changed and every session ended. Sign in with the new password.');
});

onSubmit(document.getElementById('enrol-form'), async (form, element) => {
  const reply = await authed('/api/auth/mfa/totp', { method: 'POST', body: { password: form.password } });
  if (reply.status !== 200) {
    return fail(reply);
  }
  element.reset();
  document.getElementById('enrol-qr').src = reply.data.qr_code;
  document.getElementById('enrol-secret').textContent = reply.data.secret.match(/.{1,4}/g).join(' ');
  document.getElementById('enrol-step').hidden = false;
  say(message, '');
  return document.getElementById('confirm-code').focus();
});

function showRecoveryCodes(codes) {
  recoveryCodes = codes;
  document.getElementById('recovery-codes').replaceChildren(...codes.map((code) => el('li', {}, code)));
  document.getElementById('recovery-box').hidden = false;
  document.getElementById('copy-codes').focus();
}

onSubmit(document.getElementById('confirm-form'), async (form, element) => {
  const reply = await authed('/api/auth/mfa/totp/confirm', { method: 'POST', body: { code: form.code.trim() } });
  if (reply.status !== 200) {
    return fail(reply);
  }
  element.reset();
  document.getElementById('enrol-step').hidden = true;
  await reloadMe();
  renderProfile();
  ok('Two-step sign-in is on.');
  return showRecoveryCodes(reply.data.recovery_codes);
});

onSubmit(document.getElementById('renew-form'), async (form, element) => {
  const reply = await authed('/api/auth/mfa/recovery-codes', { method: 'POST',
    body: { password: form.password, code: form.code.trim() } });
  if (reply.status !== 200) {
    return fail(reply);
  }
  element.reset();
  ok('New recovery codes: the old ones no longer work.');
  return showRecoveryCodes(reply.data.recovery_codes);
});

onSubmit(document.getElementById('disable-form'), async (form, element) => {
  const reply = await authed('/api/auth/mfa/totp', { method: 'DELETE', body: { password: form.password, code: form.code.trim() } });
  if (reply.status !== 204) {
    return fail(reply);
  }
  element.reset();
  await reloadMe();
  renderProfile();
  return ok('Two-step sign-in is off.');
});

document.getElementById('copy-codes').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(recoveryCodes.join('\n'));
    ok('The recovery codes are copied.');
  } catch (e) {
    say(message, 'Copying is not allowed here: select the codes and copy them, or download them.');
  }
});

document.getElementById('download-codes').addEventListener('click', () => {
  const link = el('a', { href: URL.createObjectURL(new Blob([`${recoveryCodes.join('\n')}\n`], { type: 'text/plain' })),
    download: 'recovery-codes.txt' });
  document.body.append(link);
  link.click();
  link.remove();
});

document.getElementById('done-codes').addEventListener('click', () => {
  recoveryCodes = [];
  document.getElementById('recovery-codes').replaceChildren();
  document.getElementById('recovery-box').hidden = true;
});

document.getElementById('logout').addEventListener('click', async () => {
  await logout();
  go('login');
  ok('You are signed out.');
});

document.querySelectorAll('[data-go]').forEach((button) => {
  button.addEventListener('click', () => {
    say(message, '');
    go(button.dataset.go);
  });
});

// a link from a mail: /account/#reset=CODE or #verify=CODE (a fragment never reaches a server); taken out of the address at once
const link = /^#(reset|verify)=([A-Za-z0-9-]+)$/.exec(window.location.hash);
if (link) {
  history.replaceState(null, '', window.location.pathname);
  go(link[1]);
  document.getElementById(`${link[1]}-code`).value = link[2];
} else {
  go('login');
}
