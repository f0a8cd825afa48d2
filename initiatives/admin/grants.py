"""Money in the admin: budget lines (with what is committed and left), allocations staff
enter, and grant requests, awarded in bulk through grant_award."""

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.admin_lists import LargeChangeList
from mijnbuurt.core.exceptions import ServiceError

from ..models import BudgetAllocation, BudgetLine, GrantLineItem, GrantRequest
from ..money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS, MIN_AMOUNT, euros
from ..selectors.grants import budget_lines_with_totals
from ..services.grants import (
    budget_allocation_check,
    budget_allocation_create,
    grant_award,
    grant_budget_year,
    line_committed,
)
from .initiatives import report


class AllocationInline(admin.TabularInline):
    """What staff allocated on the line; new ones go through the allocation form, where
    the budget check runs."""

    model = BudgetAllocation
    extra = 0
    fields = ["date", "kind", "recipient", "description", "amount", "created_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["year", "code", "name", "amount", "savings_target"]

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if self.instance.pk is None:
            return amount
        # Inside the admin's transaction: awards and allocations wait on this lock.
        line = BudgetLine.objects.select_for_update().get(pk=self.instance.pk)
        committed = line_committed(line)
        if amount < committed:
            raise ValidationError(
                gettext("The amount cannot be less than what is committed: € %(committed)s.")
                % {"committed": euros(committed)}
            )
        return amount


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    form = BudgetLineForm
    list_display = ["year", "code", "name", "amount", "committed", "remaining", "savings_target"]
    list_filter = ["year"]
    search_fields = ["code", "name"]
    inlines = [AllocationInline]

    def get_queryset(self, request):
        return budget_lines_with_totals()

    @admin.display(description=_("committed"), ordering="committed")
    def committed(self, obj) -> str:
        return number_format(obj.committed, decimal_pos=2)

    @admin.display(description=_("remaining"), ordering="remaining")
    def remaining(self, obj) -> str:
        return number_format(obj.remaining, decimal_pos=2)


class GrantLineItemInline(admin.TabularInline):
    model = GrantLineItem
    extra = 0
    fields = ["description", "amount"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # organisers request through the site, where the rules are checked


class GrantAwardForm(forms.Form):
    """One row of the award page: a budget line of the grant's year, and the amount."""

    budget_line = forms.ModelChoiceField(
        label=_("Budget line"), queryset=BudgetLine.objects.none(), empty_label=None
    )
    amount = forms.DecimalField(
        label=_("Amount to award in euros"),
        min_value=MIN_AMOUNT,
        max_digits=AMOUNT_MAX_DIGITS,
        decimal_places=AMOUNT_DECIMAL_PLACES,
        localize=True,  # "125,50", as Dutch staff type it
    )

    def __init__(self, data=None, *, grant: GrantRequest, lines):
        super().__init__(
            data, prefix=f"grant-{grant.pk}", initial={"amount": grant.amount_requested}
        )
        self.grant = grant
        # Offer the lines grant_award accepts; the service itself refuses any other.
        year = grant_budget_year(grant)
        self.fields["budget_line"].queryset = lines.filter(year=year).order_by("code")
        self.fields["budget_line"].label_from_instance = lambda line: (
            gettext("%(name)s (%(year)s), € %(remaining)s left")
            % {"name": line.name, "year": line.year, "remaining": euros(line.remaining)}
        )


@admin.register(GrantRequest)
class GrantRequestAdmin(LargeChangeList, admin.ModelAdmin):
    """Read-only: awards go through grant_award (the action), which guards the budget line."""

    list_display = [
        "pk",
        "initiative",
        "status",
        "amount_requested",
        "amount_awarded",
        "budget_line",
        "created_at",
        "decided_by",
    ]
    list_filter = ["status", "budget_line__year", "budget_line"]
    list_select_related = ["initiative", "budget_line", "decided_by"]
    search_fields = ["=id", "initiative__title"]
    date_hierarchy = "created_at"
    fields = [
        "initiative",
        "requested_by",
        "status",
        "amount_requested",
        "amount_awarded",
        "budget_line",
        "decided_by",
        "decided_at",
        "decline_reason",
        "paid_at",
        "created_at",
    ]
    readonly_fields = fields
    inlines = [GrantLineItemInline]
    actions = ["award"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_decide_permission(self, request) -> bool:
        return request.user.has_perm("initiatives.change_grantrequest")

    @admin.action(description=_("Award the selected grant requests"), permissions=["decide"])
    def award(self, request, queryset):
        grants = list(queryset.select_related("initiative").order_by("pk"))
        open_grants = [g for g in grants if g.status == GrantRequest.Status.REQUESTED]
        refused = [
            (g, gettext("This grant request has already been decided."))
            for g in grants
            if g.status != GrantRequest.Status.REQUESTED
        ]
        lines = budget_lines_with_totals()
        data = request.POST if "apply" in request.POST else None
        award_forms = [GrantAwardForm(data, grant=g, lines=lines) for g in open_grants]
        invalid = [form for form in award_forms if not form.is_valid()]
        if open_grants and (data is None or invalid):
            context = {
                **self.admin_site.each_context(request),
                "title": gettext("Award grants"),
                "opts": self.model._meta,
                "forms": award_forms,
                "refused": refused,
                "selected": grants,
                "action_name": "award",
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/actions/grant_award.html", context)
        awarded = 0
        for form in award_forms:
            try:
                grant_award(
                    grant=form.grant,
                    by=request.user,
                    budget_line=form.cleaned_data["budget_line"],
                    amount=form.cleaned_data["amount"],
                )
            except ServiceError as error:
                refused.append((form.grant, error.message))
            else:
                awarded += 1
        report(self, request, gettext("Grants awarded: %(count)d.") % {"count": awarded}, refused)
        return None


class BudgetAllocationForm(forms.ModelForm):
    class Meta:
        model = BudgetAllocation
        fields = ["budget_line", "kind", "date", "recipient", "description", "amount"]

    def clean(self):
        data = super().clean()
        if self.errors or self.instance.pk:
            return data
        # The admin validates and saves in one transaction: the line stays locked
        # from this check until the allocation is written (and checked again).
        try:
            budget_allocation_check(
                budget_line=data["budget_line"],
                by=self.user,
                description=data["description"],
                recipient=data["recipient"],
                amount=data["amount"],
                kind=data["kind"],
                date=data["date"],
            )
        except ServiceError as error:
            raise ValidationError(error.message, code=error.code) from None
        return data


@admin.register(BudgetAllocation)
class BudgetAllocationAdmin(admin.ModelAdmin):
    """Allocations are entered once and then read-only: a mistake is deleted (which only
    frees money) and entered again, so that no edit can slip past the budget check."""

    form = BudgetAllocationForm
    list_display = ["date", "recipient", "description", "amount", "kind", "budget_line"]
    list_filter = ["kind", "budget_line__year", "budget_line"]
    list_select_related = ["budget_line"]
    search_fields = ["recipient", "description", "budget_line__name"]
    date_hierarchy = "date"
    readonly_fields = ["created_by", "created_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return [*BudgetAllocationForm.Meta.fields, "created_by", "created_at"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change) -> None:
        if change:
            return  # nothing is editable after entry
        data = form.cleaned_data
        created = budget_allocation_create(
            budget_line=data["budget_line"],
            by=request.user,
            description=data["description"],
            recipient=data["recipient"],
            amount=data["amount"],
            kind=data["kind"],
            date=data["date"],
        )
        obj.pk = created.pk
        obj.created_by = created.created_by
        obj.created_at = created.created_at
        obj._state.adding, obj._state.db = False, created._state.db
