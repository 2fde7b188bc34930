"""The consultation answered and sent with the keyboard alone, with a visible focus indicator at every step."""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "", id: el.id || "",
    checked: !!el.checked, text: (el.innerText || el.value || "").trim().slice(0, 60),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow, inForm: !!el.closest("form.seismic-form"),
    visible: rect.width > 0 && rect.height > 0,
  };
}"""


def has_visible_focus(info):
    outline = info["outlineStyle"] != "none" and info["outlineWidth"] > 0
    return outline or info["boxShadow"] not in ("", "none")


def test_answer_the_consultation_with_the_keyboard_alone(page):
    page.goto("/seismic-demo/research-agenda-consultation/")
    answered_groups = set()
    steps = []
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        assert info is not None, "focus left the page after " + repr(steps[-3:])
        steps.append((info["tag"], info["id"] or info["text"]))
        assert info["visible"], f"focused element is not visible: {info}"
        assert has_visible_focus(info), f"no visible focus indicator on {info}"
        if not info["inForm"]:
            continue
        if info["type"] == "radio" and info["name"] not in answered_groups:
            # Tab lands on the first radio of a group; Arrow keys move and select, Space selects.
            page.keyboard.press("ArrowDown")
            if info["name"] != "consent":  # consent: the second choice, anonymous publication (no name)
                page.keyboard.press("ArrowUp")
            page.keyboard.press("Space")
            assert page.evaluate("() => document.activeElement.checked")
            answered_groups.add(info["name"])
        elif info["type"] == "checkbox" and (info["id"] == "id_privacy" or info["id"].endswith("_0")):
            page.keyboard.press("Space")
            assert page.evaluate("() => document.activeElement.checked")
        elif info["tag"] == "textarea":
            page.keyboard.type("More about housing and climate together.")
        elif info["id"] == "id_country":
            page.keyboard.type("Sweden")
            assert page.evaluate("() => document.activeElement.value") == "SE"
        elif info["tag"] == "button" and info["type"] == "submit":
            page.keyboard.press("Enter")
            break
    else:
        raise AssertionError("the submit button was never reached with Tab: " + repr(steps[-10:]))

    page.wait_for_load_state()
    errors = page.locator(".seismic-error-summary")
    assert errors.count() == 0, errors.inner_text()
    page.wait_for_url("**/research-agenda-consultation/thanks/")
    # The radio groups answered: the six priority/scale questions, respondent type and consent.
    assert len(answered_groups) >= 8, answered_groups


def test_keyboard_user_lands_on_the_error_summary_and_reaches_the_field(page):
    page.goto("/seismic-demo/research-agenda-consultation/")
    # Tab to the privacy box, tick nothing, and send the form with Enter on the submit button.
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        if info["tag"] == "button" and info["type"] == "submit" and info["inForm"]:
            page.keyboard.press("Enter")
            break
    page.wait_for_selector(".seismic-error-summary")
    # Focus starts on the error summary (role="alert"), visibly.
    info = page.evaluate(FOCUSED)
    assert info and "error-summary" in info["id"], info
    assert has_visible_focus(info), info
    # The next Tab is the first error link; Enter moves the focus to its field.
    page.keyboard.press("Tab")
    link = page.evaluate(FOCUSED)
    assert link["tag"] == "a" and has_visible_focus(link), link
    target = page.evaluate("() => document.activeElement.getAttribute('href').slice(1)")
    page.keyboard.press("Enter")
    page.wait_for_function("(id) => document.activeElement && document.activeElement.id === id", arg=target)
    field = page.evaluate(FOCUSED)
    assert field["inForm"] and has_visible_focus(field), field
