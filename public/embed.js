/*
 * Leading Together: the host script for pages that embed the course (README, "Embedding in a web
 * page"). Load it on the page that holds the course's iframe:
 *
 *   <iframe data-leading-together src="https://your-course-host/?embed=1" title="Leading Together"></iframe>
 *   <script src="https://your-course-host/embed.js" defer></script>
 *
 * For every iframe with the `data-leading-together` attribute (also those added later, or passed
 * to `LeadingTogether.embed(iframe)`), it keeps the iframe as tall as the course page inside it,
 * and re-dispatches the course's messages as DOM events on the iframe, which bubble:
 * `leading-together:ready`, `leading-together:resize`, `leading-together:progress` and
 * `leading-together:completed`, each with the message as `event.detail`. It accepts a message only
 * from the iframe's own window and from the origin of the iframe's `src`, and it asks the course to
 * send its state again ("hello") each time the iframe loads. Plain JavaScript, no build step.
 */
(function () {
  'use strict';
  if (window.LeadingTogether) return;

  var frames = [];

  function originOf(iframe) {
    try {
      return new URL(iframe.src, location.href).origin;
    } catch (e) {
      return '';
    }
  }

  function hello(iframe) {
    var origin = originOf(iframe);
    if (iframe.contentWindow && origin && origin !== 'null') {
      iframe.contentWindow.postMessage({ source: 'leading-together-host', type: 'hello' }, origin);
    }
  }

  function embed(iframe) {
    if (!(iframe instanceof HTMLIFrameElement) || frames.indexOf(iframe) >= 0) return;
    frames.push(iframe);
    iframe.addEventListener('load', function () {
      hello(iframe);
    });
    // The course may have loaded before this script ran: ask for its state now too, unless the
    // frame still holds its first, empty document (a message to it would only log a warning).
    var doc = null;
    try {
      doc = iframe.contentDocument;
    } catch (e) {}
    if (!doc || doc.URL !== 'about:blank') hello(iframe);
  }

  function setHeight(iframe, height) {
    var style = getComputedStyle(iframe);
    var extra = 0;
    if (style.boxSizing === 'border-box') {
      ['borderTopWidth', 'borderBottomWidth', 'paddingTop', 'paddingBottom'].forEach(function (side) {
        extra += parseFloat(style[side]) || 0;
      });
    }
    iframe.style.height = Math.ceil(height + extra) + 'px';
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== 'leading-together' || !/^[a-z]+$/.test(data.type)) return;
    for (var i = 0; i < frames.length; i++) {
      var iframe = frames[i];
      if (event.source !== iframe.contentWindow || event.origin !== originOf(iframe)) continue;
      if (data.type === 'resize' && typeof data.height === 'number' && data.height > 0) setHeight(iframe, data.height);
      iframe.dispatchEvent(new CustomEvent('leading-together:' + data.type, { bubbles: true, detail: data }));
      return;
    }
  });

  function scan(root) {
    if (root.matches && root.matches('iframe[data-leading-together]')) embed(root);
    if (root.querySelectorAll) Array.prototype.forEach.call(root.querySelectorAll('iframe[data-leading-together]'), embed);
  }

  window.LeadingTogether = { embed: embed };
  scan(document);
  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      Array.prototype.forEach.call(mutation.addedNodes, scan);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
