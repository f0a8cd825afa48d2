"""Placeholder views, replaced as the pages are built."""

from django.http import Http404


def task_suggestions(request, pk):
    raise Http404


def task_invite(request, pk):
    raise Http404


def invitation(request, pk):
    raise Http404
