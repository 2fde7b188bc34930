from django.template.response import TemplateResponse
from wagtail.models import Locale, Page


def search(request):
    """The city's own search: its pages in the current language."""
    query = request.GET.get("q", "").strip()
    results = []
    if query:
        results = Page.objects.live().filter(locale=Locale.get_active()).search(query)
    return TemplateResponse(request, "home/search.html", {"query": query, "results": results})
