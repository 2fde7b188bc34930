"""A minimal Django view that validates a form and inserts one row: the baseline for submissions."""

from django import forms
from django.http import HttpResponse, HttpResponseBadRequest

from .models import MinimalSubmission


class MinimalForm(forms.Form):
    name = forms.CharField(max_length=100)
    email = forms.EmailField()
    answer = forms.CharField()


def minimal_submit(request):
    if request.method != "POST":
        return HttpResponse("ok")  # a GET sets no cookie; the load generator sends its own CSRF cookie
    form = MinimalForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("invalid")
    MinimalSubmission.objects.create(**form.cleaned_data)
    return HttpResponse("ok")
