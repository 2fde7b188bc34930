"""The package's one export path (core/exports.py): every CSV and XLSX export neutralises formulas and
replaces the characters XLSX cannot hold, so one stored answer cannot break or arm an export."""

import csv
import importlib
import io
import pkgutil
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin

import seismic_wagtail
from seismic_wagtail.consultations.models import ConsultationAnswer
from seismic_wagtail.core.exports import SafeSpreadsheetExportMixin, read_in_chunks, safe_cell
from seismic_wagtail.core.models import Organisation
from seismic_wagtail.networks.admin_views import JoinRequestIndexView
from seismic_wagtail.networks.models import NetworkJoinRequest
from tests.factories.consultations import ConsultationPageFactory, ConsultationResponseFactory
from tests.factories.core import OrganisationFactory, ThemeFactory
from tests.factories.networks import NetworkIndexPageFactory, NetworkJoinRequestFactory, NetworkPageFactory

FORMULA = '=HYPERLINK("http://x")'
CONTROL = "line\x0bbreak"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", FORMULA])
def test_safe_cell_neutralises_formulas(value):
    assert safe_cell(value) == "'" + value


def test_safe_cell_replaces_illegal_characters_and_leaves_the_rest():
    assert safe_cell(CONTROL) == "line\ufffdbreak"
    assert safe_cell("a\x00b\x1f\ufffe") == "a\ufffdb\ufffd\ufffd"
    assert safe_cell("tab\tnew\nline\r ok ü €") == "tab\tnew\nline\r ok ü €"
    assert safe_cell("plain") == "plain" and safe_cell(3) == 3 and safe_cell(None) is None
    assert safe_cell("\x0b=1") == "\ufffd=1"  # replaced first: no longer a formula either


def test_every_export_view_of_the_package_uses_the_safe_path():
    for module in pkgutil.walk_packages(seismic_wagtail.__path__, "seismic_wagtail."):
        # The search backends hold no admin views, and each database's module imports models that exist only on
        # that database (as Wagtail's own: the SQLite one's FTS5 models are missing on PostgreSQL).
        skipped = (".migrations", ".demo", "management", ".search.backends.")
        if not any(part in module.name for part in skipped):
            importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = {cls for cls in subclasses(SpreadsheetExportMixin) if cls.__module__.startswith("seismic_wagtail.")}
    concrete = {cls for cls in ours if cls is not SafeSpreadsheetExportMixin and hasattr(cls, "as_view")}
    assert concrete, "no export views found"
    assert [cls for cls in concrete if not issubclass(cls, SafeSpreadsheetExportMixin)] == []


def read_export(client, url, export_format, params=None):
    response = client.get(url, {**(params or {}), "export": export_format})
    assert response.status_code == 200
    if export_format == "csv":
        return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [["" if cell is None else str(cell) for cell in row] for row in workbook.active.iter_rows(values_only=True)]


def cells(rows):
    return [cell for row in rows[1:] for cell in row]


@pytest.fixture
def exports(root_page):
    """One stored row with a formula and one with a control character, in every exported model."""
    consultation = ConsultationPageFactory(parent=root_page, title="Agenda", slug="agenda")
    for text in (FORMULA, CONTROL):
        response = ConsultationResponseFactory(page=consultation, name=text, email="eve@example.org")
        ConsultationAnswer.objects.create(
            response=response,
            question_id="q-text",
            kind="text",
            text=text,
            consultation_key=response.consultation_key,
            locale=response.locale,
            country=response.country.code,
            respondent_type=response.respondent_type,
        )
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=root_page, slug="networks"), slug="at")
    NetworkJoinRequestFactory(network=network, name=FORMULA, project_description=CONTROL)
    NetworkJoinRequestFactory(network=network, name=CONTROL, project_description=FORMULA)
    ThemeFactory(name=FORMULA, description=CONTROL)
    ThemeFactory(name=CONTROL, slug="control", description=FORMULA)
    OrganisationFactory(name=FORMULA, city=CONTROL)
    OrganisationFactory(name=CONTROL, city=FORMULA)
    return {
        "responses": (
            reverse("seismic_consultation_responses:index"),
            {"consultation": str(consultation.translation_key)},
        ),
        "join requests": (reverse("seismic_networks_joinrequest:index"), {}),
        "themes": (reverse("wagtailsnippets_seismic_core_theme:list"), {}),
        "organisations": (reverse("wagtailsnippets_seismic_core_organisation:list"), {}),
    }


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("export", ["responses", "join requests", "themes", "organisations"])
def test_stored_formula_and_control_character_export_safely(admin_client, exports, export, export_format):
    url, params = exports[export]
    values = cells(read_export(admin_client, url, export_format, params))
    assert "'" + FORMULA in values and FORMULA not in values
    assert "line\ufffdbreak" in values and CONTROL not in values
    assert not any(isinstance(value, str) and value.startswith("=") for value in values)


def test_headings_are_safe_too():
    class View(SafeSpreadsheetExportMixin, SpreadsheetExportMixin):
        export_headings = {"x": "=bad\x0b"}

    assert View().get_heading(None, "x") == "'=bad\ufffd"


# --- Every export reads its rows in chunks (core.exports.read_in_chunks) -------------------------------------


def test_read_in_chunks_by_keyset_without_server_side_cursors(root_page, django_assert_num_queries):
    """Behind pgbouncer (``DISABLE_SERVER_SIDE_CURSORS``) the rows come one query per chunk, by keyset on a
    composite order with ties in its first field, each row once, in the keyset's order; as instances, dicts
    and tuples alike."""
    for name in ["b", "a", "b", "c", "a", "b", "a"]:
        OrganisationFactory(name=name)
    queryset = Organisation.objects.all()
    expected = list(queryset.order_by("name", "pk").values_list("name", "pk"))
    with mock.patch.dict(connection.settings_dict, {"DISABLE_SERVER_SIDE_CURSORS": True}):
        with django_assert_num_queries(3):  # 3 + 3 + 1 rows, and the short last chunk ends it
            tuples = list(read_in_chunks(queryset.values_list("name", "pk"), 3, keyset=("name", "pk")))
        instances = [(row.name, row.pk) for row in read_in_chunks(queryset, 2, keyset=("name", "pk"))]
        dicts = [
            (row["name"], row["pk"]) for row in read_in_chunks(queryset.values("name", "pk"), 4, keyset=("name", "pk"))
        ]
        newest_first = [row.pk for row in read_in_chunks(queryset, 3)]
    assert tuples == instances == dicts == expected
    assert newest_first == sorted(newest_first, reverse=True) and len(newest_first) == 7


def test_read_in_chunks_with_a_cursor_keeps_the_querysets_order(root_page):
    for name in ["b", "a", "c"]:
        OrganisationFactory(name=name)
    assert [row.name for row in read_in_chunks(Organisation.objects.order_by("-name"), 2)] == ["c", "b", "a"]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_generic_listing_export_reads_in_chunks_and_skips_the_listing(admin_client, root_page, export_format):
    """The join requests' export (a plain ``SafeExportIndexView``): every row once, read a chunk per query where
    server-side cursors are disabled, and the listing's own count and table are never built."""
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=root_page, slug="networks"), slug="at")
    for index in range(5):
        NetworkJoinRequestFactory(network=network, name=f"Applicant {index}")
    url = reverse("seismic_networks_joinrequest:index")
    with_cursor = read_export(admin_client, url, export_format)
    with mock.patch.object(JoinRequestIndexView, "export_chunk_size", 2):
        with mock.patch.dict(connection.settings_dict, {"DISABLE_SERVER_SIDE_CURSORS": True}):
            with CaptureQueriesContext(connection) as queries:
                chunked = read_export(admin_client, url, export_format)
    assert sorted(chunked[1:]) == sorted(with_cursor[1:]) and len(chunked) == 1 + 5
    join_request_reads = [q["sql"] for q in queries if "networkjoinrequest" in q["sql"] and "FROM" in q["sql"]]
    assert len([sql for sql in join_request_reads if "LIMIT 2" in sql]) == 3  # 2 + 2 + 1
    assert not [sql for sql in join_request_reads if "COUNT(" in sql]  # no listing context built


def test_a_streamed_csv_is_written_in_the_language_of_the_request(admin_client, admin_user, exports):
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(admin_user).__class__.objects.filter(user=admin_user).update(preferred_language="de")
    url, params = exports["join requests"]
    response = admin_client.get(url, {**params, "export": "csv"})
    with translation.override("en"):  # the server streams the body later, in whatever language is active then
        heading = b"".join(response.streaming_content).decode().splitlines()[0]
    with translation.override("de"):
        expected = str(NetworkJoinRequest._meta.get_field("network").verbose_name)
    assert expected == "Netzwerk" and expected in heading
