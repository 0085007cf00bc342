// Offline Google: a double of https://accounts.google.com/gsi/client (token model only: google.accounts.oauth2).
// Shapes follow @types/google.accounts and the JS reference
// (https://developers.google.com/identity/oauth2/web/reference/js-reference), with observed runtime values where the
// types are wrong (expires_in is a number). Console lines imitate the GSI_LOGGER output seen in real debug logs.
(() => {
  // The origin standing for each Google host, written in by the server (one origin per host, as at Google).
  const hosts = /* @hosts */ {};
  const accountsOrigin = hosts['accounts.google.com'];
  const log = (message) => console.info(`[GSI_LOGGER-TOKEN_CLIENT]: ${message}`);
  const pending = new Map();
  let nextId = 0;

  function configError(type, message) {
    const error = new Error(message);
    error.type = type;
    return error;
  }

  function reportError(config, type, message) {
    if (typeof config.error_callback === 'function') config.error_callback(configError(type, message));
  }

  window.addEventListener('message', (event) => {
    // Only the double's own popup may answer, and only for a request this page made.
    if (event.origin !== accountsOrigin) return;
    const data = event.data;
    if (data?.source !== 'offline-gsi') return;
    const entry = pending.get(data.id);
    if (!entry || event.source !== entry.popup) return;
    pending.delete(data.id);
    clearInterval(entry.timer);
    deliver(entry.client, data.response);
  });

  function deliver(client, response) {
    if (response.access_token) {
      const gapi = window.gapi;
      if (gapi?.client && typeof gapi.client.setToken === 'function') {
        // "GIS has automatically updated gapi.client with the newly issued access token" (migration guide).
        log('Trying to set gapi client token.');
        gapi.client.setToken(response);
      } else {
        log('The OAuth token was not passed to gapi.client, since the gapi.client library is not loaded in your page.');
      }
    } else {
      log('Set token failed. No access token in response.');
    }
    // `callback` is read now, not at init: the quickstart assigns it right before requestAccessToken.
    const callback = client.callback;
    if (typeof callback === 'function') callback(response);
    else console.error('[GSI_LOGGER-TOKEN_CLIENT]: Callback is not a function.');
  }

  const overridable = [
    'scope',
    'include_granted_scopes',
    'prompt',
    'enable_granular_consent',
    'enable_serial_consent',
    'login_hint',
    'hint',
    'state',
  ];

  function requestAccessToken(client, config, override) {
    const merged = { ...config };
    for (const key of overridable) if (override && override[key] !== undefined) merged[key] = override[key];
    const prompt = merged.prompt === undefined ? 'select_account' : merged.prompt;
    const loginHint = merged.login_hint || merged.hint || '';
    if (!merged.client_id || !merged.scope) {
      console.error(
        `[GSI_LOGGER-TOKEN_CLIENT]: Missing required parameter ${merged.client_id ? 'scope' : 'client_id'}.`,
      );
      return;
    }
    const id = `auth${++nextId}${Math.random().toString(36).slice(2, 8)}`;
    const params = new URLSearchParams({
      gsiwebsdk: '3',
      client_id: merged.client_id,
      scope: merged.scope,
      redirect_uri: `storagerelay://${location.protocol.slice(0, -1)}/${location.host}?id=${id}`,
      prompt,
      response_type: 'token',
      include_granted_scopes: String(merged.include_granted_scopes !== false),
      enable_granular_consent: 'true',
    });
    if (loginHint) params.set('login_hint', loginHint);
    if (merged.hd || merged.hosted_domain) params.set('hd', merged.hd || merged.hosted_domain);
    if (merged.state !== undefined) params.set('state', merged.state);
    const url = `${accountsOrigin}/o/oauth2/v2/auth?${params}`;

    // Browsers only let a page open a window with transient user activation (MDN "User activation").
    const activation = navigator.userActivation;
    const popup =
      activation && !activation.isActive ? null : window.open(url, 'g_auth_token_window', 'popup,width=500,height=640');
    if (!popup) {
      console.warn(`[GSI_LOGGER]: Failed to open popup window on url: ${url}. Maybe blocked by the browser?`);
      setTimeout(() => reportError(config, 'popup_failed_to_open', 'Failed to open popup window'), 0);
      return;
    }
    log('Starting popup flow.');
    log('Starting popup timer.');
    const entry = { client, popup, timer: 0 };
    entry.timer = setInterval(() => {
      log('Checking popup closed.');
      if (!popup.closed) return;
      clearInterval(entry.timer);
      // Give a message posted just before closing the chance to arrive first.
      setTimeout(() => {
        if (!pending.has(id)) return;
        pending.delete(id);
        log('Popup window closed.');
        reportError(config, 'popup_closed', 'Popup window closed');
      }, 200);
    }, 500);
    pending.set(id, entry);
  }

  function initTokenClient(config) {
    if (!config?.client_id) console.error('[GSI_LOGGER-TOKEN_CLIENT]: Missing required parameter client_id.');
    if (!config?.scope) console.error('[GSI_LOGGER-TOKEN_CLIENT]: Missing required parameter scope.');
    const settings = { ...config };
    const client = {
      callback: settings.callback,
      requestAccessToken(override) {
        requestAccessToken(client, settings, override);
      },
    };
    return client;
  }

  function grantedScopes(tokenResponse) {
    if (!tokenResponse || tokenResponse.error || typeof tokenResponse.scope !== 'string') return null;
    return new Set(tokenResponse.scope.split(' ').filter(Boolean));
  }

  function hasGrantedAllScopes(tokenResponse, firstScope, ...restScopes) {
    const granted = grantedScopes(tokenResponse);
    return Boolean(granted) && [firstScope, ...restScopes].every((scope) => granted.has(scope));
  }

  function hasGrantedAnyScope(tokenResponse, firstScope, ...restScopes) {
    const granted = grantedScopes(tokenResponse);
    return Boolean(granted) && [firstScope, ...restScopes].some((scope) => granted.has(scope));
  }

  /**
   * Revokes every scope the user granted this app; `done` gets a RevocationResponse. Like GIS, it posts from the
   * page to oauth2.googleapis.com, so the page's CSP connect-src must allow that host.
   */
  function revoke(accessToken, done) {
    fetch(`${hosts['oauth2.googleapis.com']}/revoke?token=${encodeURIComponent(accessToken)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
      .then(async (reply) => {
        const body = await reply.json().catch(() => ({}));
        return reply.ok
          ? { successful: true }
          : { successful: false, error: body.error, error_description: body.error_description };
      })
      .catch(() => ({ successful: false, error: 'network_error', error_description: 'Network error' }))
      .then((result) => {
        if (!result.successful) console.warn(`[GSI_LOGGER-TOKEN_CLIENT]: Revoke failed: ${result.error}`);
        if (typeof done === 'function') done(result);
      });
  }

  window.google = window.google || {};
  const google = window.google;
  google.accounts = google.accounts || {};
  google.accounts.oauth2 = { initTokenClient, hasGrantedAllScopes, hasGrantedAnyScope, revoke };
  if (typeof window.onGoogleLibraryLoad === 'function') window.onGoogleLibraryLoad();
})();
