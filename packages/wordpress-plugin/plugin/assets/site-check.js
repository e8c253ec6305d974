/**
 * Settings → PBGDPL → "Check site key and origin" (includes/site-check.php). Plain JavaScript with
 * no build step. Asks the province's server, from this browser so that the request carries this
 * website's Origin, whether it knows the site key in the form and whether this website's address
 * is registered for it:
 *
 *   GET {server}/api/v1/views/token?site={key}
 *     200 { "registered": true }    known key, registered address
 *     200 { "registered": false }   known key, this address not registered: questions and feedback are refused
 *     200 { "registered": null }    known key; the request carried no Origin (same address as the server)
 *     400 errors[].code unknown_site  the server does not know the key
 *     429 Retry-After                 too many requests from this address
 *
 * and says what to do. Texts come from window.pbgdplSiteCheck, in the user's language; nothing is
 * written as HTML.
 */
(function (config) {
  'use strict';
  var CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var button = document.getElementById('pbgdpl_site_check');
  var result = document.getElementById('pbgdpl_site_check_result');
  var originInput = document.getElementById('pbgdpl_api_origin');
  var keyInput = document.getElementById('pbgdpl_site_key');
  if (!config || !button || !result || !originInput || !keyInput || !window.fetch) {
    return;
  }
  var T = config.strings;
  button.parentNode.hidden = false;

  /** "…%1$s…%2$s…" with the values. */
  function fill(text, values) {
    return text.replace(/%(\d)\$s/g, function (whole, n) {
      return values[n - 1] === undefined ? whole : String(values[n - 1]);
    });
  }

  /** The answer, as a WordPress notice: success, warning, error or info. */
  function say(kind, lines) {
    result.className = 'notice inline notice-' + kind;
    result.textContent = '';
    lines.forEach(function (line) {
      var p = document.createElement('p');
      p.textContent = line;
      result.appendChild(p);
    });
  }

  /** What the server's answer means. */
  function verdict(status, body, retryAfter, server, key, origin) {
    if (status === 200 && body && 'registered' in body) {
      if (body.registered === true) {
        return ['success', fill(T.registered, [key, origin])];
      }
      if (body.registered === false) {
        return ['warning', fill(T.notRegistered, [key, origin])];
      }
      return ['info', fill(T.noOrigin, [key])];
    }
    if (status === 400 && body && Array.isArray(body.errors)) {
      return ['error', fill(T.unknownKey, [key])];
    }
    if (status === 429) {
      return ['warning', fill(T.busy, [/^\d+$/.test(retryAfter || '') ? retryAfter : '60'])];
    }
    return ['error', fill(T.notPbgdpl, [server, status])];
  }

  function check() {
    var server = originInput.value.trim().replace(/\/+$/, '');
    var key = keyInput.value.trim().toLowerCase();
    var origin = window.location.origin;
    if (!server || !key) {
      return say('error', [T.missing]);
    }
    if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(server)) {
      return say('error', [T.badAddress]);
    }
    if (key.length > 64 || !CODE.test(key)) {
      return say('error', [T.badKey]);
    }
    var notes = [];
    if (config.home && config.home !== origin) {
      notes.push(fill(T.otherHome, [config.home]));
    }
    if (server !== config.saved.api || key !== config.saved.site) {
      notes.push(T.unsaved);
    }
    button.disabled = true;
    say('info', [T.checking]);
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller
      ? setTimeout(function () {
          controller.abort();
        }, config.timeout)
      : 0;
    window
      .fetch(server + '/api/v1/views/token?site=' + encodeURIComponent(key), {
        credentials: 'omit',
        cache: 'no-store',
        signal: controller ? controller.signal : undefined,
      })
      .then(function (res) {
        return res
          .json()
          .catch(function () {
            return null;
          })
          .then(function (body) {
            var answer = verdict(res.status, body, res.headers.get('Retry-After'), server, key, origin);
            say(answer[0], [answer[1]].concat(notes));
          });
      })
      .catch(function () {
        say('error', [fill(T.unreachable, [server])].concat(notes));
      })
      .then(function () {
        clearTimeout(timer);
        button.disabled = false;
      });
  }

  button.addEventListener('click', check);
})(window.pbgdplSiteCheck);
