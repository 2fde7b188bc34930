from django.shortcuts import render
from wagtail.models import Locale, Page


def search(request):
    query = request.GET.get("q", "")
    pages = Page.objects.live().filter(locale=Locale.get_active())
    results = pages.search(query) if query else []
    return render(request, "home/search.html", {"query": query, "results": results})
