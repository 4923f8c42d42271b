"use strict";

// The message board: plain DOM, one fetch helper, and user text only ever set through textContent.

const PAGE_SIZE = 20;
const MAX_BODY = 10000;

const $ = (id) => document.getElementById(id);

const state = {
    user: null,
    // What the timeline shows: every post, a search, or one user's posts.
    view: { kind: "all" },
    next: null
};

// ---- API -------------------------------------------------------------------------------------------------------

class ApiError extends Error {
    constructor(status, problem) {
        super(problemMessage(status, problem));
        this.status = status;
        this.problem = problem;
    }
}

function problemMessage(status, problem) {
    const text = (problem && (problem.detail || problem.title)) || "The server answered " + status + ".";
    const errors = (problem && Array.isArray(problem.errors)) ? problem.errors : [];
    const fields = errors.map((error) => (error.field ? error.field + ": " : "") + error.message);
    return [text, ...fields].join(" ");
}

function cookie(name) {
    const prefix = name + "=";
    const found = document.cookie.split("; ").find((part) => part.startsWith(prefix));
    return found ? decodeURIComponent(found.substring(prefix.length)) : null;
}

// Every request of the page goes through here: it sends the CSRF token the application server set as a cookie,
// records which nodes answered, and turns a problem response into an ApiError.
async function api(method, path, body) {
    const headers = { Accept: "application/json, application/problem+json" };
    if (method !== "GET" && !cookie("XSRF-TOKEN")) {
        // Logging in replaces the token; any GET under /api/ hands out a new one before a write needs it.
        await fetch("/api/session", { credentials: "same-origin" }).catch(() => null);
    }
    const token = cookie("XSRF-TOKEN");
    if (token) {
        headers["X-XSRF-TOKEN"] = token;
    }
    const init = { method, headers, credentials: "same-origin" };
    if (body !== undefined) {
        headers["Content-Type"] = "application/json";
        init.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(path, init);
    } catch (error) {
        throw new ApiError(0, { detail: "The site cannot be reached; check the connection and try again." });
    }
    showRequestPath(response);
    const text = await response.text();
    const data = text ? parseJson(text) : null;
    if (!response.ok) {
        throw new ApiError(response.status, data);
    }
    return { data, response };
}

function parseJson(text) {
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}

// The Link header's rel="next" target, if the server says there may be more.
function nextLink(response) {
    const header = response.headers.get("Link");
    if (!header) {
        return null;
    }
    for (const part of header.split(",")) {
        const match = part.match(/<([^>]+)>\s*;\s*rel="?next"?/);
        if (match) {
            return match[1];
        }
    }
    return null;
}

// ---- Messages and the footer ------------------------------------------------------------------------------------

let flashTimer = null;

// The alert region stays in the page, empty when there is nothing to say: screen readers announce a change of
// its text more reliably than an element that appears.
function flash(message, kind) {
    const box = $("flash");
    box.textContent = message;
    box.dataset.kind = kind;
    clearTimeout(flashTimer);
    if (kind === "success") {
        flashTimer = setTimeout(() => { box.textContent = ""; }, 6000);
    }
}

function failed(error) {
    flash(error.message, "error");
}

function showRequestPath(response) {
    const servedBy = response.headers.get("X-Served-By");
    const dbNode = response.headers.get("X-DB-Node");
    const hops = servedBy ? servedBy.split(",").map((hop) => hop.trim()).filter(Boolean) : [];
    if (dbNode) {
        hops.push(dbNode);
    }
    $("last-request").textContent = hops.length > 0 ? hops.join(" → ") : "www.foobar.com (topology hidden)";
}

// ---- Account ----------------------------------------------------------------------------------------------------

function setUser(username) {
    state.user = username;
    $("current-user").textContent = username || "";
    $("logout-button").hidden = !username;
    $("account-forms").hidden = Boolean(username);
    $("compose").hidden = !username;
}

async function loadSession() {
    try {
        const { data } = await api("GET", "/api/session");
        setUser(data.username);
    } catch (error) {
        setUser(null);
        if (error.status !== 401) {
            failed(error);
        }
    }
}

function credentials(form) {
    return { username: form.elements.username.value.trim(), password: form.elements.password.value };
}

async function register(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const account = credentials(form);
    await busy(form, async () => {
        await api("POST", "/api/users", account);
        form.reset();
        $("login-username").value = account.username;
        $("login-password").value = account.password;
        flash("Account " + account.username + " created. Log in to start posting.", "success");
        $("login-submit").focus();
    });
}

async function logIn(event) {
    event.preventDefault();
    const form = event.currentTarget;
    await busy(form, async () => {
        const { data } = await api("POST", "/api/session", credentials(form));
        form.reset();
        setUser(data.username);
        flash("Logged in as " + data.username + ".", "success");
        $("post-body").focus();
        await reloadTimeline();
    });
}

async function logOut() {
    try {
        await api("DELETE", "/api/session");
        setUser(null);
        flash("Logged out.", "success");
        await reloadTimeline();
    } catch (error) {
        failed(error);
    }
}

// Disables a form's buttons while its request runs, and shows what went wrong.
async function busy(form, action) {
    const buttons = form.querySelectorAll("button");
    buttons.forEach((button) => { button.disabled = true; });
    try {
        await action();
    } catch (error) {
        if (error.status === 401 && state.user) {
            setUser(null);
        }
        failed(error);
    } finally {
        buttons.forEach((button) => { button.disabled = false; });
    }
}

// ---- Posts ------------------------------------------------------------------------------------------------------

function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
        node.className = className;
    }
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function renderPost(post) {
    const item = element("li", "post");
    item.dataset.postId = String(post.id);
    item.dataset.version = String(post.version);

    const meta = element("div", "post-meta");
    if (post.author) {
        const author = element("button", "post-author link-button", post.author);
        author.type = "button";
        author.title = "Posts by " + post.author;
        author.addEventListener("click", () => showView({ kind: "user", username: post.author }));
        meta.append(author);
    } else {
        meta.append(element("span", "post-author guest", "guest"));
    }
    const time = element("time", "post-time", timeFormat.format(new Date(post.createdAt)));
    time.dateTime = post.createdAt;
    meta.append(time);
    if (post.editedAt) {
        const edited = element("span", "post-edited", "edited");
        edited.title = "Edited " + timeFormat.format(new Date(post.editedAt));
        meta.append(edited);
    }
    item.append(meta, element("p", "post-body", post.body));

    if (state.user && post.author === state.user) {
        const actions = element("div", "post-actions");
        const edit = element("button", "post-edit button-quiet", "Edit");
        edit.type = "button";
        edit.addEventListener("click", () => startEditing(item, post));
        const remove = element("button", "post-delete button-quiet danger", "Delete");
        remove.type = "button";
        remove.addEventListener("click", () => deletePost(item, post));
        actions.append(edit, remove);
        item.append(actions);
    }
    return item;
}

function startEditing(item, post) {
    const editor = element("div", "post-editor");
    const id = "post-edit-body-" + post.id;
    const label = element("label", "visually-hidden", "Edit your post");
    label.htmlFor = id;
    const textarea = element("textarea", "post-edit-body");
    textarea.id = id;
    textarea.rows = 4;
    textarea.maxLength = MAX_BODY;
    textarea.value = post.body;
    const save = element("button", "post-save", "Save");
    save.type = "button";
    const cancel = element("button", "post-cancel button-quiet", "Cancel");
    cancel.type = "button";
    const buttons = element("div", "form-row");
    buttons.append(cancel, save);
    editor.append(label, textarea, buttons);

    item.querySelector(".post-body").hidden = true;
    item.querySelector(".post-actions").hidden = true;
    item.append(editor);
    textarea.focus();

    cancel.addEventListener("click", () => {
        item.replaceWith(renderPost(post));
    });
    save.addEventListener("click", async () => {
        save.disabled = true;
        try {
            const { data } = await api("PUT", "/api/posts/" + post.id, { body: textarea.value, version: post.version });
            const updated = renderPost(data);
            item.replaceWith(updated);
            updated.querySelector(".post-edit")?.focus();
            flash("Post saved.", "success");
        } catch (error) {
            save.disabled = false;
            failed(error);
        }
    });
}

async function deletePost(item, post) {
    try {
        await api("DELETE", "/api/posts/" + post.id);
        const neighbour = item.nextElementSibling || item.previousElementSibling;
        item.remove();
        flash("Post deleted.", "success");
        (neighbour?.querySelector("button") || $("timeline-heading")).focus();
        showEmptyState();
    } catch (error) {
        failed(error);
    }
}

async function createPost(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = $("post-body").value;
    if (body.trim() === "") {
        flash("Write something first.", "error");
        $("post-body").focus();
        return;
    }
    await busy(form, async () => {
        const { data } = await api("POST", "/api/posts", { body });
        form.reset();
        updateCount();
        // Read-your-writes: the new post goes on top at once, where the timeline would show it.
        if (state.view.kind === "all" || (state.view.kind === "user" && state.view.username === data.author)) {
            $("timeline").prepend(renderPost(data));
            showEmptyState();
        }
        flash("Posted.", "success");
    });
}

function updateCount() {
    $("post-body-count").textContent = $("post-body").value.length + " / " + MAX_BODY;
}

// ---- Timeline, search and per-user view -------------------------------------------------------------------------

function firstPageUrl(view) {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (view.kind === "user") {
        return "/api/users/" + encodeURIComponent(view.username) + "/posts?" + params;
    }
    if (view.kind === "search") {
        params.set("q", view.q);
    }
    return "/api/posts?" + params;
}

function heading(view) {
    if (view.kind === "user") {
        return "Posts by " + view.username;
    }
    if (view.kind === "search") {
        return "Posts matching “" + view.q + "”";
    }
    return "Latest posts";
}

async function loadPage(url, append) {
    const timeline = $("timeline");
    const more = $("load-more");
    timeline.setAttribute("aria-busy", "true");
    more.disabled = true;
    try {
        const { data, response } = await api("GET", url);
        const posts = Array.isArray(data) ? data : [];
        const items = posts.map(renderPost);
        if (append) {
            timeline.append(...items);
        } else {
            timeline.replaceChildren(...items);
        }
        state.next = nextLink(response);
        more.hidden = !state.next;
        $("timeline-status").textContent = "";
        showEmptyState();
        return items;
    } catch (error) {
        $("timeline-status").textContent = "The posts could not be loaded.";
        failed(error);
        return [];
    } finally {
        timeline.setAttribute("aria-busy", "false");
        more.disabled = false;
    }
}

function showEmptyState() {
    if ($("timeline").children.length > 0) {
        return;
    }
    const empty = { all: "No posts yet: write the first one.", search: "No post matches.", user: "No posts yet." };
    $("timeline-status").textContent = empty[state.view.kind];
}

// The heading changes with the list, not before it, so it always names what is shown.
async function reloadTimeline() {
    $("search-query").value = state.view.kind === "search" ? state.view.q : "";
    await loadPage(firstPageUrl(state.view), false);
    $("timeline-heading").textContent = heading(state.view);
    $("show-all").hidden = state.view.kind === "all";
}

async function loadOlder() {
    if (!state.next) {
        return;
    }
    const count = $("timeline").children.length;
    const items = await loadPage(state.next, true);
    // Keyboard users land on the first new post, not back at the top.
    if (items.length > 0 && count > 0) {
        items[0].tabIndex = -1;
        items[0].focus();
    }
}

// The view is kept in the address (?q=, ?user=), so it survives a reload and the back button works.
function viewFromAddress() {
    const params = new URLSearchParams(location.search);
    if (params.get("user")) {
        return { kind: "user", username: params.get("user") };
    }
    if (params.get("q")) {
        return { kind: "search", q: params.get("q") };
    }
    return { kind: "all" };
}

function addressOf(view) {
    if (view.kind === "user") {
        return "/?user=" + encodeURIComponent(view.username);
    }
    if (view.kind === "search") {
        return "/?q=" + encodeURIComponent(view.q);
    }
    return "/";
}

function showView(view) {
    state.view = view;
    history.pushState(null, "", addressOf(view));
    reloadTimeline().then(() => $("timeline-heading").focus());
}

function search(event) {
    event.preventDefault();
    const q = $("search-query").value.trim();
    showView(q ? { kind: "search", q } : { kind: "all" });
}

// ---- Start ------------------------------------------------------------------------------------------------------

$("register-form").addEventListener("submit", register);
$("login-form").addEventListener("submit", logIn);
$("logout-button").addEventListener("click", logOut);
$("post-form").addEventListener("submit", createPost);
$("post-body").addEventListener("input", updateCount);
$("post-body").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        $("post-form").requestSubmit();
    }
});
$("search-form").addEventListener("submit", search);
$("load-more").addEventListener("click", loadOlder);
$("show-all").addEventListener("click", () => showView({ kind: "all" }));
$("flash").addEventListener("click", () => { $("flash").textContent = ""; });
window.addEventListener("popstate", () => {
    state.view = viewFromAddress();
    reloadTimeline();
});

// The session comes first: it decides which forms show, whose posts get edit buttons, and it sets the CSRF cookie.
state.view = viewFromAddress();
loadSession().then(reloadTimeline);
