import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, staff):
    client.force_login(staff)
    return client


def test_staff_see_venues_and_bookings_in_the_admin(admin_client_, book, room):
    [booking] = book()
    for url in (
        "/admin/venues/venue/",
        "/admin/venues/venue/add/",
        f"/admin/venues/venue/{room.venue.pk}/change/",
        "/admin/venues/booking/",
        "/admin/venues/booking/?status=pending",
        f"/admin/venues/booking/{booking.pk}/change/",
    ):
        assert admin_client_.get(url).status_code == 200, url


def test_bookings_cannot_be_added_or_changed_in_the_admin(admin_client_, book):
    [booking] = book()
    assert admin_client_.get("/admin/venues/booking/add/").status_code == 403
    response = admin_client_.post(
        f"/admin/venues/booking/{booking.pk}/change/", {"status": "approved"}
    )
    assert response.status_code == 403
    booking.refresh_from_db()
    assert booking.status == "pending"
