"""Placeholder views, replaced as the pages are built."""

from django.http import Http404


def my_tasks(request):
    raise Http404


def task_new(request):
    raise Http404


def task_manage(request, pk):
    raise Http404


def task_edit(request, pk):
    raise Http404


def task_shifts(request, pk):
    raise Http404


def task_status_view(request, pk):
    raise Http404


def signup_attendance(request, pk):
    raise Http404


def signup_hours_confirm(request, pk):
    raise Http404


def signup_cancel_by_organiser(request, pk):
    raise Http404
