/*
 * The live dashboard's refresh: the page is complete as the server drew it; this fetches it again every 30 seconds and
 * swaps in its figures and charts, while the box shown above them is ticked (WCAG 2.2.2: updating content can be stopped).
 * Not a live region: a screen reader is not interrupted by figures that change twice a minute. A failed fetch (the session
 * ended, the network dropped) leaves the figures as they were; the next turn tries again.
 */
(function () {
    'use strict';

    var live = document.getElementById('live');
    var toggle = document.getElementById('auto-refresh');
    if (!live || !toggle || !window.fetch || !window.DOMParser) {
        return;
    }
    toggle.closest('.dashboard-refresh').hidden = false;

    function refresh() {
        if (!toggle.checked) {
            return;
        }
        fetch(window.location.href, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
            .then(function (response) {
                return response.ok && !response.redirected ? response.text() : null;
            })
            .then(function (html) {
                var fresh = html ? new DOMParser().parseFromString(html, 'text/html').getElementById('live') : null;
                if (fresh) {
                    live.replaceChildren.apply(live, Array.prototype.slice.call(fresh.childNodes));
                }
            })
            .catch(function () {
                // Offline for a moment: keep what is shown.
            });
    }

    window.setInterval(refresh, 30000);
})();
