"""Filters of the team's queue (django-filter).

The queue opens on open work: without a status in the query it shows the open states;
closed and withdrawn requests only when someone chooses them.
"""

import django_filters
from django import forms
from django.http import QueryDict
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
