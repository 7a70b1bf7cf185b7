"""Attachments: streamed upload with the type told by content, authorised download, removal,
and nothing left on disk or in the database by a refused upload."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.attachments import files
from tests.conftest import Account, add_user, assert_error


async def new_lead(client, account: Account) -> str:
    response = await client.post(
        "/api/v1/leads",
        json={"first_name": "Ada", "email": "ada@acme-corp.com"},
        headers=account.headers,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["data"]["id"])


def stored_files(data_dir: Path) -> list[Path]:
    root = data_dir / "attachments"
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.fixture
def data_dir(test_env) -> Path:
    return Path(test_env.values["LEADWISE_DATA_DIR"])


async def upload(client, account: Account, lead_id: str, *parts):
    return await client.post(
        f"/api/v1/leads/{lead_id}/attachments", files=list(parts), headers=account.headers
    )


async def test_upload_list_and_download_a_cv(client, owner: Account, data_dir: Path):
    lead_id = await new_lead(client, owner)
    cv = files.pdf(5 * 1024 * 1024)
    response = await upload(
        client,
        owner,
        lead_id,
        ("file", ("Ada Lovelace \u2013 CV.pdf", cv, "application/x-whatever")),
    )
    assert response.status_code == 201, response.text
    [attachment] = response.json()["data"]
    assert attachment["original_name"] == "Ada Lovelace \u2013 CV.pdf"
    assert attachment["content_type"] == "application/pdf"  # from the bytes, not the client
    assert attachment["size"] == len(cv)
    assert attachment["sha256"] == hashlib.sha256(cv).hexdigest()
    assert attachment["uploaded_by_id"] == str(owner.user_id)

    # Stored under <workspace>/<uuid>: no part of the client's name reaches the filesystem.
    [path] = stored_files(data_dir)
    assert path.parent.name == owner.workspace_id.hex
    assert "CV" not in path.name
    assert path.read_bytes() == cv

    listed = await client.get(f"/api/v1/leads/{lead_id}/attachments", headers=owner.headers)
    assert [a["id"] for a in listed.json()["data"]] == [attachment["id"]]

    download = await client.get(
        f"/api/v1/attachments/{attachment['id']}/download", headers=owner.headers
    )
    assert download.status_code == 200
    assert download.content == cv
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["content-length"] == str(len(cv))
    assert download.headers["content-disposition"] == (
        "attachment; filename*=UTF-8''Ada%20Lovelace%20%E2%80%93%20CV.pdf"
    )
    assert download.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in download.headers["content-security-policy"]
    inline = await client.get(
        f"/api/v1/attachments/{attachment['id']}/download?inline=true", headers=owner.headers
    )
    assert inline.headers["content-disposition"].startswith("inline;")
    # The preview's frame shows the file, still without script or reach.
    assert inline.headers["content-type"] == "application/pdf"
    assert "sandbox" in inline.headers["content-security-policy"]

    timeline = await client.get(f"/api/v1/leads/{lead_id}/activities", headers=owner.headers)
    events = [a["data"].get("event") for a in timeline.json()["data"]]
    assert events == ["attachment_added", "created"]


async def test_only_pdfs_and_images_are_shown_inline(client, owner: Account):
    lead_id = await new_lead(client, owner)
    response = await upload(
        client,
        owner,
        lead_id,
        ("file", ("rfp.docx", files.docx(), "application/octet-stream")),
        ("file", ("logo.png", files.png(), "image/png")),
        # Claims to be an image: the bytes say text, and text is never shown inline.
        ("file", ("page.png", b"<script>alert(1)</script>", "image/png")),
    )
    assert response.status_code == 201, response.text
    shown = {}
    for attachment in response.json()["data"]:
        download = await client.get(
            f"/api/v1/attachments/{attachment['id']}/download?inline=true", headers=owner.headers
        )
        shown[attachment["original_name"]] = (
            download.headers["content-type"].split(";")[0],
            download.headers["content-disposition"].split(";")[0],
        )
    assert shown == {
        "rfp.docx": (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "attachment",
        ),
        "logo.png": ("image/png", "inline"),
        "page.png": ("text/plain", "attachment"),
    }


async def test_several_files_at_once(client, owner: Account, data_dir: Path):
    lead_id = await new_lead(client, owner)
    response = await upload(
        client,
        owner,
        lead_id,
        ("file", ("rfp.docx", files.docx(), "application/octet-stream")),
        ("file", ("logo.png", files.png(), "image/png")),
        ("note", (None, b"not a file")),
    )
    assert response.status_code == 201, response.text
    types = [a["content_type"] for a in response.json()["data"]]
    assert types == [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/png",
    ]
    assert len(stored_files(data_dir)) == 2


async def test_a_file_whose_name_lies_about_its_content_is_refused(
    client, owner: Account, data_dir: Path
):
    lead_id = await new_lead(client, owner)
    response = await upload(
        client,
        owner,
        lead_id,
        ("file", ("cv.pdf", files.pdf(), "application/pdf")),  # fine, but in the same request
        ("file", ("cv2.pdf", files.windows_executable(), "application/pdf")),
    )
    error = assert_error(response, 415, "UNSUPPORTED_FILE_TYPE")
    assert error["details"]["detected_type"] is None
    assert "pdf" in error["details"]["allowed_types"]
    # All or nothing: the good file of the refused request is not kept either.
    assert stored_files(data_dir) == []
    listed = await client.get(f"/api/v1/leads/{lead_id}/attachments", headers=owner.headers)
    assert listed.json()["data"] == []


@pytest.mark.parametrize(
    ("client_name", "kept_name"),
    [
        ("../../../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\win.ini.pdf", "win.ini.pdf"),
        ("/absolute/path/cv.pdf", "cv.pdf"),
        ("..", "file"),
        ('we"ird\r\nname<script>.pdf', "we_ird_name_script_.pdf"),
    ],
)
async def test_path_traversal_names_never_touch_the_filesystem(
    client, owner: Account, data_dir: Path, client_name: str, kept_name: str
):
    lead_id = await new_lead(client, owner)
    response = await upload(client, owner, lead_id, ("file", (client_name, files.pdf(), "x/y")))
    assert response.status_code == 201, response.text
    assert response.json()["data"][0]["original_name"] == kept_name
    [path] = stored_files(data_dir)
    assert path.is_relative_to(data_dir / "attachments")
    assert len(path.name) == 32
    assert path.parent.name == owner.workspace_id.hex


async def test_limits_on_size_and_count(client, owner: Account, data_dir: Path, monkeypatch):
    lead_id = await new_lead(client, owner)
    store = client._transport.app.state.settings.storage  # type: ignore[attr-defined]
    monkeypatch.setattr(store, "max_file_bytes", 64 * 1024)
    too_big = await upload(client, owner, lead_id, ("file", ("big.pdf", files.pdf(65 * 1024), "")))
    assert assert_error(too_big, 413, "FILE_TOO_LARGE")["details"]["max_file_bytes"] == 65536
    monkeypatch.setattr(store, "max_files", 2)
    too_many = await upload(
        client, owner, lead_id, *[("file", (f"{i}.pdf", files.pdf(), "")) for i in range(3)]
    )
    assert assert_error(too_many, 422)["details"]["max_files"] == 2
    assert stored_files(data_dir) == []


async def test_malformed_and_empty_uploads(client, owner: Account, data_dir: Path):
    lead_id = await new_lead(client, owner)
    path = f"/api/v1/leads/{lead_id}/attachments"
    not_multipart = await client.post(path, json={"file": "x"}, headers=owner.headers)
    assert_error(not_multipart, 400, "MALFORMED_BODY")
    no_boundary = await client.post(
        path, content=b"xx", headers={**owner.headers, "Content-Type": "multipart/form-data"}
    )
    assert_error(no_boundary, 400, "MALFORMED_BODY")
    truncated = await client.post(
        path,
        content=b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
        b"\r\n%PDF-",
        headers={**owner.headers, "Content-Type": "multipart/form-data; boundary=b"},
    )
    assert_error(truncated, 400, "MALFORMED_BODY")
    empty = await upload(client, owner, lead_id, ("file", ("empty.pdf", b"", "application/pdf")))
    assert_error(empty, 422)
    no_file = await upload(client, owner, lead_id, ("note", (None, b"hello")))
    assert assert_error(no_file, 422)["details"]["field"] == "file"
    assert stored_files(data_dir) == []


async def test_roles_and_unknown_ids(client, owner: Account):
    lead_id = await new_lead(client, owner)
    uploaded = await upload(client, owner, lead_id, ("file", ("cv.pdf", files.pdf(), "")))
    attachment_id = uploaded.json()["data"][0]["id"]
    viewer = await add_user(client, owner, "viewer@example.com", "viewer")
    refused = await upload(client, viewer, lead_id, ("file", ("cv.pdf", files.pdf(), "")))
    assert_error(refused, 403, "FORBIDDEN")
    allowed = await client.get(
        f"/api/v1/attachments/{attachment_id}/download", headers=viewer.headers
    )
    assert allowed.status_code == 200
    anonymous = await client.get(f"/api/v1/attachments/{attachment_id}/download")
    assert_error(anonymous, 401)
    unknown = "0192f0c8-0000-7000-8000-000000000000"
    assert_error(
        await client.get(f"/api/v1/attachments/{unknown}/download", headers=owner.headers), 404
    )
    assert_error(await upload(client, owner, unknown, ("file", ("cv.pdf", files.pdf(), ""))), 404)


async def test_removing_an_attachment_or_its_lead_removes_the_file(
    client, owner: Account, data_dir: Path
):
    lead_id = await new_lead(client, owner)
    both = await upload(
        client,
        owner,
        lead_id,
        ("file", ("a.pdf", files.pdf(), "")),
        ("file", ("b.pdf", files.pdf(), "")),
    )
    first, second = both.json()["data"]
    assert len(stored_files(data_dir)) == 2
    removed = await client.delete(f"/api/v1/attachments/{first['id']}", headers=owner.headers)
    assert removed.status_code == 200
    assert len(stored_files(data_dir)) == 1
    gone = await client.get(f"/api/v1/attachments/{first['id']}/download", headers=owner.headers)
    assert_error(gone, 404)

    # A lead in the bin hides its files; deleting it for good removes them.
    await client.delete(f"/api/v1/leads/{lead_id}", headers=owner.headers)
    hidden = await client.get(f"/api/v1/attachments/{second['id']}/download", headers=owner.headers)
    assert_error(hidden, 404)
    assert len(stored_files(data_dir)) == 1
    purged = await client.delete(f"/api/v1/leads/{lead_id}?hard=true", headers=owner.headers)
    assert purged.status_code == 200
    assert stored_files(data_dir) == []
