'use strict';

// The infrastructure view: polls /infra/topology (every node's health and traffic) and sends one small /api request
// each round, whose X-Served-By and X-DB-Node headers show the path it took. All text goes in through textContent.
(() => {
    const TOPOLOGY_URL = '/infra/topology';
    const PROBE_URL = '/api/posts?limit=1';
    const REQUEST_TIMEOUT_MILLIS = 3000;
    const HISTORY_LENGTH = 60;
    const TIER_OF_ROLE = {gateway: 'gateway', web: 'web', app: 'app', 'db-primary': 'db', 'db-replica': 'db'};
    // Which tier's nodes each tier's nodes may send to: the lines of the diagram.
    const NEXT_TIER = {gateway: 'web', web: 'app', app: 'db'};
    const SVG = 'http://www.w3.org/2000/svg';

    const cards = new Map();
    let nodes = [];
    let path = [];
    let refreshMillis = 1000;
    let lastUpdate = null;

    function element(tag, className, text) {
        const created = document.createElement(tag);
        if (className) {
            created.className = className;
        }
        if (text !== undefined) {
            created.textContent = text;
        }
        return created;
    }

    function formatRate(value) {
        if (value === null || value === undefined) {
            return '—';
        }
        return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
    }

    function formatMillis(value) {
        if (value === null || value === undefined) {
            return '—';
        }
        if (value >= 1000) {
            return (value / 1000).toFixed(2) + ' s';
        }
        return (value < 10 ? value.toFixed(1) : Math.round(value).toString()) + ' ms';
    }

    function formatLag(value) {
        return value === null || value === undefined ? '—' : Math.round(value) + ' s';
    }

    function metric(label) {
        const box = element('div', 'metric');
        const value = element('span', 'value', '—');
        box.append(value, element('span', 'label', label));
        return {box, value};
    }

    function createCard(node) {
        const card = element('article', 'node');
        card.dataset.node = node.name;
        card.dataset.role = node.role;
        card.dataset.health = 'unknown';
        const head = element('div', 'node-head');
        const dot = element('span', 'dot');
        const health = element('span', 'node-health', 'unknown');
        head.append(dot, element('span', 'node-name', node.name), health);
        const database = node.role === 'db-primary' || node.role === 'db-replica';
        const metrics = element('div', 'metrics');
        const rps = metric(database ? 'conn/s' : 'req/s');
        metrics.append(rps.box);
        let p99 = null;
        let lag = null;
        if (!database) {
            p99 = metric('p99');
            metrics.append(p99.box);
        }
        if (node.role === 'db-replica') {
            lag = metric('lag');
            metrics.append(lag.box);
        }
        const spark = document.createElementNS(SVG, 'svg');
        spark.setAttribute('class', 'spark');
        spark.setAttribute('viewBox', `0 0 ${HISTORY_LENGTH - 1} 24`);
        spark.setAttribute('preserveAspectRatio', 'none');
        spark.setAttribute('aria-hidden', 'true');
        const baseline = document.createElementNS(SVG, 'line');
        baseline.setAttribute('class', 'baseline');
        baseline.setAttribute('x1', '0');
        baseline.setAttribute('x2', String(HISTORY_LENGTH - 1));
        baseline.setAttribute('y1', '23.5');
        baseline.setAttribute('y2', '23.5');
        baseline.setAttribute('vector-effect', 'non-scaling-stroke');
        const line = document.createElementNS(SVG, 'polyline');
        line.setAttribute('vector-effect', 'non-scaling-stroke');
        spark.append(baseline, line);
        card.append(head, metrics, spark);
        return {card, dot, health, rps: rps.value, p99: p99 && p99.value, lag: lag && lag.value, line, history: []};
    }

    function buildCards(topologyNodes) {
        const names = topologyNodes.map((node) => node.name).join(',');
        if (names === nodes.map((node) => node.name).join(',')) {
            return;
        }
        cards.clear();
        document.querySelectorAll('.tier .nodes').forEach((container) => container.replaceChildren());
        for (const node of topologyNodes) {
            const tier = document.querySelector(`.tier[data-tier="${TIER_OF_ROLE[node.role] || 'db'}"] .nodes`);
            const card = createCard(node);
            cards.set(node.name, card);
            tier.append(card.card);
        }
    }

    function updateCard(node) {
        const card = cards.get(node.name);
        card.card.dataset.health = node.health;
        card.card.dataset.onPath = String(path.includes(node.name));
        card.dot.dataset.health = node.health;
        card.health.textContent = node.health;
        card.rps.textContent = formatRate(node.rps);
        if (card.p99) {
            card.p99.textContent = formatMillis(node.p99Millis);
        }
        if (card.lag) {
            card.lag.textContent = formatLag(node.lagSeconds);
        }
        card.history.push(node.rps === null ? 0 : node.rps);
        if (card.history.length > HISTORY_LENGTH) {
            card.history.shift();
        }
        const peak = Math.max(1, ...card.history);
        const offset = HISTORY_LENGTH - card.history.length;
        card.line.setAttribute('points', card.history
            .map((value, i) => `${offset + i},${(23 - (value / peak) * 22).toFixed(1)}`)
            .join(' '));
    }

    function updateTotals() {
        for (const tier of ['gateway', 'web', 'app', 'db']) {
            const inTier = nodes.filter((node) => TIER_OF_ROLE[node.role] === tier && node.rps !== null);
            const total = inTier.reduce((sum, node) => sum + node.rps, 0);
            const label = document.querySelector(`[data-total="${tier}"]`);
            label.textContent = inTier.length ? `${formatRate(total)} ${tier === 'db' ? 'conn/s' : 'req/s'}` : '';
        }
    }

    function isOnPath(from, to) {
        const at = path.indexOf(from);
        return at >= 0 && path[at + 1] === to;
    }

    function drawLinks() {
        const svg = document.getElementById('links');
        const origin = document.getElementById('diagram').getBoundingClientRect();
        const plain = [];
        const onPath = [];
        for (const from of nodes) {
            const next = NEXT_TIER[TIER_OF_ROLE[from.role]];
            for (const to of nodes.filter((node) => TIER_OF_ROLE[node.role] === next)) {
                const a = cards.get(from.name).card.getBoundingClientRect();
                const b = cards.get(to.name).card.getBoundingClientRect();
                const line = document.createElementNS(SVG, 'line');
                line.setAttribute('x1', (a.right - origin.left).toFixed(1));
                line.setAttribute('y1', (a.top + a.height / 2 - origin.top).toFixed(1));
                line.setAttribute('x2', (b.left - origin.left).toFixed(1));
                line.setAttribute('y2', (b.top + b.height / 2 - origin.top).toFixed(1));
                line.dataset.from = from.name;
                line.dataset.to = to.name;
                if (isOnPath(from.name, to.name)) {
                    line.dataset.state = 'path';
                    onPath.push(line);
                }
                else {
                    line.dataset.state = from.health === 'down' || to.health === 'down' ? 'down' : 'idle';
                    plain.push(line);
                }
            }
        }
        // Lines on the path last, so they are drawn over the others.
        svg.replaceChildren(...plain, ...onPath);
    }

    function showPath(probe) {
        const target = document.getElementById('request-path');
        const time = document.getElementById('request-time');
        if (probe.status === 'rejected') {
            target.dataset.path = '';
            // An abort is this page's own time limit, whose message ("signal is aborted without reason") says nothing.
            const why = probe.reason.name === 'AbortError'
                ? `no answer within ${REQUEST_TIMEOUT_MILLIS / 1000} s` : `no answer: ${probe.reason.message}`;
            target.replaceChildren(element('span', '', why));
            time.textContent = '';
            path = [];
            return;
        }
        const answer = probe.value;
        path = answer.hops;
        target.dataset.path = path.join(' -> ');
        if (!path.length) {
            target.replaceChildren(element('span', '', 'hidden (the topology headers are off)'));
        }
        else {
            const parts = [];
            path.forEach((hop, i) => {
                if (i > 0) {
                    parts.push(element('span', 'arrow', '→'));
                }
                parts.push(element('span', 'hop', hop));
            });
            target.replaceChildren(...parts);
        }
        time.textContent = `HTTP ${answer.status} in ${formatMillis(answer.millis)}`;
    }

    function showFeed(state, text) {
        const feed = document.getElementById('feed-status');
        feed.dataset.state = state;
        feed.textContent = text;
    }

    function showFlash(message) {
        const flash = document.getElementById('flash');
        flash.textContent = message || '';
        flash.hidden = !message;
    }

    async function fetchTopology(signal) {
        const response = await fetch(TOPOLOGY_URL, {cache: 'no-store', headers: {Accept: 'application/json'}, signal});
        if (!response.ok) {
            throw new Error(`the topology answered HTTP ${response.status}`);
        }
        return response.json();
    }

    async function probe(signal) {
        const started = performance.now();
        const response = await fetch(PROBE_URL, {cache: 'no-store', headers: {Accept: 'application/json'}, signal});
        await response.text();
        const hops = (response.headers.get('X-Served-By') || '').split(',')
            .map((hop) => hop.trim())
            .filter((hop) => hop.length);
        const database = (response.headers.get('X-DB-Node') || '').trim();
        if (database) {
            hops.push(database);
        }
        return {status: response.status, hops, millis: performance.now() - started};
    }

    async function refresh() {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MILLIS);
        const [topology, request] = await Promise.allSettled([fetchTopology(controller.signal),
            probe(controller.signal)]);
        clearTimeout(timer);
        showPath(request);
        if (topology.status === 'fulfilled') {
            const view = topology.value;
            refreshMillis = Math.min(2000, Math.max(1000, view.refreshMillis || 1000));
            buildCards(view.nodes);
            nodes = view.nodes;
            nodes.forEach(updateCard);
            updateTotals();
            drawLinks();
            lastUpdate = new Date(view.generatedAt);
            showFeed('live', 'live');
            showFlash('');
            document.getElementById('refresh-note').textContent = `Every node polled every ${refreshMillis / 1000} s `
                + `while this page is open · req/s over the last ${view.rateWindowSeconds} s · `
                + `p99 over the last ${view.latencyWindowSeconds} s`;
        }
        else {
            showFeed('stale', 'stale');
            showFlash(`Cannot read the topology (${topology.reason.message}); showing the last known state.`);
        }
        if (lastUpdate) {
            document.getElementById('updated-at').textContent = 'updated ' + lastUpdate.toLocaleTimeString('en-GB');
        }
        setTimeout(refresh, refreshMillis);
    }

    window.addEventListener('resize', () => nodes.length && drawLinks());
    refresh();
})();
