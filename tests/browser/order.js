// Loaded by tests/browser/order.html: for every page in an iframe, finds
// the opposite-direction phrases of each block on its own (not from
// warraq's spans) and checks where Chromium displays them.
//
// A block's inline content is cut into words at white space; images, line
// breaks, footnote marks and nested blocks are walls. A phrase is a run of words holding
// letters of the direction opposite to the block's, with words of neither
// direction (digits, signs) allowed between two of them. For each phrase:
//  - order: its characters, from its first letter to its last letter or
//    digit, are displayed left to right in an LTR phrase (right to left,
//    letters only, in an RTL one) on each line;
//  - isolation: all its letters sit in one element that sets dir (one
//    isolate), not in none and not in several.
(function () {
	const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
	const LETTER = /\p{L}/u, DIGIT = /\p{Nd}/u, SPACE = /\s/;
	const WALLS = new Set(['br', 'img', 'svg', 'math', 'input', 'video', 'audio', 'iframe']);
	const SKIP = new Set(['pre', 'script', 'style', 'template', 'head', 'title']);

	function cls(ch) {
		if (ch === "\u200E") return "L";
		if (ch === "\u200F") return "R";
		if (RTL.test(ch)) return 'R';
		if (LETTER.test(ch)) return 'L';
		if (DIGIT.test(ch)) return 'D';
		return 'N';
	}

	// The segments of a block: arrays of [textNode, offset, char].
	function segments(win, block) {
		const segs = [];
		let seg = [];
		const cut = () => { if (seg.length) segs.push(seg); seg = []; };
		(function walk(el) {
			for (const n of el.childNodes) {
				if (n.nodeType === 3) {
					const t = n.data;
					for (let i = 0; i < t.length;) {
						const ch = String.fromCodePoint(t.codePointAt(i));
						seg.push([n, i, ch]);
						i += ch.length;
					}
				} else if (n.nodeType === 1) {
					const tag = n.localName;
					if (SKIP.has(tag)) { cut(); continue; }
					if (WALLS.has(tag)) { cut(); continue; }
					// A footnote mark belongs to the outer sentence: its
					// own isolate, on the text's side (design H6).
					if (n.querySelector && (n.getAttribute('role') === 'doc-noteref' ||
						n.querySelector('[role="doc-noteref"]'))) { cut(); continue; }
					const display = win.getComputedStyle(n).display;
					if (display === 'none') continue;
					if (display.startsWith('inline') && display !== 'inline-table') walk(n);
					else cut();
				}
			}
		})(block);
		cut();
		return segs;
	}

	function phrases(seg, opp) {
		const words = [];
		let w = null;
		for (const c of seg) {
			if (SPACE.test(c[2])) { w = null; continue; }
			if (!w) words.push(w = { chars: [], kind: 'N' });
			w.chars.push(c);
		}
		for (const word of words) {
			let o = false, s = false;
			for (const c of word.chars) {
				const k = cls(c[2]);
				if (k === opp) o = true;
				else if (k === 'L' || k === 'R') s = true;
			}
			word.kind = s ? 'S' : o ? 'O' : 'N';
		}
		const out = [];
		let cur = null, pending = [];
		for (const word of words) {
			if (word.kind === 'O') {
				if (cur) cur.push(...pending, word);
				else out.push(cur = [word]);
				pending = [];
			} else if (word.kind === 'N') {
				if (cur) pending.push(word);
			} else {
				cur = null;
				pending = [];
			}
		}
		return out;
	}

	function rect(doc, c) {
		const r = doc.createRange();
		r.setStart(c[0], c[1]);
		r.setEnd(c[0], c[1] + c[2].length);
		const rs = r.getClientRects();
		return rs.length ? rs[0] : null;
	}

	function isolateOf(node, block) {
		let found = null;
		for (let e = node.parentElement; e && e !== block; e = e.parentElement)
			if (e.hasAttribute('dir') || e.localName === 'bdi') found = e;
		return found;
	}

	function checkPage(name, win, res) {
		const doc = win.document;
		for (const block of doc.body.querySelectorAll('*')) {
			const st = win.getComputedStyle(block);
			if (st.display.startsWith('inline') || st.display === 'none' || SKIP.has(block.localName)) continue;
			if (block.closest('pre')) continue;
			const dir = st.direction, opp = dir === 'rtl' ? 'L' : 'R';
			for (const seg of segments(win, block)) {
				for (const words of phrases(seg, opp)) {
					const chars = [].concat(...words.map(w => w.chars));
					let first = chars.findIndex(c => cls(c[2]) === opp);
					let last = chars.length - 1;
					while (last > first && !(cls(chars[last][2]) === opp || cls(chars[last][2]) === 'D')) last--;
					const span = chars.slice(first, last + 1).filter(c => !SPACE.test(c[2]) &&
						(opp === 'L' || cls(c[2]) === 'R'));
					const text = words.map(w => w.chars.map(c => c[2]).join('')).join(' ');
					res.phrases++;
					res.words += words.length;
					let prev = null, bad = false;
					for (const c of span) {
						const r = rect(doc, c);
						if (!r || r.width === 0) continue;
						res.chars++;
						if (prev && Math.abs(prev.top - r.top) < Math.min(prev.height, r.height) / 2) {
							const a = prev.left + prev.width / 2, b = r.left + r.width / 2;
							if (opp === 'L' ? b < a - 1 : b > a + 1) bad = true;
						}
						prev = r;
					}
					if (bad) {
						// The words as displayed: by line, then by x.
						const shown = words.map(w => ({ w: w.chars.map(c => c[2]).join(''), r: rect(doc, w.chars[0]) }))
							.filter(x => x.r)
							.sort((x, y) => Math.abs(x.r.top - y.r.top) > x.r.height / 2 ? x.r.top - y.r.top
								: (opp === 'L' ? x.r.left - y.r.left : y.r.left - x.r.left))
							.map(x => x.w).join(' ');
						res.failures.push(`${name}: <${block.localName}> "${block.textContent.trim().slice(0, 50)}": order: "${text}" displayed as "${shown}"`);
					}
					const isolates = new Set(span.filter(c => cls(c[2]) === opp).map(c => isolateOf(c[0], block)));
					if (isolates.has(null) || isolates.size !== 1)
						res.failures.push(`${name}: <${block.localName}> "${block.textContent.trim().slice(0, 50)}": isolation: "${text}" is in ${isolates.has(null) ? 'no isolate' : isolates.size + ' isolates'}`);
					else res.isolated++;
				}
			}
		}
	}

	window.addEventListener('load', () => {
		const res = { pages: 0, phrases: 0, words: 0, chars: 0, isolated: 0, failures: [] };
		for (const f of document.querySelectorAll('iframe')) {
			try {
				checkPage(f.dataset.name, f.contentWindow, res);
				res.pages++;
			} catch (e) {
				res.failures.push(`${f.dataset.name}: cannot be read: ${e}`);
			}
		}
		const pre = document.createElement('pre');
		pre.id = 'warraq-result';
		pre.textContent = JSON.stringify(res);
		document.body.appendChild(pre);
	});
})();
