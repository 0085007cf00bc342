// Offline Google consent popup (test double). Answers the opener by postMessage, as GIS's popup does, aimed only at
// the origin named in the storagerelay redirect_uri, then closes itself.
(() => {
  const { request, plan } = JSON.parse(document.getElementById('plan').textContent);

  function answer(response) {
    if (window.opener && request.openerOrigin) {
      window.opener.postMessage({ source: 'offline-gsi', id: request.requestId, response }, request.openerOrigin);
    }
    // A short pause lets the opener take the message before it sees `closed` and would report popup_closed.
    setTimeout(() => window.close(), 50);
  }

  async function approve(email, scopes, prompt) {
    const reply = await fetch('/o/oauth2/v2/auth/decision', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ request, email, scopes, prompt }),
    });
    const response = await reply.json();
    answer(reply.ok ? response : { error: 'server_error', error_description: response.error_description });
  }

  // With nothing to show, real GIS popups flash open and shut; keep a visible moment for the same effect.
  const brief = 150;
  if (plan.kind === 'approve') setTimeout(() => approve(plan.account.email, plan.scopes, plan.prompt), brief);
  if (plan.kind === 'oauth-error') setTimeout(() => answer(plan.response), brief);
  if (plan.kind === 'deny') setTimeout(() => answer({ error: 'access_denied' }), brief);
  if (plan.kind === 'close') setTimeout(() => window.close(), brief);

  if (plan.kind === 'consent') {
    const form = document.getElementById('consent');
    const boxes = [...form.querySelectorAll('input[name="scope"]')];
    const all = document.getElementById('select-all');
    all.addEventListener('change', () => {
      for (const box of boxes) box.checked = all.checked;
    });
    document.getElementById('deny').addEventListener('click', () => answer({ error: 'access_denied' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const scopes = boxes.filter((box) => box.checked).map((box) => box.value);
      approve(plan.account.email, scopes, 'consent');
    });
  }
})();
