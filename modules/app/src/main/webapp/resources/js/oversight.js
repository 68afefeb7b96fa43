// Behaviour every page shares, written so that pages need no inline script (the Content-Security-Policy
// allows scripts only from this server's files). Markup asks for it with data- attributes:
//   data-confirm="question"        a click goes ahead only when the person confirms the question
//   data-ajax-render="ids"         a button sends its form by Faces Ajax and re-renders these client ids
//   data-ajax-execute="ids"        ... processing these client ids (default: the button alone)
//   data-click-after="ms" data-click-target="id"
//                                  clicks the element with that id after the delay, while this element
//                                  is still on the page (a status that refreshes itself)
(function () {
    'use strict';

    document.addEventListener('click', function (event) {
        var asking = event.target.closest('[data-confirm]');
        if (asking && !window.confirm(asking.getAttribute('data-confirm'))) {
            event.preventDefault();
            event.stopImmediatePropagation();
            return;
        }
        var button = event.target.closest('[data-ajax-render]');
        if (button && !button.disabled && window.faces && faces.ajax) {
            event.preventDefault();
            faces.ajax.request(button, event, {
                execute: button.getAttribute('data-ajax-execute') || '@this',
                render: button.getAttribute('data-ajax-render')
            });
        }
    });

    function scheduleClicks(root) {
        Array.prototype.forEach.call(root.querySelectorAll('[data-click-after]'), function (timer) {
            if (timer.hasAttribute('data-click-scheduled')) {
                return;
            }
            timer.setAttribute('data-click-scheduled', 'true');
            setTimeout(function () {
                var target = document.getElementById(timer.getAttribute('data-click-target'));
                if (target && document.body.contains(timer)) {
                    target.click();
                }
            }, Number(timer.getAttribute('data-click-after')));
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        scheduleClicks(document);
    });

    if (window.faces && faces.ajax) {
        faces.ajax.addOnEvent(function (data) {
            if (data.status === 'success') {
                scheduleClicks(document);
            }
        });
        // An Ajax request the server could not answer reloads the page rather than leaving a button
        // that seems to do nothing; the server's own answer to an expired page is a redirect.
        faces.ajax.addOnError(function () {
            window.location.reload();
        });
    }
})();
