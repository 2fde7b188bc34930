# README step "Your base template": this site's base.html names its blocks page_title, head_extra, main
# and body_scripts, so the package is told where its title, head tags, content and scripts go.
SEISMIC_WAGTAIL = {
    **globals().get("SEISMIC_WAGTAIL", {}),
    "TEMPLATE_BLOCKS": {"title": "page_title", "head": "head_extra", "content": "main", "scripts": "body_scripts"},
}
