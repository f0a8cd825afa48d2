"""Staff open and keep rounds, make letter codes and review proposals in the admin
(which asks for two-factor authentication on every page).

A round is opened through ``round_create``: its amount is committed on the budget
line in the admin's transaction; amount, line and wijken stay fixed afterwards.
Letter codes are made on a page of the round; the answer is the CSV for the mail
merge, the only time the codes exist in plain text. A proposal is reviewed on a page
of its own (``proposal_review``).
"""

import csv

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.exceptions import ServiceError

from .eligibility import letter_codes_generate
from .forms import LetterCodesForm, ReviewForm, RoundAdminForm
from .models import LetterCode, Proposal, Round
from .selectors import buurten_of
from .services import proposal_review, round_create, round_update
from .services.rounds import CHANGEABLE

FIXED = ("amount", "budget_line", "wijken")


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    form = RoundAdminForm
    list_display = ("name", "amount", "voting_from", "voting_until", "phase_label", "codes")
    list_select_related = ("budget_line",)
    search_fields = ("name",)
    filter_horizontal = ("wijken",)
    readonly_fields = ("allocation", "created_by", "created_at", "codes")

    @admin.display(description=_("phase"))
    def phase_label(self, obj) -> str:
        return obj.phase_label

    @admin.display(description=_("letter codes"))
    def codes(self, obj) -> str:
        if obj is None or obj.pk is None:
            return ""
        url = reverse("admin:buurtbudget_round_codes", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Make letter codes"))

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return [*self.readonly_fields, *FIXED]
        return self.readonly_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)

        class WithUser(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, user=request.user, **inner)

        return WithUser

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # its commitment on the budget line stays accounted for

    def save_model(self, request, obj, form, change) -> None:
        data = form.cleaned_data
        if change:
            saved = round_update(
                round=obj, by=request.user, **{k: data[k] for k in CHANGEABLE if k in data}
            )
        else:
            saved = round_create(
                by=request.user,
                wijken=data["wijken"],
                amount=data["amount"],
                budget_line=data["budget_line"],
                **{k: data.get(k) for k in CHANGEABLE},
            )
        obj.pk, obj._state.adding, obj._state.db = saved.pk, False, saved._state.db

    def save_related(self, request, form, formsets, change) -> None:
        # The wijken are set by round_create and fixed afterwards.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def get_urls(self):
        codes = self.admin_site.admin_view(self.codes_view)
        return [
            path("<int:pk>/letter-codes/", codes, name="buurtbudget_round_codes"),
            *super().get_urls(),
        ]

    def codes_view(self, request, pk: int):
        round = get_object_or_404(Round, pk=pk)
        if not self.has_change_permission(request, round):
            raise PermissionDenied
        form = LetterCodesForm(request.POST or None, buurten=buurten_of(round))
        if request.method == "POST" and form.is_valid():
            buurt = form.cleaned_data["buurt"]
            try:
                codes = letter_codes_generate(
                    round=round, buurt=buurt, count=form.cleaned_data["count"], by=request.user
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                return _codes_csv(round, buurt, codes)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Make letter codes"),
            "opts": self.model._meta,
            "original": round,
            "form": form,
            "made": LetterCode.objects.filter(round=round).count(),
            "used": LetterCode.objects.filter(round=round, used_at__isnull=False).count(),
        }
        return TemplateResponse(request, "admin/buurtbudget/letter_codes.html", context)


def _codes_csv(round: Round, buurt, codes: list[str]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"lettercodes-{round.pk}-{buurt.slug}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    writer.writerow(["code", "buurt"])
    for code in codes:
        writer.writerow([code, buurt.name])
    return response


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("title", "round", "wijk", "estimated_cost", "final_cost", "status", "review")
    list_filter = ("status", "round")
    list_select_related = ("round", "wijk")
    search_fields = ("title",)
    fields = (
        "round",
        "title",
        "description",
        "neighbourhood",
        "wijk",
        "estimated_cost",
        "status",
        "final_cost",
        "review_reason",
        "reviewed_at",
        "created_at",
        "review",
    )
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("review"))
    def review(self, obj) -> str:
        if obj.status != Proposal.Status.SUBMITTED:
            return "-"
        url = reverse("admin:buurtbudget_proposal_review", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Review"))

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        return [
            path("<int:pk>/review/", review, name="buurtbudget_proposal_review"),
            *super().get_urls(),
        ]

    def review_view(self, request, pk: int):
        proposal = get_object_or_404(Proposal.objects.select_related("round"), pk=pk)
        if not self.has_change_permission(request, proposal):
            raise PermissionDenied
        form = ReviewForm(request.POST or None, initial={"final_cost": proposal.estimated_cost})
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                proposal_review(
                    proposal=proposal,
                    by=request.user,
                    feasible=data["decision"] == "feasible",
                    final_cost=data["final_cost"],
                    reason=data["reason"],
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, gettext("The proposal is reviewed."))
                return redirect("admin:buurtbudget_proposal_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Review a proposal"),
            "opts": self.model._meta,
            "original": proposal,
            "form": form,
        }
        return TemplateResponse(request, "admin/buurtbudget/review.html", context)


@admin.register(LetterCode)
class LetterCodeAdmin(admin.ModelAdmin):
    """How many codes were made and used, per buurt; never the codes (only hashes)."""

    list_display = ("round", "buurt", "created_at", "used_at")
    list_filter = ("round", ("used_at", admin.EmptyFieldListFilter))
    list_select_related = ("round", "buurt")
    fields = ("round", "buurt", "created_at", "used_at")
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
