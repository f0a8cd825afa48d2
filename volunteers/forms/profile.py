"""The volunteer profile form: fields and messages; the rules are in services.profiles."""

from django import forms
from django.utils.translation import gettext_lazy as _

from initiatives.models import Theme
from neighbourhoods.models import Neighbourhood
from neighbourhoods.place_picker import NeighbourhoodsField

from ..models import Availability, Language, Skill, VolunteerProfile
from ..services.profiles import MAX_DISTANCE_KM, MAX_HOURS_PER_MONTH, MAX_TAGS

# One checkbox per bit of the weekly mask; the value is the bit's index.
AVAILABILITY_CHOICES = [
    (str(day * 3 + part), f"{day_label} {part_label}")
    for day, day_label in Availability.DAYS
    for part, part_label in Availability.PARTS
]


def mask_to_bits(mask: int) -> list[str]:
    return [str(bit) for bit in range(21) if mask & (1 << bit)]


def bits_to_mask(bits) -> int:
    return sum(1 << int(bit) for bit in set(bits))


class VolunteerProfileForm(forms.Form):
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        queryset=Skill.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(
        label=_("Other skills"),
        required=False,
        max_length=500,
    )
    interests = forms.MultipleChoiceField(
        label=_("Interests"),
        choices=Theme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    neighbourhoods = NeighbourhoodsField(
        label=_("Neighbourhoods where you like to help"),
        queryset=Neighbourhood.objects.all(),
        required=False,
        help_text=_(
            "Open a district to choose it whole or some of its neighbourhoods. "
            "A district includes its neighbourhoods."
        ),
    )
    max_distance_km = forms.IntegerField(
        label=_("Or: at most this many km from home"),
        required=False,
        min_value=1,
        max_value=MAX_DISTANCE_KM,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    availability = forms.MultipleChoiceField(
        label=_("When are you available?"),
        choices=AVAILABILITY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Only used to check a task's minimum age."),
    )
    vog_date = forms.DateField(
        label=_("Certificate of conduct (VOG) issued on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty if you have no VOG. A VOG counts for three years."),
    )
    max_hours_per_month = forms.IntegerField(
        label=_("At most this many hours per month"),
        required=False,
        min_value=1,
        max_value=MAX_HOURS_PER_MONTH,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    is_findable = forms.BooleanField(
        label=_("Organisers may find and invite me"),
        required=False,
        help_text=_(
            "Organisers then see your name, skills and neighbourhoods, never your contact details."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tags"].help_text = _(
            "Words for what is not in the list, separated by commas (at most %(max)s)."
        ) % {"max": MAX_TAGS}

    @classmethod
    def initial_from(cls, profile: VolunteerProfile | None) -> dict:
        if profile is None:
            return {}
        return {
            "skills": list(profile.skills.all()),
            "tags": ", ".join(profile.tags),
            "interests": profile.interests,
            "neighbourhoods": list(profile.neighbourhoods.all()),
            "max_distance_km": profile.max_distance_km,
            "availability": mask_to_bits(profile.availability),
            "languages": profile.languages,
            "birth_date": profile.birth_date,
            "vog_date": profile.vog_date,
            "max_hours_per_month": profile.max_hours_per_month,
            "is_findable": profile.is_findable,
        }

    def availability_grid(self) -> list[tuple[str, list]]:
        """Rows of the weekly grid: (day label, [(part label, checkbox subwidget), ...])."""
        boxes = list(self["availability"])
        return [
            (
                day_label,
                [(part_label, boxes[day * 3 + part]) for part, part_label in Availability.PARTS],
            )
            for day, day_label in Availability.DAYS
        ]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "skills": list(data["skills"]),
            "tags": (data["tags"] or "").split(","),
            "interests": data["interests"],
            "neighbourhoods": list(data["neighbourhoods"]),
            "max_distance_km": data["max_distance_km"],
            "availability": bits_to_mask(data["availability"]),
            "languages": data["languages"],
            "birth_date": data["birth_date"],
            "vog_date": data["vog_date"],
            "max_hours_per_month": data["max_hours_per_month"],
            "is_findable": data["is_findable"],
        }
