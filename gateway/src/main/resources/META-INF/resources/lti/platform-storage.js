// LTI Client Side postMessages, platform storage (lti.put_data / lti.get_data): where a browser drops the tool's
// state cookie inside the LMS's frame, the LMS's own window keeps the login's nonce. The page names the frame
// (lti_storage_target), the origin that may answer (the LMS's OIDC auth URL's), and what to store or read.
(() => {
  const config = document.getElementById('lti-storage');
  const status = document.getElementById('storage-state');
  const { action, target, origin, key, value, next } = config.dataset;
  // Not framed (window.parent is this window): no LMS page to ask, the cookie is first-party here.
  const framed = window.parent !== window;
  const frame = !framed ? null : target === '_parent' ? window.parent : window.parent.frames[target];
  const messageId = Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
  let answered = false;

  window.addEventListener('message', event => {
    const message = event.data;
    if (event.origin !== origin || !message || message.message_id !== messageId) return;
    answered = true;
    if (message.error) {
      status.textContent = 'Your LMS could not keep this launch\'s state: ' + (message.error.message || message.error.code)
        + '. Open Upward in a new window.';
      return;
    }
    if (action === 'put' && message.subject === 'lti.put_data.response') {
      location.replace(next);
    } else if (action === 'get' && message.subject === 'lti.get_data.response' && typeof message.value === 'string') {
      document.getElementById('lti-storage-nonce').value = message.value;
      document.getElementById('stored-launch').submit();
    } else if (action === 'get') {
      status.textContent = 'Your LMS holds no state for this launch; launch Upward from your LMS again.';
    }
  });

  if (!frame && action === 'put') {
    location.replace(next);
    return;
  }
  if (!frame) {
    status.textContent = 'Your LMS offers no storage frame here; open Upward in a new window from your LMS.';
  } else {
    const message = { subject: action === 'put' ? 'lti.put_data' : 'lti.get_data', message_id: messageId, key };
    if (action === 'put') message.value = value;
    frame.postMessage(message, origin);
  }
  // An LMS that never answers: the login goes on with the cookie alone; a launch says it cannot be checked here.
  setTimeout(() => {
    if (answered) return;
    if (action === 'put') {
      location.replace(next);
    } else {
      status.textContent = 'Your LMS did not answer; open Upward in a new window from your LMS.';
    }
  }, 3000);
})();
