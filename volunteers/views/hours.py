"""Placeholder views, replaced as the pages are built."""

from django.http import Http404


def signup_hours_log(request, pk):
    raise Http404


def my_hours(request):
    raise Http404


def certificate(request):
    raise Http404
