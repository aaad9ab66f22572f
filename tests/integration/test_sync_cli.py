"""The ``sync`` commands as a regency admin and a kecamatan operator script them."""

from __future__ import annotations

import io
import re
import sqlite3
from pathlib import Path

from desktop.cli import run


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


def one_worker(db: Path, district: str) -> str:
    with sqlite3.connect(db) as conn:
        return str(
            conn.execute(
                "SELECT nik FROM worker WHERE district_code = ? ORDER BY id LIMIT 1", (district,)
            ).fetchone()[0]
        )


def edit_phone(db: Path, nik: str, phone: str) -> None:
    """Change a worker's phone through the services (as the worker form would)."""
    from desktop.services.app import AppServices

    app = AppServices.open(db)
    try:
        actor = app.office.local_actor()
        with sqlite3.connect(db) as conn:
            worker_id = str(
                conn.execute("SELECT id FROM worker WHERE nik = ?", (nik,)).fetchone()[0]
            )
        app.workers.update(actor, worker_id, {"phone": phone})
    finally:
        app.close()


def test_enroll_join_export_import_status_conflicts(tmp_path: Path) -> None:
    hub = tmp_path / "hub.db"
    laptop = tmp_path / "laptop.db"
    stick = tmp_path / "stick"
    stick.mkdir()
    assert cli("demo", "--db", str(hub), "--workers", "80", "--seed", "3")[0] == 0
    with sqlite3.connect(hub) as conn:
        district = str(
            conn.execute(
                "SELECT district_code FROM worker GROUP BY 1 ORDER BY count(*) DESC"
            ).fetchone()[0]
        )

    code, out, _ = cli(
        "sync", "enroll", "--db", str(hub), "--kecamatan", district,
        "--out", str(stick / "daftar.sigap"),
    )  # fmt: skip
    assert code == 0, out
    match = re.search(r"Kode sekali pakai: ([A-Z0-9-]+)", out)
    assert match is not None
    assert (stick / "daftar.sigap").exists()

    code, out, err = cli("sync", "join", "--db", str(laptop), str(stick / "daftar.sigap"),
                         "--code", "SALAH-KODE-1234")  # fmt: skip
    assert code == 2 and "Kode sekali pakai tidak cocok" in err
    code, out, err = cli(
        "sync", "join", "--db", str(laptop), str(stick / "daftar.sigap"), "--code", match.group(1)
    )
    assert code == 0, err
    assert "Bergabung sebagai" in out

    # The laptop's first bundle: the hub pins its keys.
    code, out, err = cli("sync", "export", "--db", str(laptop), "--to", str(stick))
    assert code == 0, err
    bundle = Path(out.strip())
    assert bundle.exists() and bundle.parent == stick and "aman dicabut" in err
    assert not list(stick.glob("*.partial"))
    code, out, _ = cli("sync", "import", "--db", str(hub), str(bundle))
    assert code == 0 and "sudah diterapkan" in out
    code, out, _ = cli("sync", "import", "--db", str(hub), str(bundle))
    assert code == 0 and "sudah pernah diimpor" in out

    # The same phone edited on both sides: a conflict, exit 1.
    nik = one_worker(hub, district)
    edit_phone(laptop, nik, "081200000001")
    edit_phone(hub, nik, "081200000002")
    code, out, _ = cli("sync", "export", "--db", str(laptop), "--to", str(stick))
    from_laptop = Path(out.strip())
    code, out, _ = cli("sync", "import", "--db", str(hub), str(from_laptop), "--preview")
    assert code == 1 and "akan diterapkan" in out and "konflik 1" in out
    code, out, _ = cli("sync", "import", "--db", str(hub), str(from_laptop))
    assert code == 1 and "konflik 1" in out
    code, out, _ = cli("sync", "conflicts", "--db", str(hub))
    assert code == 1 and "No. HP: terpakai '08120000000" in out
    code, out, _ = cli("sync", "status", "--db", str(hub))
    assert code == 0 and "konflik menunggu keputusan 1" in out and "[aktif]" in out

    # A bundle for the hub is refused by another laptop database (exit 2, one line).
    code, _, err = cli("sync", "import", "--db", str(laptop), str(from_laptop))
    assert code == 2 and err.startswith("sigap: ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert nik not in err

    # Revoked: later bundles are refused.
    device = re.search(r"^([0-9a-f]{8})  ", cli("sync", "status", "--db", str(hub))[1], re.M)
    assert device is not None
    assert cli("sync", "revoke", "--db", str(hub), device.group(1))[0] == 0
    code, out, _ = cli("sync", "export", "--db", str(laptop), "--to", str(stick))
    code, _, err = cli("sync", "import", "--db", str(hub), out.strip())
    assert code == 2 and "dicabut" in err


def test_unusable_bundle_files_exit_2(tmp_path: Path) -> None:
    hub = tmp_path / "hub.db"
    assert cli("demo", "--db", str(hub), "--workers", "10", "--seed", "3")[0] == 0
    empty = tmp_path / "kosong.sigap"
    empty.write_bytes(b"")
    pdf = tmp_path / "surat.sigap"
    pdf.write_bytes(b"%PDF-1.7\n" + b"x" * 500)
    for path in (empty, pdf, tmp_path / "tidak-ada.sigap"):
        code, _, err = cli("sync", "import", "--db", str(hub), str(path))
        assert code == 2, (path, err)
        assert "Traceback" not in err
    code, _, err = cli("sync", "export", "--db", str(hub), "--to", str(tmp_path))
    assert code == 2 and "daftarkan kecamatan" in err
