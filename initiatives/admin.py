from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.exceptions import ServiceError

from .models import (
    BudgetAllocation,
    BudgetLine,
    GrantLineItem,
    GrantRequest,
    Initiative,
    InitiativePhoto,
    InitiativeUpdate,
    Organiser,
    OrganiserInvitation,
    Status,
    StatusChange,
)
from .selectors import budget_lines_with_totals
from .services import initiative_transition
from .services.grants import (
    budget_allocation_check,
    budget_allocation_create,
    line_committed,
)


class OrganiserInline(admin.TabularInline):
    model = Organiser
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at"]


class InvitationInline(admin.TabularInline):
    model = OrganiserInvitation
    extra = 0
    fields = ["email", "invited_by", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # organisers invite through the site, where the rules are checked


class PhotoInline(admin.TabularInline):
    model = InitiativePhoto
    extra = 0
    fields = ["thumbnail", "description", "uploaded_by", "created_at"]
    readonly_fields = ["thumbnail", "uploaded_by", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # photos are added by organisers, through the checks in services


class UpdateInline(admin.TabularInline):
    model = InitiativeUpdate
    extra = 0
    fields = ["created_at", "author", "text", "thumbnail"]
    readonly_fields = ["created_at", "author", "thumbnail"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    fields = ["at", "from_status", "to_status", "by", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # the history is written by initiative_transition only


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "theme", "neighbourhood", "supporters", "submitted_at"]
    list_filter = ["status", "theme", "needs_money", "needs_volunteers"]
    list_select_related = ["neighbourhood"]
    search_fields = ["title", "summary", "description"]
    autocomplete_fields = ["copied_from"]
    readonly_fields = ["status", "submitted_at", "published_at", "created_at", "updated_at"]
    inlines = [OrganiserInline, InvitationInline, PhotoInline, UpdateInline, StatusChangeInline]
    actions = ["approve"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(supporter_total=Count("supports"))

    @admin.display(description=_("supporters"), ordering="supporter_total")
    def supporters(self, obj) -> int:
        return obj.supporter_total

    @admin.action(description=_("Approve and publish the selected initiatives"))
    def approve(self, request, queryset):
        approved, refused = 0, []
        for initiative in queryset:
            try:
                initiative_transition(
                    initiative=initiative, to_status=Status.PUBLISHED, by=request.user
                )
            except ServiceError as error:
                refused.append(f"{initiative.title}: {error.message}")
            else:
                approved += 1
        self.message_user(
            request,
            gettext("Initiatives approved: %(count)d.") % {"count": approved},
            messages.SUCCESS,
        )
        for message in refused:
            self.message_user(request, message, messages.WARNING)


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
                % {"committed": number_format(committed, decimal_pos=2, force_grouping=True)}
            )
        return amount


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    form = BudgetLineForm
    list_display = ["year", "code", "name", "amount", "committed", "remaining"]
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


@admin.register(GrantRequest)
class GrantRequestAdmin(admin.ModelAdmin):
    """Read-only: awards go through grant_award, which guards the budget line."""

    list_display = ["initiative", "status", "amount_requested", "amount_awarded", "budget_line"]
    list_filter = ["status", "budget_line__year"]
    list_select_related = ["initiative", "budget_line"]
    search_fields = ["initiative__title"]
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

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


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


from . import admin_moderation  # noqa: E402, F401  (comments and moderation)
