"""The working view's calendar as a PNG picture, for Word, which cannot draw Mermaid.

Drawn with Pillow and the DejaVu Sans subset shipped in ``qnc/fonts`` (Pillow's own
font has no accented letters). Same timeline, same Pillow: same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta
from importlib import resources

from PIL import Image, ImageDraw, ImageFont

from qnc.i18n import Msg, Translator, t
from qnc.render.plan.timeline import Bar, BarState, Milestone, Timeline
from qnc.rules.words import short_step_label

WIDTH = 1800  # px; shown 17 cm wide in Word, so 28 px text prints at about 8 pt
DPI = 270
LABELS = 640  # px for the row labels on the left
ROW = 50
PAD = 24
YEAR = 32  # px for the row of years above the months
COLOURS = {
    BarState.DONE: (46, 139, 87),
    BarState.DONE_LATE: (214, 140, 0),
    BarState.OPEN: (52, 101, 164),
    BarState.OVERDUE: (196, 40, 40),
}
GRID, INK, MUTED = (215, 215, 215), (30, 30, 30), (110, 110, 110)
Font = ImageFont.FreeTypeFont


def _font(size: int, *, bold: bool = False) -> Font:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    data = resources.files("qnc").joinpath("fonts", name).read_bytes()
    # BASIC layout: the same pixels whether or not this Pillow build has libraqm.
    return ImageFont.truetype(io.BytesIO(data), size, layout_engine=ImageFont.Layout.BASIC)


def timeline_png(timeline: Timeline, tr: Translator) -> bytes:
    text, bold, small = _font(28), _font(28, bold=True), _font(25)
    rows = sum(1 + sum(1 for b in timeline.bars if b.nc_id == g) for g in timeline.groups)
    top = PAD + ROW + YEAR  # the axis: years, then months
    bottom = top + rows * ROW
    legend = _legend_layout(tr, timeline, small)
    height = bottom + PAD + (max(row for *_, row in legend) + 1) * ROW + PAD
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    first, last = _span(timeline)
    left, right = LABELS, WIDTH - PAD
    scale = (right - left) / max(1, (last - first).days)

    def x(day: date) -> float:
        return left + (day - first).days * scale

    _axis(draw, tr, first, last, x, top, bottom, small)
    y = top
    for nc_id in timeline.groups:
        draw.text((PAD, y + ROW / 2), nc_id, font=bold, fill=INK, anchor="lm")
        stones = sorted((m for m in timeline.milestones if m.nc_id == nc_id), key=lambda m: m.day)
        _milestones(draw, tr, stones, x, y, small)
        y += ROW
        for bar in (b for b in timeline.bars if b.nc_id == nc_id):
            label = _fit(f"{bar.action_id} {bar.description}".strip(), text, LABELS - 2 * PAD - 16)
            draw.text((PAD + 16, y + ROW / 2), label, font=text, fill=INK, anchor="lm")
            _bar(draw, bar, x, y, timeline.today)
            y += ROW
    _dashed(draw, x(timeline.today), top - 8, bottom)
    _legend(draw, legend, bottom + PAD, small)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI), optimize=True)
    return out.getvalue()


def _span(timeline: Timeline) -> tuple[date, date]:
    days = [timeline.today, timeline.notified, *(m.day for m in timeline.milestones)]
    for bar in timeline.bars:
        days += [bar.start, bar.end, bar.due]
    first, last = min(days).replace(day=1), max(days)  # the axis starts on a month
    return first, last + timedelta(days=max(7, (last - first).days // 12))


def _axis(draw: ImageDraw.ImageDraw, tr: Translator, first: date, last: date,
          x: Callable[[date], float], top: int, bottom: int, font: Font) -> None:  # fmt: skip
    month = first
    while month <= last:
        following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
        draw.line([(x(month), top - 4), (x(month), bottom)], fill=GRID, width=2)
        if month.month == 1 or month == first:
            draw.text((x(month) + 6, top - 10 - YEAR), str(month.year), font=font, fill=INK,
                      anchor="lb")  # fmt: skip
        room = min(x(following), WIDTH - PAD) - x(month) - 10
        name = tr.month(month.month)
        # A narrow month: its name cut short, else its number, else nothing.
        for label in (name, name[:3] + ".", f"{month.month:02d}"):
            if draw.textlength(label, font=font) <= room:
                draw.text((x(month) + 6, top - 10), label, font=font, fill=MUTED, anchor="lb")
                break
        month = following


def _milestones(draw: ImageDraw.ImageDraw, tr: Translator, stones: list[Milestone],
                x: Callable[[date], float], y: int, font: Font) -> None:  # fmt: skip
    for index, stone in enumerate(stones):
        cx, cy = x(stone.day), y + ROW / 2
        _diamond(draw, cx, cy, stone.missed)
        label = tr(short_step_label(stone.kind))
        # Right of the mark, unless it would run into the next mark or out of the
        # picture: then left of it.
        limit = x(stones[index + 1].day) - 16 if index + 1 < len(stones) else WIDTH - PAD
        fits = cx + 14 + draw.textlength(label, font=font) <= limit
        colour = COLOURS[BarState.OVERDUE] if stone.missed else INK
        draw.text((cx + 14 if fits else cx - 14, cy), label, font=font, fill=colour,
                  anchor="lm" if fits else "rm")  # fmt: skip


def _bar(draw: ImageDraw.ImageDraw, bar: Bar, x: Callable[[date], float], y: int,
         today: date) -> None:  # fmt: skip
    colour = COLOURS[bar.state]
    end = max(bar.end, today) if bar.state is BarState.OVERDUE else bar.end  # late until now
    x0, x1 = x(bar.start), max(x(end), x(bar.start) + 6)
    box = (x0, y + 11, x1, y + ROW - 11)
    if bar.start_known:
        draw.rounded_rectangle(box, radius=5, fill=colour)
    else:  # start not given: drawn from the notification, hollow, said in the legend
        draw.rounded_rectangle(box, radius=5, fill=_light(colour), outline=colour, width=3)
    due = x(bar.due)
    draw.line([(due, y + 4), (due, y + ROW - 4)], fill=INK, width=3)


def _diamond(draw: ImageDraw.ImageDraw, cx: float, cy: float, missed: bool) -> None:
    r = 12
    fill = COLOURS[BarState.OVERDUE] if missed else INK
    draw.polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill=fill)


def _dashed(draw: ImageDraw.ImageDraw, px: float, top: float, bottom: float) -> None:
    y = top
    while y < bottom:
        draw.line([(px, y), (px, min(y + 10, bottom))], fill=COLOURS[BarState.OVERDUE], width=2)
        y += 18


_LEGEND: tuple[tuple[str, Msg], ...] = (
    ("done", t("done")),
    ("done_late", t("done after its due date")),
    ("open", t("to do")),
    ("overdue", t("late")),
    ("unknown", t("start not given: from the notification")),
    ("due", t("action due date")),
    ("milestone", t("regulatory due date")),
)


def _legend_layout(tr: Translator, timeline: Timeline,
                   font: Font) -> list[tuple[str, str, float, int]]:  # fmt: skip
    """Each entry of the legend with its label, left edge and row, filling rows in turn."""
    items = [*_LEGEND, ("today", t("situation on {day}", day=timeline.today))]
    placed: list[tuple[str, str, float, int]] = []
    px, row = float(PAD), 0
    for key, words in items:
        label = tr(words)
        width = 44 + 12 + font.getlength(label) + 36
        if px + width > WIDTH - PAD and px > PAD:
            px, row = float(PAD), row + 1
        placed.append((key, label, px, row))
        px += width
    return placed


def _legend(draw: ImageDraw.ImageDraw, legend: list[tuple[str, str, float, int]], y: float,
            font: Font) -> None:  # fmt: skip
    for key, label, px, row in legend:
        cy = y + row * ROW + ROW / 2
        swatch = (px, cy - 12, px + 44, cy + 12)
        if key in ("done", "done_late", "open", "overdue"):
            draw.rounded_rectangle(swatch, radius=4, fill=COLOURS[BarState(key)])
        elif key == "unknown":
            colour = COLOURS[BarState.OPEN]
            draw.rounded_rectangle(swatch, radius=4, fill=_light(colour), outline=colour, width=3)
        elif key == "due":
            draw.line([(px + 20, cy - 14), (px + 20, cy + 14)], fill=INK, width=3)
        elif key == "milestone":
            _diamond(draw, px + 20, cy, False)
        else:
            _dashed(draw, px + 20, cy - 14, cy + 14)
        draw.text((px + 56, cy), label, font=font, fill=INK, anchor="lm")


def _fit(label: str, font: Font, width: int) -> str:
    if font.getlength(label) <= width:
        return label
    while label and font.getlength(label + "…") > width:
        label = label[:-1]
    return label.rstrip() + "…"


def _light(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    r, g, b = colour
    return (r + (255 - r) * 3 // 4, g + (255 - g) * 3 // 4, b + (255 - b) * 3 // 4)
