"""``TSTZRANGE(start, end, '[)')``: the time range of a booking, for PostgreSQL's constraint."""

from django.contrib.postgres.fields import DateTimeRangeField
from django.db.models import Func


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()
