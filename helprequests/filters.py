"""Filters of the team's queue (django-filter).

The queue opens on open work: without a status in the query it shows the open states;
closed and withdrawn requests only when someone chooses them.
"""

import hashlib

import django_filters
from django import forms
from django.core.cache import cache
from django.http import QueryDict
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import (
    CLOSED_STATUSES_LIST,
    OPEN_STATUSES_LIST,
    HelpKind,
    HelpRequest,
    HelpStatus,
    Urgency,
)
from .selectors import help_request_overdue_q

ASSIGNEE_CHOICES = [("me", _("Assigned to me")), ("nobody", _("Not assigned"))]
SORT_CHOICES = [("due", _("Due soonest first")), ("newest", _("Newest first"))]
OPEN, CLOSED, ALL = "open", "closed", "all"
STATUS_CHOICES = [
    (OPEN, _("Open requests")),
    (CLOSED, _("Closed or withdrawn")),
    (ALL, _("All statuses")),
    (_("One status"), HelpStatus.choices),
]
STATUS_GROUPS = {OPEN: OPEN_STATUSES_LIST, CLOSED: CLOSED_STATUSES_LIST}
# The query keys of the filter form: what the queue remembers and shares in its address.
FILTER_KEYS = ("status", "kind", "urgency", "toegewezen", "achterstallig", "sort")


class HelpQueueFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="in_status", empty_label=None
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of help"), choices=HelpKind.choices, empty_label=_("All kinds")
    )
    urgency = django_filters.ChoiceFilter(
        label=_("Urgency"), choices=Urgency.choices, empty_label=_("Any urgency")
    )
    toegewezen = django_filters.ChoiceFilter(
        label=_("Assigned"), choices=ASSIGNEE_CHOICES, method="assigned", empty_label=_("Anyone")
    )
    achterstallig = django_filters.BooleanFilter(
        label=_("Only overdue (no contact in time)"),
        method="overdue",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort"), choices=SORT_CHOICES, method="sorted_by", empty_label=None
    )

    class Meta:
        model = HelpRequest
        fields = ["kind", "urgency"]

    def __init__(self, data=None, *args, user, **kwargs):
        # Always bound, so the defaults (open requests, due soonest first) apply.
        data = data.copy() if data is not None else QueryDict(mutable=True)
        if not data.get("status"):
            data["status"] = OPEN
        super().__init__(data, *args, **kwargs)
        self.user = user

    def in_status(self, queryset, name, value):
        if value == ALL:
            return queryset
        return queryset.filter(status__in=STATUS_GROUPS.get(value, [value]))

    def assigned(self, queryset, name, value):
        if value == "me":
            return queryset.filter(assignee_id=self.user.pk)
        if value == "nobody":
            return queryset.filter(assignee__isnull=True)
        return queryset

    def overdue(self, queryset, name, value):
        return queryset.filter(help_request_overdue_q()) if value else queryset

    def sorted_by(self, queryset, name, value):
        if value == "newest":
            return queryset.order_by("-created_at", "-pk")
        return queryset.order_by("due_at", "pk")


# How long a rendered filter form is kept; its choices change only with a release.
FORM_CACHE_SECONDS = 3600


def queue_form_html(filterset: HelpQueueFilter) -> SafeString:
    """The queue's filter form. Its options are the same for everyone, so a valid form is
    rendered once per language and choice of filters (a bounded set: the cleaned values of
    fixed choices) and kept in the cache; a form with errors is rendered as it is."""
    form = filterset.form
    if not form.is_valid():
        return form.render()
    chosen = repr(sorted((name, str(value)) for name, value in form.cleaned_data.items()))
    key = f"help:queue-form:{get_language()}:{hashlib.sha256(chosen.encode()).hexdigest()[:24]}"
    html = cache.get(key)
    if html is None:
        html = str(form.render())
        cache.set(key, html, FORM_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - the form's own rendering, escaped there
