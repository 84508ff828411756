/*
 * The price calendar, enhanced: the first click on a free night picks the check-in, the second the last night
 * (check-out is the morning after). Without this script each free night is a plain link to a stay from that night.
 * Links stay links, so the keyboard works as for any link; the choice is announced in the polite live region.
 */
(function () {
    'use strict';

    var table = document.querySelector('table.price-calendar');
    var checkIn = document.getElementById('checkIn');
    var checkOut = document.getElementById('checkOut');
    var status = document.getElementById('calendar-status');
    if (!table || !checkIn || !checkOut) {
        return;
    }
    var pickingLastNight = false;

    function dayAfter(iso) {
        var date = new Date(iso + 'T00:00:00Z');
        date.setUTCDate(date.getUTCDate() + 1);
        return date.toISOString().slice(0, 10);
    }

    function words(iso) {
        return new Date(iso + 'T00:00:00Z').toLocaleDateString('en-US',
            {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
    }

    function nightsBetween(from, to) {
        return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400000);
    }

    function markStay() {
        var from = checkIn.value;
        var to = checkOut.value;
        table.querySelectorAll('td[data-date]').forEach(function (cell) {
            var date = cell.getAttribute('data-date');
            cell.classList.toggle('night--chosen', Boolean(from && to && date >= from && date < to));
        });
    }

    function say(text) {
        if (status) {
            status.textContent = text;
        }
    }

    table.addEventListener('click', function (event) {
        var link = event.target.closest('a[data-night]');
        if (!link) {
            return;
        }
        event.preventDefault();
        var night = link.getAttribute('data-night');
        if (!pickingLastNight || !checkIn.value || night <= checkIn.value) {
            // The link's own check-out keeps the season's minimum stay.
            var suggested = new URL(link.href, window.location.href).searchParams.get('checkOut') || dayAfter(night);
            checkIn.value = night;
            checkOut.value = suggested;
            pickingLastNight = true;
            say('Check-in ' + words(night) + '. Now choose your last night, or press Search.');
        } else {
            checkOut.value = dayAfter(night);
            pickingLastNight = false;
            var nights = nightsBetween(checkIn.value, checkOut.value);
            say('Stay from ' + words(checkIn.value) + ' to ' + words(checkOut.value) + ', ' + nights
                + (nights === 1 ? ' night' : ' nights') + '. Press Search to see the rooms and prices.');
        }
        markStay();
    });

    checkIn.addEventListener('change', function () {
        pickingLastNight = false;
        markStay();
    });
    checkOut.addEventListener('change', markStay);
}());
