"use strict";

const postsList = document.getElementById("posts");
const postsStatus = document.getElementById("posts-status");
const form = document.getElementById("new-post");
const formStatus = document.getElementById("form-status");

// Shows which nodes answered: the topology headers exist only where the deployment enables them.
function showTopology(response) {
    const servedBy = response.headers.get("X-Served-By");
    const dbNode = response.headers.get("X-DB-Node");
    document.getElementById("served-by").textContent = servedBy || "www.foobar.com";
    document.getElementById("db-node").textContent = dbNode ? ", database " + dbNode : "";
}

async function problemMessage(response) {
    try {
        const problem = await response.json();
        return problem.detail || problem.title || response.statusText;
    } catch {
        return response.statusText || "HTTP " + response.status;
    }
}

function renderPost(post) {
    const item = document.createElement("li");
    item.textContent = post.body;
    const createdAt = post.createdAt || post.created_at;
    if (createdAt) {
        const meta = document.createElement("time");
        meta.className = "meta";
        meta.dateTime = createdAt;
        meta.textContent = new Date(createdAt).toLocaleString();
        item.append(meta);
    }
    return item;
}

async function loadPosts() {
    try {
        const response = await fetch("/api/posts?limit=20", { headers: { Accept: "application/json" } });
        showTopology(response);
        if (!response.ok) {
            throw new Error(await problemMessage(response));
        }
        const page = await response.json();
        const posts = Array.isArray(page) ? page : (page.posts || page.items || page.content || []);
        postsList.replaceChildren(...posts.map(renderPost));
        postsStatus.textContent = posts.length === 0 ? "No posts yet: write the first one." : "";
        postsStatus.classList.remove("error");
    } catch (error) {
        postsStatus.textContent = "Could not load posts: " + error.message;
        postsStatus.classList.add("error");
    }
}

form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    const body = form.elements.body.value.trim();
    if (body === "") {
        return;
    }
    button.disabled = true;
    formStatus.textContent = "Posting…";
    formStatus.classList.remove("error");
    try {
        const response = await fetch("/api/posts", {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify({ body: body })
        });
        showTopology(response);
        if (!response.ok) {
            throw new Error(await problemMessage(response));
        }
        form.reset();
        formStatus.textContent = "Posted.";
        await loadPosts();
    } catch (error) {
        formStatus.textContent = "Not posted: " + error.message;
        formStatus.classList.add("error");
    } finally {
        button.disabled = false;
    }
});

loadPosts();
