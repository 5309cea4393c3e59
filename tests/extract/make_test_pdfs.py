#!/usr/bin/env python3
"""Writes the made-up e-paper PDFs the PDF reader tests read (tests/extract/pdf_reader_test.cc).

usage: make_test_pdfs.py OUT_DIR

Needs Debian's python3-reportlab (scripts/install-deps.sh --test). The Chinese text uses
reportlab's built-in CID font STSong-Light, not embedded, as many Chinese PDFs do; poppler maps
it to Unicode with the CMaps of poppler-data. Every name, place and sentence is made up.
"""
import os
import sys

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
BODY = 10.5
WIDTH, HEIGHT = A4
MARGIN = 50
GUTTER = 24
COLUMN = (WIDTH - 2 * MARGIN - GUTTER) / 2

# One article in two columns. Lines are filled to the column's width, as a typeset page is, so
# words break across lines (开发 / 区, 石桥 / 镇) and the article runs on from the bottom of the
# left column to the top of the right one.
ARTICLE = [
    "本报讯 5月16日上午，县长周明远到石桥镇调研乡村振兴工作，县政府办公室主任林晓东陪同。",
    "周明远先后来到石桥镇柳湾村、青山经济开发区和石桥镇农产品加工园管委会，实地查看特色产业发展"
    "情况，详细了解村集体经济收入和群众增收情况。",
    "周明远强调，要坚持农业农村优先发展，不断拓宽群众增收渠道。",
    "当天下午，周明远还到县农业农村局调研，听取工作汇报。",
]


def wrap(paragraphs, width):
    """Lines of at most `width` points; each paragraph starts with a two-character indent."""
    lines = []
    for p in paragraphs:
        line = "　　"
        for ch in p:
            if pdfmetrics.stringWidth(line + ch, FONT, BODY) > width:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    return lines


def masthead(c, text):
    c.setFont(FONT, 9)
    c.drawString(MARGIN, HEIGHT - 40, text)


def column(c, lines, x, top):
    c.setFont(FONT, BODY)
    y = top
    for line in lines:
        c.drawString(x, y, line)
        y -= BODY * 1.5


def two_columns(c, lines, top):
    """Draws the rows across both columns in turn, so that the order of the drawing is not the
    order of reading (as in many typeset PDFs): only the page's geometry tells the columns apart."""
    half = (len(lines) + 1) // 2
    left, right = lines[:half], lines[half:]
    c.setFont(FONT, BODY)
    for row in range(half):
        y = top - row * BODY * 1.5
        c.drawString(MARGIN, y, left[row])
        if row < len(right):
            c.drawString(MARGIN + COLUMN + GUTTER, y, right[row])


def epaper(path):
    c = canvas.Canvas(path, pagesize=A4)
    # Page 1: masthead, a headline across both columns, the article in two columns.
    masthead(c, "青山日报　2022年5月17日　星期二　第2版")
    c.setFont(FONT, 20)
    c.drawString(MARGIN, HEIGHT - 90, "周明远到石桥镇调研乡村振兴工作")
    two_columns(c, wrap(ARTICLE, COLUMN), HEIGHT - 130)
    c.showPage()
    # Page 2: no masthead (the same issue), one article.
    c.setFont(FONT, 20)
    c.drawString(MARGIN, HEIGHT - 90, "县政府召开常务会议")
    column(c, wrap(["本报讯 5月16日下午，县长周明远主持召开县政府常务会议。"], COLUMN), MARGIN,
           HEIGHT - 130)
    c.showPage()
    # Page 3: a scanned page: a picture, no text.
    c.rect(MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN, fill=1)
    c.showPage()
    c.save()


def scan_only(path):
    c = canvas.Canvas(path, pagesize=A4)
    c.rect(MARGIN, MARGIN, 200, 300, fill=1)
    c.showPage()
    c.save()


def encrypted(path):
    c = canvas.Canvas(path, pagesize=A4, encrypt=StandardEncryption("user-secret", "owner-secret"))
    masthead(c, "青山日报　2022年5月17日　星期二")
    c.showPage()
    c.save()


def masthead_only(path):
    c = canvas.Canvas(path, pagesize=A4)
    masthead(c, "青山日报　2022年5月17日　星期二　第8版　广告")
    c.showPage()
    c.save()


def many_pages(path, pages):
    c = canvas.Canvas(path, pagesize=A4)
    for n in range(1, pages + 1):
        masthead(c, "青山日报　2022年5月17日　星期二　第%d版" % n)
        column(c, ["　　本报讯 5月16日，县长周明远到第%d村调研。" % n], MARGIN, HEIGHT - 130)
        c.showPage()
    c.save()


def main():
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    epaper(os.path.join(out, "epaper.pdf"))
    scan_only(os.path.join(out, "scan.pdf"))
    encrypted(os.path.join(out, "encrypted.pdf"))
    masthead_only(os.path.join(out, "masthead_only.pdf"))
    many_pages(os.path.join(out, "issue_500_pages.pdf"), 500)
    with open(os.path.join(out, "epaper.pdf"), "rb") as f:
        whole = f.read()
    with open(os.path.join(out, "broken.pdf"), "wb") as f:
        f.write(whole[: len(whole) // 3])  # cut short, as an interrupted download
    with open(os.path.join(out, "not_a_pdf.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\nthis is not a PDF at all\n")


if __name__ == "__main__":
    main()
