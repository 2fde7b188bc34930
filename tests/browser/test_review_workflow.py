"""The review workflow (#19) in Chromium, with the demo's accounts: a national editor of SEiSMiC Austria
changes a story in the network's story section and submits it to the network's review workflow; a coordinator
of the network approves it from the dashboard (with a comment); the central editors approve it and publish;
visitors see the change only then, and Wagtail's history of the page (its audit log) lists each step with its
user. The Austrian editor cannot edit a Czech story.

The accounts are ``demo_admin``'s (``editor-at``, ``coordinator-at``, ``central``), which get the
administrator's password in these tests (``DEMO_ADMIN_PASSWORD``); ``seismic_demo`` sets up the teams and the
workflows and the story sections (``setup_roles(..., workflows=True, move_stories=True)``).
"""

import re

from playwright.sync_api import expect

from .conftest import ADMIN

PASSWORD = ADMIN["password"]
EDITOR, COORDINATOR, CENTRAL = "editor-at", "coordinator-at", "central"

#: The page under review: a story of SEiSMiC Austria, which the demo moved into the network's story section
#: (``/seismic-demo/stories/austria/``), where the network's review workflow applies. Any page of the network
#: works the same (an event below the network page has the same workflow) with its title and path here.
TITLE = "A participatory budget for the Lend district"
SECTION_PATH = "/seismic-demo/stories/austria/"
NEW_TITLE = f"{TITLE}, reviewed"
#: A page of another network (a story in the Czech section), which the Austrian editor may not edit.
OTHER_NETWORK_PAGE = "Participatory budgeting in Prague 7"

WORKFLOW = "Review: SEiSMiC Austria"
COORDINATORS_TASK = "Approval by SEiSMiC Austria: coordinators"
CENTRAL_TASK = "Approval by SEiSMiC central editors"
COMMENT = "Checked the figures with the Graz team."


def log_in(new_page, username, password=PASSWORD):
    """A new browser context logged in to the admin as ``username``."""
    page = new_page(locale="en-GB")
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def find_page(page, title):
    """The admin id and the public URL of the page titled ``title``, found with the admin's search."""
    page.goto("/admin/pages/search/?" + f"q={title}".replace(" ", "+"))
    href = page.get_by_role("link", name=title, exact=True).first.get_attribute("href")
    page_id = int(re.search(r"/admin/pages/(\d+)/", href).group(1))
    page.goto(f"/admin/pages/{page_id}/edit/")
    live_url = page.get_by_role("link", name=re.compile("Visit the live page")).first.get_attribute("href")
    return page_id, live_url


def open_action_menu(page):
    """Open the footer's action menu (the dropdown next to the main action)."""
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()


def public_title(visitor, url):
    visitor.goto(url)
    return visitor.locator("h1").first.inner_text().strip()


def awaiting_review(page):
    """The dashboard's "Awaiting your review" panel."""
    page.goto("/admin/")
    return page.locator("section").filter(has=page.get_by_role("heading", name="Awaiting your review"))


def history_rows(page, page_id):
    """The page's audit log, oldest first: one (action text, user) pair per entry."""
    page.goto(f"/admin/pages/{page_id}/history/")
    rows = page.locator("main table tbody tr")
    entries = []
    for row in rows.all():
        cells = [cell.inner_text().strip() for cell in row.locator("td").all()]
        entries.append((" ".join(cells[0].split()), cells[1].strip()))
    return list(reversed(entries))


def entry_index(entries, action, user):
    """The position of the first entry whose action text matches ``action`` and whose user is ``user``."""
    for index, (text, who) in enumerate(entries):
        if re.search(action, text) and who == user:
            return index
    raise AssertionError(f"No entry {action!r} by {user} in the history: {entries}")


def test_editor_submits_coordinator_approves_central_publishes(page, new_page):
    visitor = page  # a context without a login: what the public sees

    # 1. The national editor changes the title and submits the page to the network's review workflow.
    editor = log_in(new_page, EDITOR)
    page_id, live_url = find_page(editor, TITLE)
    assert live_url.startswith(SECTION_PATH), live_url
    assert public_title(visitor, live_url) == TITLE
    editor.goto(f"/admin/pages/{page_id}/edit/")
    editor.fill("#id_title", NEW_TITLE)
    open_action_menu(editor)
    editor.get_by_role("button", name=f"Submit to {WORKFLOW}").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect(editor.get_by_text(f"Page '{NEW_TITLE}' has been submitted for moderation.")).to_be_visible()
    editor.goto(f"/admin/pages/{page_id}/edit/")
    expect(
        editor.get_by_text(f"This page is awaiting '{COORDINATORS_TASK}' in the '{WORKFLOW}' workflow.")
    ).to_be_visible()
    assert public_title(visitor, live_url) == TITLE

    # 2. The Austrian editor may not edit another network's page: the admin sends them to the dashboard.
    admin = log_in(new_page, ADMIN["username"])
    other_id, _ = find_page(admin, OTHER_NETWORK_PAGE)
    editor.goto(f"/admin/pages/{other_id}/edit/")
    editor.wait_for_url(re.compile(r"/admin/$"))
    expect(editor.get_by_text("Sorry, you do not have permission to access this area.")).to_be_visible()

    # 3. The coordinator finds it in "Awaiting your review" and approves it with a comment.
    coordinator = log_in(new_page, COORDINATOR)
    panel = awaiting_review(coordinator)
    row = panel.get_by_role("row").filter(has=coordinator.get_by_role("link", name=NEW_TITLE, exact=True))
    expect(row.get_by_text(EDITOR)).to_be_visible()  # "Task submitted by"
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve with comment").click()
    dialog = coordinator.get_by_role("dialog").filter(has=coordinator.get_by_label(re.compile("Comment")))
    dialog.get_by_label(re.compile("Comment")).fill(COMMENT)
    with coordinator.expect_navigation():
        dialog.locator("[type=submit]").click()
    expect(awaiting_review(coordinator).get_by_role("link", name=NEW_TITLE, exact=True)).to_have_count(0)
    coordinator.goto(f"/admin/pages/{page_id}/edit/")
    expect(
        coordinator.get_by_text(f"This page is awaiting '{CENTRAL_TASK}' in the '{WORKFLOW}' workflow.")
    ).to_be_visible()
    assert public_title(visitor, live_url) == TITLE  # not live before the central editors approve

    # 4. The central editors approve and publish from the edit view's action menu.
    central = log_in(new_page, CENTRAL)
    expect(awaiting_review(central).get_by_role("link", name=NEW_TITLE, exact=True)).to_be_visible()
    central.goto(f"/admin/pages/{page_id}/edit/")
    open_action_menu(central)
    with central.expect_navigation():
        central.get_by_role("button", name="Approve and Publish", exact=True).click()
    assert public_title(visitor, live_url) == NEW_TITLE

    # 5. The audit log: each step, in order, with its user.
    entries = history_rows(central, page_id)
    started = entry_index(
        entries, rf"^'{re.escape(WORKFLOW)}' started\. Next step '{re.escape(COORDINATORS_TASK)}'", EDITOR
    )
    by_coordinator = entry_index(entries, rf"^Approved at '{re.escape(COORDINATORS_TASK)}'\.", COORDINATOR)
    by_central = entry_index(
        entries, rf"^Approved at '{re.escape(CENTRAL_TASK)}'\. '{re.escape(WORKFLOW)}' complete", CENTRAL
    )
    published = entry_index(entries[by_central:], r"^Published", CENTRAL) + by_central
    assert started < by_coordinator < by_central < published, entries
    assert COMMENT in entries[by_coordinator][0]
