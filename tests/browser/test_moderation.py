"""The moderator's journey in Chromium: the queue of published free-text answers, one answer approved with its
row's button and two rejected together with the checkboxes (the buttons and checkboxes sit in the table and
join the queue's form with the ``form`` attribute, which only a real browser submits)."""

import re

from .conftest import ADMIN

QUEUE = "/admin/seismic/consultation-moderation/"


def log_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", ADMIN["username"])
    page.fill("#id_password", ADMIN["password"])
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def row_ids(page):
    return [int(value) for value in page.locator("input[name=answer]").evaluate_all("els => els.map(e => e.value)")]


def test_approve_one_answer_and_reject_two_selected(page, example_server):
    log_in(page)
    page.goto(QUEUE + "?moderation=pending")
    assert page.get_by_role("heading", name="Answers to moderate").first.is_visible()
    pending = row_ids(page)
    assert len(pending) >= 3  # the demo leaves a quarter of the open consultation's answers waiting
    first, second, third = pending[:3]

    page.get_by_role("button", name=f"Approve answer {first}").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile(r"1 answer approved\.")).is_visible()

    page.goto(QUEUE + "?moderation=")
    page.get_by_label(f"Select answer {second}").check()
    page.get_by_label(f"Select answer {third}").check()
    page.get_by_role("button", name="Reject selected").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile(r"2 answers rejected\.")).is_visible()

    page.goto(QUEUE + "?moderation=approved")
    assert first in row_ids(page)
    page.goto(QUEUE + "?moderation=rejected")
    assert {second, third} <= set(row_ids(page))
