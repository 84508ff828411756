/*
 * The hold's countdown (WCAG 2.2.1): the page says in words until when the room is held; this adds a ticking timer
 * beside it and, in the polite live region, says the minutes left (once a minute, not every second), warns two minutes
 * before the end that the hold can be extended (showing "Extend hold" when the hold's last minutes, the extension window,
 * begin), and says when it has ended. It counts from the seconds left when the
 * server drew the page, so the visitor's own clock does not matter.
 */
(function () {
    'use strict';

    var status = document.getElementById('hold-status');
    if (!status) {
        return;
    }
    var panel = status.closest('.hold');
    var timer = panel ? panel.querySelector('.hold-timer') : null;
    var extend = panel ? panel.querySelector('.extend-form') : null;
    var secondsAtLoad = parseInt(status.getAttribute('data-seconds-left'), 10);
    if (isNaN(secondsAtLoad)) {
        return;
    }
    // "Extend hold" is taken only in the hold's last minutes: hidden until then, shown when they come.
    var extendFrom = extend ? parseInt(extend.getAttribute('data-window-seconds'), 10) : NaN;
    var WARN_AT = 120;
    var started = Date.now();
    var lastMinuteSaid = null;
    var warned = false;

    function say(text) {
        if (status.textContent !== text) {
            status.textContent = text;
        }
    }

    function clock(seconds) {
        var minutes = Math.floor(seconds / 60);
        var rest = seconds % 60;
        return minutes + ':' + (rest < 10 ? '0' : '') + rest;
    }

    function tick() {
        var left = Math.max(0, secondsAtLoad - Math.floor((Date.now() - started) / 1000));
        if (timer) {
            timer.hidden = false;
            timer.textContent = '(' + clock(left) + ' left)';
        }
        if (left === 0) {
            say('Your hold has ended: the room is no longer held for you. Reload the page to see what you can do.');
            if (panel) {
                panel.classList.add('hold--ended');
            }
            document.querySelectorAll('form.card-form button[type=submit]').forEach(function (button) {
                button.disabled = true;
            });
            return;
        }
        if (extend && extend.hidden && left <= extendFrom) {
            extend.hidden = false;
        }
        if (left <= WARN_AT && !warned) {
            warned = true;
            if (panel) {
                panel.classList.add('hold--warning');
            }
            say(extend && !extend.hidden
                ? 'Less than 2 minutes left to pay. Use "Extend hold" if you need more time.'
                : 'Less than 2 minutes left to pay.');
        } else if (left > WARN_AT) {
            var minutes = Math.ceil(left / 60);
            if (minutes !== lastMinuteSaid) {
                lastMinuteSaid = minutes;
                say('About ' + minutes + (minutes === 1 ? ' minute' : ' minutes') + ' left to pay.');
            }
        }
        window.setTimeout(tick, 1000);
    }

    tick();
}());
