#!/usr/bin/env python3
"""minhbach import on the five seed reports (copied here from shared/seeds):
the recovered metadata of each, and that a written skeleton builds once its
locality exists."""
import pathlib
import shutil
import subprocess
import sys
import tempfile

import yaml

binary, repo = sys.argv[1], pathlib.Path(sys.argv[2])
here = pathlib.Path(__file__).parent
problems = []

EXPECTED = {
    "000_02f95d2c3f63d199.txt": dict(
        number="", issuer="UBND phường Trường Thi", signer={"name": "Cao Thiện Cường", "title": "Chủ tịch"},
        title_starts="Kết quả thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021", distribution_first="UBND thành phố (p.Nội vụ);",
        distribution_count=6, directives=["33/CT-TTg", "641/KH-UBND", "71-NQ/ĐU", "426/KH-UBND", "99/KH-UBND", "28/2018/QĐ-TTg"],
        figures=["tiếp 07 lượt công dân", "679 hồ sơ", "trên 98%"], headings=("## I. ĐẶC ĐIỂM TÌNH HÌNH", "### 1. Kết quả công tác tuyên truyền")),
    "001_2502fb5f852b6ce0.txt": dict(
        number="", issuer="UBND xã Nguyễn Lương Bằng", signer={"name": "Đoàn Văn Cát", "title": "KT. Chủ tịch – Phó chủ tịch"},
        title_starts="Sơ kết 05 năm thực hiện công tác dân vận", distribution_first="Sở Nội vụ thành phố Hải Phòng;",
        distribution_count=4, directives=["6217/SNV-XDCQ&CTTN", "33/CT-TTg", "28/2018/QĐ-TTg"],
        figures=["389 TTHC"], headings=("## I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",)),
    "002_64f9835cf9ca8391.txt": dict(
        number="", date="2026", place="Thạch khôì", issuer="UBND phường Thạch Khôi",
        signer={"name": "Phạm Ngọc Sơn", "title": "KT. Chủ tịch – Phó chủ tịch"},
        title_starts="Tổng kết 10 năm thực hiện Kết luận số 114-KL/TW", distribution_count=4,
        directives=["114-KL/TW", "3614/VP-NVKTGS", "25-NQ/TW", "33/CT-TTg", "241/QĐ-UBND"],
        figures=["3.650 lượt công dân", "823 lượt", "97%"], headings=("## A. KẾT QUẢ 10 NĂM THỰC HIỆN KẾT LUẬN 114-KL/TW",)),
    "003_fbaec8e52927d2a0.txt": dict(
        number="", date="2024", place="Xã Quang Trung", issuer="UBND xã Quang Trung", recipient="UBND thị xã Bim Sơn",
        signer={"name": "Nguyễn Văn Thắng", "title": "Chủ tịch"},
        title_starts="Tình hình thực hiện công tác dân vận chính quyền năm 2024", distribution_first="Như trên;",
        distribution_count=2, directives=["25-NQ/TW", "217-QĐ/TW", "114-KL/TW", "33/CT-TTg"],
        headings=("## I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO THỰC HIỆN",)),
    "004_c44f0d63a01b8516.txt": dict(
        number="", date="2023-05", place="Phú Tiến", issuer="UBND xã Phú Tiến",
        signer={"name": "Ngô Tuấn Sơn", "title": "TM. Ủy ban nhân dân – Chủ tịch"},
        title_starts="Kết quả thực hiện Chỉ thị số 33/CT-TTg và Chương trình phối hợp số 03-CTr/BDVTW-BCSĐCP",
        distribution_first="Phòng Nội vụ;", distribution_count=6,
        directives=["33/CT-TTg", "03-CTr/BDVTW-BCSĐCP", "49-QĐ/ĐU", "28/2018/QĐ-TTg"],
        figures=["giải quyết 572 hồ sơ", "409 hồ sơ", "đạt 71,5%"], headings=("## I. KHÁI QUÁT CHUNG",)),
}


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))
    if not ok:
        problems.append(name)


for seed, want in EXPECTED.items():
    out = subprocess.run([binary, "import", str(here / seed)], capture_output=True, text=True)
    check(f"{seed}: import exits 0", out.returncode == 0, out.stderr)
    text = out.stdout
    front, body = text.split("---\n")[1], text.split("---\n", 2)[2]
    fm = yaml.safe_load(front)
    for key in ("number", "date", "place", "issuer", "recipient", "signer"):
        if key in want:
            got = fm.get(key)
            got = str(got) if key == "date" and got is not None else got
            check(f"{seed}: {key}", got == want[key], f"{got!r} != {want[key]!r}")
    check(f"{seed}: title", str(fm.get("title", "")).startswith(want["title_starts"]), fm.get("title"))
    dist = fm.get("distribution") or []
    check(f"{seed}: {want['distribution_count']} recipients", len(dist) == want["distribution_count"], dist)
    if "distribution_first" in want:
        check(f"{seed}: first recipient", dist and dist[0] == want["distribution_first"], dist[:1])
    directives = fm.get("directives") or []
    missing = [d for d in want["directives"] if d not in directives]
    check(f"{seed}: cited documents", not missing, f"missing {missing} from {directives}")
    check(f"{seed}: cited documents in order of mention",
          [d for d in directives if d in want["directives"]] == sorted(want["directives"], key=directives.index) if not missing else False)
    proposed = [l[len("#   ?: "):] for l in text.splitlines() if l.startswith("#   ?: ")]
    for figure in want.get("figures", []):
        check(f"{seed}: proposes the figure '{figure}'", any(figure in p for p in proposed), proposed)
    for heading in want["headings"]:
        check(f"{seed}: heading '{heading[:40]}'", any(line.startswith(heading) for line in body.splitlines()))
    long_lines = [l for l in body.splitlines() if l and not l.startswith(("#", "-")) and len(l) < 40 and not l.endswith((".", ":", ";"))]
    check(f"{seed}: hard line wraps joined", len(long_lines) <= 3, long_lines[:5])
    # The ward's website is part of a sentence; the page-break URLs are not.
    check(f"{seed}: no stray URL", "http" not in body.replace("http://truongthitpthanhhoa.gov.vn", ""), "")

with tempfile.TemporaryDirectory() as tmp:
    site = pathlib.Path(tmp) / "site"
    shutil.copytree(repo / "tests/errors/base", site)
    shutil.copytree(repo / "themes/default", site / "themes/default")
    out = subprocess.run([binary, "import", str(here / "004_c44f0d63a01b8516.txt"), "--source", str(site),
                          "--locality", "an-binh", "--slug", "2023-phu-tien", "--kind", "thematic"],
                         capture_output=True, text=True)
    written = site / "content/localities/an-binh/reports/2023-phu-tien.vi.md"
    check("import --locality writes the skeleton", out.returncode == 0 and written.exists(), out.stderr)
    again = subprocess.run([binary, "import", str(here / "004_c44f0d63a01b8516.txt"), "--source", str(site),
                            "--locality", "an-binh", "--slug", "2023-phu-tien"], capture_output=True, text=True)
    check("import never overwrites", again.returncode == 1 and "already exists" in again.stderr, again.stderr)
    build = subprocess.run([binary, "check", "--source", str(site)], capture_output=True, text=True)
    errors = [l for l in build.stderr.splitlines() if ": error:" in l]
    # The skeleton's cited documents and text are real; only a period the text does not state could fail.
    check("the written skeleton passes check", not errors, "\n".join(errors[:5]))

print(f"{len(problems)} problems")
sys.exit(1 if problems else 0)
