# README step "Your base template": this site's base.html has no extra_css/extra_js blocks; it places
# {% seismic_head %} and {% seismic_scripts %} itself instead (install/website/templates/base.html).
SEISMIC_WAGTAIL = {
    **globals().get("SEISMIC_WAGTAIL", {}),
    "TEMPLATE_BLOCKS": {"title": "title", "head": None, "content": "content", "scripts": None},
}
