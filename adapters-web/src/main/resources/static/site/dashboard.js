/*
 * The live dashboard's refresh: the page is complete as the server drew it; this fetches it again every 30 seconds and
 * swaps in its figures and charts, while the box shown above them is ticked (WCAG 2.2.2: updating content can be stopped).
 * Not a live region: a screen reader is not interrupted by figures that change twice a minute. A failed fetch (the session
 * ended, the network dropped) leaves the figures as they were; the next turn tries again.
 *
 * A fetch made when nobody has touched the page since the last one is marked X-Motel-Background: it never keeps the login
 * alive, so an unattended console still reaches the staff idle limit. Once the login would need renewing, such a fetch is
 * sent to the login page; the figures stay, a note says they are paused, and the next turn after someone moves, taps,
 * scrolls or types renews the login (if it has not ended) and updates them again.
 */
(function () {
    'use strict';

    var live = document.getElementById('live');
    var toggle = document.getElementById('auto-refresh');
    if (!live || !toggle || !window.fetch || !window.DOMParser) {
        return;
    }
    var paused = document.getElementById('refresh-paused');
    toggle.closest('.dashboard-refresh').hidden = false;

    var used = false;
    ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'].forEach(function (name) {
        window.addEventListener(name, function () {
            used = true;
        }, {passive: true, capture: true});
    });

    function refresh() {
        if (!toggle.checked) {
            return;
        }
        var headers = {'Accept': 'text/html'};
        if (!used) {
            headers['X-Motel-Background'] = 'true';
        }
        used = false;
        fetch(window.location.href, {credentials: 'same-origin', headers: headers})
            .then(function (response) {
                if (response.redirected && paused) {
                    // Sent to the login page: nobody has used the console for a while.
                    paused.hidden = false;
                }
                return response.ok && !response.redirected ? response.text() : null;
            })
            .then(function (html) {
                var fresh = html ? new DOMParser().parseFromString(html, 'text/html').getElementById('live') : null;
                if (fresh) {
                    live.replaceChildren.apply(live, Array.prototype.slice.call(fresh.childNodes));
                    if (paused) {
                        paused.hidden = true;
                    }
                }
            })
            .catch(function () {
                // Offline for a moment: keep what is shown.
            });
    }

    window.setInterval(refresh, 30000);
})();
