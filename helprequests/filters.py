"""Filters of the team's queue (django-filter)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import HelpKind, HelpRequest, HelpStatus, Urgency
from .selectors import overdue_q

ASSIGNEE_CHOICES = [("me", _("Assigned to me")), ("nobody", _("Not assigned"))]
SORT_CHOICES = [("due", _("Due soonest first")), ("newest", _("Newest first"))]


class HelpQueueFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=HelpStatus.choices, empty_label=_("All statuses")
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
        fields = ["status", "kind", "urgency"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def assigned(self, queryset, name, value):
        if value == "me":
            return queryset.filter(assignee_id=self.user.pk)
        if value == "nobody":
            return queryset.filter(assignee__isnull=True)
        return queryset

    def overdue(self, queryset, name, value):
        return queryset.filter(overdue_q()) if value else queryset

    def sorted_by(self, queryset, name, value):
        if value == "newest":
            return queryset.order_by("-created_at", "-pk")
        return queryset.order_by("due_at", "pk")
