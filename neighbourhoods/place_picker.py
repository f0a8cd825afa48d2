"""Choosing several wijken and buurten on any screen: checkboxes grouped per wijk."""

from django import forms
from django.utils.translation import gettext


class NeighbourhoodCheckboxes(forms.CheckboxSelectMultiple):
    """Wijken and buurten as checkboxes, one disclosure per wijk: a phone can work it,
    unlike a long multi-select that asks for Ctrl/Cmd. Posts the same list of ids.

    Each wijk's group starts with the wijk itself ("All of <wijk>"), then its buurten;
    a group with a chosen box starts open.
    """

    template_name = "neighbourhoods/widgets/neighbourhood_checkboxes.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        groups: dict[int, dict] = {}
        for _group, options, _index in context["widget"]["optgroups"]:
            for option in options:
                place = option["value"].instance
                wijk = place if place.wijk_id is None else place.wijk
                group = groups.setdefault(wijk.pk, {"name": wijk.name, "options": [], "chosen": 0})
                if place.wijk_id is None:
                    option["label"] = gettext("All of %(wijk)s") % {"wijk": wijk.name}
                    group["options"].insert(0, option)
                else:
                    group["options"].append(option)
                group["chosen"] += bool(option["selected"])
        context["widget"]["wijken"] = sorted(groups.values(), key=lambda g: g["name"])
        return context


class NeighbourhoodsField(forms.ModelMultipleChoiceField):
    """Several wijken and buurten, picked with :class:`NeighbourhoodCheckboxes`."""

    widget = NeighbourhoodCheckboxes

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset.select_related("wijk").order_by("name"), **kwargs)
