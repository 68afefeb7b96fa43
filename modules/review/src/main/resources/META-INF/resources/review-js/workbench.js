// Keyboard shortcuts and the lease countdown of the review workbench, and the same keys on the
// adjudication page. Decisions that need a rationale (correct, reject, skip, escalate, an adjudication)
// move the focus to the rationale box when it is empty; Ctrl+Enter there sends the decision that asked
// for it. J shows or hides the raw JSON input beside the formatted fields; ? shows every key.
(function () {
    var pending = null;
    // the adjudication page picks its verdict with radio buttons rather than one button per verdict
    var verdictKeys = { a: 'APPROVE', c: 'CORRECT', r: 'REJECT' };

    function button(key) {
        return document.querySelector('[data-shortcut="' + key + '"]:not([disabled])');
    }

    function rationale() {
        return document.querySelector('textarea.rationale');
    }

    function verdictRadio(key) {
        return verdictKeys[key] ? document.querySelector('.verdicts input[type=radio][value="' + verdictKeys[key] + '"]') : null;
    }

    function toggleRaw() {
        var raw = document.getElementById('input');
        var toggle = document.querySelector('[data-raw-toggle]');
        if (!raw || !toggle) {
            return;
        }
        var showing = raw.classList.toggle('collapsed') === false;
        toggle.setAttribute('aria-expanded', showing ? 'true' : 'false');
        toggle.textContent = showing ? 'Formatted only (J)' : 'Raw JSON (J)';
    }

    function toggleHelp() {
        var help = document.getElementById('keyHelp');
        if (help) {
            help.hidden = !help.hidden;
        }
    }

    document.addEventListener('click', function (e) {
        if (e.target.closest && e.target.closest('[data-raw-toggle]')) {
            e.preventDefault();
            toggleRaw();
        } else if (e.target.closest && e.target.closest('[data-close-help]')) {
            toggleHelp();
        }
    });

    function press(key) {
        var b = button(key);
        if (!b) {
            return;
        }
        var box = rationale();
        if (b.dataset.needsRationale === 'true' && box && box.value.trim() === '') {
            pending = key;
            box.focus();
            box.setAttribute('placeholder', 'Why? Then Ctrl+Enter sends "' + b.value + '".');
            return;
        }
        pending = null;
        b.click();
    }

    // The label finder: rows whose text does not contain what was typed are hidden; Enter ticks the
    // first row still shown and starts a new search.
    function labelRows() {
        return Array.prototype.slice.call(document.querySelectorAll('.labels input[type=checkbox]'))
            .map(function (box) { return box.closest('tr') || box.parentNode; });
    }

    function filterLabels(text) {
        var wanted = text.trim().toLowerCase();
        labelRows().forEach(function (row) {
            row.style.display = wanted === '' || row.textContent.toLowerCase().indexOf(wanted) >= 0 ? '' : 'none';
        });
    }

    function pickFirstLabel(finder) {
        var first = labelRows().filter(function (row) { return row.style.display !== 'none'; })[0];
        if (first) {
            tickLabel(first.querySelector('input[type=checkbox]'));
        }
        finder.value = '';
        filterLabels('');
    }

    // Ticking a label on the adjudication page means correcting to it: the verdict follows.
    function tickLabel(box) {
        box.checked = !box.checked;
        var correct = verdictRadio('c');
        if (box.checked && correct) {
            correct.checked = true;
        }
    }

    document.addEventListener('input', function (e) {
        if (e.target.id === 'labelFilter') {
            filterLabels(e.target.value);
        }
    });

    document.addEventListener('keydown', function (e) {
        var target = e.target;
        var typing = target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && target.type === 'text');
        if (typing && target.id === 'labelFilter' && e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            pickFirstLabel(target);
            return;
        }
        if (typing) {
            if (e.key === 'Escape') {
                var help = document.getElementById('keyHelp');
                if (help) {
                    help.hidden = true;
                }
                if (target.id === 'labelFilter') {
                    target.value = '';
                    filterLabels('');
                }
                target.blur();
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                var key = pending || (button('d') ? 'd' : 'c');
                pending = null;
                var b = button(key);
                if (b) {
                    b.click();
                }
            }
            return;
        }
        if (e.ctrlKey || e.altKey || e.metaKey) {
            return;
        }
        if (e.key === '?') {
            e.preventDefault();
            toggleHelp();
            return;
        }
        if (e.key === 'Escape' && document.getElementById('keyHelp')) {
            document.getElementById('keyHelp').hidden = true;
            return;
        }
        var k = e.key.toLowerCase();
        if (k >= '1' && k <= '9' && button(k)) {
            e.preventDefault();
            press(k);
        } else if (k >= '1' && k <= '9') {
            var boxes = document.querySelectorAll('.labels input[type=checkbox]');
            var box = boxes[Number(k) - 1];
            if (box) {
                tickLabel(box);
                e.preventDefault();
            }
        } else if (k === '/' && document.getElementById('labelFilter')) {
            document.getElementById('labelFilter').focus();
            e.preventDefault();
        } else if (k === 'w') {
            var r = rationale();
            if (r) {
                r.focus();
                e.preventDefault();
            }
        } else if (k === 'j') {
            e.preventDefault();
            toggleRaw();
        } else if (!button(k) && verdictRadio(k)) {
            e.preventDefault();
            verdictRadio(k).checked = true;
        } else if ('acrsend'.indexOf(k) >= 0) {
            e.preventDefault();
            press(k);
        }
    });

    function tick() {
        var lease = document.getElementById('lease');
        if (!lease) {
            return;
        }
        var left = Math.max(0, Math.floor((Number(lease.dataset.expires) - Date.now()) / 1000));
        var minutes = Math.floor(left / 60);
        var seconds = left % 60;
        lease.textContent = left === 0 ? 'expired: claim again'
            : minutes + ':' + (seconds < 10 ? '0' : '') + seconds + ' left';
        lease.classList.toggle('lease-low', left < 60);
    }

    // Word-level difference between the model's output and the reviewer's edit (longest common
    // subsequence), shown as the reviewer types: removed words struck through, added words marked.
    function words(text) {
        return text.split(/(\s+)/).filter(function (w) { return w.length > 0; });
    }

    function diff(before, after) {
        var a = words(before), b = words(after), n = a.length, m = b.length;
        var table = [];
        for (var i = 0; i <= n; i++) {
            table.push(new Array(m + 1).fill(0));
        }
        for (i = n - 1; i >= 0; i--) {
            for (var j = m - 1; j >= 0; j--) {
                table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
            }
        }
        var out = document.createDocumentFragment();
        function piece(tag, text) {
            var node = document.createElement(tag);
            node.textContent = text;
            out.appendChild(node);
        }
        i = 0;
        j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[i] === b[j]) {
                piece('span', a[i]); i++; j++;
            } else if (j < m && (i === n || table[i][j + 1] >= table[i + 1][j])) {
                piece('ins', b[j]); j++;
            } else {
                piece('del', a[i]); i++;
            }
        }
        return out;
    }

    function showDiff() {
        var box = document.getElementById('work:output');
        var target = document.getElementById('outputDiff');
        if (!box || !target) {
            return;
        }
        target.replaceChildren(diff(box.dataset.original || '', box.value));
    }

    document.addEventListener('input', function (e) {
        if (e.target.id === 'work:output') {
            showDiff();
        }
    });
    document.addEventListener('DOMContentLoaded', showDiff);

    setInterval(tick, 1000);
    document.addEventListener('DOMContentLoaded', tick);
    if (window.faces && faces.ajax) {
        faces.ajax.addOnEvent(function (data) {
            if (data.status === 'success') {
                // The update may leave the focus in the new rationale box; shortcuts must reach
                // the next item, so give the focus back to the page.
                if (document.activeElement && document.activeElement !== document.body) {
                    document.activeElement.blur();
                }
                pending = null;
                tick();
                showDiff();
            }
        });
    }
})();
