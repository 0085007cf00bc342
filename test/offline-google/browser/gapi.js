// Offline Google: a double of https://apis.google.com/js/api.js with the `client` library.
// Behaviour from google/google-api-javascript-client docs (reference.md, promises.md, start.md, discovery.md):
// lazy thenable requests, one response shape for success and failure, methods generated from discovery documents.
// Requests go straight to the discovery rootUrl with fetch (real gapi may proxy through an iframe; the page sees
// the same results).
(() => {
  // The origin standing for each Google host, written in by the server. Relative paths go to gapi's own API host.
  const hosts = /* @hosts */ {};
  const defaultRoot = hosts['content.googleapis.com'];
  const NETWORK_ERROR = 'A network error occurred, and the request could not be completed.';
  window.gapi = window.gapi || {};
  const gapi = window.gapi;
  let token = null;
  let apiKey = null;

  function responseOf(status, statusText, headers, body) {
    let result = false;
    try {
      result = JSON.parse(body);
    } catch {
      result = false;
    }
    return { result, body, headers, status, statusText };
  }

  async function perform(spec) {
    if (spec.failWith) throw spec.failWith;
    const headers = { ...(spec.headers || {}) };
    if (token?.access_token && !Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
      headers.Authorization = `Bearer ${token.access_token}`;
    }
    let body = spec.body;
    if (body !== undefined && body !== null && typeof body !== 'string') {
      body = JSON.stringify(body);
      if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
        headers['Content-Type'] = 'application/json';
    }
    let reply;
    try {
      reply = await fetch(spec.url, { method: spec.method, headers, body: body === undefined ? undefined : body });
    } catch {
      // Seen in the wild: {"error":{"code":-1,"message":"A network error occurred, and the request could not be completed."}}, headers null.
      const text = JSON.stringify({ error: { code: -1, message: NETWORK_ERROR } });
      throw { result: JSON.parse(text), body: text, headers: null, status: -1, statusText: null };
    }
    const text = await reply.text();
    const headerObject = {};
    reply.headers.forEach((value, name) => {
      headerObject[name] = value;
    });
    const response = responseOf(reply.status, reply.statusText || null, headerObject, text);
    if (reply.ok) return response;
    throw response;
  }

  /** "no network requests are actually made until `then` is invoked"; afterwards the result is fixed. */
  function makeRequest(spec) {
    let started = null;
    const run = () => {
      if (!started) started = perform(spec);
      return started;
    };
    return {
      // biome-ignore lint/suspicious/noThenProperty: gapi requests are thenables by contract (promises.md).
      then(onFulfilled, onRejected, context) {
        return run().then(
          onFulfilled ? (value) => onFulfilled.call(context, value) : undefined,
          onRejected ? (reason) => onRejected.call(context, reason) : undefined,
        );
      },
      // Legacy: callback(jsonResp, rawResp); jsonResp is the parsed body or false.
      execute(callback) {
        const raw = (r) =>
          JSON.stringify({
            gapiRequest: { data: { body: r.body, headers: r.headers, status: r.status, statusText: r.statusText } },
          });
        run().then(
          (r) => callback(r.result, raw(r)),
          (r) => callback(r.result, raw(r)),
        );
      },
    };
  }

  function withQuery(url, params) {
    const target = new URL(url);
    for (const [name, value] of Object.entries(params || {})) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) target.searchParams.append(name, String(item));
    }
    if (apiKey && !target.searchParams.has('key')) target.searchParams.set('key', apiKey);
    return target.href;
  }

  function request(args) {
    const path = String(args.path || '');
    const root = (args.root || defaultRoot).replace(/\/+$/, '');
    const url = /^https?:\/\//.test(path) ? path : `${root}/${path.replace(/^\/+/, '')}`;
    return makeRequest({
      url: withQuery(url, args.params),
      method: (args.method || 'GET').toUpperCase(),
      headers: args.headers,
      body: args.body,
    });
  }

  function expandPath(template, params, used) {
    return template.replace(/\{(\+?)([^}]+)\}/g, (_, reserved, name) => {
      used.add(name);
      const value = params[name] === undefined ? '' : String(params[name]);
      return reserved ? encodeURI(value) : encodeURIComponent(value);
    });
  }

  function methodFunction(doc, method) {
    return (requestParams, body) => {
      const params = { ...(requestParams || {}) };
      // Body: `resource` in the params (JS client default) or a second argument (Maxim-Mazurok typings README).
      const payload = body !== undefined ? body : params.resource;
      delete params.resource;
      for (const [name, spec] of Object.entries(method.parameters || {})) {
        if (params[name] === undefined && spec.default !== undefined && spec.required) params[name] = spec.default;
      }
      const missing = (method.parameterOrder || []).filter((name) => params[name] === undefined);
      const used = new Set();
      const url = `${doc.rootUrl}${doc.servicePath || ''}${expandPath(method.path, params, used)}`;
      const query = {};
      for (const [name, value] of Object.entries(params)) if (!used.has(name)) query[name] = value;
      if (missing.length) {
        const text = JSON.stringify({
          error: { code: 400, message: `Missing required parameters: ${missing.join(', ')}` },
        });
        const response = { result: JSON.parse(text), body: text, headers: {}, status: 400, statusText: 'Bad Request' };
        return makeRequest({ failWith: response });
      }
      return makeRequest({ url: withQuery(url, query), method: method.httpMethod || 'GET', body: payload });
    };
  }

  function buildResources(doc, resources, target) {
    for (const [name, resource] of Object.entries(resources || {})) {
      if (!target[name]) target[name] = {};
      const node = target[name];
      for (const [methodName, method] of Object.entries(resource.methods || {}))
        node[methodName] = methodFunction(doc, method);
      buildResources(doc, resource.resources, node);
    }
  }

  function discoveryError(message, code) {
    console.error(`gapix.client.GapiClientError: ${message}`);
    return { error: { code, message } };
  }

  async function loadDiscovery(docOrUrl) {
    let doc = docOrUrl;
    if (typeof docOrUrl === 'string') {
      const url = withQuery(new URL(docOrUrl, defaultRoot).href, {});
      let reply;
      try {
        reply = await fetch(url);
      } catch {
        throw discoveryError(NETWORK_ERROR, -1);
      }
      if (!reply.ok) throw discoveryError(`Discovery request failed with status ${reply.status}`, reply.status);
      try {
        doc = await reply.json();
      } catch {
        throw discoveryError('API discovery response missing required fields.', 400);
      }
    }
    // browser-samples#227 / gapi#413: what gapi says when a discovery document lacks what it needs.
    if (
      !doc ||
      typeof doc !== 'object' ||
      !doc.name ||
      !doc.version ||
      !doc.rootUrl ||
      typeof doc.servicePath !== 'string' ||
      !(doc.resources || doc.methods)
    ) {
      throw discoveryError('API discovery response missing required fields.', 400);
    }
    if (!gapi.client[doc.name]) gapi.client[doc.name] = {};
    const api = gapi.client[doc.name];
    buildResources(doc, doc.resources, api);
    for (const [methodName, method] of Object.entries(doc.methods || {})) api[methodName] = methodFunction(doc, method);
  }

  function load(urlOrObject, version, callback) {
    let target = urlOrObject;
    if (typeof urlOrObject === 'string' && typeof version === 'string' && !/^https?:|\//.test(urlOrObject)) {
      // Deprecated load(name, version[, callback]).
      target = `${defaultRoot}/discovery/v1/apis/${urlOrObject}/${version}/rest`;
    }
    const done = loadDiscovery(target);
    if (typeof callback === 'function')
      done.then(
        () => callback(),
        () => callback(),
      );
    return done;
  }

  async function init(args) {
    const settings = args || {};
    if (settings.clientId || settings.scope) {
      console.warn(
        "gapi.client.init: OAuth2 'scope' and 'client_id' parameters have moved to initTokenClient() (GIS); they are ignored here.",
      );
    }
    if (settings.apiKey) apiKey = settings.apiKey;
    for (const doc of settings.discoveryDocs || []) await loadDiscovery(doc);
  }

  function installClient() {
    if (gapi.client?.__offline) return;
    gapi.client = {
      __offline: true,
      init,
      load,
      request,
      setApiKey: (key) => {
        apiKey = key || null;
      },
      // Memory only: a reload forgets the token (react-oauth#325).
      setToken: (value) => {
        token = value && typeof value === 'object' ? { ...value } : null;
      },
      getToken: () => (token ? { ...token } : null),
    };
  }

  gapi.load = (libraries, callbackOrConfig) => {
    const config = typeof callbackOrConfig === 'function' ? { callback: callbackOrConfig } : callbackOrConfig || {};
    const unknown = String(libraries)
      .split(':')
      .filter((name) => name && name !== 'client');
    setTimeout(() => {
      if (unknown.length) {
        const error = new Error(`Offline gapi has no library: ${unknown.join(', ')}`);
        if (typeof config.onerror === 'function') config.onerror(error);
        else console.error(error.message);
        return;
      }
      installClient();
      if (typeof config.callback === 'function') config.callback();
    }, 0);
  };
})();
