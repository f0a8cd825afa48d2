"""Placeholder views, replaced as the pages are built."""

from django.http import Http404


def task_list(request):
    raise Http404


def profile(request):
    raise Http404


def task_detail(request, pk):
    raise Http404


def shift_sign_up_view(request, pk):
    raise Http404


def signup_cancel_view(request, pk):
    raise Http404


def agenda(request):
    raise Http404


def agenda_calendar(request, token):
    raise Http404


def agenda_calendar_renew_view(request):
    raise Http404
